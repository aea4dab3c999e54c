import { type ExpressionBuilder, type Expression, type SqlBool, sql } from 'kysely';
import type { DB } from '../../db/schema.js';
import { RECEIVE_ACTION } from './clues.presenter.js';

/**
 * What the registry filters by, inside a jurisdiction. The statistics count through the
 * same rule (`clueMatches`), so every figure they give is the total of the registry with
 * the filters it names.
 */
export interface ClueFilter {
  state?: string;
  source?: string;
  problemType?: string;
  /** A division prefix (a town's 9 digits, a village's 12) inside the jurisdiction. */
  division?: string;
  /** The responsible office (organisation id). */
  office?: number;
  /** Clues received on or after this instant (the commission's midnight of `from`). */
  receivedFrom?: Date;
  /** Clues received before this instant (the commission's midnight after `to`). */
  receivedBefore?: Date;
  /** Clues that entered their current state on or after this instant. */
  enteredFrom?: Date;
  /** Clues that entered their current state before this instant. */
  enteredBefore?: Date;
  /** Clues closed with this first-form outcome (第一种形态). */
  firstForm?: string;
  /** Clues with a running deadline, whatever its date. */
  running?: boolean;
  /** Clues whose running deadline passed before this date (YYYY-MM-DD). */
  overdueOn?: string;
  /** Leave out the clues this user is recused from. */
  hiddenFrom?: number;
  /** Leave out these clues (those the reader is recused from, read beforehand: clue-reads.ts). */
  hidden?: readonly number[];
}

/** The commission's (UTC+8) midnight starting `day` (YYYY-MM-DD). */
export function commissionDayStart(day: string): Date {
  return new Date(`${day}T00:00:00+08:00`);
}

/** The commission's midnight ending `day`: the bound a `to` day is read up to, the day whole. */
export function commissionDayEnd(day: string): Date {
  return new Date(commissionDayStart(day).getTime() + 86_400_000);
}

/** A clue `userId` is not recused from (clue_recusals mirrors the core's recusedIds). */
export const notRecused = (userId: number) => (eb: ExpressionBuilder<DB, 'clues'>) =>
  eb.not(
    eb.exists(
      eb
        .selectFrom('clue_recusals')
        .select('clue_recusals.clue_id')
        .whereRef('clue_recusals.clue_id', '=', 'clues.id')
        .where('clue_recusals.user_id', '=', userId),
    ),
  );

/** A clue not among `ids` (none left out when there are none). */
export const notAmong = (ids: readonly number[]) => (eb: ExpressionBuilder<DB, 'clues'>) =>
  ids.length === 0 ? eb.lit(true) : eb('clues.id', 'not in', [...ids]);

/** The conditions of `filter` on the `clues` table, and its jurisdiction `prefix` ('' = national). */
export function clueMatches(prefix: string, filter: ClueFilter) {
  return (eb: ExpressionBuilder<DB, 'clues'>): Expression<SqlBool> => {
    const all: Expression<SqlBool>[] = [];
    if (prefix !== '') all.push(eb('clues.division_code', 'like', `${prefix}%`));
    if (filter.division) all.push(eb('clues.division_code', 'like', `${filter.division}%`));
    if (filter.state) all.push(eb('clues.state', '=', filter.state));
    if (filter.source) all.push(eb('clues.source', '=', filter.source));
    if (filter.problemType) all.push(eb('clues.problem_type', '=', filter.problemType));
    if (filter.office !== undefined) all.push(eb('clues.responsible_org_id', '=', filter.office));
    if (filter.receivedFrom) all.push(eb('clues.created_at', '>=', filter.receivedFrom));
    if (filter.receivedBefore) all.push(eb('clues.created_at', '<', filter.receivedBefore));
    if (filter.firstForm) all.push(eb(sql<string>`clues.record->'outcome'->>'firstForm'`, '=', filter.firstForm));
    if (filter.running) all.push(eb('clues.deadline_due', 'is not', null));
    if (filter.overdueOn) all.push(eb('clues.deadline_due', '<', filter.overdueOn));
    if (filter.enteredFrom || filter.enteredBefore) all.push(eb.exists(enteredCurrentState(eb, filter)));
    if (filter.hiddenFrom !== undefined) all.push(notRecused(filter.hiddenFrom)(eb));
    if (filter.hidden && filter.hidden.length > 0) all.push(notAmong(filter.hidden)(eb));
    return eb.and(all);
  };
}

/**
 * The step that brought the clue into its current state, within the bounds: the timeline's
 * last change of state (a step that kept the state, such as linking a related clue, does
 * not count). A clue still in the state it was received in entered it when received.
 */
function enteredCurrentState(eb: ExpressionBuilder<DB, 'clues'>, filter: ClueFilter) {
  let entered = eb
    .selectFrom('clue_steps as entered')
    .select(sql`1`.as('one'))
    .whereRef('entered.clue_id', '=', 'clues.id')
    .whereRef('entered.to_state', '=', 'clues.state')
    .where((s) =>
      s.or([s('entered.from_state', '<>', s.ref('entered.to_state')), s('entered.action', '=', RECEIVE_ACTION)]),
    )
    .where((s) =>
      s.not(
        s.exists(
          s
            .selectFrom('clue_steps as later')
            .select(sql`1`.as('one'))
            .whereRef('later.clue_id', '=', 'entered.clue_id')
            .whereRef('later.id', '>', 'entered.id')
            .whereRef('later.from_state', '<>', 'later.to_state'),
        ),
      ),
    );
  if (filter.enteredFrom) entered = entered.where('entered.at', '>=', filter.enteredFrom);
  if (filter.enteredBefore) entered = entered.where('entered.at', '<', filter.enteredBefore);
  return entered;
}

/** The registry's query parameters (strings as the URL has them) as the filter. */
export interface ClueFilterParams {
  state?: string;
  source?: string;
  problemType?: string;
  division?: string;
  office?: number;
  from?: string;
  to?: string;
  enteredFrom?: string;
  enteredTo?: string;
  firstForm?: string;
  running?: 'true' | 'false';
  overdue?: 'true' | 'false';
}

/** The filter the registry's parameters name; `today` (the commission's date) decides what is overdue. */
export function clueFilterOf(params: ClueFilterParams, today: string): ClueFilter {
  const { from, to, enteredFrom, enteredTo, running, overdue, ...plain } = params;
  const filter: ClueFilter = Object.fromEntries(Object.entries(plain).filter(([, v]) => v !== undefined));
  if (from) filter.receivedFrom = commissionDayStart(from);
  if (to) filter.receivedBefore = commissionDayEnd(to);
  if (enteredFrom) filter.enteredFrom = commissionDayStart(enteredFrom);
  if (enteredTo) filter.enteredBefore = commissionDayEnd(enteredTo);
  if (running === 'true') filter.running = true;
  if (overdue === 'true') filter.overdueOn = today;
  return filter;
}
