import { api, type Query, withQuery } from './client';

export type AuditOutcome = 'allowed' | 'denied' | 'failed';
export const AUDIT_OUTCOMES: readonly AuditOutcome[] = ['allowed', 'denied', 'failed'];

export interface AuditEntry {
  id: number;
  at: string;
  userId: number | null;
  username: string | null;
  role: string | null;
  orgId: number | null;
  action: string;
  objectType: string | null;
  objectId: string | null;
  subject: string | null;
  reason: string | null;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
  outcome: AuditOutcome;
  detail: unknown;
}

export interface AuditPage {
  items: AuditEntry[];
  total: number;
  page: number;
  pageSize: number;
}

export interface AuditFilter {
  from?: string;
  to?: string;
  username?: string;
  action?: string;
  outcome?: AuditOutcome;
  objectType?: string;
  objectId?: string;
}

export function searchAudit(filter: AuditFilter, page: number, pageSize: number): Promise<AuditPage> {
  return api.get<AuditPage>('/api/v1/audit', { ...filter, page, pageSize } satisfies Query);
}

/** The address of the CSV export for a filter (a plain GET, so the browser downloads it). */
export function auditExportUrl(filter: AuditFilter): string {
  return withQuery('/api/v1/audit/export', { ...filter });
}
