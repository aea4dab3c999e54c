import { UploadOutlined } from '@ant-design/icons';
import { Button, Checkbox, Form, Radio, Select, Typography, Upload } from 'antd';
import { useState } from 'react';
import type { ImportMode } from '../../api/datasets';
import { useI18n } from '../../i18n';
import { DepartmentSelect } from './department-select';
import { useDatasets } from './use-datasets';

export interface ImportChoice {
  datasetType: string;
  department?: string;
  mode: ImportMode;
  force: boolean;
  file: File;
}

type Values = Omit<ImportChoice, 'file'>;

const ACCEPT = '.csv,.xlsx,.json,.jsonl,text/csv,application/json';

/** First step of an import: what the file is, who sent it, how it lands, and the file itself. */
export function ImportForm({
  busy,
  initial,
  onSubmit,
}: {
  busy: boolean;
  /** The previous choice, when the user comes back from the mapping step. */
  initial?: ImportChoice;
  onSubmit: (choice: ImportChoice) => void;
}) {
  const { t, lang } = useI18n();
  const datasets = useDatasets();
  const [form] = Form.useForm<Values>();
  const [file, setFile] = useState<File | null>(initial?.file ?? null);
  const [fileMissing, setFileMissing] = useState(false);

  const submit = (values: Values) => {
    if (!file) return setFileMissing(true);
    onSubmit({ ...values, file });
  };

  return (
    <Form<Values>
      name="dataset-import"
      form={form}
      layout="vertical"
      initialValues={initial ?? { mode: 'append', force: false }}
      onFinish={submit}
      style={{ maxWidth: 640 }}
      disabled={busy}
    >
      <Form.Item
        name="datasetType"
        label={t('datasets.import.datasetType')}
        rules={[{ required: true, message: t('common.required', { field: t('datasets.import.datasetType') }) }]}
      >
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          loading={datasets.isFetching}
          data-testid="dataset-type-select"
          options={(datasets.data ?? []).map((d) => ({ value: d.key, label: `${d.name[lang]} (${d.key})` }))}
        />
      </Form.Item>
      <Form.Item name="department" label={t('datasets.import.department')} extra={t('datasets.import.departmentHint')}>
        <DepartmentSelect />
      </Form.Item>
      <Form.Item name="mode" label={t('datasets.import.mode')} extra={t('datasets.import.modeHint')}>
        <Radio.Group
          options={[
            { value: 'append', label: t('datasets.mode.append') },
            { value: 'replace', label: t('datasets.mode.replace') },
          ]}
        />
      </Form.Item>
      <Form.Item name="force" valuePropName="checked" extra={t('datasets.import.forceHint')}>
        <Checkbox>{t('datasets.import.force')}</Checkbox>
      </Form.Item>
      <Form.Item
        label={t('datasets.import.file')}
        required
        validateStatus={fileMissing ? 'error' : undefined}
        help={fileMissing ? t('common.required', { field: t('datasets.import.file') }) : t('datasets.import.fileHint')}
      >
        <Upload
          accept={ACCEPT}
          maxCount={1}
          beforeUpload={(picked) => {
            setFile(picked);
            setFileMissing(false);
            return false;
          }}
          onRemove={() => setFile(null)}
          fileList={file ? [{ uid: 'file', name: file.name, status: 'done', size: file.size }] : []}
        >
          <Button icon={<UploadOutlined />} data-testid="pick-file">
            {t('datasets.import.pickFile')}
          </Button>
        </Upload>
      </Form.Item>
      <Typography.Paragraph type="secondary">{t('datasets.import.previewHint')}</Typography.Paragraph>
      <Button type="primary" htmlType="submit" loading={busy} data-testid="preview-submit">
        {t('datasets.import.preview')}
      </Button>
    </Form>
  );
}
