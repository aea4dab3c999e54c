import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Flex, Tag, Tooltip, Typography } from 'antd';
import type { DatasetDetail, ImportPreview, MappingFile, ValueMappings } from '../../api/datasets';
import { useI18n } from '../../i18n';
import { type MappingChoice, duplicatedFields, missingRequired } from './mapping';
import { MappingTable } from './mapping-table';
import { ColumnAccountingPanel } from './column-accounting-panel';
import { withChoice } from './column-accounting';
import { PreviewRows } from './preview-rows';
import { toMappingFile } from './value-mapping';
import { ValueMappingPanel } from './value-mapping-panel';

interface Props {
  fileName: string;
  preview: ImportPreview;
  dataset: DatasetDetail;
  choice: MappingChoice;
  onChange: (choice: MappingChoice) => void;
  /** The person's value mappings (字典映射), sent with the import. */
  values: ValueMappings;
  onValuesChange: (values: ValueMappings) => void;
  /** True while the preview is read again for a newly mapped coded column. */
  checking: boolean;
  busy: boolean;
  onImport: () => void;
  onBack: () => void;
}

/** Saves the mapping file (column and value mappings) as JSON, the form `qingfeng import --mapping` reads. */
function downloadMappingFile(dataset: string, file: MappingFile): void {
  const blob = new Blob([`${JSON.stringify(file, null, 2)}\n`], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = `${dataset}-mapping.json`;
  link.click();
  URL.revokeObjectURL(url);
}

/**
 * Second step of an import: the columns of the file against the dataset's fields, and the
 * values of its coded fields against their codes. Required fields no column feeds are listed
 * in red and keep the import button disabled.
 */
export function MappingStep(props: Props) {
  const { fileName, preview, dataset, choice, onChange, values, onValuesChange, checking, busy, onImport, onBack } =
    props;
  const { t, lang } = useI18n();
  const missing = missingRequired(dataset.fields, choice);
  const hasDuplicates = duplicatedFields(choice).size > 0;

  return (
    <Flex vertical gap={16}>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 4 }}
        items={[
          { key: 'file', label: t('datasets.batch.fileName'), children: fileName },
          { key: 'dataset', label: t('datasets.import.datasetType'), children: dataset.name[lang] },
          { key: 'format', label: t('datasets.mapping.format'), children: preview.format.toUpperCase() },
          { key: 'encoding', label: t('datasets.mapping.encoding'), children: preview.encoding ?? '—' },
        ]}
      />
      {missing.length > 0 ? (
        <Alert
          type="error"
          showIcon
          data-testid="missing-required"
          title={t('datasets.mapping.missingRequired', { count: missing.length })}
          description={
            <Flex wrap gap={4}>
              {missing.map((field) => (
                <Tag key={field.key} color="red">
                  {field.label[lang]} ({field.key})
                </Tag>
              ))}
            </Flex>
          }
        />
      ) : (
        <Alert type="success" showIcon title={t('datasets.mapping.allRequired')} data-testid="mapping-complete" />
      )}
      {hasDuplicates && <Alert type="warning" showIcon title={t('datasets.mapping.duplicateHint')} />}
      <MappingTable
        preview={preview}
        fields={dataset.fields}
        choice={choice}
        suggested={preview.suggestedMapping}
        onChange={(header, field) => onChange({ ...choice, [header]: field })}
      />
      <ColumnAccountingPanel
        accounting={withChoice(preview.columns, choice)}
        onMap={(header, field) => onChange({ ...choice, [header]: field })}
      />
      <ValueMappingPanel
        unknownValues={preview.columns.unknownValues}
        fields={dataset.fields}
        rowsScanned={preview.rowsScanned}
        values={values}
        onChange={onValuesChange}
        checking={checking}
      />
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('datasets.mapping.firstRows', { count: preview.rows.length })}
      </Typography.Title>
      <PreviewRows preview={preview} choice={choice} />
      <Flex gap={8}>
        <Button onClick={onBack} disabled={busy}>
          {t('datasets.import.back')}
        </Button>
        <Button
          type="primary"
          onClick={onImport}
          loading={busy}
          disabled={missing.length > 0 || hasDuplicates}
          data-testid="import-submit"
        >
          {t('datasets.import.submit')}
        </Button>
        <Tooltip title={t('values.downloadHint')}>
          <Button
            icon={<DownloadOutlined />}
            onClick={() => downloadMappingFile(dataset.key, toMappingFile(choice, values))}
            data-testid="download-mapping"
          >
            {t('values.download')}
          </Button>
        </Tooltip>
      </Flex>
    </Flex>
  );
}
