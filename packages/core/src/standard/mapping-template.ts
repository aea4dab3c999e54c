import type { DatasetType } from './catalogue-types.js';
import type { FieldType } from './field-types.js';
import { matchHeaders, type UserMapping } from './header-match.js';
import type { LocalisedText } from './result.js';

/** One line of a mapping template: a field and the file column the user says feeds it. */
export interface MappingTemplateRow {
  readonly field: string;
  readonly label: LocalisedText;
  readonly type: FieldType;
  readonly required: boolean;
  /** Pre-filled with the automatic match; blank for the user to fill in. */
  readonly header: string | null;
}

/** A mapping the user completes when automatic matching cannot find every required column. */
export interface MappingTemplate {
  readonly dataset: string;
  readonly datasetName: LocalisedText;
  readonly rows: readonly MappingTemplateRow[];
  /** Every column found in the file, to choose from. */
  readonly availableHeaders: readonly string[];
  readonly unmatchedColumns: readonly string[];
}

/**
 * Builds a mapping template for a file: one row per field of the dataset, pre-filled with
 * the columns matched automatically, so the user only fills the gaps.
 */
export function mappingTemplate(dataset: DatasetType, headers: readonly string[]): MappingTemplate {
  const match = matchHeaders(dataset, headers);
  const headerByField = new Map(match.columns.filter((c) => c.field !== null).map((c) => [c.field, c.header]));
  return {
    dataset: dataset.key,
    datasetName: dataset.name,
    rows: dataset.fields.map((f) => ({
      field: f.key,
      label: f.label,
      type: f.type,
      required: f.required,
      header: headerByField.get(f.key) ?? null,
    })),
    availableHeaders: [...headers],
    unmatchedColumns: match.unmatchedColumns,
  };
}

/** The user mapping (field → header) a filled-in template describes, for `matchHeaders`. */
export function userMappingFromTemplate(rows: readonly Pick<MappingTemplateRow, 'field' | 'header'>[]): UserMapping {
  const mapping: Record<string, string> = {};
  for (const row of rows) if (row.header !== null && row.header.trim() !== '') mapping[row.field] = row.header;
  return mapping;
}

function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * Renders a template as CSV a user can open in Excel and fill in: the last column is the
 * file's column name. A BOM is prepended because Excel otherwise reads UTF-8 CSV as GBK.
 */
export function mappingTemplateToCsv(template: MappingTemplate): string {
  const lines = [['字段 field', '中文名', '类型 type', '必填 required', '文件中的列 column in file']];
  for (const row of template.rows) {
    lines.push([row.field, row.label.zh, row.type, row.required ? '是' : '否', row.header ?? '']);
  }
  lines.push([], ['文件中的列 columns found', ...template.availableHeaders]);
  return `\ufeff${lines.map((cells) => cells.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
