import { type DatasetType, type FieldDef, findDataset as findBuiltInDataset, listDatasets } from '@qingfeng/core';
import type { Kysely } from 'kysely';
import type { CatalogueSynonymRow, CustomDatasetTypeRow, DB } from '../../db/schema.js';
import { isUniqueViolation } from '../../db/store-errors.js';
import { ConflictError, NotFoundError } from '../../http/errors.js';
import { type AuditActor, recordAudit } from '../audit/index.js';
import { checkCustomDataset, checkNewSynonym } from './catalogue-rules.js';
import { CatalogueRepository } from './catalogue.repository.js';
import type { TAddSynonym, TCreateDataset } from './catalogue.schemas.js';

/** A dataset type as the catalogue serves it: merged with its extra synonyms. */
export interface CatalogueEntry {
  readonly dataset: DatasetType;
  readonly builtIn: boolean;
  /** Synonyms administrators added, by id: the only part of an entry that can be removed. */
  readonly extras: readonly CatalogueSynonymRow[];
}

function customDatasetOf(row: CustomDatasetTypeRow): DatasetType {
  return {
    key: row.key,
    name: { zh: row.name_zh, en: row.name_en },
    source: { zh: row.source_zh, en: row.source_en },
    fields: row.fields as FieldDef[],
  };
}

/** The dataset with each field's extra synonyms appended after its own. */
function withExtras(dataset: DatasetType, extras: readonly CatalogueSynonymRow[]): DatasetType {
  if (extras.length === 0) return dataset;
  return {
    ...dataset,
    fields: dataset.fields.map((field) => {
      const added = extras.filter((e) => e.field_key === field.key).map((e) => e.synonym);
      return added.length === 0 ? field : { ...field, synonyms: [...field.synonyms, ...added] };
    }),
  };
}

/** A custom type's fields in exactly core's FieldDef shape, whatever else the request held. */
function fieldDefsOf(input: TCreateDataset): FieldDef[] {
  return input.fields.map((f): FieldDef => {
    const base = { key: f.key, label: f.label, required: f.required, synonyms: [...new Set(f.synonyms)] };
    if (f.type !== 'enum') return { ...base, type: f.type };
    const values = (f.values ?? []).map((v) => ({ code: v.code, label: v.label, terms: [...new Set(v.terms)] }));
    return { ...base, type: 'enum', values };
  });
}

/**
 * The catalogue imports should use: the built-in dataset types of the standard (which no
 * one can change) with the synonyms administrators added, plus the types administrators
 * defined. Reads work on the database or a transaction; changes open their own transaction
 * on the database given, so they and their audit entries commit together.
 */
/** A dataset type, built-in (with the deployment's synonyms) or custom, or 404: the one lookup every datasets route and service makes. */
export function requireDataset(db: Kysely<DB>, key: string): Promise<DatasetType> {
  return new CatalogueService(db).requireDataset(key);
}

export class CatalogueService {
  private readonly repository: CatalogueRepository;

  constructor(private readonly db: Kysely<DB>) {
    this.repository = new CatalogueRepository(db);
  }

  /** The dataset type with this key, merged with its extra synonyms, or undefined. */
  async findDataset(key: string): Promise<DatasetType | undefined> {
    return (await this.findEntry(key))?.dataset;
  }

  /** The dataset type with this key, merged with its extra synonyms, or 404. */
  async requireDataset(key: string): Promise<DatasetType> {
    return (await this.requireEntry(key)).dataset;
  }

  /** The entry (merged dataset, origin, extra synonyms) with this key, or undefined. */
  async findEntry(key: string): Promise<CatalogueEntry | undefined> {
    const builtIn = findBuiltInDataset(key);
    const base = builtIn ?? (await this.repository.findCustomDataset(key).then((r) => r && customDatasetOf(r)));
    if (!base) return undefined;
    const extras = await this.repository.findSynonyms(key);
    return { dataset: withExtras(base, extras), builtIn: builtIn !== undefined, extras };
  }

  /** The entry with this key, or 404. */
  async requireEntry(key: string): Promise<CatalogueEntry> {
    const entry = await this.findEntry(key);
    if (!entry) throw new NotFoundError(`Dataset type ${key}`, 'dataset_not_found');
    return entry;
  }

