import { z } from 'zod';
import type { ModelRunRow } from '../../../db/schema.js';
import { pageOf, pageQueryFields } from '../../../http/paging.js';
import type { BatchesByDataset, RunEntry } from './run-plan.js';
import { summariseRun } from './run-summary.js';

export const ZRunStatus = z.enum(['queued', 'running', 'succeeded', 'skipped', 'failed', 'cancelled']);

export const ZRunIdParams = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });

export const ZStartRun = z
  .object({
    models: z.array(z.string().min(1).max(60)).max(500).optional(),
    all: z.boolean().optional(),
    kind: z.enum(['full', 'incremental']).default('full'),
    batchIds: z.array(z.number().int().positive()).max(1000).optional(),
  })
  .refine((v) => v.all === true || (v.models?.length ?? 0) > 0, {
    message: 'name models or set all',
    path: ['models'],
  });

export const ZRunQuery = z.object({
  status: ZRunStatus.optional(),
  ...pageQueryFields(20),
});

export const ZRun = z.object({
  id: z.number(),
  kind: z.enum(['full', 'incremental', 'scheduled']),
  status: ZRunStatus,
  models: z.array(
    z.object({
      modelId: z.string(),
      version: z.number(),
      params: z.record(z.string(), z.unknown()),
      mode: z.enum(['full', 'incremental']),
    }),
  ),
  inputBatches: z.record(z.string(), z.array(z.number())).nullable(),
  progress: z.object({ done: z.number(), total: z.number() }),
  hitCounts: z.record(z.string(), z.number()),
  /** Milliseconds the engine took for each model that finished. */
  modelDurationsMs: z.record(z.string(), z.number()),
  errors: z.record(z.string(), z.string()),
  /** Models that did not run because their input datasets held no rows: the datasets each waits for. */
  skipped: z.record(z.string(), z.array(z.string())),
  /** How its models ended, each counted once (a skipped model is never counted as succeeded). */
  summary: z.object({ succeeded: z.number(), skipped: z.number(), failed: z.number(), total: z.number() }),
  /** Why the run as a whole failed (e.g. interrupted), beside the per-model errors. */
  error: z.string().nullable(),
  newWarnings: z.number(),
  updatedWarnings: z.number(),
  requestedBy: z.string().nullable(),
  createdAt: z.date(),
  startedAt: z.date().nullable(),
  finishedAt: z.date().nullable(),
  durationMs: z.number().nullable(),
  /** The jurisdiction the run read ('' = the whole country). */
  scopePrefix: z.string(),
  /**
   * True when the run covered more than the viewer's jurisdiction: its hit counts, warning
   * counts, input batches and error messages are other jurisdictions' too, so they are
   * withheld (shown as empty and zero); the viewer's own warnings carry their share.
   */
  figuresWithheld: z.boolean(),
});
export type TRun = z.infer<typeof ZRun>;

export const ZRunPage = pageOf(ZRun);

const WITHHELD_ERROR = "出错，详情仅在运行范围内可见 / failed; details are shown within the run's jurisdiction";

/**
 * A run as a viewer of `viewerPrefix` sees it. A run of a wider scope (the whole
 * country's: scheduled, command line, after an import) is shown, so a county knows the
 * models ran and when, but without any figure that counts other jurisdictions' data.
 */
export function presentRun(run: ModelRunRow, viewerPrefix: string): TRun {
  const shown = presentWholeRun(run);
  if (run.scope_prefix.startsWith(viewerPrefix)) return shown;
  return {
    ...shown,
    inputBatches: null,
    hitCounts: {},
    errors: Object.fromEntries(Object.keys(shown.errors).map((modelId) => [modelId, WITHHELD_ERROR])),
    error: shown.error === null ? null : WITHHELD_ERROR,
    newWarnings: 0,
    updatedWarnings: 0,
    figuresWithheld: true,
  };
}

function presentWholeRun(run: ModelRunRow): TRun {
  return {
    id: run.id,
    kind: run.kind,
    status: run.status,
    models: run.models as RunEntry[],
    inputBatches: (run.input_batch_ids as BatchesByDataset | null) ?? null,
    progress: { done: run.models_done, total: run.models_total },
    hitCounts: run.hit_counts as Record<string, number>,
    modelDurationsMs: run.model_durations as Record<string, number>,
    errors: run.errors as Record<string, string>,
    skipped: run.skipped as Record<string, string[]>,
    summary: summariseRun(run),
    error: run.error,
    newWarnings: run.new_warnings,
    updatedWarnings: run.updated_warnings,
    requestedBy: run.requested_by_name,
    createdAt: run.created_at,
    startedAt: run.started_at,
    finishedAt: run.finished_at,
    durationMs: run.duration_ms,
    scopePrefix: run.scope_prefix,
    figuresWithheld: false,
  };
}
