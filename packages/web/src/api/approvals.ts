import { api } from './client';

export type SensitiveKind = 'person_search' | 'dataset_search' | 'rejected_download';
export type SensitiveStatus = 'pending' | 'approved' | 'refused' | 'used' | 'expired';

/** A sensitive query asked for, as its requester and its approvers see it (the query masked). */
export interface SensitiveRequest {
  id: number;
  kind: SensitiveKind;
  query: string;
  reason: string;
  requestedBy: string;
  status: SensitiveStatus;
  decidedBy: string | null;
  decisionNote: string | null;
  decidedAt: string | null;
  validUntil: string | null;
  usedAt: string | null;
  createdAt: string;
}

export interface SensitiveRequestList {
  items: SensitiveRequest[];
  /** Whether the security administrator's policy asks for approvals now. */
  approvalRequired: boolean;
}

/** The query travels in the body: it may hold an identity number, which no URL may keep. */
export function askApproval(kind: SensitiveKind, query: string, reason: string): Promise<SensitiveRequest> {
  return api.post<SensitiveRequest>('/api/v1/approvals', { kind, query, reason });
}

export function listApprovals(view: 'mine' | 'to_decide'): Promise<SensitiveRequestList> {
  return api.get<SensitiveRequestList>('/api/v1/approvals', { view });
}

export function decideApproval(id: number, decision: 'approve' | 'refuse', note?: string): Promise<SensitiveRequest> {
  return api.post<SensitiveRequest>(`/api/v1/approvals/${id}/decision`, { decision, ...(note ? { note } : {}) });
}
