import type { Insertable, Kysely } from 'kysely';
import type {
  CatalogueSynonymRow,
  CatalogueSynonymTable,
  CustomDatasetTypeRow,
  CustomDatasetTypeTable,
  DB,
  MappingTemplateRow,
} from '../../db/schema.js';

/** All SQL of the custom catalogue: user-defined dataset types, extra synonyms, mapping templates. */
export class CatalogueRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async findCustomDataset(key: string): Promise<CustomDatasetTypeRow | undefined> {
    return this.db.selectFrom('custom_dataset_types').selectAll().where('key', '=', key).executeTakeFirst();
  }

  async findCustomDatasets(): Promise<CustomDatasetTypeRow[]> {
    return this.db.selectFrom('custom_dataset_types').selectAll().orderBy('key').execute();
  }

  async insertCustomDataset(values: Insertable<CustomDatasetTypeTable>): Promise<CustomDatasetTypeRow> {
    return this.db.insertInto('custom_dataset_types').values(values).returningAll().executeTakeFirstOrThrow();
  }

  /** Extra synonyms of one dataset type, or of every type when none is given, oldest first. */
  async findSynonyms(datasetType?: string): Promise<CatalogueSynonymRow[]> {
    let query = this.db.selectFrom('catalogue_synonyms').selectAll();
    if (datasetType !== undefined) query = query.where('dataset_type', '=', datasetType);
    return query.orderBy('id').execute();
  }

  async findSynonym(datasetType: string, id: number): Promise<CatalogueSynonymRow | undefined> {
    return this.db
      .selectFrom('catalogue_synonyms')
      .selectAll()
      .where('id', '=', id)
      .where('dataset_type', '=', datasetType)
      .executeTakeFirst();
  }

  async insertSynonym(values: Insertable<CatalogueSynonymTable>): Promise<CatalogueSynonymRow> {
    return this.db.insertInto('catalogue_synonyms').values(values).returningAll().executeTakeFirstOrThrow();
  }

  async deleteSynonym(id: number): Promise<void> {
    await this.db.deleteFrom('catalogue_synonyms').where('id', '=', id).execute();
  }

  async findTemplate(departmentCode: string, datasetType: string): Promise<MappingTemplateRow | undefined> {
    return this.db
      .selectFrom('mapping_templates')
      .selectAll()
      .where('department_code', '=', departmentCode)
      .where('dataset_type', '=', datasetType)
      .executeTakeFirst();
  }

  /** Creates or replaces the department's template for the type. */
  async upsertTemplate(values: {
    departmentCode: string;
    datasetType: string;
    mapping: Record<string, string>;
    updatedBy: number | null;
  }): Promise<MappingTemplateRow> {
    const mapping = JSON.stringify(values.mapping);
    return this.db
      .insertInto('mapping_templates')
      .values({
        department_code: values.departmentCode,
        dataset_type: values.datasetType,
        mapping,
        updated_by: values.updatedBy,
      })
      .onConflict((oc) =>
        oc
          .columns(['department_code', 'dataset_type'])
          .doUpdateSet({ mapping, updated_by: values.updatedBy, updated_at: new Date() }),
      )
      .returningAll()
      .executeTakeFirstOrThrow();
  }
}