  /** Every dataset type: the built-in ones in catalogue order, then custom ones by key. */
  async listEntries(): Promise<CatalogueEntry[]> {
    const [custom, extras] = await Promise.all([this.repository.findCustomDatasets(), this.repository.findSynonyms()]);
    const entry = (dataset: DatasetType, builtIn: boolean): CatalogueEntry => {
      const own = extras.filter((e) => e.dataset_type === dataset.key);
      return { dataset: withExtras(dataset, own), builtIn, extras: own };
    };
    return [...listDatasets().map((d) => entry(d, true)), ...custom.map((r) => entry(customDatasetOf(r), false))];
  }

  /**
   * Defines a dataset type. Its key must start with `x_` (the schema) and be new (409); its
   * fields are checked as a whole (400 naming the problem). Fields never change afterwards.
   */
  async createDataset(actor: AuditActor, input: TCreateDataset): Promise<CatalogueEntry> {
    const dataset: DatasetType = { key: input.key, name: input.name, source: input.source, fields: fieldDefsOf(input) };
    checkCustomDataset(dataset);
    const taken = () =>
      new ConflictError(
        `数据集类型 ${input.key} 已存在 / dataset type ${input.key} already exists`,
        'body.key',
        'dataset_exists',
      );
    if (findBuiltInDataset(input.key)) throw taken();
    try {
      return await this.db.transaction().execute(async (trx) => {
        const repository = new CatalogueRepository(trx);
        if (await repository.findCustomDataset(input.key)) throw taken();
        const row = await repository.insertCustomDataset({
          key: dataset.key,
          name_zh: dataset.name.zh,
          name_en: dataset.name.en,
          source_zh: dataset.source.zh,
          source_en: dataset.source.en,
          fields: JSON.stringify(dataset.fields),
          created_by: actor.userId,
        });
        await recordAudit(trx, actor, {
          action: 'catalogue_dataset.create',
          objectType: 'dataset_type',
          objectId: row.key,
          detail: { name: dataset.name, fields: dataset.fields.map((f) => f.key) },
        });
        return { dataset: customDatasetOf(row), builtIn: false, extras: [] };
      });
    } catch (error) {
      // Two administrators defining the same key at once: the unique index decides.
      if (isUniqueViolation(error)) throw taken();
      throw error;
    }
  }

  /**
   * Adds a synonym to a field of any dataset type. Refused with 400 when another field
   * already answers to the word (the header would be ambiguous), 409 when this one does.
   */
  async addSynonym(actor: AuditActor, datasetType: string, input: TAddSynonym): Promise<CatalogueSynonymRow> {
    const exists = () =>
      new ConflictError(
        `「${input.synonym}」已在 ${datasetType} 中使用 / "${input.synonym}" is already used in ${datasetType}`,
        'body.synonym',
        'synonym_exists',
      );
    try {
      return await this.db.transaction().execute(async (trx) => {
        const { dataset } = await new CatalogueService(trx).requireEntry(datasetType);
        const folded = checkNewSynonym(dataset, input.field, input.synonym);
        const row = await new CatalogueRepository(trx).insertSynonym({
          dataset_type: dataset.key,
          field_key: input.field,
          synonym: input.synonym,
          folded,
          created_by: actor.userId,
        });
        await recordAudit(trx, actor, {
          action: 'catalogue_synonym.create',
          objectType: 'catalogue_synonym',
          objectId: row.id,
          detail: { datasetType: dataset.key, field: input.field, synonym: input.synonym },
        });
        return row;
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw exists();
      throw error;
    }
  }

  /** Removes an added synonym (404 for ids that are not an added synonym of this type). */
  async removeSynonym(actor: AuditActor, datasetType: string, id: number): Promise<CatalogueSynonymRow> {
    return this.db.transaction().execute(async (trx) => {
      const repository = new CatalogueRepository(trx);
      const row = await repository.findSynonym(datasetType, id);
      if (!row) throw new NotFoundError(`Synonym ${id} of ${datasetType}`, 'synonym_not_found');
      await repository.deleteSynonym(id);
      await recordAudit(trx, actor, {
        action: 'catalogue_synonym.delete',
        objectType: 'catalogue_synonym',
        objectId: id,
        detail: { datasetType, field: row.field_key, synonym: row.synonym },
      });
      return row;
    });
  }
}
