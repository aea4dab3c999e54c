import type { RequestIdentity } from '../http/access-control.js';
import { apiKeyRateLimit, authenticateApiKey } from '../modules/api-keys/api-key-auth.js';
import type { ApiKeyServices } from '../modules/api-keys/api-key-services.js';
import { actorFromRequest, recordAudit } from '../modules/audit/audit.service.js';
import type { AuthServices } from '../modules/auth/auth-services.js';
import { sessionUser } from '../modules/auth/session-user.js';

/** The answers access control asks for, from the modules that own them: sessions, API keys and the audit trail. */
export function requestIdentity(services: AuthServices & ApiKeyServices): RequestIdentity {
  return {
    sessionUser: (token) => sessionUser(services, token),
    apiKey: (request) => authenticateApiKey(services, request),
    apiKeyRateLimit: apiKeyRateLimit(services),
    publicRateLimit: services.config.publicRateLimit,
    recordDenial: (request, needs) =>
      recordAudit(services.database.db, actorFromRequest(request), {
        action: 'access.denied',
        outcome: 'denied',
        detail: { method: request.method, route: request.routeOptions.url, needs },
      }),
  };
}
