import type { columnsZh } from './columns-zh';

/** English for the accounting of an import's columns; a key missing here fails the type check. */
export const columnsEn: Record<keyof typeof columnsZh, string> = {
  'columns.title': 'Columns and fields',
  'columns.matched': '{matched} of the file’s {columns} columns feed a field',
  'columns.unused': '{count} columns feed no field and will be ignored',
  'columns.repeats': 'repeats “{field}”, which another column feeds',
  'columns.suggest': 'Might be:',
  'columns.noSuggestion': 'no similar field',
  'columns.mapTo': 'Map to “{field}”',
  'columns.empty': '{count} fields will be empty',
  'columns.reason.no_column': 'no column',
  'columns.reason.all_empty': 'column “{header}” is empty in every row',
  'columns.blind': '{count} enabled models read these empty fields and will not see this batch',
  'columns.blindReads': 'reads: {fields}',
  'columns.allAccounted': 'Every column feeds a field and every field holds data',
};
