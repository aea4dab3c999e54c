import type { ColumnAccounting } from '../../api/datasets';
import type { MappingChoice } from './mapping';

/**
 * The server's accounting of a preview, brought up to date with the columns the person has
 * mapped since: a column now feeding a field is no longer unused, a field now fed is no
 * longer empty, a model no longer reads an empty field is no longer blind, and a field
 * another column now feeds is no longer suggested. Columns the person left out stay unused.
 */
export function withChoice(accounting: ColumnAccounting, choice: MappingChoice): ColumnAccounting {
  const fed = new Set(Object.values(choice).filter((f): f is string => f !== undefined));
  const unusedColumns = accounting.unusedColumns
    .filter((c) => !choice[c.header])
    .map((c) => ({ ...c, suggestions: c.suggestions.filter((s) => !fed.has(s.field)) }));
  // A field empty in every row stays empty whatever feeds it; one without a column is fed now.
  const emptyFields = accounting.emptyFields.filter((f) => f.reason === 'all_empty' || !fed.has(f.field));
  const empty = new Set(emptyFields.map((f) => f.field));
  const blindModels = accounting.blindModels
    .map((m) => ({ ...m, fields: m.fields.filter((f) => empty.has(f)) }))
    .filter((m) => m.fields.length > 0);
  const matchedColumns = accounting.columns - unusedColumns.length;
  return { ...accounting, matchedColumns, unusedColumns, emptyFields, blindModels };
}
