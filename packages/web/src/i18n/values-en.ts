import type { valuesZh } from './values-zh';

/** English for value mappings in the import preview; a key missing here fails the type check. */
export const valuesEn: Record<keyof typeof valuesZh, string> = {
  'values.title': 'Values and codes (value mappings)',
  'values.scanned': 'Values of coded fields checked in the first {rows} rows',
  'values.allKnown': 'Every value of the coded fields is known',
  'values.unknown': '{count} values are not codes of the standard and need a decision',
  'values.count': '{count} cells',
  'values.keptHint': 'Unmapped, the rows are kept with this field empty',
  'values.rejectHint': 'Required field: unmapped, the rows are rejected',
  'values.suggest': 'Maybe:',
  'values.noSuggestion': 'No code alike; choose one yourself',
  'values.mapTo': 'Map to "{code}"',
  'values.contains': 'contains "{word}"',
  'values.choose': 'Choose a code',
  'values.mapped': 'Value mappings set',
  'values.mappedLine': '"{word}" → {code}',
  'values.remove': 'Remove',
  'values.download': 'Download mapping file',
  'values.downloadHint':
    'The mapping file holds the column and value mappings; use it for the next import or with --mapping on the command line',
  'values.checking': 'Checking the values of the newly mapped column…',
  'values.cellsKept': 'Cells kept without value',
};
