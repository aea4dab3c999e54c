import { Alert, Button, Descriptions, Flex, Tag, Typography } from 'antd';
import type { DatasetDetail, ImportPreview } from '../../api/datasets';
import { useI18n } from '../../i18n';
import { type MappingChoice, duplicatedFields, missingRequired } from './mapping';
import { MappingTable } from './mapping-table';
import { ColumnAccountingPanel } from './column-accounting-panel';
import { withChoice } from './column-accounting';
import { PreviewRows } from './preview-rows';

interface Props {
  fileName: string;
  preview: ImportPreview;
  dataset: DatasetDetail;
  choice: MappingChoice;
  onChange: (choice: MappingChoice) => void;
  busy: boolean;
  onImport: () => void;
  onBack: () => void;
}

/**
 * Second step of an import: the columns of the file against the dataset's fields. Required
 * fields no column feeds are listed in red and keep the import button disabled.
 */
export function MappingStep({ fileName, preview, dataset, choice, onChange, busy, onImport, onBack }: Props) {
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
      </Flex>
    </Flex>
  );
}
