import { timingSafeEqual } from 'node:crypto';
import type { RateLimitOptions } from '@fastify/rate-limit';
import { grantsAccess, type RouteAccess } from '@qingfeng/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ApiKeyContext, AuthContext } from './auth-context.js';
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

/**
 * How a request proves who it is. The kernel enforces the order of the checks; the auth,
 * API-key and audit modules supply the answers when the app is assembled (app/request-identity.ts).
 */
export interface RequestIdentity {
  /** The signed-in user behind a session token, or null when the token names no usable session. */
  sessionUser(token: string): Promise<AuthContext | null>;
  /** The department behind an `api_key` request; throws AuthenticationError when the key is refused. */
  apiKey(request: FastifyRequest): Promise<ApiKeyContext>;
  /** The rate limit of `api_key` routes (per key, counted after the key is verified). */
  readonly apiKeyRateLimit: RateLimitOptions;
  /** Requests a public route accepts per address and minute. */
  readonly publicRateLimit: number;
  /** Records a request refused for want of a permission. */
  recordDenial(request: FastifyRequest, needs: RouteAccess): Promise<void>;
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

/**
 * Enforces, for every /api/v1 route, in this order: the route declared its access (or the
 * app refuses to start), a department's API key on `api_key` routes (which take no
 * session, so need no CSRF token, and are rate-limited per key), a session when one is
 * needed, unfinished onboarding (a pending password change, then a TOTP enrolment the role
 * requires), the CSRF token on state-changing requests, and the role's permission. Denials
 * by permission and refused API keys are audited.
 */
export function registerAccessControl(app: FastifyInstance, identity: RequestIdentity): RegisteredRoute[] {
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
      Object.assign(route.config, { rateLimit: { max: identity.publicRateLimit, timeWindow: '1 minute' } });
    }
    if (access === 'api_key' && route.config && !('rateLimit' in route.config)) {
      Object.assign(route.config, { rateLimit: identity.apiKeyRateLimit });
    }
  });

  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config?.access;
    if (!access) return;
    if (access === 'api_key') {
      // A department's machine, not a person: the key alone authenticates. A session cookie
      // is not read here, so a signed-in browser cannot push (and CSRF cannot ride on it).
      request.apiKey = await identity.apiKey(request);
      return;
    }
    const token = request.cookies[SESSION_COOKIE];
    request.auth = token ? await identity.sessionUser(token) : null;
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
    if (access === 'authenticated' || grantsAccess(auth.permissions, access)) return;
    await identity.recordDenial(request, access);
    throw new ForbiddenError();
  });

  return routes;
}
