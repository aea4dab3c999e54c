import type { FastifyRequest } from 'fastify';
import type { AppServices } from '../../app-services.js';
import type { ApiKeyContext } from '../../http/auth-context.js';
import { AuthenticationError } from '../../http/errors.js';
import { type AuditActor, recordAudit } from '../audit/audit.service.js';
import { API_KEY_HEADER, isSecretMatch, parseApiKey } from './api-key-secret.js';
import { ApiKeysRepository } from './api-keys.repository.js';

/** The audit actor of a department's request: no user, the key by name, the department's organisation. */
export function apiKeyActor(request: FastifyRequest, key: Pick<ApiKeyContext, 'keyId' | 'orgId'> | null): AuditActor {
  return {
    userId: null,
    username: key ? `api_key:${key.keyId}` : 'api_key',
    role: null,
    orgId: key?.orgId ?? null,
    ip: request.ip,
    userAgent: request.headers['user-agent']?.slice(0, 400) ?? null,
    requestId: request.id,
  };
}

type Refusal = 'invalid' | 'revoked' | 'expired';

const REFUSALS: Record<Refusal, string> = {
  invalid: 'The API key is not valid',
  revoked: 'The API key has been revoked',
  expired: 'The API key has expired',
};

/**
 * Resolves the `x-api-key` header of a request on an `api_key` route to its department.
 * No header is a plain 401; a key that is malformed, unknown, wrong, revoked or expired is
 * a 401 recorded in the audit trail (with the key id when the key names one).
 */
export async function authenticateApiKey(services: AppServices, request: FastifyRequest): Promise<ApiKeyContext> {
  const presented = request.headers[API_KEY_HEADER];
  if (presented === undefined || presented === '') {
    throw new AuthenticationError(`An API key is required in the ${API_KEY_HEADER} header`, 'api_key_required');
  }
  const parsed = parseApiKey(presented);
  const db = services.database.db;
  const row = parsed ? await new ApiKeysRepository(db).findForAuthentication(parsed.id) : undefined;
  const now = services.clock.now();
  let refusal: Refusal | null = null;
  if (!parsed || !row || !isSecretMatch(parsed.secret, row.secret_hash)) refusal = 'invalid';
  else if (row.revoked_at !== null) refusal = 'revoked';
  else if (row.expires_at !== null && new Date(row.expires_at) <= now) refusal = 'expired';
  if (refusal !== null || !row) {
    // A wrong secret for a real id is not attributed to that key's department: anyone can guess an id.
    const known = refusal !== 'invalid' && row ? { keyId: row.id, orgId: row.org_id } : null;
    await recordAudit(db, apiKeyActor(request, known), {
      action: 'api_key.authenticate',
      objectType: 'api_key',
      ...(parsed ? { objectId: parsed.id } : {}),
      outcome: 'denied',
      detail: {
        refusal,
        route: request.routeOptions.url,
        method: request.method,
        departmentCode: known ? row?.org_code : null,
      },
    });
    const reason = refusal ?? 'invalid';
    throw new AuthenticationError(REFUSALS[reason], `api_key_${reason}`);
  }
  await new ApiKeysRepository(db).touchLastUsed(row.id, now);
  return {
    keyId: row.id,
    orgId: row.org_id,
    orgCode: row.org_code,
    divisionCode: row.org_division_code,
    datasetTypes: new Set(row.dataset_types as string[]),
    rateLimitPerMinute: row.rate_limit_per_minute,
  };
}

/**
 * The rate limit of `api_key` routes: per key (each key carries its own requests per
 * minute). It runs after access control, so only verified keys are counted.
 */
export function apiKeyRateLimit() {
  return {
    max: (request: FastifyRequest) => request.apiKey?.rateLimitPerMinute ?? 1,
    timeWindow: '1 minute',
    keyGenerator: (request: FastifyRequest) => `api_key:${request.apiKey?.keyId ?? request.ip}`,
  };
}
