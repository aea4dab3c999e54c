/**
 * Clues at a commission's scale, written by set-based SQL (one INSERT … SELECT per 100,000
 * clues from a number series, their timeline entries by a cross join), so a million clues
 * and ten million timeline entries take minutes, not the days one insert each would. Every
 * value derives from the row number, so the same counts give the same store:
 *
 * - all held by the demo county's commission, in its villages and towns;
 * - states as a register looks a year in: 10% awaiting registration, 10% awaiting triage,
 *   5% awaiting approval, 10% under inquiry, 10% under verification, 5% held, and the rest
 *   ended (30% closed, 10% filed as cases, 10% transferred);
 * - every open clue with a running deadline, due from 30 days ago to 90 days ahead, so about
 *   a quarter of them are overdue;
 * - one subject each, a person from a pool of 300,000 (about three clues each), whose
 *   identity number's blind index is the index's own for the person the load searches;
 * - `stepsPerClue` timeline entries each.
 */
import { composeIdNumber } from '@qingfeng/core';
import { sql } from 'kysely';
import type { AppServices } from '../../app/app-services.js';
import { commissionDate } from '../../modules/clues/index.js';
import { DEMO_COUNTY_PREFIX, TOWNS_PER_COUNTY, VILLAGES_PER_TOWN } from './scale-county.js';

const CHUNK = 100_000;

export interface SeededClues {
  clues: number;
  steps: number;
  ms: number;
  /** The identity number of a person several clues name (the subject search's). */
  searchedIdNumber: string;
}

/** The pool member clue `g` names. */
const personOf = (g: number) => 1 + ((g * 7919) % 300_000);

/** The state of clue `g`, with the clock it runs (none once it has ended). */
const STATES = sql.raw(`CASE
  WHEN g % 100 < 10 THEN 'received' WHEN g % 100 < 20 THEN 'registered'
  WHEN g % 100 < 25 THEN 'awaiting_disposal_approval' WHEN g % 100 < 35 THEN 'talk_inquiry'
  WHEN g % 100 < 45 THEN 'verifying' WHEN g % 100 < 50 THEN 'held'
  WHEN g % 100 < 80 THEN 'closed' WHEN g % 100 < 90 THEN 'case_filing' ELSE 'transferred' END`);
const CLOCKS = sql.raw(`CASE state
  WHEN 'received' THEN 'clue_registration' WHEN 'registered' THEN 'clue_triage'
  WHEN 'awaiting_disposal_approval' THEN 'disposal_approval' WHEN 'talk_inquiry' THEN 'inquiry_reply'
  WHEN 'verifying' THEN 'preliminary_verification' WHEN 'held' THEN 'held_review' END`);
const SOURCES = sql.raw(
  `(ARRAY['model_warning','letters_visits','supervision','audit','inspection_tour','transfer','self_report'])[1 + (g * 3) % 7]`,
);
const PROBLEMS = sql.raw(
  `(ARRAY['eight_point_rules','livelihood_funds','bribery','abuse_of_power','dereliction','formalism_bureaucratism','other'])[1 + (g * 11) % 7]`,
);

function clueSelect(orgId: number, today: string, from: number, to: number) {
  return sql`
    WITH s AS (
      SELECT g, ${STATES} AS state,
        ${sql.lit(DEMO_COUNTY_PREFIX)} || lpad(CAST(1 + (g * 7) % ${sql.lit(TOWNS_PER_COUNTY)} AS TEXT), 3, '0')
          || CASE WHEN (g * 53) % 20 >= 17 THEN '000'
                  ELSE CAST(201 + (g * 13) % ${sql.lit(VILLAGES_PER_TOWN)} AS TEXT) END AS division,
        CAST(${today} AS DATE) - 30 + CAST((g * 13) % 120 AS INTEGER) AS due,
        now() - ((1000000 - g % 1000000) * interval '30 seconds') AS created
      FROM generate_series(CAST(${from} AS BIGINT), CAST(${to} AS BIGINT)) AS g
    ), c AS (SELECT s.*, ${CLOCKS} AS clock FROM s)
    SELECT ${orgId}, division, ${SOURCES}, ${PROBLEMS}, '线索 ' || g, '反映问题 ' || g, state,
      2026, g, '县纪线〔2026〕' || lpad(CAST(g AS TEXT), 7, '0'),
      jsonb_build_object(
        'id', CAST(g AS TEXT), 'source', ${SOURCES}, 'state', state, 'proposedBy', NULL,
        'recusedIds', '[]'::jsonb, 'investigatorIds', '[]'::jsonb,
        'deadline', CASE WHEN clock IS NULL THEN NULL ELSE jsonb_build_object(
          'step', clock, 'startedOn', CAST(due - 15 AS TEXT), 'dueOn', CAST(due AS TEXT), 'remindOn', '[]'::jsonb) END,
        'registrationNumber', '县纪线〔2026〕' || lpad(CAST(g AS TEXT), 7, '0'), 'responsibleId', NULL,
        'proposal', NULL, 'mergedInto', NULL, 'relatedClueIds', '[]'::jsonb, 'inquiryReply', NULL,
        'verificationWork', '[]'::jsonb, 'verificationDeadline', NULL, 'recommendation', NULL, 'outcome', NULL),
      clock, CASE WHEN clock IS NULL THEN NULL ELSE due END, ${orgId}, created, created
    FROM c ORDER BY g`;
}

