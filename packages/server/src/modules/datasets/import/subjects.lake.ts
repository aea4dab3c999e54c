import { type Lake, type LakeTx, quoteIdentifier } from '../../../lake/index.js';
import { type IdentifierSealer, SUBJECT_REGISTER, registerSealed } from './sealed-register.lake.js';
import { type StagePlan, type StageTables, subjectDictionaries } from './stage-sql.js';

/**
 * Registers every distinct identifier of the batch in `subject_index` (sealed, by
 * `registerSealed`) and leaves identifier → subject key in `keys`. The identifiers are the
 * accepted entries of the subject fields' dictionaries and those of the rows the TS
 * reference accepted. (An identifier seen only on rows refused for another cell is
 * registered too; it is in the rejected-rows report already.)
 */
export async function resolveSubjects(
  tx: LakeTx,
  engine: Lake['engine'],
  plan: StagePlan,
  tables: StageTables,
  sealer: IdentifierSealer,
): Promise<void> {
  const q = quoteIdentifier;
  const sources = subjectDictionaries(plan).map(
    (i) => `SELECT v AS ident, kind FROM ${q(tables.dictionary(i))} WHERE ok AND v IS NOT NULL`,
  );
  for (const { key } of plan.layout.subjectFields) {
    sources.push(
      `SELECT ${q(key)} AS ident, ${q(`${key}_kind`)} AS kind FROM ${q(tables.fixed)} WHERE ${q(key)} IS NOT NULL`,
    );
  }
  await tx.execute(
    `CREATE TEMP TABLE ${q(tables.ids)} AS SELECT row_number() OVER (ORDER BY ident) AS _seq, ident, min(kind) AS kind FROM (${sources.join(' UNION ALL ')}) u GROUP BY ident`,
  );
  await registerSealed(
    tx,
    engine,
    SUBJECT_REGISTER,
    { values: tables.ids, hash: tables.hash, fresh: tables.fresh, keys: tables.keys },
    sealer,
  );
}
