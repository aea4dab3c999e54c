import type { Severity } from '@qingfeng/core';
import { api, withQuery } from './client';
import type { Localised } from './datasets';

export type WarningStatus = 'new' | 'under_review' | 'confirmed' | 'false_positive' | 'not_actionable';
export const WARNING_STATUSES: readonly WarningStatus[] = [
  'new',
  'under_review',
  'confirmed',
  'false_positive',
  'not_actionable',
];
/** Why the platform retired a warning: its evidence rows were rolled back, or a full run no longer finds it. */
export type RetiredReason = 'evidence_rolled_back' | 'no_longer_found';
/** Retired warnings in a list: left out (the server's default), the only ones, or both. */
export type RetiredFilter = 'exclude' | 'only' | 'include';
export const RETIRED_FILTERS: readonly RetiredFilter[] = ['exclude', 'only', 'include'];

/** The server refuses these without a reason. */
export const REASON_REQUIRED: ReadonlySet<WarningStatus> = new Set(['false_positive', 'not_actionable']);

export interface Warning {
  id: number;
  hitKey: string;
  modelId: string;
  modelVersion: number;
  severity: Severity;
  status: WarningStatus;
  statusReason: string | null;
  divisionCode: string | null;
  /** The division's place name (town and village); null when the register does not know the code. */
  divisionName: Localised | null;
  subjectKey: string | null;
  explanation: Localised;
  firstSeenAt: string;
  lastSeenAt: string;
  lastRunId: number | null;
  /** Set when the data no longer supports the warning; the status stays the handlers'. */
  retiredAt: string | null;
  retiredReason: RetiredReason | null;
  /** What the warning gathers: one warning per problem, however many rows (months, claims) it covers. */
  summary: WarningSummary;
}

/** A warning's evidence in figures: rows, items the model counts, the period they span, their total in yuan. */
export interface WarningSummary {
  evidenceCount: number;
  itemCount: number;
  periodFrom: string | null;
  periodTo: string | null;
  amountTotal: number | null;
}

export interface EvidenceRow {
  dataset: string;
  batchId: number;
  rowNo: number;
  role: string;
  /** Null when the row is gone from the lake (its batch was rolled back or replaced). */
  values: Record<string, unknown> | null;
}

export interface WarningDetail extends Warning {
  facts: Record<string, unknown>;
  /** Place names of the division codes its evidence rows hold (12-digit code → name). */
  places: Record<string, Localised>;
  masked: boolean;
  /** The policy basis and handling guidance of the model version that raised it. */
  basis: Localised | null;
  handling: Localised | null;
  evidence: EvidenceRow[];
  events: WarningEvent[];
}

/** A handler's status change, or what the platform did because of the data. */
export interface WarningEvent {
  kind: 'status' | 'retired' | 'restored' | 'not_found' | 'evidence_added';
  from: string;
  to: string;
  reason: string | null;
  by: string | null;
  runId: number | null;
  batchId: number | null;
  at: string;
}

/** A status, or `open`: new or under review, and not retired. */
export type WarningStatusFilter = WarningStatus | 'open';

/** The list's filters, named as the API's query (and the console's URL) names them. */
export interface WarningFilter {
  modelId?: string;
  severity?: Severity;
  status?: WarningStatusFilter;
  /** The category of the warning's model. */
  category?: string;
  /** Leading digits of a division code (a town, a village). */
  division?: string;
  retired?: RetiredFilter;
  /** Calendar days, YYYY-MM-DD, both included. */
  from?: string;
  to?: string;
}

/** Columns the server sorts the list by; `-` before one for descending. */
export const WARNING_SORT_KEYS = [
  'id',
  'modelId',
  'severity',
  'status',
  'division',
  'firstSeenAt',
  'lastSeenAt',
] as const;
export type WarningSortKey = (typeof WARNING_SORT_KEYS)[number];
export type WarningSort = WarningSortKey | `-${WarningSortKey}`;

export interface WarningPage {
  items: Warning[];
  total: number;
  /** `total` is a floor: a list filtered by dates is counted no further than 10,000. */
  totalIsAtLeast: boolean;
  page: number;
  pageSize: number;
  /** Positions to ask for the next or previous page by (null when there is none). */
  nextCursor: string | null;
  prevCursor: string | null;
}

/** Where a page starts: after or before a position an earlier page gave (see WarningPage). */
export interface WarningCursor {
  after?: string;
  before?: string;
}

export interface CountsByJudgement {
  hits: number;
  confirmed: number;
  falsePositives: number;
  notActionable: number;
  /** New or under review, and not retired. */
  open: number;
  retired: number;
  /** confirmed / (confirmed + false positives); null before any is judged. */
  precision: number | null;
}

export interface ModelStats extends CountsByJudgement {
  modelId: string;
  trend: (CountsByJudgement & { month: string })[];
}

export function listWarnings(
  filter: WarningFilter,
  page: number,
  pageSize: number,
  sort?: WarningSort,
  cursor: WarningCursor = {},
): Promise<WarningPage> {
  return api.get<WarningPage>('/api/v1/warnings', { ...filter, page, pageSize, sort, ...cursor });
}

/** One warning; with a reason (and person.read) its evidence comes unmasked, and the read is audited. */
export function getWarning(id: number, reason?: string): Promise<WarningDetail> {
  return api.get<WarningDetail>(`/api/v1/warnings/${id}`, { reason });
}

export function changeWarningStatus(id: number, status: WarningStatus, reason?: string): Promise<WarningDetail> {
  return api.post<WarningDetail>(`/api/v1/warnings/${id}/status`, { status, ...(reason ? { reason } : {}) });
}

/** Changes several warnings at once, all or none. */
export function changeWarningsStatus(ids: number[], status: WarningStatus, reason?: string) {
  return api.post<{ updated: number[] }>('/api/v1/warnings/status', { ids, status, ...(reason ? { reason } : {}) });
}

export async function getModelStats(model?: string): Promise<ModelStats[]> {
  return (await api.get<{ items: ModelStats[] }>('/api/v1/warnings/stats', { model })).items;
}

/**
 * Where to download the warnings the list shows (masked), with their subjects and evidence
 * rows: JSON nests them under each warning, CSV has one line per evidence row, written in
 * the words of the reader's language.
 */
export function warningExportUrl(format: 'csv' | 'json', filter: WarningFilter, lang: 'zh' | 'en'): string {
  const { modelId, severity, status, category, division, retired, from, to } = filter;
  return withQuery('/api/v1/warnings/export', {
    format,
    modelId,
    severity,
    status,
    category,
    division,
    retired,
    from,
    to,
    lang,
  });
}
