/**
 * Stored warnings at a county's scale, written in the operational store by set-based SQL
 * (one INSERT … SELECT per 100,000 warnings from a number series), so a million take
 * seconds, not the hours one insert per warning would. Every value derives from the row
 * number by modular hashing, so the same count gives the same store:
 *
 * - the registry's models, a few of them far more prolific than the rest (a skewed draw);
 * - divisions: 70% in the demo county, 30% in the second, most in a village, some at a
 *   town, a few at the county itself;
 * - statuses as a commission's list looks a year in: 55% new, 15% under review, 15%
 *   confirmed, 10% false positive (with a reason), 5% not actionable; 5% retired;
 * - first seen on one of the last 730 days (runs are nightly), last seen since;
 * - a subject (a person) from a pool of 300,000, facts, explanations in both languages;
 * - one to six evidence rows each (a month of payments each, with its amount), the summary
 *   agreeing with them, and a status event for every judged warning;
 * - the subjects of the first warnings in the lake's subject index (an identity number,
 *   encrypted, and its blind index), as an import leaves them, so a person's page opens.
 */
import { composeIdNumber } from '@qingfeng/core';
import { sql } from 'kysely';
import type { AppServices } from '../../app/app-services.js';
import { SUBJECT_INDEX_TABLE } from '../../modules/catalogue/index.js';
import { ensureModelRegistry } from '../../modules/models/registry/model-registry.js';
import { foldWarningCounts } from '../../modules/warnings/index.js';
import { DEMO_COUNTY_PREFIX, SECOND_COUNTY_PREFIX, TOWNS_PER_COUNTY, VILLAGES_PER_TOWN } from './scale-county.js';

const CHUNK = 100_000;

/** What the seed wrote. */
export interface SeededWarnings {
  warnings: number;
  evidenceRows: number;
  events: number;
  ms: number;
  /** A person in the lake's subject index whose warnings lie in the demo county (the second warning's subject). */
  personKey: number;
}

/** The subject key of series value `g` (warningSelect's `subject`). */
const subjectOf = (g: number) => 1 + ((g * 7919) % 300_000);

/** Subjects of the first warnings written into the subject index: enough for a few people's pages. */
const INDEXED_SUBJECTS = 20;

/**
 * Registers the subjects of the first warnings in the lake's subject index as an import
 * would: an identity number (made up, valid) encrypted, with its blind index. The second
 * warning lies in the demo county, so its subject is the person the load opens.
 */
async function seedSubjects(services: AppServices, count: number): Promise<number> {
  const lake = services.lake;
  if (!(await lake.hasTable(SUBJECT_INDEX_TABLE.name))) await lake.createTable(SUBJECT_INDEX_TABLE);
  const keys = [...new Set(Array.from({ length: Math.min(count, INDEXED_SUBJECTS) }, (_v, i) => subjectOf(i + 1)))];
  const params = keys.flatMap((key) => {
    const idNumber = composeIdNumber('330102', '19600101', key % 1000);
    return [key, 'person', services.fieldCrypto.blindIndex(idNumber), services.fieldCrypto.encrypt(idNumber)];
  });
  const rows = keys.map((_k, i) => `($${i * 4 + 1}, $${i * 4 + 2}, $${i * 4 + 3}, $${i * 4 + 4})`).join(', ');
  await lake.execute(
    `INSERT INTO subject_index (subject_key, kind, identifier_hash, identifier_enc) VALUES ${rows}`,
    params,
  );
  return subjectOf(Math.min(count, 2));
}

