import { timingSafeEqual } from 'node:crypto';
import { isRole, jurisdictionPrefix, type RouteAccess } from '@qingfeng/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppServices } from '../app/app-services.js';
import { apiKeyRateLimit, authenticateApiKey } from '../modules/api-keys/api-key-auth.js';
import { actorFromRequest, recordAudit } from '../modules/audit/audit.service.js';
import { isPasswordExpired } from '@qingfeng/core';
import { mustEnrolTotp } from '../modules/auth/totp-policy.js';
import type { AuthContext } from './auth-context.js';
import { AuthenticationError, ForbiddenError } from './errors.js';

export const SESSION_COOKIE = 'qf_session';
export const CSRF_HEADER = 'x-csrf-token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Every API route registered, with the access it declared. The permission matrix test walks it. */
export interface RegisteredRoute {
  method: string;
  url: string;
  access: RouteAccess;
}

/** Compares a presented token with the expected one in constant time, so timing leaks nothing of it. */
function isSameToken(presented: string | string[] | undefined, expected: string): boolean {
  if (typeof presented !== 'string') return false;
  const a = Buffer.from(presented);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The signed-in user of a request on a route that requires one. */
export function requireAuth(request: FastifyRequest): AuthContext {
  if (!request.auth) throw new AuthenticationError();
  return request.auth;
}

async function resolveAuth(request: FastifyRequest, services: AppServices): Promise<AuthContext | null> {
  const token = request.cookies[SESSION_COOKIE];
  if (!token) return null;
  const now = services.clock.now();
  const session = await services.sessions.findSession(token, now);
  // A session still waiting for its second factor is no sign-in at all, except to
  // POST /auth/totp/verify, which reads it itself.
  if (!session || session.mfa_pending || !isRole(session.role)) return null;
  const passwordExpired = isPasswordExpired(session.password_changed_at, services.config.passwordMaxAgeDays, now);
  return {
    userId: session.user_id,
    username: session.username,
    displayName: session.display_name,
    role: session.role,
    orgId: session.org_id,
    divisionCode: session.division_code,
    jurisdictionPrefix: jurisdictionPrefix(session.division_code),
    sessionId: session.id,
    csrfToken: session.csrf_token,
    mustChangePassword: session.must_change_password || passwordExpired,
    mustEnrolTotp: await mustEnrolTotp(services.database.db, session.role, session.totp_enabled),
    permissions: await services.rolePermissions.getPermissions(session.role),
  };
}

/**
 * Enforces, for every /api/v1 route, in this order: the route declared its access (or the
 * app refuses to start), a department's API key on `api_key` routes (which take no
 * session, so need no CSRF token, and are rate-limited per key), a session when one is
 * needed, unfinished onboarding (a pending password change, then a TOTP enrolment the role
 * requires), the CSRF token on state-changing requests, and the role's permission. Denials
 * by permission and refused API keys are audited.
 */
export function registerAccessControl(app: FastifyInstance, services: AppServices): RegisteredRoute[] {
  const routes: RegisteredRoute[] = [];
  app.decorateRequest('auth', null);
  app.decorateRequest('apiKey', null);

  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/v1/')) return;
    const access = route.config?.access;
    if (!access) throw new Error(`Route ${String(route.method)} ${route.url} declares no access`);
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') routes.push({ method, url: route.url, access });
    }
    if (access === 'public' && route.config && !('rateLimit' in route.config)) {
      // Public routes face the internet without a session: each is rate-limited per IP.
      Object.assign(route.config, { rateLimit: { max: services.config.publicRateLimit, timeWindow: '1 minute' } });
    }
    if (access === 'api_key' && route.config && !('rateLimit' in route.config)) {
      Object.assign(route.config, { rateLimit: apiKeyRateLimit(services) });
    }
  });

  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config?.access;
    if (!access) return;
    if (access === 'api_key') {
      // A department's machine, not a person: the key alone authenticates. A session cookie
      // is not read here, so a signed-in browser cannot push (and CSRF cannot ride on it).
      request.apiKey = await authenticateApiKey(services, request);
      return;
    }
    request.auth = await resolveAuth(request, services);
    if (access === 'public') return;
    const auth = requireAuth(request);
    if (!request.routeOptions.config.allowDuringOnboarding) {
      if (auth.mustChangePassword) {
        throw new ForbiddenError('Change your password before continuing', 'password_change_required');
      }
      if (auth.mustEnrolTotp) {
        throw new ForbiddenError('Set up two-factor sign-in (TOTP) before continuing', 'totp_enrolment_required');
      }
    }
    if (!SAFE_METHODS.has(request.method) && !isSameToken(request.headers[CSRF_HEADER], auth.csrfToken)) {
      throw new ForbiddenError('Missing or invalid CSRF token', 'csrf_failed');
    }
    if (access === 'authenticated' || auth.permissions.has(access)) return;
    await recordAudit(services.database.db, actorFromRequest(request), {
      action: 'access.denied',
      outcome: 'denied',
      detail: { method: request.method, route: request.routeOptions.url, needs: access },
    });
    throw new ForbiddenError();
  });

  return routes;
}
