import type { DatasetField, HeaderMapping } from '../../api/datasets';

/** Header → chosen field key, or undefined for a column left out of the import. */
export type MappingChoice = Record<string, string | undefined>;

/** The choice the screen starts from: the server's suggestion for every header. */
export function initialChoice(headers: readonly string[], suggested: HeaderMapping): MappingChoice {
  return Object.fromEntries(headers.map((header) => [header, suggested[header]]));
}

/** The mapping sent with the import: only the columns that feed a field. */
export function toHeaderMapping(choice: MappingChoice): HeaderMapping {
  const mapping: HeaderMapping = {};
  for (const [header, field] of Object.entries(choice)) if (field) mapping[header] = field;
  return mapping;
}

/** Required fields no column feeds: the import cannot start while any remain. */
export function missingRequired(fields: readonly DatasetField[], choice: MappingChoice): DatasetField[] {
  const fed = new Set(Object.values(choice));
  return fields.filter((field) => field.required && !fed.has(field.key));
}

/** Field keys chosen for more than one column. */
export function duplicatedFields(choice: MappingChoice): Set<string> {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const field of Object.values(choice)) {
    if (!field) continue;
    if (seen.has(field)) twice.add(field);
    seen.add(field);
  }
  return twice;
}
