import type { SensitiveRequestTable } from '../../db/schema.js';
import type { Selectable } from 'kysely';
import type { TSensitiveRequest } from './approvals.schemas.js';

/** A request as its requester and its approvers see it; an approval past its window reads `expired`. */
export function presentRequest(row: Selectable<SensitiveRequestTable>, now: Date): TSensitiveRequest {
  const expired = row.status === 'approved' && row.valid_until !== null && row.valid_until <= now;
  return {
    id: row.id,
    kind: row.kind,
    query: row.query_masked,
    reason: row.reason,
    requestedBy: row.requested_by_name,
    status: expired ? 'expired' : row.status,
    decidedBy: row.decided_by_name,
    decisionNote: row.decision_note,
    decidedAt: row.decided_at,
    validUntil: row.valid_until,
    usedAt: row.used_at,
    createdAt: row.created_at,
  };
}
