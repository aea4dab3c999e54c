import type { FastifyRequest } from 'fastify';
import type { ApiKeyServices } from './api-key-services.js';
import type { ApiKeyContext } from '../../http/auth-context.js';
import { AuthenticationError, TooManyRequestsError } from '../../http/errors.js';
import type { AuditActor } from '../audit/index.js';
import { auditKeyFailures } from './key-failure-audit.js';
import type { KeyAttemptOutcome, KeyFailureWindow } from './key-failures.js';
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

/** Counts a refused attempt against the request's address; returns the windows that ended. */
function countRefusal(
  services: ApiKeyServices,
  request: FastifyRequest,
  outcome: KeyAttemptOutcome,
  keyId?: number,
): KeyFailureWindow[] {
  return services.keyFailures.record(request.ip, services.clock.now(), {
    outcome,
    ...(keyId !== undefined ? { keyId } : {}),
    route: `${request.method} ${request.routeOptions.url ?? request.url}`,
    userAgent: request.headers['user-agent']?.slice(0, 400) ?? null,
  });
}

/**
 * Resolves the `x-api-key` header of a request on an `api_key` route to its department.
 * An address that has used up its failed attempts in the current window is refused with
 * 429 and Retry-After before its key is even looked at. A missing, malformed, unknown,
 * wrong, revoked or expired key is a 401. Every refusal (429s included) is counted
 * against the address and audited in aggregate: one entry per address and window.
 */
export async function authenticateApiKey(services: ApiKeyServices, request: FastifyRequest): Promise<ApiKeyContext> {
  const retryAfter = services.keyFailures.retryAfterSeconds(request.ip, services.clock.now());
  if (retryAfter !== null) {
    await auditKeyFailures(services.database.db, countRefusal(services, request, 'limited'));
    throw new TooManyRequestsError(
      `Too many refused API keys from this address; try again in ${retryAfter} s`,
      'api_key_attempts_exceeded',
      retryAfter,
    );
  }
  const presented = request.headers[API_KEY_HEADER];
  if (presented === undefined || presented === '') {
    await auditKeyFailures(services.database.db, countRefusal(services, request, 'missing'));
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
    const reason = refusal ?? 'invalid';
    // A wrong secret for a real id names the id the caller claimed, nothing more: anyone can guess an id.
    await auditKeyFailures(services.database.db, countRefusal(services, request, reason, parsed?.id));
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
 * minute). It runs after access control, so only verified keys are counted; a request it
 * refuses (429) is counted and audited with the address's other refusals.
 */
export function apiKeyRateLimit(services: ApiKeyServices) {
  return {
    max: (request: FastifyRequest) => request.apiKey?.rateLimitPerMinute ?? 1,
    timeWindow: '1 minute',
    keyGenerator: (request: FastifyRequest) => `api_key:${request.apiKey?.keyId ?? request.ip}`,
    onExceeded: (request: FastifyRequest) => {
      const ended = countRefusal(services, request, 'limited', request.apiKey?.keyId);
      services.background.start('Refused API key attempts were not audited', () =>
        auditKeyFailures(services.database.db, ended),
      );
    },
  };
}
