import type { Lake } from '../lake/index.js';
import { queryWithLimits, type RunLimits } from './deadline.js';
import { ModelRunError } from './errors.js';
import { validateReadOnlySql } from './read-only-sql.js';

/** Limits of an expert SQL model run. */
export interface ReadOnlySqlOptions extends RunLimits {
  /** Most rows returned (default 10,000); more are cut and `truncated` is set. */
  readonly rowLimit?: number;
}

/** Rows of an expert SQL model. If they follow MODEL_OUTPUT_COLUMNS, groupEvidenceRows turns them into hits. */
export interface ReadOnlySqlResult {
  readonly columns: string[];
  readonly rows: Record<string, unknown>[];
  readonly truncated: boolean;
  readonly tables: readonly string[];
}

/**
 * Runs an expert's read-only SQL model after validateReadOnlySql accepts it (else rejects
 * with SQL_REFUSED and the refusal message). On PostgreSQL it also runs in a READ ONLY
 * transaction with a statement timeout; on both engines it is wrapped so it returns at most
 * `rowLimit` rows.
 */
export async function runReadOnlySqlModel(
  lake: Lake,
  sql: string,
  options: ReadOnlySqlOptions = {},
): Promise<ReadOnlySqlResult> {
  const check = validateReadOnlySql(sql);
  if (!check.ok) throw new ModelRunError('SQL_REFUSED', `Refused (${check.refused}): ${check.message}`);
  const rowLimit = options.rowLimit ?? 10_000;
  if (!Number.isInteger(rowLimit) || rowLimit < 1)
    throw new ModelRunError('MODEL_INVALID', 'rowLimit must be a positive whole number');
  const body = sql.trim().replace(/;+\s*$/, '');
  // The wrapper also makes anything after a hidden statement break a syntax error.
  const wrapped = `SELECT * FROM (\n${body}\n) AS expert_model LIMIT $1`;
  const rows = await queryWithLimits<Record<string, unknown>>(lake, wrapped, [rowLimit + 1], options);
  const truncated = rows.length > rowLimit;
  const kept = truncated ? rows.slice(0, rowLimit) : rows;
  return { columns: Object.keys(kept[0] ?? {}), rows: kept, truncated, tables: check.tables };
}
