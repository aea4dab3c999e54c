import type { CatalogueSynonymRow, MappingTemplateRow } from '../../db/schema.js';
import type { CatalogueEntry } from './catalogue.service.js';
import type { TCatalogueDataset, TMappingTemplate, TSynonym } from './catalogue.schemas.js';

function iso(value: Date | string): string {
  return new Date(value).toISOString();
}

/**
 * A dataset type with each field's own synonyms apart from the added ones (which carry
 * their ids, since only they can be removed).
 */
export function presentCatalogueEntry(entry: CatalogueEntry): TCatalogueDataset {
  const { dataset, extras } = entry;
  return {
    key: dataset.key,
    name: dataset.name,
    source: dataset.source,
    builtIn: entry.builtIn,
    fields: dataset.fields.map((field) => {
      const added = extras.filter((e) => e.field_key === field.key);
      const addedWords = new Set(added.map((e) => e.synonym));
      return {
        key: field.key,
        label: field.label,
        type: field.type,
        required: field.required,
        synonyms: field.synonyms.filter((s) => !addedWords.has(s)),
        extraSynonyms: added.map((e) => ({ id: e.id, synonym: e.synonym })),
        ...(field.type === 'enum'
          ? { values: field.values.map((v) => ({ code: v.code, label: v.label, terms: [...v.terms] })) }
          : {}),
      };
    }),
  };
}

/** An added synonym. */
export function presentSynonym(row: CatalogueSynonymRow): TSynonym {
  return {
    id: row.id,
    datasetType: row.dataset_type,
    field: row.field_key,
    synonym: row.synonym,
    createdAt: iso(row.created_at),
  };
}

/** A department's saved mapping template. */
export function presentMappingTemplate(row: MappingTemplateRow): TMappingTemplate {
  return {
    datasetType: row.dataset_type,
    department: row.department_code,
    mapping: row.mapping as Record<string, string>,
    updatedBy: row.updated_by,
    updatedAt: iso(row.updated_at),
  };
}
