import { compileModel, ModelSpecError, type ModelSpec } from '@qingfeng/core';
import type { Lake } from '../lake/index.js';
import { queryWithLimits, type RunLimits } from './deadline.js';
import { ModelRunError } from './errors.js';
import { groupEvidenceRows, type EvidenceRow, type ModelHit } from './hits.js';
import { boundToJurisdiction, datasetsRead, type RowJurisdiction } from './jurisdiction.js';
import { checkModelSql } from './sql-check/index.js';

/** Options of a model run. */
export interface RunModelOptions extends RunLimits {
  /**
   * Incremental run: the new batches per dataset type (e.g. `{ death: [42] }`). Models with
   * `incremental: false` ignore it and run in full; check `plannedMode` beforehand if it matters.
   */
  readonly newBatches?: Readonly<Record<string, readonly number[]>>;
  /** Most evidence rows accepted (default 1,000,000); more fails with MODEL_TOO_MANY_ROWS. */
  readonly maxEvidenceRows?: number;
  /**
   * A county's run or preview: every `ds_*` table the query reads holds only the rows
   * inside this jurisdiction (see jurisdiction.ts). Omitted = the whole country.
   */
  readonly scope?: RowJurisdiction;
}

export const DEFAULT_MAX_EVIDENCE_ROWS = 1_000_000;

/** Whether a run with these options would be incremental or full for this model. */
export function plannedMode(
  spec: ModelSpec,
  options: Pick<RunModelOptions, 'newBatches'> = {},
): 'full' | 'incremental' {
  return options.newBatches !== undefined && spec.incremental !== false && spec.logic.kind !== 'sql'
    ? 'incremental'
    : 'full';
}

/**
 * Runs a model where the data lives and returns its hits, each with its evidence rows,
 * facts and severity, in hit-key order. `params` override the model's defaults and are
 * checked against their declarations. The compiled SQL runs only once the lake engine's own
 * parser shows it reads nothing but the model's `ds_*` inputs (see sql-check). Rejects with
 * ModelRunError: MODEL_INVALID (the document or a parameter), SQL_REFUSED, MODEL_TIMEOUT,
 * MODEL_CANCELLED, MODEL_TOO_MANY_ROWS or MODEL_ENGINE_ERROR. Nothing is written to the lake.
 * With `scope`, only rows inside that jurisdiction are read, so every hit and its evidence
 * lie inside it.
 */
export async function runModelOnLake(
  lake: Lake,
  spec: ModelSpec,
  params: Readonly<Record<string, unknown>> = {},
  options: RunModelOptions = {},
): Promise<ModelHit[]> {
  let compiled;
  try {
    compiled = compileModel(spec, { engine: lake.engine, params, newBatches: options.newBatches });
  } catch (error) {
    if (error instanceof ModelSpecError) throw new ModelRunError('MODEL_INVALID', error.message, { cause: error });
    throw error;
  }
  // Every model, not only hand-written SQL: the check costs 1–3 ms against a run's tens of
  // milliseconds at least, and it stands behind the compiler as well as the template.
  const refused = await checkModelSql(compiled.sql, lake.engine, spec.inputs);
  if (refused !== undefined) {
    throw new ModelRunError('SQL_REFUSED', `Model ${spec.id}: the ${lake.engine} parser refused its SQL: ${refused}`);
  }
  const limit = options.maxEvidenceRows ?? DEFAULT_MAX_EVIDENCE_ROWS;
  const body = options.scope
    ? await boundToJurisdiction(lake, compiled.sql, datasetsRead(compiled.sql, spec.inputs), options.scope)
    : compiled.sql;
  // One row more than allowed tells "exactly at the limit" from "over it".
  const sql = `${body} LIMIT $${compiled.params.length + 1}`;
  const rows = await queryWithLimits<EvidenceRow>(lake, sql, [...compiled.params, limit + 1], {
    ...options,
    small: plannedMode(spec, options) === 'incremental',
  });
  if (rows.length > limit) {
    throw new ModelRunError(
      'MODEL_TOO_MANY_ROWS',
      `Model ${spec.id} produced more than ${limit} evidence rows; narrow its parameters`,
    );
  }
  return groupEvidenceRows(rows, spec);
}
