/**
 * The one seam between this domain and the model engine (core's model documents and
 * library, the server's compiler and executor). Everything the models and warnings
 * modules need from the engine is imported through here, so that a change of the
 * engine's exports touches one file.
 */
import {
  BUILTIN_MODELS,
  maskPersonalDataInText,
  ModelSpecError,
  type ModelSpec,
  explainHitBoth,
  type PlaceNames,
  resolveParams,
  checkModelSpec,
  type ModelIssue,
} from '@qingfeng/core';
import { ValidationError } from '../http/errors.js';
import type { Lake } from '../lake/index.js';
import type { ModelHit } from './hits.js';
import { ModelRunError } from './errors.js';
import { isQueryFault } from './query-faults.js';
import type { RowJurisdiction } from './jurisdiction.js';
import { runModelOnLake } from './run-model.js';
import { checkModelDocumentSql } from './sql-check/index.js';

export type { Severity } from '@qingfeng/core';

/** A model document (core's ModelSpec): built-in, or from the no-code builder. */
export type ModelDocument = ModelSpec;

export type ParamValues = Readonly<Record<string, unknown>>;

/** A hit as the engine returns it: hit key, subjects, evidence rows, facts, severity. */
export type { EvidenceRef as HitEvidence, ModelHit } from './hits.js';

/** The rows a county's run or preview may read (its divisions and its batches), and the rule as SQL. */
export {
  datasetTablesOf,
  type DatasetRef,
  ownerDatasetsOf,
  rowDivisionSql,
  type RowJurisdiction,
  rowsWithinSql,
  rowWithinSql,
} from './jurisdiction.js';

/**
 * The explanation of a hit in both languages, `{fact}` placeholders filled from its facts
 * in words: codes by their labels, divisions by the place names in `places` (the caller
 * reads them once for all the hits it shows: organisations' findPlaceNames).
 */
export function renderExplanation(
  document: ModelDocument,
  facts: Readonly<Record<string, unknown>>,
  places: PlaceNames | undefined,
): { zh: string; en: string } {
  return explainHitBoth(document, facts, places);
}

/** The built-in library as shipped with this build. */
export function builtinModels(): readonly ModelDocument[] {
  return BUILTIN_MODELS;
}

/**
 * The model's parameter values: `overrides` over the document's defaults, each checked
 * against the document's type and range. A bad value is a 400 naming `params.<key>`.
 */
export function resolveParameters(document: ModelDocument, overrides: ParamValues): Record<string, unknown> {
  try {
    return { ...resolveParams(document, overrides) };
  } catch (error) {
    if (error instanceof ModelSpecError) throw new ValidationError(error.message, error.path, 'invalid_parameter');
    throw error;
  }
}

/**
 * Everything wrong with a document (from the no-code builder), each problem at its place as
 * the builder names it, in both languages.
 */
export function validateDocument(document: unknown): ModelIssue[] {
  try {
    return checkModelSpec(document as ModelSpec);
  } catch {
    // A document too malformed to walk (a missing array, a wrong type) is still the caller's mistake.
    return [
      {
        path: 'document',
        message: { zh: '模型文档：结构有误，无法读取', en: 'Model document: malformed, it cannot be read' },
      },
    ];
  }
}

/** How a model is run. */
export interface RunModelOptions {
  /** Incremental: the new batches per dataset type; omitted for a full run. */
  newBatches?: Readonly<Record<string, readonly number[]>>;
  /** At most this many hits are returned (previews). */
  limit?: number;
  signal?: AbortSignal;
  /** A county's run or preview reads only the rows inside this jurisdiction; omitted = the whole country. */
  scope?: RowJurisdiction;
}

/** Whether an error from `runModel` means the run was cancelled through its signal. */
export function isCancellation(error: unknown): boolean {
  return error instanceof ModelRunError && error.code === 'MODEL_CANCELLED';
}

/**
 * Evaluates one model on the lake and returns its hits; the engine does the work in SQL.
 * A document or parameter the engine refuses is a 400; other failures keep the engine's
 * error (with its stable code) for the run to record.
 */
export async function runModel(
  lake: Lake,
  document: ModelDocument,
  params: ParamValues,
  options: RunModelOptions = {},
): Promise<ModelHit[]> {
  try {
    const hits = await runModelOnLake(lake, document, params, {
      ...(options.newBatches ? { newBatches: options.newBatches } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.scope ? { scope: options.scope } : {}),
    });
    // The engine has no hit limit yet, only a cap on evidence rows that fails the run; a
    // preview therefore cuts the list here.
    return options.limit === undefined ? hits : hits.slice(0, options.limit);
  } catch (error) {
    if (error instanceof ModelRunError && error.code === 'MODEL_INVALID') {
      throw new ValidationError(error.message, 'params', 'invalid_model');
    }
    throw error;
  }
}

/** Where a document's query lives, for a 400 to name: its SQL text, or the rule logic it compiles from. */
export function documentSqlField(document: ModelDocument): string {
  return document.logic.kind === 'sql' ? 'body.document.logic.sql' : 'body.document.logic';
}

/**
 * Refuses a document whose SQL the engines' own parsers do not accept as a model (400
 * naming `body.document.logic.sql`, with the parser's reason), checked as it would run on
 * each engine. The document must have passed validateDocument. Resolves to the SQL text
 * of a template (for the audit trail), or null for a rule document.
 */
export async function requireAcceptedSql(document: ModelDocument, params: ParamValues): Promise<unknown> {
  const refusal = await checkModelDocumentSql(document, params);
  if (refusal !== undefined) {
    const parser = refusal.engine === 'duckdb' ? 'DuckDB' : 'PostgreSQL';
    throw new ValidationError(
      `模型 SQL 未通过 ${parser} 解析检查 / model SQL refused by the ${parser} parser: ${refusal.reason}`,
      documentSqlField(document),
      'sql_refused',
    );
  }
  return document.logic.kind === 'sql' ? document.logic.sql : null;
}

/**
 * Runs a draft document for a preview, at most `limit` hits. What the draft itself gets
 * wrong is a 400 naming the document: SQL the parser refuses, or a query the engine
 * refuses (a column that does not exist, a type it cannot convert); the engine's message
 * is passed on with any identity or phone number in it masked. With `scope`, only the
 * rows inside that jurisdiction are read.
 */
export async function runPreview(
  lake: Lake,
  document: ModelDocument,
  params: ParamValues,
  limit: number,
  scope?: RowJurisdiction,
): Promise<ModelHit[]> {
  try {
    return await runModel(lake, document, params, { limit, ...(scope ? { scope } : {}) });
  } catch (error) {
    if (error instanceof ModelRunError && error.code === 'SQL_REFUSED') {
      throw new ValidationError(`模型 SQL 被拒绝 / ${error.message}`, documentSqlField(document), 'sql_refused');
    }
    if (error instanceof ModelRunError && error.code === 'MODEL_ENGINE_ERROR' && isQueryFault(error.cause)) {
      throw new ValidationError(
        `数据湖无法执行该模型 / ${maskPersonalDataInText(error.message)}`,
        documentSqlField(document),
        'model_query_failed',
      );
    }
    throw error;
  }
}
