import { Alert, Button, Form, Input, Space, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { downloadFile } from '../../api/client';
import type { CaseDetail, CaseEvidence } from '../../api/cases';
import { useI18n } from '../../i18n';
import { errorText } from '../../shared/error-text';
import { useDateTime } from '../datasets/localised';
import { useUploadEvidence } from './use-cases';

/** Uploads one file with its title; the server hashes it and the core decides whether it may go in. */
function EvidenceUpload({ caseId }: { caseId: number }) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<{ title: string }>();
  const [file, setFile] = useState<File>();
  const [problem, setProblem] = useState<string>();
  const upload = useUploadEvidence(caseId);
  const submit = ({ title }: { title: string }) => {
    if (!file) return;
    setProblem(undefined);
    upload.mutate(
      { file, title, onProgress: () => undefined },
      {
        onSuccess: () => (form.resetFields(), setFile(undefined)),
        onError: (error) => {
          const reason = (error as { body?: { reason?: { zh: string; en: string } } }).body?.reason;
          setProblem(reason ? reason[lang] : errorText(t, error));
        },
      },
    );
  };
  return (
    <Form
      form={form}
      layout="inline"
      onFinish={submit}
      style={{ rowGap: 8, marginBottom: 12 }}
      data-testid="evidence-form"
    >
      <Form.Item name="title" rules={[{ required: true, whitespace: true, max: 500 }]}>
        <Input placeholder={t('cases.evidence.title')} data-testid="evidence-title" style={{ width: 220 }} />
      </Form.Item>
      <Form.Item>
        <Upload
          maxCount={1}
          beforeUpload={(f) => (setFile(f), false)}
          onRemove={() => setFile(undefined)}
          fileList={file ? [{ uid: '1', name: file.name }] : []}
        >
          <Button data-testid="evidence-file">{t('cases.evidence.file')}</Button>
        </Upload>
      </Form.Item>
      <Button
        type="primary"
        htmlType="submit"
        disabled={!file}
        loading={upload.isPending}
        data-testid="evidence-submit"
      >
        {t('cases.evidence.add')}
      </Button>
      {problem && <Alert type="error" showIcon title={problem} style={{ width: '100%' }} />}
    </Form>
  );
}

/** The evidence of a case with the hash taken when each arrived; superseded items stay, marked. */
export function CaseEvidenceTab({ c }: { c: CaseDetail }) {
  const { t } = useI18n();
  const formatTime = useDateTime();
  return (
    <>
      {c.allowedActions.some((a) => a.action === 'add_evidence') && <EvidenceUpload caseId={c.id} />}
      <Table<CaseEvidence>
        rowKey="id"
        size="small"
        pagination={false}
        scroll={{ x: 760 }}
        dataSource={c.evidence}
        data-testid="evidence-table"
        locale={{ emptyText: t('cases.evidence.none') }}
        columns={[
          {
            title: t('cases.evidence.title'),
            key: 'title',
            render: (_, e) => (
              <Space wrap>
                <span>
                  #{e.id} {e.title}
                </span>
                {e.supersededBy !== null && <Tag>{t('cases.evidence.superseded', { id: e.supersededBy })}</Tag>}
              </Space>
            ),
          },
          {
            title: t('cases.evidence.hash'),
            key: 'hash',
            width: 260,
            render: (_, e) => (
              <Typography.Text code style={{ overflowWrap: 'anywhere' }} data-testid="evidence-hash">
                {e.hashName === 'sm3' ? 'SM3' : 'SHA-256'} {e.hash}
              </Typography.Text>
            ),
          },
          {
            title: t('cases.evidence.size'),
            dataIndex: 'size',
            width: 100,
            render: (n: number) => `${(n / 1024).toFixed(1)} KB`,
          },
          {
            title: t('cases.evidence.addedBy'),
            key: 'by',
            width: 160,
            render: (_, e) => `${e.addedByName} · ${formatTime(e.addedAt)}`,
          },
          {
            title: '',
            key: 'download',
            width: 80,
            render: (_, e) => (
              <Button
                size="small"
                type="link"
                onClick={() => void downloadFile(`/api/v1/cases/${c.id}/evidence/${e.id}`, e.fileName)}
              >
                {t('cases.evidence.download')}
              </Button>
            ),
          },
        ]}
      />
    </>
  );
}
