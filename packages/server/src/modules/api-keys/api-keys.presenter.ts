import { presentColumnAccounting } from '../datasets/index.js';
import type { ApiKeyWithDepartment } from './api-keys.repository.js';
import type { TApiKey, TPushResult } from './api-keys.schemas.js';
import { apiKeyPrefix } from './api-key-secret.js';
import type { PushOutcome } from './push.service.js';

function iso(value: Date | string | null): string | null {
  return value === null ? null : new Date(value).toISOString();
}

/** Whether a key can be used now. */
export function apiKeyStatus(key: ApiKeyWithDepartment, now: Date): TApiKey['status'] {
  if (key.revoked_at !== null) return 'revoked';
  if (key.expires_at !== null && new Date(key.expires_at) <= now) return 'expired';
  return 'active';
}

/** A key as administrators see it: never its hash. */
export function presentApiKey(key: ApiKeyWithDepartment, now: Date): TApiKey {
  return {
    id: key.id,
    name: key.name,
    prefix: apiKeyPrefix(key.id),
    departmentId: key.org_id,
    departmentCode: key.org_code,
    departmentName: key.org_name,
    datasetTypes: key.dataset_types as string[],
    rateLimitPerMinute: key.rate_limit_per_minute,
    status: apiKeyStatus(key, now),
    expiresAt: iso(key.expires_at),
    createdAt: iso(key.created_at) as string,
    createdBy: key.created_by,
    lastUsedAt: iso(key.last_used_at),
    revokedAt: iso(key.revoked_at),
    revokeReason: key.revoke_reason,
  };
}

/** A push's batch summary with its rejected rows, for the department that pushed. */
export function presentPushResult(outcome: PushOutcome): TPushResult {
  const { batch } = outcome;
  return {
    batchId: batch.id,
    datasetType: batch.dataset_type,
    departmentCode: batch.department_code,
    status: batch.status,
    contentHash: batch.content_hash,
    rowsRead: Number(batch.rows_read),
    rowsLoaded: Number(batch.rows_loaded),
    rowsRejected: Number(batch.rows_rejected),
    cellsKept: Number(batch.cells_kept),
    rejected: outcome.rejected,
    rejectedTruncated: outcome.rejectedTruncated,
    columns: presentColumnAccounting(outcome.columns),
  };
}
