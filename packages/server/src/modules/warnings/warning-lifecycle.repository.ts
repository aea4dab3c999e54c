import type { Expression, ExpressionBuilder, Kysely, SqlBool } from 'kysely';
import type { DB, WarningEventKind, WarningRetiredReason, WarningStatus } from '../../db/schema.js';

/** A warning the platform retired, restored or found missing: its id and (unchanged) status. */
export interface TouchedWarning {
  id: number;
  status: WarningStatus;
}

/** A platform event on many warnings: who acted, why, and the run or batch behind it. */
export interface LifecycleEvent {
  kind: Exclude<WarningEventKind, 'status'>;
  reason: string | null;
  username: string;
  userId: number | null;
  runId?: number;
  batchId?: number;
}

/** Which warnings a retirement touches (it never touches one already retired). */
type WarningScope = (eb: ExpressionBuilder<DB, 'warnings'>) => Expression<SqlBool>;

/**
 * A county's full run: the warnings it may judge missing are those inside its jurisdiction
 * whose every evidence row it could read (`ids`). A warning resting on a row of another
 * jurisdiction could not be found again by a run that cannot see that row.
 */
export interface RunReach {
  readonly prefix: string;
  readonly ids: readonly number[];
}

function within(reach: RunReach | undefined, column: 'id' | 'w.id', division: 'division_code' | 'w.division_code') {
  return (eb: ExpressionBuilder<DB, any>) =>
    reach === undefined
      ? eb.lit(true)
      : eb.and([
          eb(division, 'like', `${reach.prefix}%`),
          reach.ids.length === 0 ? eb.lit(false) : eb(column, 'in', [...reach.ids]),
        ]);
}

/** Statuses nobody has judged yet: only these are retired when a full run no longer finds them. */
const UNJUDGED: WarningStatus[] = ['new', 'under_review'];

/**
 * The SQL of the warning lifecycle the data drives: retiring warnings whose evidence a
 * rollback removed or that a full run no longer finds, bringing back those a run finds
 * again, and the trace entries of each. None of it changes a handler's status.
 */
export class WarningLifecycleRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** The retired warnings among these hit keys (before a run's upsert brings them back). */
  async findRetiredByHitKeys(hitKeys: readonly string[]): Promise<TouchedWarning[]> {
    const found: TouchedWarning[] = [];
    // In slices: a run can find more hits than PostgreSQL takes parameters in one statement.
    for (let i = 0; i < hitKeys.length; i += 1000) {
      const rows = await this.db
        .selectFrom('warnings')
        .select(['id', 'status'])
        .where('hit_key', 'in', hitKeys.slice(i, i + 1000))
        .where('retired_at', 'is not', null)
        .execute();
      found.push(...rows);
    }
    return found;
  }

  /** Retires every warning not yet retired whose evidence cites a row of the batch. */
  async retireCitingBatch(batchId: number, at: Date): Promise<TouchedWarning[]> {
    return this.retire('evidence_rolled_back', at, (eb) =>
      eb(
        'id',
        'in',
        eb.selectFrom('warning_evidence').select('warning_id').where('warning_evidence.batch_id', '=', batchId),
      ),
    );
  }

  /**
   * Retires the model's unjudged warnings that this full run did not find: every hit it
   * found was saved with `last_run_id` = the run, so the others are exactly the missing ones.
   */
  async retireNotFound(modelId: string, runId: number, at: Date, reach?: RunReach): Promise<TouchedWarning[]> {
    return this.retire('no_longer_found', at, (eb) =>
      eb.and([
        eb('model_id', '=', modelId),
        eb('status', 'in', UNJUDGED),
        eb.or([eb('last_run_id', '<>', runId), eb('last_run_id', 'is', null)]),
        within(reach, 'id', 'division_code')(eb),
      ]),
    );
  }

  /** The evidence rows of the model's live warnings inside a jurisdiction, by warning, with their hit keys. */
  async findEvidenceWithin(
    modelId: string,
    prefix: string,
  ): Promise<{ id: number; hit_key: string; dataset: string; batch_id: number; row_no: number }[]> {
    return this.db
      .selectFrom('warnings as w')
      .innerJoin('warning_evidence as e', 'e.warning_id', 'w.id')
      .select(['w.id', 'w.hit_key', 'e.dataset', 'e.batch_id', 'e.row_no'])
      .where('w.model_id', '=', modelId)
      .where('w.retired_at', 'is', null)
      .where('w.division_code', 'like', `${prefix}%`)
      .execute();
  }

  /**
   * The model's judged warnings (confirmed, false positive, not actionable) this full run
   * did not find, leaving out those already traced as missing since the run that last saw
   * them, so each disappearance is recorded once.
   */
  async findJudgedNotFound(modelId: string, runId: number, reach?: RunReach): Promise<TouchedWarning[]> {
    return this.db
      .selectFrom('warnings as w')
      .select(['w.id', 'w.status'])
      .where('w.model_id', '=', modelId)
      .where(within(reach, 'w.id', 'w.division_code'))
      .where('w.retired_at', 'is', null)
      .where('w.status', 'not in', UNJUDGED)
      .where((eb) => eb.or([eb('w.last_run_id', '<>', runId), eb('w.last_run_id', 'is', null)]))
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('warning_events as e')
              .select('e.id')
              .whereRef('e.warning_id', '=', 'w.id')
              .where('e.kind', '=', 'not_found')
              .where((e) => e.or([e('w.last_run_id', 'is', null), e('e.run_id', '>', e.ref('w.last_run_id'))])),
          ),
        ),
      )
      .execute();
  }

  /** Adds one trace entry per warning; the status is the same before and after. */
  async insertEvents(warnings: readonly TouchedWarning[], event: LifecycleEvent): Promise<void> {
    for (let i = 0; i < warnings.length; i += 500) {
      await this.db
        .insertInto('warning_events')
        .values(
          warnings.slice(i, i + 500).map((w) => ({
            warning_id: w.id,
            kind: event.kind,
            from_status: w.status,
            to_status: w.status,
            reason: event.reason,
            user_id: event.userId,
            username: event.username,
            run_id: event.runId ?? null,
            batch_id: event.batchId ?? null,
          })),
        )
        .execute();
    }
  }

  private async retire(reason: WarningRetiredReason, at: Date, scope: WarningScope): Promise<TouchedWarning[]> {
    const rows = await this.db
      .updateTable('warnings')
      .set({ retired_at: at, retired_reason: reason })
      .where('retired_at', 'is', null)
      .where(scope)
      .returning(['id', 'status'])
      .execute();
    return rows.sort((a, b) => a.id - b.id);
  }
}
