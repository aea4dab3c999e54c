import { RollbackOutlined } from '@ant-design/icons';
import { Alert, Button, Col, Descriptions, Flex, Row, Statistic } from 'antd';
import { useState } from 'react';
import type { Batch } from '../../api/datasets';
import { useI18n } from '../../i18n';
import { useCan } from '../auth/use-me';
import { ApprovedDownload } from '../approvals/approved-download';
import { BatchStatusTag } from './batch-status-tag';
import { useDepartmentName } from './department-select';
import { useDateTime } from './localised';
import { RollbackModal } from './rollback-modal';
import { useDatasets } from './use-datasets';

/**
 * The outcome of one import: rows read, loaded and rejected, cells kept without value, the report to
 * download, and — for those who manage datasets — rollback.
 */
export function BatchSummary({ batch }: { batch: Batch }) {
  const { t, lang } = useI18n();
  const can = useCan();
  const formatTime = useDateTime();
  const datasets = useDatasets();
  const departmentName = useDepartmentName();
  const [rollingBack, setRollingBack] = useState(false);
  const name = datasets.data?.find((d) => d.key === batch.datasetType)?.name[lang] ?? batch.datasetType;
  const canRollBack = can('dataset.manage') && batch.status === 'loaded' && batch.replacedBy === null;

  return (
    <Flex vertical gap={16} data-testid="batch-summary">
      <Row gutter={16}>
        <Col xs={6}>
          <Statistic title={t('datasets.batch.rowsRead')} value={batch.rowsRead} data-testid="rows-read" />
        </Col>
        <Col xs={6}>
          <Statistic title={t('datasets.batch.rowsLoaded')} value={batch.rowsLoaded} data-testid="rows-loaded" />
        </Col>
        <Col xs={6}>
          <Statistic
            title={t('datasets.batch.rowsRejected')}
            value={batch.rowsRejected}
            styles={{ content: batch.rowsRejected > 0 ? { color: '#cf1322' } : undefined }}
            data-testid="rows-rejected"
          />
        </Col>
        <Col xs={6}>
          <Statistic
            title={t('values.cellsKept')}
            value={batch.cellsKept}
            styles={{ content: batch.cellsKept > 0 ? { color: '#d46b08' } : undefined }}
            data-testid="cells-kept"
          />
        </Col>
      </Row>
      {batch.error && <Alert type="error" showIcon title={batch.error} />}
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'id', label: t('datasets.batch.id'), children: batch.id },
          { key: 'status', label: t('datasets.batch.status'), children: <BatchStatusTag status={batch.status} /> },
          { key: 'dataset', label: t('datasets.import.datasetType'), children: `${name} (${batch.datasetType})` },
          { key: 'file', label: t('datasets.batch.fileName'), children: batch.fileName },
          { key: 'department', label: t('datasets.import.department'), children: departmentName(batch.departmentCode) },
          {
            key: 'mode',
            label: t('datasets.import.mode'),
            children: `${t(`datasets.mode.${batch.mode}`)}${batch.forced ? ` · ${t('datasets.batch.forced')}` : ''}`,
          },
          { key: 'created', label: t('datasets.batch.createdAt'), children: formatTime(batch.createdAt) },
          { key: 'finished', label: t('datasets.batch.finishedAt'), children: formatTime(batch.finishedAt) },
          { key: 'hash', label: t('datasets.batch.hash'), children: <code>{batch.contentHash}</code>, span: 'filled' },
        ]}
      />
      <Flex gap={8} wrap>
        {batch.rejectedReportUrl && can('dataset.import') && (
          // The values leave whole: the four-eyes policy may ask for a second person's approval.
          <ApprovedDownload
            url={batch.rejectedReportUrl}
            fileName={`batch-${batch.id}-rejected.csv`}
            kind="rejected_download"
            query={String(batch.id)}
            testId="rejected-report"
          >
            {t('datasets.batch.downloadReport')}
          </ApprovedDownload>
        )}
        {canRollBack && (
          <Button danger icon={<RollbackOutlined />} onClick={() => setRollingBack(true)} data-testid="rollback">
            {t('datasets.rollback.open')}
          </Button>
        )}
      </Flex>
      <RollbackModal batch={batch} open={rollingBack} onClose={() => setRollingBack(false)} />
    </Flex>
  );
}
