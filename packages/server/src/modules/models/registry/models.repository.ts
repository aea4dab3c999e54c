import type { Insertable, Kysely, Updateable } from 'kysely';
import type { DB, ModelRow, ModelTable, ModelVersionRow, ModelVersionTable } from '../../../db/schema.js';

/** A registered model with its current version's document and parameters. */
export type ModelWithVersion = ModelRow & { document: unknown; params: unknown };

/** Filters of the model list. */
export interface ModelFilter {
  category?: string;
  severity?: string;
  enabled?: boolean;
  source?: string;
}

/** All operational SQL of the model registry: `models` and `model_versions`. */
export class ModelsRepository {
  constructor(private readonly db: Kysely<DB>) {}

  private withVersion() {
    return this.db
      .selectFrom('models')
      .innerJoin('model_versions', (join) =>
        join
          .onRef('model_versions.model_id', '=', 'models.id')
          .onRef('model_versions.version', '=', 'models.current_version'),
      )
      .selectAll('models')
      .select(['model_versions.document', 'model_versions.params']);
  }

  async findModels(filter: ModelFilter = {}): Promise<ModelWithVersion[]> {
    let query = this.withVersion();
    if (filter.category) query = query.where('models.category', '=', filter.category);
    if (filter.severity) query = query.where('models.severity', '=', filter.severity as ModelRow['severity']);
    if (filter.enabled !== undefined) query = query.where('models.enabled', '=', filter.enabled);
    if (filter.source) query = query.where('models.source', '=', filter.source as ModelRow['source']);
    return query.orderBy('models.id').execute();
  }

  async findModel(id: string): Promise<ModelWithVersion | undefined> {
    return this.withVersion().where('models.id', '=', id).executeTakeFirst();
  }

  async findModelsByIds(ids: readonly string[]): Promise<ModelWithVersion[]> {
    if (ids.length === 0) return [];
    return this.withVersion()
      .where('models.id', 'in', [...ids])
      .orderBy('models.id')
      .execute();
  }

  /** Locks the model's row for a change of version, so two editors cannot both write version n+1. */
  async lockModel(id: string): Promise<ModelRow | undefined> {
    return this.db.selectFrom('models').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  }

  async findVersions(id: string): Promise<ModelVersionRow[]> {
    return this.db
      .selectFrom('model_versions')
      .selectAll()
      .where('model_id', '=', id)
      .orderBy('version', 'desc')
      .execute();
  }

  async findVersion(id: string, version: number): Promise<ModelVersionRow | undefined> {
    return this.db
      .selectFrom('model_versions')
      .selectAll()
      .where('model_id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
  }

  async insertModel(values: Insertable<ModelTable>): Promise<void> {
    await this.db.insertInto('models').values(values).execute();
  }

  async insertVersion(values: Insertable<ModelVersionTable>): Promise<void> {
    await this.db
      .insertInto('model_versions')
      .values({ ...values, document: JSON.stringify(values.document), params: JSON.stringify(values.params) })
      .execute();
  }

  async updateModel(id: string, values: Updateable<ModelTable>): Promise<void> {
    await this.db
      .updateTable('models')
      .set({ ...values, updated_at: new Date() })
      .where('id', '=', id)
      .execute();
  }

  /** Enabled models that carry a schedule. */
  async findScheduledModels(): Promise<ModelRow[]> {
    return this.db
      .selectFrom('models')
      .selectAll()
      .where('enabled', '=', true)
      .where('schedule', 'is not', null)
      .orderBy('id')
      .execute();
  }
}
