import type { ExpressionBuilder, Insertable, Kysely, Updateable } from 'kysely';
import type {
  DB,
  ModelReviewRow,
  ModelReviewTable,
  ModelRow,
  ModelTable,
  ModelVersionRow,
  ModelVersionTable,
} from '../../../db/schema.js';

/** A registered model with its current version's document and parameters. */
export type ModelWithVersion = ModelRow & { document: unknown; params: unknown };

/** Filters of the model list. */
export interface ModelFilter {
  category?: string;
  severity?: string;
  enabled?: boolean;
  source?: string;
  /** A viewer's jurisdiction: drafts and returned models of other jurisdictions are left out. */
  visibleTo?: string;
  /** Only models a run may execute: enabled and approved (a draft never runs). */
  runnable?: boolean;
}

/**
 * An approved model is seen everywhere; one under review only in its author's jurisdiction
 * and the wider ones containing it ('' = the whole country sees every draft).
 */
function visibleIn(prefix: string) {
  return (eb: ExpressionBuilder<DB, 'models'>) =>
    eb.or([eb('models.review_status', '=', 'approved'), eb('models.owner_prefix', 'like', `${prefix}%`)]);
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
    if (filter.visibleTo !== undefined) query = query.where(visibleIn(filter.visibleTo));
    if (filter.runnable) {
      query = query.where('models.enabled', '=', true).where('models.review_status', '=', 'approved');
    }
    return query.orderBy('models.id').execute();
  }

  /** One model; with `visibleTo`, undefined when it is under review in another jurisdiction. */
  async findModel(id: string, visibleTo?: string): Promise<ModelWithVersion | undefined> {
    let query = this.withVersion().where('models.id', '=', id);
    if (visibleTo !== undefined) query = query.where(visibleIn(visibleTo));
    return query.executeTakeFirst();
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

  async insertReview(values: Insertable<ModelReviewTable>): Promise<void> {
    await this.db.insertInto('model_reviews').values(values).execute();
  }

  /** Every step of the model's reviews, newest first. */
  async findReviews(id: string): Promise<ModelReviewRow[]> {
    return this.db.selectFrom('model_reviews').selectAll().where('model_id', '=', id).orderBy('id', 'desc').execute();
  }

  /** Enabled, approved models that carry a schedule. */
  async findScheduledModels(): Promise<ModelRow[]> {
    return this.db
      .selectFrom('models')
      .selectAll()
      .where('enabled', '=', true)
      .where('review_status', '=', 'approved')
      .where('schedule', 'is not', null)
      .orderBy('id')
      .execute();
  }
}