const CLUE_COLUMNS = sql.raw(
  'org_id, division_code, source, problem_type, title, summary, state, registration_year, registration_seq, ' +
    'registration_number, record, deadline_step, deadline_due, responsible_org_id, created_at, updated_at',
);

/**
 * Writes `count` clues into the store for commission `orgId`, each with one subject and
 * `stepsPerClue` timeline entries, then ANALYZEs the tables as autovacuum would after such a load.
 */
export async function seedClues(
  services: AppServices,
  orgId: number,
  count: number,
  stepsPerClue: number,
  log: (line: string) => void = () => undefined,
): Promise<SeededClues> {
  const db = services.database.db;
  const started = performance.now();
  // The commission's calendar day, as the overdue list reads it.
  const today = commissionDate(services.clock.now());
  let steps = 0;
  for (let from = 1; from <= count; from += CHUNK) {
    const to = Math.min(count, from + CHUNK - 1);
    const ids = await sql<{ id: number }>`
      INSERT INTO clues (${CLUE_COLUMNS}) ${clueSelect(orgId, today, from, to)} RETURNING id`.execute(db);
    const lo = ids.rows.reduce((n, r) => Math.min(n, r.id), Infinity);
    const hi = ids.rows.reduce((n, r) => Math.max(n, r.id), 0);
    await sql`
      INSERT INTO clue_subjects (clue_id, kind, name, id_number_hash)
      SELECT id, 'official', '对象' || (1 + (CAST(registration_seq AS BIGINT) * 7919) % 300000),
        'bench-' || (1 + (CAST(registration_seq AS BIGINT) * 7919) % 300000)
      FROM clues WHERE id BETWEEN ${lo} AND ${hi}`.execute(db);
    const written = await sql`
      INSERT INTO clue_steps (clue_id, action, from_state, to_state, actor_id, actor_name, at, payload, attachments)
      SELECT c.id, CASE WHEN k = 1 THEN 'receive' ELSE 'record_verification_work' END, c.state, c.state, NULL,
        'bench', c.created_at + k * interval '1 hour', '{}'::jsonb, '[]'::jsonb
      FROM clues c CROSS JOIN generate_series(1, ${stepsPerClue}) AS k
      WHERE c.id BETWEEN ${lo} AND ${hi}`.execute(db);
    steps += Number(written.numAffectedRows ?? 0);
    log(`  ${to.toLocaleString('en-US')} clues written, ${steps.toLocaleString('en-US')} timeline entries`);
  }
  // The searched person's clues carry the real blind index of a made-up, valid identity number.
  const person = personOf(2);
  const searchedIdNumber = composeIdNumber('330102', '19650505', person % 1000);
  await db
    .updateTable('clue_subjects')
    .set({
      id_number_hash: services.fieldCrypto.blindIndex(searchedIdNumber),
      id_number_enc: services.fieldCrypto.encrypt(searchedIdNumber),
    })
    .where('id_number_hash', '=', `bench-${person}`)
    .execute();
  for (const table of ['clues', 'clue_subjects', 'clue_steps']) await sql`ANALYZE ${sql.table(table)}`.execute(db);
  return { clues: count, steps, ms: performance.now() - started, searchedIdNumber };
}
