import { MODEL_CATEGORIES, type Permission } from '@qingfeng/core';
import { cachedAtRevision } from '../../db/revision-cache.js';
import type { Platform } from '../../platform/platform.js';
import { findPlaceNames, placeNameOf } from '../organisations/index.js';
import { keepWarningCountsFolded } from '../warnings/index.js';
import { freshnessOf } from './freshness.js';
import { endOfDay, lastMonths, localDay, overdueDay } from './overview-dates.js';
import { type WarningCell, StatisticsRepository } from './statistics.repository.js';
import { OPEN_STATUSES, type TOverview, type TWarningOverview } from './statistics.schemas.js';

/** Who opens the overview, and over which divisions. */
export interface StatisticsViewer {
  jurisdictionPrefix: string;
  permissions: ReadonlySet<Permission>;
}

const TREND_MONTHS = 12;
const MOST = 5;

type OpenStatus = (typeof OPEN_STATUSES)[number];
const isOpen = (status: string): status is OpenStatus => (OPEN_STATUSES as readonly string[]).includes(status);

/** Sums `cells` by the key each gives (cells returning undefined are left out), in first-seen order. */
function sumBy<K>(
  cells: readonly WarningCell[],
  keyOf: (c: WarningCell) => K | undefined,
  value = (c: WarningCell) => c.count,
) {
  const out = new Map<string, { key: K; count: number }>();
  for (const cell of cells) {
    const key = keyOf(cell);
    if (key === undefined) continue;
    const id = JSON.stringify(key);
    const entry = out.get(id) ?? { key, count: 0 };
    entry.count += value(cell);
    out.set(id, entry);
  }
  return [...out.values()].filter((e) => e.count > 0);
}

function categoryLabel(code: string) {
  return MODEL_CATEGORIES.find((c) => c.code === code)?.label ?? { zh: code, en: code };
}

const categoryOrder = (code: string) => {
  const i = MODEL_CATEGORIES.findIndex((c) => c.code === code);
  return i === -1 ? MODEL_CATEGORIES.length : i;
};

/** The warning figures of the overview: four reads of the kept counts (one with a month of open warnings) and one of place names. */
async function warningOverview(platform: Platform, prefix: string): Promise<TWarningOverview> {
  await keepWarningCountsFolded(platform);
  const repository = new StatisticsRepository(platform.database.db);
  const now = platform.clock.now();
  // An open warning waits this many days (QF_OVERDUE_DAYS) before it counts as overdue.
  const days = platform.config.overdueDays;
  const before = overdueDay(now, days);
  const months = lastMonths(now, TREND_MONTHS);
  const [cells, overdue, byMonth, villages] = await Promise.all([
    repository.countCells(prefix),
    repository.countOverdue(prefix, endOfDay(before)),
    repository.countByMonth(prefix, (months[0] as { start: Date }).start),
    repository.mostConfirmedVillages(prefix, MOST),
  ]);
  const open = cells.filter((c) => isOpen(c.status));
  // Nine digits ending in 000 name a county (or above), not a town.
  const townOf = (c: WarningCell) => (c.town.endsWith('000') ? undefined : c.town);
  const towns = sumBy(open, (c) =>
    townOf(c) === undefined ? undefined : ([townOf(c) as string, c.status as OpenStatus] as const),
  );
  const confirmedTowns = sumBy(cells, (c) => (c.status === 'confirmed' ? townOf(c) : undefined))
    .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key))
    .slice(0, MOST);
  const places = await findPlaceNames(platform.database.db, [
    ...new Set([...towns.map((t) => t.key[0]), ...confirmedTowns.map((t) => t.key)].map((t) => `${t}000`)),
    ...villages.map((v) => v.division_code),
  ]);
  const place = (division: string) => ({ division, name: placeNameOf(places, division.padEnd(12, '0')) });
  return {
    byStatus: sumBy(cells, (c) => c.status).map((e) => ({ status: e.key, count: e.count })),
    bySeverity: sumBy(open, (c) => [c.severity, c.status as OpenStatus] as const).map((e) => ({
      severity: e.key[0],
      status: e.key[1],
      count: e.count,
    })),
    byCategory: sumBy(open, (c) => (c.category === null ? undefined : ([c.category, c.status as OpenStatus] as const)))
      .sort((a, b) => categoryOrder(a.key[0]) - categoryOrder(b.key[0]) || a.key[0].localeCompare(b.key[0]))
      .map((e) => ({ category: e.key[0], label: categoryLabel(e.key[0]), status: e.key[1], count: e.count })),
    byTown: towns
      .sort((a, b) => a.key[0].localeCompare(b.key[0]))
      .map((e) => ({ ...place(e.key[0]), status: e.key[1], count: e.count })),
    trend: months.map(({ month, from, to }) => {
      const counts = byMonth.find((m) => m.month === month);
      return {
        month,
        from,
        to,
        found: counts?.found ?? 0,
        confirmed: counts?.confirmed ?? 0,
        falsePositive: counts?.false_positive ?? 0,
      };
    }),
    overdue: {
      days,
      before,
      byStatus: OPEN_STATUSES.map((status) => ({
        status,
        count: overdue.get(status) ?? 0,
      })),
    },
    mostConfirmed: {
      towns: confirmedTowns.map((e) => ({ ...place(e.key), count: e.count })),
      villages: villages.map((v) => ({ ...place(v.division_code), count: v.count })),
    },
  };
}

/**
 * The overview for the viewer: each section only when the role may read what it counts,
 * always inside its jurisdiction. Every viewer of the same jurisdiction, permissions and
 * day sees the same figures, so they are computed once per change of the store (see
 * db/revision-cache.ts), not once per leader opening the page.
 */
export async function getOverview(platform: Platform, viewer: StatisticsViewer): Promise<TOverview> {
  const prefix = viewer.jurisdictionPrefix;
  const now = platform.clock.now();
  const readsWarnings = viewer.permissions.has('warning.read');
  const readsDatasets = viewer.permissions.has('dataset.read');
  // The day decides which warnings are overdue and which months the trend shows.
  const key = JSON.stringify(['overview', prefix, readsWarnings, readsDatasets, localDay(now)]);
  // asOf is when the figures were read: a kept answer says how old it is.
  return cachedAtRevision(platform.database, 'warning_reads', key, async () => {
    const [warnings, freshness] = await Promise.all([
      readsWarnings ? warningOverview(platform, prefix) : null,
      readsDatasets ? freshnessOf(new StatisticsRepository(platform.database.db), prefix) : null,
    ]);
    return { asOf: now, warnings, freshness };
  });
}
