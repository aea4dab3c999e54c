import {
  CLUE_SOURCE_LABELS,
  CLUE_SOURCES,
  CLUE_STATE_LABELS,
  CLUE_STATES,
  CLUE_TERMINAL_STATES,
  FIRST_FORM_OUTCOME_LABELS,
  FIRST_FORM_OUTCOMES,
} from '@qingfeng/core';
import type { Platform } from '../../platform/platform.js';
import { clueFilterOf, commissionDate, commissionDayStart, keptClueRead } from '../clues/index.js';
import { findPlaceNames, placeNameOf } from '../organisations/index.js';
import { type ClueCell, ClueStatisticsRepository } from './clue-statistics.repository.js';
import type { TClueStatistics, TClueStatisticsQuery } from './clue-statistics.schemas.js';
import { monthsBetween } from './calendar-months.js';

/** The trend shows the last twelve months unless the query's days say otherwise, and at most two years. */
const TREND_MONTHS = 12;
const MAX_TREND_MONTHS = 24;

/** Counts `cells` by the key each gives (undefined leaves a cell out), largest first. */
function countBy<K extends string | number>(cells: readonly ClueCell[], keyOf: (c: ClueCell) => K | null | undefined) {
  const out = new Map<K, number>();
  for (const cell of cells) {
    const key = keyOf(cell);
    if (key === null || key === undefined) continue;
    out.set(key, (out.get(key) ?? 0) + cell.count);
  }
  return out;
}

const days = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10);

/** The months the trend shows: those of the query's days, else the last twelve up to today. */
function trendMonths(query: TClueStatisticsQuery, today: string) {
  const last = query.to ?? today;
  const back = new Date(`${last.slice(0, 7)}-01T00:00:00Z`);
  back.setUTCMonth(back.getUTCMonth() - (TREND_MONTHS - 1));
  const first = query.from ?? back.toISOString().slice(0, 10);
  return monthsBetween(first, last).slice(-MAX_TREND_MONTHS);
}

/** Whose figures: the jurisdiction they are read in, and the person whose recusals they leave out. */
export interface ClueStatisticsViewer {
  jurisdictionPrefix: string;
  userId: number;
}

/**
 * The clue figures inside the viewer's jurisdiction, of the clues the query selects: a
 * handful of aggregate queries through the registry's own filter, which leaves out the
 * clues the viewer is recused from as the registry does, so a recused person learns
 * nothing of such a clue from a count either. Kept like the registry's pages (clue-reads.ts
 * of the clues module): read once per change, shared by readers recused from the same clues.
 */
export async function getClueStatistics(
  platform: Platform,
  viewer: ClueStatisticsViewer,
  query: TClueStatisticsQuery,
): Promise<TClueStatistics> {
  const today = commissionDate(platform.clock.now());
  const key = ['clue-statistics', viewer.jurisdictionPrefix, today, query];
  return keptClueRead(platform.database, viewer, key, (hidden) =>
    readClueStatistics(platform, viewer.jurisdictionPrefix, hidden, query, today),
  );
}

async function readClueStatistics(
  platform: Platform,
  prefix: string,
  hidden: readonly number[],
  query: TClueStatisticsQuery,
  today: string,
): Promise<TClueStatistics> {
  const db = platform.database.db;
  const repository = new ClueStatisticsRepository(db);
  const now = platform.clock.now();
  const filter = { ...clueFilterOf(query, today), hidden };
  const months = trendMonths(query, today);
  const since = commissionDayStart(months[0]?.from ?? today);
  const [cells, stays, handling, byMonth, problemTypes] = await Promise.all([
    repository.countCells(prefix, filter, today),
    repository.stayDurations(prefix, filter),
    repository.handlingDurations(prefix, filter, CLUE_TERMINAL_STATES),
    repository.countByMonth(prefix, filter, since),
    repository.problemTypeLabels(),
  ]);
  const byState = countBy(cells, (c) => c.state);
  const bySource = countBy(cells, (c) => c.source);
  const byProblemType = countBy(cells, (c) => c.problem_type);
  // Nine digits ending in 000 name a county (or above), not a town.
  const byTown = countBy(cells, (c) => (c.town.endsWith('000') ? undefined : c.town));
  const byOffice = countBy(cells, (c) => c.office);
  const byFirstForm = countBy(cells, (c) => c.first_form);
  const [places, offices] = await Promise.all([
    findPlaceNames(
      db,
      [...byTown.keys()].map((t) => `${t}000`),
    ),
    repository.officeNames([...byOffice.keys()]),
  ]);
  const running = cells.reduce((sum, c) => sum + c.running, 0);
  const overdue = cells.reduce((sum, c) => sum + c.overdue, 0);
  const monthCount = (kind: string, month: string) =>
    byMonth.find((m) => m.kind === kind && m.month === month)?.count ?? 0;
  const largestFirst = <K>(a: [K, number], b: [K, number]) => b[1] - a[1];
  return {
    asOf: now,
    today,
    total: cells.reduce((sum, c) => sum + c.count, 0),
    byState: CLUE_STATES.filter((s) => byState.has(s)).map((state) => ({
      state,
      label: CLUE_STATE_LABELS[state],
      open: !CLUE_TERMINAL_STATES.includes(state),
      count: byState.get(state) ?? 0,
    })),
    bySource: CLUE_SOURCES.filter((s) => bySource.has(s)).map((source) => ({
      source,
      label: CLUE_SOURCE_LABELS[source],
      count: bySource.get(source) ?? 0,
    })),
    byProblemType: [...byProblemType].sort(largestFirst).map(([problemType, count]) => ({
      problemType,
      label: problemTypes.get(problemType) ?? { zh: problemType, en: problemType },
      count,
    })),
    byTown: [...byTown]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([division, count]) => ({ division, name: placeNameOf(places, `${division}000`), count })),
    byOffice: [...byOffice]
      .sort(largestFirst)
      .map(([office, count]) => ({ office, name: offices.get(office) ?? String(office), count })),
    firstForm: FIRST_FORM_OUTCOMES.filter((o) => byFirstForm.has(o)).map((outcome) => ({
      outcome,
      label: FIRST_FORM_OUTCOME_LABELS[outcome],
      count: byFirstForm.get(outcome) ?? 0,
    })),
    overdue: { running, overdue, rate: running === 0 ? null : Math.round((overdue / running) * 1000) / 1000 },
    durations: CLUE_STATES.flatMap((state) => {
      const stay = stays.find((s) => s.state === state);
      return stay
        ? [
            {
              state,
              label: CLUE_STATE_LABELS[state],
              count: stay.count,
              medianDays: days(stay.median),
              p90Days: days(stay.p90),
            },
          ]
        : [];
    }),
    handling: { count: handling.count, medianDays: days(handling.median), p90Days: days(handling.p90) },
    trend: months.map((m) => ({
      month: m.month,
      from: m.from,
      to: m.to,
      receivedFrom: query.from && query.from > m.from ? query.from : m.from,
      receivedTo: query.to && query.to < m.to ? query.to : m.to,
      received: monthCount('received', m.month),
      closed: monthCount('closed', m.month),
      filedAsCase: monthCount('case_filing', m.month),
    })),
  };
}
