import { Alert, Breadcrumb, Button, Card, Descriptions, Flex, Result, Space, Spin, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { Severity } from '../../api/models';
import type { Warning, WarningStatus, WarningSummary } from '../../api/warnings';
import { useI18n } from '../../i18n';
import { errorText } from '../../shared/error-text';
import { PlaceName } from '../../shared/place-name';
import { ReasonModal } from '../datasets/reason-modal';
import { SeverityTag } from '../models/severity-tag';
import { useModelNames } from '../models/use-models';
import { RetiredTag } from '../warnings/retired-tag';
import { WarningStatusTag } from '../warnings/status-tag';
import { usePerson } from './use-people';

function periodOf(s: WarningSummary): string {
  if (s.periodFrom === null) return '—';
  return s.periodFrom === s.periodTo ? s.periodFrom : `${s.periodFrom} – ${s.periodTo ?? ''}`;
}

/**
 * One person and every warning naming them in the viewer's jurisdiction, across models.
 * The identity number is masked until a reason is given (the server audits both reads);
 * no birth date stands beside the mask, as the warnings' texts come masked too.
 */
export function PersonPage() {
  const subjectKey = useParams().subjectKey ?? '';
  const { t, lang } = useI18n();
  const nameOf = useModelNames();
  const [reason, setReason] = useState<string>();
  const [asking, setAsking] = useState(false);
  const person = usePerson(subjectKey, reason);
  const money = new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', { style: 'currency', currency: 'CNY' });
  if (person.isPending) return <Spin />;
  if (person.error) return <Result status="warning" title={errorText(t, person.error)} />;
  const p = person.data;

  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[{ title: <Link to="/warnings">{t('warnings.title')}</Link> }, { title: t('people.title') }]}
      />
      <Typography.Title level={3} style={{ marginTop: 0 }} data-testid="person-name">
        {p.name ?? t('people.unnamed')}
      </Typography.Title>
      <Flex vertical gap={16}>
        <Card
          title={t('people.title')}
          extra={
            p.masked ? (
              <Button size="small" onClick={() => setAsking(true)} data-testid="person-reveal">
                {t('people.reveal')}
              </Button>
            ) : null
          }
        >
          <Descriptions size="small" column={{ xs: 1, md: 2 }}>
            <Descriptions.Item label={t('people.name')}>{p.name ?? t('people.unnamed')}</Descriptions.Item>
            <Descriptions.Item label={t('people.idNumber')}>
              <Typography.Text code data-testid="person-id-number">
                {p.idNumber}
              </Typography.Text>
            </Descriptions.Item>
          </Descriptions>
          {p.masked && <Alert type="info" showIcon title={t('people.maskedHint')} style={{ marginTop: 8 }} />}
        </Card>
        <Card
          title={t('people.warnings')}
          extra={
            p.total > p.warnings.length ? (
              <Typography.Text type="secondary">
                {t('people.shown', { shown: p.warnings.length, total: p.total })}
              </Typography.Text>
            ) : null
          }
        >
          <Table<Warning>
            rowKey="id"
            size="small"
            dataSource={p.warnings}
            pagination={false}
            data-testid="person-warnings"
            locale={{ emptyText: t('people.noWarnings') }}
            // Fits the 964 px a 1,280 px window leaves beside the menu; narrower, it scrolls inside.
            scroll={{ x: 900 }}
            columns={[
              {
                title: t('warnings.model'),
                dataIndex: 'modelId',
                width: 220,
                render: (id: string) => `${id} ${nameOf(id)?.[lang] ?? ''}`,
              },
              {
                title: t('models.severity'),
                dataIndex: 'severity',
                width: 80,
                render: (s: Severity) => <SeverityTag severity={s} />,
              },
              {
                title: t('warnings.statusLabel'),
                dataIndex: 'status',
                width: 130,
                render: (s: WarningStatus, w) => (
                  <Space size={4} wrap>
                    <WarningStatusTag status={s} />
                    <RetiredTag reason={w.retiredReason} />
                  </Space>
                ),
              },
              { title: t('people.period'), key: 'period', width: 170, render: (_, w) => periodOf(w.summary) },
              {
                title: t('people.amount'),
                key: 'amount',
                width: 120,
                render: (_, w) => (w.summary.amountTotal === null ? '—' : money.format(w.summary.amountTotal)),
              },
              {
                title: t('warnings.division'),
                dataIndex: 'divisionCode',
                width: 100,
                render: (code: string | null, w) => <PlaceName code={code} name={w.divisionName} />,
              },
              {
                title: t('common.actions'),
                key: 'open',
                width: 90,
                render: (_, w) => (
                  <Link to={`/warnings/${w.id}`} data-testid="person-warning-link">
                    {t('people.open')} #{w.id}
                  </Link>
                ),
              },
            ]}
          />
        </Card>
      </Flex>
      <ReasonModal
        open={asking}
        onCancel={() => setAsking(false)}
        onConfirm={(why) => (setReason(why), setAsking(false))}
      />
    </>
  );
}
