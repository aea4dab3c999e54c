import type { ClueSource, ClueState, FirstFormOutcome } from '@qingfeng/core';
import { api } from './client';
import type { Localised } from './datasets';

interface Durations {
  count: number;
  medianDays: number | null;
  p90Days: number | null;
}

/**
 * The clue figures of the user's jurisdiction (GET /api/v1/statistics/clues): each count
 * is the registry's total with the filters its fields name.
 */
export interface ClueStatistics {
  asOf: string;
  today: string;
  total: number;
  byState: { state: ClueState; label: Localised; open: boolean; count: number }[];
  bySource: { source: ClueSource; label: Localised; count: number }[];
  byProblemType: { problemType: string; label: Localised; count: number }[];
  byTown: { division: string; name: Localised | null; count: number }[];
  byOffice: { office: number; name: string; count: number }[];
  firstForm: { outcome: FirstFormOutcome; label: Localised; count: number }[];
  overdue: { running: number; overdue: number; rate: number | null };
  durations: (Durations & { state: ClueState; label: Localised })[];
  handling: Durations;
  trend: {
    month: string;
    from: string;
    to: string;
    receivedFrom: string;
    receivedTo: string;
    received: number;
    closed: number;
    filedAsCase: number;
  }[];
}

/** The clues counted: received between `from` and `to`, in `division`. */
export interface ClueStatisticsQuery {
  from?: string;
  to?: string;
  division?: string;
}

export function getClueStatistics(query: ClueStatisticsQuery = {}): Promise<ClueStatistics> {
  return api.get<ClueStatistics>('/api/v1/statistics/clues', { ...query });
}
