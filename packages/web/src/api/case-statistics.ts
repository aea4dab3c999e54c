import type { CaseState } from '@qingfeng/core';
import { api } from './client';
import type { Localised } from './datasets';

interface Coded {
  code: string;
  label: Localised;
  count: number;
}

/**
 * The case figures of the user's jurisdiction (GET /api/v1/statistics/cases): cases by state
 * and overdue as the case registry counts them; dispositions and the four forms count people.
 */
export interface CaseStatistics {
  asOf: string;
  today: string;
  total: number;
  byState: { state: CaseState; label: Localised; open: boolean; count: number }[];
  overdue: { running: number; overdue: number; rate: number | null };
  durations: { state: CaseState; label: Localised; count: number; medianDays: number | null; p90Days: number | null }[];
  dispositions: {
    people: number;
    party: Coded[];
    government: Coded[];
    organisational: Coded[];
    firstForm: Coded[];
    transferToProcuratorate: number;
  };
  fourForms: { form: number; label: Localised; count: number }[];
  property: {
    registered: { fen: number; piece: number };
    byPlace: { place: string; label: Localised; fen: number; piece: number }[];
    balanced: boolean;
  };
}

export function getCaseStatistics(): Promise<CaseStatistics> {
  return api.get<CaseStatistics>('/api/v1/statistics/cases');
}
