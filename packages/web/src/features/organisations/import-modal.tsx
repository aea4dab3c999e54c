import { InboxOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Flex, Modal, Progress, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../api/client';
import { type ImportProblem, type ImportReport, importDivisions, importOrganisations } from '../../api/organisations';
import { useT } from '../../i18n';
import { errorText } from '../../shared/error-text';
import { ORGANISATIONS_KEY } from './use-organisations';

type Target = 'organisations' | 'divisions';

interface State {
  percent: number | null;
  report: ImportReport | null;
  problems: ImportProblem[];
  error: string | null;
}

const IDLE: State = { percent: null, report: null, problems: [], error: null };

/** Uploads a CSV with a progress bar, then shows the result or the rows that were refused. */
export function ImportModal({ target, onClose }: { target: Target | null; onClose: () => void }) {
  const t = useT();
  const client = useQueryClient();
  const [state, setState] = useState<State>(IDLE);
  const uploading = state.percent !== null && !state.report && !state.error;

  const upload = async (file: File) => {
    setState({ ...IDLE, percent: 0 });
    const onProgress = (percent: number) => setState((s) => ({ ...s, percent }));
    try {
      const report = await (target === 'divisions' ? importDivisions : importOrganisations)(file, onProgress);
      setState((s) => ({ ...s, report }));
      await client.invalidateQueries({ queryKey: ORGANISATIONS_KEY });
    } catch (error) {
      const problems =
        error instanceof ApiError && Array.isArray(error.body.problems) ? (error.body.problems as ImportProblem[]) : [];
      setState((s) => ({ ...s, problems, error: errorText(t, error) }));
    }
  };

  const close = () => {
    if (uploading) return;
    setState(IDLE);
    onClose();
  };

  return (
    <Modal
      open={target !== null}
      title={target === 'divisions' ? t('org.importDivisions') : t('org.import')}
      onCancel={close}
      footer={null}
      width={720}
      destroyOnHidden
    >
      <Flex vertical gap={16}>
        <Upload.Dragger
          accept=".csv,text/csv"
          multiple={false}
          showUploadList={false}
          disabled={uploading}
          beforeUpload={(file) => {
            void upload(file);
            return false;
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{t('import.pick')}</p>
          <p className="ant-upload-hint">{t('import.hint')}</p>
        </Upload.Dragger>
        {state.percent !== null && (
          <Progress
            percent={state.percent}
            status={state.error ? 'exception' : state.report ? 'success' : 'active'}
            data-testid="upload-progress"
          />
        )}
        {state.report && (
          <Alert
            type="success"
            showIcon
            title={t('import.done', { created: state.report.inserted, updated: state.report.updated })}
            description={t('import.rows', { rows: state.report.rows, encoding: state.report.encoding })}
          />
        )}
        {state.error && <Alert type="error" showIcon title={state.error} />}
        {state.problems.length > 0 && (
          <>
            <Typography.Text strong>{t('import.errors', { count: state.problems.length })}</Typography.Text>
            <Table<ImportProblem>
              size="small"
              rowKey={(p) => `${p.row}:${p.column}`}
              dataSource={state.problems}
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              scroll={{ x: true }}
              columns={[
                { title: t('import.row'), dataIndex: 'row', width: 70 },
                { title: t('import.column'), dataIndex: 'column' },
                { title: t('import.value'), dataIndex: 'value' },
                { title: t('import.message'), dataIndex: 'reason' },
              ]}
            />
          </>
        )}
      </Flex>
    </Modal>
  );
}
