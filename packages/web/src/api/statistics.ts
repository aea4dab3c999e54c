import type { Severity } from '@qingfeng/core';
import { api } from './client';
import type { Localised } from './datasets';
import type { WarningStatus } from './warnings';

/** The statuses still waiting for a handler: what "open" means on the overview. */
export type OpenStatus = 'new' | 'under_review';

/** A division the overview counts in: `division` is the prefix the warning list filters by. */
export interface PlaceCount {
  division: string;
  name: Localised | null;
  count: number;
}

export interface WarningOverview {
  byStatus: { status: WarningStatus; count: number }[];
  bySeverity: { severity: Severity; status: OpenStatus; count: number }[];
  byCategory: { category: string; label: Localised; status: OpenStatus; count: number }[];
  byTown: (PlaceCount & { status: OpenStatus })[];
  trend: { month: string; from: string; to: string; found: number; confirmed: number; falsePositive: number }[];
  overdue: { days: number; before: string; byStatus: { status: OpenStatus; count: number }[] };
  mostConfirmed: { towns: PlaceCount[]; villages: PlaceCount[] };
}

export interface Freshness {
  datasetType: string;
  lastLoadedAt: string;
  batches: number;
  models: { id: string; name: Localised }[];
}

/** The leader's overview; a section is null when the role may not read what it counts. */
export interface Overview {
  asOf: string;
  warnings: WarningOverview | null;
  freshness: Freshness[] | null;
}

export function getOverview(): Promise<Overview> {
  return api.get<Overview>('/api/v1/statistics/overview');
}
