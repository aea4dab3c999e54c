import type { DatasetType, FieldDef, FieldType } from '@qingfeng/core';
import type { LakeColumn, LakeColumnType, LakeTableDef } from '../../lake/index.js';

/** How a field that names a person or company is kept: by subject key, never by identifier. */
export interface SubjectFieldLayout {
  readonly key: string;
  readonly type: 'id' | 'uscc' | 'subject';
}

/**
 * Where a dataset lives in the lake and what its rows look like on the way in.
 *
 * `ds_<type>` holds one row per loaded record: `_batch_id`, `_row_no` and one column per
 * field, except that an id/uscc/subject field `f` becomes `f_sk` (the subject key), plus
 * `f_birth_date`, `f_sex`, `f_region` for identity numbers. Rows are first normalised into
 * a temporary staging table of the import's own session (`stageColumns`: the normalised
 * identifier and its kind in place of the key); SQL then adds new subjects to
 * `subject_index` and resolves the keys, so no identifier reaches `ds_<type>`.
 */
export interface DatasetLayout {
  readonly dataset: DatasetType;
  readonly table: string;
  readonly tableDef: LakeTableDef;
  /** Normalised staging columns after `_row_no`, in the order the row normaliser produces values. */
  readonly stageColumns: LakeColumn[];
  readonly subjectFields: readonly SubjectFieldLayout[];
  /** Columns of `ds_<type>` copied straight from staging (all but `_batch_id` and the keys). */
  readonly copiedColumns: readonly string[];
}

const COLUMN_TYPES: Record<Exclude<FieldType, 'id' | 'uscc' | 'subject'>, LakeColumnType> = {
  division: 'text',
  date: 'date',
  datetime: 'timestamp',
  month: 'text',
  money: 'decimal',
  bool: 'boolean',
  enum: 'text',
  phone: 'text',
  account: 'text',
  text: 'text',
  int: 'bigint',
  decimal: 'double',
  lat: 'double',
  lon: 'double',
};

/** The lake table name of a dataset type. */
export function datasetTable(type: string): string {
  return `ds_${type}`;
}

export function isSubjectField(field: FieldDef): field is FieldDef & { type: SubjectFieldLayout['type'] } {
  return field.type === 'id' || field.type === 'uscc' || field.type === 'subject';
}

function idDerivedColumns(key: string): LakeColumn[] {
  return [
    { name: `${key}_birth_date`, type: 'date' },
    // The sex an identity number gives: a closed set, stored compactly (LakeColumn.values).
    { name: `${key}_sex`, type: 'text', values: ['female', 'male'] },
    { name: `${key}_region`, type: 'text' },
  ];
}

/** Computes the lake layout of a dataset type from its catalogue entry. */
export function datasetLayout(dataset: DatasetType): DatasetLayout {
  const table = datasetTable(dataset.key);
  const dsColumns: LakeColumn[] = [
    { name: '_batch_id', type: 'integer', nullable: false },
    { name: '_row_no', type: 'integer', nullable: false },
  ];
  const stageColumns: LakeColumn[] = [{ name: '_row_no', type: 'integer', nullable: false }];
  const copied: string[] = ['_row_no'];
  const subjectFields: SubjectFieldLayout[] = [];
  for (const field of dataset.fields) {
    if (isSubjectField(field)) {
      subjectFields.push({ key: field.key, type: field.type });
      dsColumns.push({ name: `${field.key}_sk`, type: 'bigint' });
      stageColumns.push({ name: field.key, type: 'text' }, { name: `${field.key}_kind`, type: 'text' });
      if (field.type === 'id') {
        const derived = idDerivedColumns(field.key);
        dsColumns.push(...derived);
        stageColumns.push(...derived);
        copied.push(...derived.map((c) => c.name));
      }
      continue;
    }
    const column: LakeColumn = { name: field.key, type: COLUMN_TYPES[field.type as keyof typeof COLUMN_TYPES] };
    if (column.type === 'decimal') Object.assign(column, { precision: 18, scale: 2 });
    // An enum holds one of its codes: a closed set, stored compactly (LakeColumn.values).
    if (field.type === 'enum') Object.assign(column, { values: field.values.map((v) => v.code) });
    dsColumns.push(column);
    stageColumns.push(column);
    copied.push(field.key);
  }
  return {
    dataset,
    table,
    tableDef: { name: table, columns: dsColumns },
    stageColumns,
    subjectFields,
    copiedColumns: copied,
  };
}

/** The lake's register of people and organisations: the one place identifiers live, encrypted. */
export const SUBJECT_INDEX_TABLE: LakeTableDef = {
  name: 'subject_index',
  columns: [
    { name: 'subject_key', type: 'bigint', nullable: false },
    { name: 'kind', type: 'text', nullable: false },
    { name: 'identifier_hash', type: 'text', nullable: false },
    { name: 'identifier_enc', type: 'text', nullable: false },
  ],
  primaryKey: ['subject_key'],
};

/**
 * The lake's register of bank accounts (fields of type `account`): each account once, as a
 * blind index (for equality lookups) and a ciphertext (for the reasoned unmask). A dataset's
 * account column holds only the account's key as `#<account_key>`, so models still compare
 * accounts for equality, and a key rotation rewrites this table alone.
 */
export const ACCOUNT_INDEX_TABLE: LakeTableDef = {
  name: 'account_index',
  columns: [
    { name: 'account_key', type: 'bigint', nullable: false },
    { name: 'account_hash', type: 'text', nullable: false },
    { name: 'account_enc', type: 'text', nullable: false },
  ],
  primaryKey: ['account_key'],
};

/** The lake's own record of committed batches: a batch is complete exactly when its row is here. */
export const LAKE_BATCHES_TABLE: LakeTableDef = {
  name: 'lake_batches',
  columns: [
    { name: 'batch_id', type: 'integer', nullable: false },
    { name: 'dataset_type', type: 'text', nullable: false },
    { name: 'status', type: 'text', nullable: false },
    { name: 'rows_read', type: 'bigint', nullable: false },
    { name: 'rows_loaded', type: 'bigint', nullable: false },
    { name: 'rows_rejected', type: 'bigint', nullable: false },
  ],
  primaryKey: ['batch_id'],
};