/** The columns of one warning of series value `g`, in the order of INSERT_COLUMNS. */
function warningSelect(from: number, to: number) {
  // `m` numbers the registry's models 0..n-1; a product of two uniform draws picks low numbers often.
  return sql`
    WITH m AS (SELECT id, severity, row_number() OVER (ORDER BY id) - 1 AS k, count(*) OVER () AS n FROM models),
    s AS (
      SELECT g,
        1 + (g * 11) % 6 AS items,
        (g * 97) % 100 AS st,
        (g * 61) % 100 AS ret,
        date_trunc('day', now()) - interval '22 hours' - ((g * 7919) % 730) * interval '1 day' AS seen,
        CASE WHEN (g * 37) % 10 < 7 THEN ${sql.lit(DEMO_COUNTY_PREFIX)} ELSE ${sql.lit(SECOND_COUNTY_PREFIX)} END
          || CASE WHEN (g * 53) % 20 = 19 THEN '000000'
                  ELSE lpad(CAST(1 + (g * 7) % ${sql.lit(TOWNS_PER_COUNTY)} AS TEXT), 3, '0')
                    || CASE WHEN (g * 53) % 20 >= 17 THEN '000'
                            ELSE CAST(201 + (g * 13) % ${sql.lit(VILLAGES_PER_TOWN)} AS TEXT) END END AS division,
        CAST(1 + (g * 7919) % 300000 AS TEXT) AS subject, -- subjectOf(g)
        floor((((g * 2654435761) % 10007) * ((g * 40503) % 10007)) / 10007.0) / 10007.0 AS pick
      FROM generate_series(CAST(${from} AS BIGINT), CAST(${to} AS BIGINT)) AS g
    )
    SELECT md5('bench-warning-' || s.g), m.id, 1, m.severity, s.subject, jsonb_build_array(s.subject), s.division,
      CASE WHEN s.st < 55 THEN 'new' WHEN s.st < 70 THEN 'under_review' WHEN s.st < 85 THEN 'confirmed'
           WHEN s.st < 95 THEN 'false_positive' ELSE 'not_actionable' END,
      CASE WHEN s.st >= 85 THEN '核实为误报或无需处理 / checked: nothing to act on' END,
      CASE WHEN s.st >= 55 THEN least(now(), s.seen + interval '3 days') END,
      s.seen, least(now(), s.seen + ((s.g * 13) % 90) * interval '1 day'),
      jsonb_build_object('subject', s.subject, 'months', s.items, 'amount', s.items * 735.5, 'division', s.division),
      '该对象死亡后仍领取 ' || s.items || ' 个月待遇，合计 ' || (s.items * 735.5) || ' 元',
      'Paid for ' || s.items || ' months after death, ' || (s.items * 735.5) || ' yuan in all',
      CASE WHEN s.ret < 5 THEN least(now(), s.seen + interval '30 days') END,
      CASE WHEN s.ret < 5 THEN 'no_longer_found' END,
      s.items, s.items, '2025-01', '2025-' || lpad(CAST(s.items AS TEXT), 2, '0'), s.items * 735.5
    FROM s JOIN m ON m.k = floor(s.pick * m.n)
    ORDER BY s.g`;
}

const INSERT_COLUMNS = sql.raw(
  [
    'hit_key',
    'model_id',
    'model_version',
    'severity',
    'subject_key',
    'subject_keys',
    'division_code',
    'status',
    'status_reason',
    'status_changed_at',
    'first_seen_at',
    'last_seen_at',
    'facts',
    'explanation_zh',
    'explanation_en',
    'retired_at',
    'retired_reason',
    'evidence_count',
    'item_count',
    'period_from',
    'period_to',
    'amount_total',
  ].join(', '),
);

/**
 * Writes `count` warnings with their evidence and status events into the platform's store
 * (the models registered first), then ANALYZEs the tables as PostgreSQL's autovacuum would
 * after such a load, and checkpoints. Returns what it wrote.
 */
export async function seedWarnings(
  services: AppServices,
  count: number,
  log: (line: string) => void = () => undefined,
): Promise<SeededWarnings> {
  const db = services.database.db;
  await ensureModelRegistry(services);
  const started = performance.now();
  let evidenceRows = 0;
  let events = 0;
  for (let from = 1; from <= count; from += CHUNK) {
    const to = Math.min(count, from + CHUNK - 1);
    const ids = await sql<{ id: number }>`
      INSERT INTO warnings (${INSERT_COLUMNS}) ${warningSelect(from, to)} RETURNING id`.execute(db);
    const lo = ids.rows.reduce((n, r) => Math.min(n, r.id), Infinity);
    const hi = ids.rows.reduce((n, r) => Math.max(n, r.id), 0);
    const evidence = await sql`
      INSERT INTO warning_evidence (warning_id, dataset, batch_id, row_no, role, item_key, period, amount)
      SELECT w.id, 'benefit_payment', 1, CAST(w.id * 8 + k AS INTEGER), 'payment', md5(w.id || '/' || k),
        '2025-' || lpad(CAST(k AS TEXT), 2, '0'), 735.5
      FROM warnings w CROSS JOIN LATERAL generate_series(1, w.evidence_count) AS k
      WHERE w.id BETWEEN ${lo} AND ${hi}`.execute(db);
    const judged = await sql`
      INSERT INTO warning_events (warning_id, kind, from_status, to_status, reason, username, at)
      SELECT id, 'status', 'new', status, status_reason, 'bench', status_changed_at
      FROM warnings WHERE id BETWEEN ${lo} AND ${hi} AND status <> 'new'`.execute(db);
    evidenceRows += Number(evidence.numAffectedRows ?? 0);
    events += Number(judged.numAffectedRows ?? 0);
    log(`  ${to.toLocaleString('en-US')} warnings written`);
  }
  const personKey = await seedSubjects(services, count);
  // The triggers appended a row of changes per cell and chunk: folded as a server reading the counts would.
  await foldWarningCounts(db);
  await sql`ANALYZE warnings`.execute(db);
  await sql`ANALYZE warning_evidence`.execute(db);
  await sql`ANALYZE warning_events`.execute(db);
  await sql`ANALYZE warning_count_changes`.execute(db);
  await sql`ANALYZE warning_month_changes`.execute(db);
  // Written out as the store's checkpointer would have long before anyone reads: otherwise
  // the first round measured on the embedded store paid for writing the whole load out.
  await sql`CHECKPOINT`.execute(db);
  return { warnings: count, evidenceRows, events, ms: performance.now() - started, personKey };
}
