import type { ColumnAccounting } from '@qingfeng/core';
import type { TColumnAccounting } from './column-accounting.schemas.js';

/** An import's column accounting as the API shows it (labels in both languages, for the reader's). */
export function presentColumnAccounting(accounting: ColumnAccounting): TColumnAccounting {
  return {
    dataset: accounting.dataset,
    columns: accounting.columns,
    matchedColumns: accounting.matchedColumns,
    unusedColumns: accounting.unusedColumns.map((c) => ({
      index: c.index,
      header: c.header,
      duplicateOf: c.duplicateOf,
      suggestions: c.suggestions.map((s) => ({ field: s.field, label: s.label, score: s.score, word: s.word })),
    })),
    emptyFields: accounting.emptyFields.map((f) => ({ ...f })),
    blindModels: accounting.blindModels.map((m) => ({ id: m.id, name: m.name, fields: [...m.fields] })),
    unknownValues: accounting.unknownValues.map((u) => ({
      field: u.field,
      label: u.label,
      required: u.required,
      value: u.value,
      count: u.count,
      suggestions: u.suggestions.map((s) => ({
        code: s.code,
        label: s.label,
        how: s.how,
        score: s.score,
        word: s.word,
      })),
    })),
  };
}
