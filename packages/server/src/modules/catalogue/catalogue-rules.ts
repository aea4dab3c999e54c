import { type DatasetType, type FieldDef, foldForMatch } from '@qingfeng/core';
import { ConflictError, ValidationError } from '../../http/errors.js';
import { datasetLayout } from './lake-layout.js';

/** How a word belongs to a field: header matching treats all four alike. */
type WordRole = 'key' | 'label' | 'synonym';

interface WordOwner {
  readonly field: FieldDef;
  readonly role: WordRole;
}

const ROLE_TEXT: Record<WordRole, { zh: string; en: string }> = {
  key: { zh: '字段键', en: 'key' },
  label: { zh: '名称', en: 'label' },
  synonym: { zh: '同义词', en: 'synonym' },
};

function wordsOf(field: FieldDef): [string, WordRole][] {
  return [
    [field.key, 'key'],
    [field.label.zh, 'label'],
    [field.label.en, 'label'],
    ...field.synonyms.map((s): [string, WordRole] => [s, 'synonym']),
  ];
}

/**
 * Every word a header can match in the dataset, folded as header matching folds it, with
 * the field that owns it. With `strict`, throws (400, naming the word) when two fields
 * share a word: such a header would feed whichever field the matcher indexed first.
 * Otherwise the first owner is kept, as the matcher does.
 */
export function indexDatasetWords(dataset: DatasetType, strict = false): Map<string, WordOwner> {
  const owners = new Map<string, WordOwner>();
  dataset.fields.forEach((field, i) => {
    for (const [word, role] of wordsOf(field)) {
      const folded = foldForMatch(word);
      const owner = owners.get(folded);
      if (strict && owner && owner.field.key !== field.key) throw ambiguous(word, owner, dataset, `body.fields.${i}`);
      if (!owner) owners.set(folded, { field, role });
    }
  });
  return owners;
}

function ambiguous(word: string, owner: WordOwner, dataset: DatasetType, field: string): ValidationError {
  const role = ROLE_TEXT[owner.role];
  return new ValidationError(
    `「${word}」已是 ${dataset.key} 中字段 ${owner.field.key}（${owner.field.label.zh}）的${role.zh}，会使表头无法确定对应字段 / ` +
      `"${word}" is already the ${role.en} of field ${owner.field.key} in ${dataset.key}; a header with it would be ambiguous`,
    field,
    'synonym_ambiguous',
  );
}

/**
 * Checks that a synonym can be added to `fieldKey` of the (merged) dataset: the field
 * exists (400), the word is not blank once folded (400), does not belong to another field
 * (400 naming the field that owns it) and is not already one of this field's words (409).
 */
export function checkNewSynonym(dataset: DatasetType, fieldKey: string, synonym: string): string {
  const field = dataset.fields.find((f) => f.key === fieldKey);
  if (!field) {
    throw new ValidationError(
      `${dataset.key} 没有字段 ${fieldKey} / ${dataset.key} has no field ${fieldKey}`,
      'body.field',
      'unknown_field',
    );
  }
  const folded = foldForMatch(synonym);
  if (folded === '') throw new ValidationError('同义词不能为空 / the synonym is blank', 'body.synonym');
  const owner = indexDatasetWords(dataset).get(folded);
  if (owner && owner.field.key !== fieldKey) throw ambiguous(synonym, owner, dataset, 'body.synonym');
  if (owner) {
    throw new ConflictError(
      `「${synonym}」已可匹配字段 ${fieldKey} / "${synonym}" already matches field ${fieldKey}`,
      'body.synonym',
      'synonym_exists',
    );
  }
  return folded;
}

/**
 * Checks a custom dataset type before it is stored: field keys unique, enum codes unique
 * within a field, no word shared by two fields, and no two lake columns with one name
 * (an `id` field `x` adds `x_sk`, `x_birth_date`, `x_sex`, `x_region`). Each problem is a
 * 400 naming the field.
 */
export function checkCustomDataset(dataset: DatasetType): void {
  const keys = new Set<string>();
  dataset.fields.forEach((field, i) => {
    if (keys.has(field.key)) {
      throw new ValidationError(
        `字段键 ${field.key} 重复 / field key ${field.key} is used twice`,
        `body.fields.${i}.key`,
        'duplicate_field',
      );
    }
    keys.add(field.key);
    if (field.type === 'enum') {
      const codes = new Set<string>();
      for (const value of field.values) {
        if (codes.has(value.code)) {
          throw new ValidationError(
            `代码 ${value.code} 重复 / code ${value.code} is listed twice`,
            `body.fields.${i}.values`,
          );
        }
        codes.add(value.code);
      }
    }
  });
  indexDatasetWords(dataset, true);
  const columns = new Set<string>();
  for (const column of datasetLayout(dataset).tableDef.columns) {
    if (columns.has(column.name)) {
      throw new ValidationError(
        `字段会生成重名的数据列 ${column.name} / two fields would both make the lake column ${column.name}`,
        'body.fields',
        'duplicate_column',
      );
    }
    columns.add(column.name);
  }
}
