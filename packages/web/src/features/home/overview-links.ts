import type { OpenStatus, WarningOverview } from '../../api/statistics';
import type { WarningStatus } from '../../api/warnings';

/** The warning list's filters a figure of the overview stands for, named as the list's URL and the API name them. */
export interface WarningLinkFilter {
  severity?: string;
  status?: WarningStatus;
  modelId?: string;
  category?: string;
  division?: string;
  from?: string;
  to?: string;
}

const ORDER: (keyof WarningLinkFilter)[] = ['modelId', 'category', 'severity', 'status', 'division', 'from', 'to'];

/** The warning list filtered to what a figure counts. */
export function warningsLink(filter: WarningLinkFilter): string {
  const params = new URLSearchParams();
  for (const key of ORDER) {
    const value = filter[key];
    if (value) params.set(key, value);
  }
  const text = params.toString();
  return text ? `/warnings?${text}` : '/warnings';
}

/** A figure the overview shows, with the list behind it. */
export interface LinkedFigure {
  key: string;
  count: number;
  link: string;
}

/**
 * A stacked bar chart's data: one row per category (a severity, a model category, a
 * town), one value per open status, each value linked to the list that counts it.
 */
export interface StackedFigures {
  categories: { key: string; label: string }[];
  series: { status: OpenStatus; values: (LinkedFigure | null)[] }[];
}

export const OPEN_STATUSES: readonly OpenStatus[] = ['new', 'under_review'];

/** Groups `rows` (each one status of one category) into a stacked chart's data, categories in first-seen order. */
export function stackOpen<R extends { status: OpenStatus; count: number }>(
  rows: readonly R[],
  keyOf: (row: R) => string,
  labelOf: (row: R) => string,
  filterOf: (row: R) => WarningLinkFilter,
): StackedFigures {
  const categories: { key: string; label: string }[] = [];
  for (const row of rows) {
    const key = keyOf(row);
    if (!categories.some((c) => c.key === key)) categories.push({ key, label: labelOf(row) });
  }
  return {
    categories,
    series: OPEN_STATUSES.map((status) => ({
      status,
      values: categories.map((category) => {
        const row = rows.find((r) => r.status === status && keyOf(r) === category.key);
        return row
          ? { key: `${category.key}:${status}`, count: row.count, link: warningsLink({ ...filterOf(row), status }) }
          : null;
      }),
    })),
  };
}

/** The monthly trend's three lines, each point linked to the warnings first seen that month (and judged so). */
export function trendFigures(trend: WarningOverview['trend']) {
  const line = (count: (m: WarningOverview['trend'][number]) => number, status?: WarningStatus) =>
    trend.map((m) => ({
      key: `${m.month}:${status ?? 'found'}`,
      count: count(m),
      link: warningsLink({ from: m.from, to: m.to, status }),
    }));
  return {
    months: trend.map((m) => m.month),
    found: line((m) => m.found),
    confirmed: line((m) => m.confirmed, 'confirmed'),
    falsePositive: line((m) => m.falsePositive, 'false_positive'),
  };
}
