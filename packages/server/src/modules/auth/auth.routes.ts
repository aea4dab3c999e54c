import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AuthServices } from './auth-services.js';
import { isCookieSecure } from '../../config/config.js';
import { requireAuth, SESSION_COOKIE } from '../../http/access-control.js';
import { AuthenticationError } from '../../http/errors.js';
import { actorFromRequest } from '../audit/index.js';
import { presentLocked } from './auth.presenter.js';
import {
  ZAccountLocked,
  ZChangePasswordBody,
  ZError,
  ZMe,
  ZOkResponse,
  ZSignInBody,
  ZSignInResponse,
  ZSignOutEverywhereResponse,
  ZTotpVerifyBody,
} from './auth.schemas.js';
import { AuthService, describeUser } from './auth.service.js';
import { type IssuedSession, type SignInOutcome, SignInService } from './sign-in.service.js';
import { registerTotpRoutes } from './totp.routes.js';

const TAGS = ['auth'];

/** Sets the session cookie: script cannot read it, other sites cannot send it, it dies with the session. */
export function setSessionCookie(reply: FastifyReply, services: AuthServices, session: IssuedSession): void {
  const maxAge = Math.max(0, Math.floor((session.expiresAt.getTime() - services.clock.now().getTime()) / 1000));
  void reply.setCookie(SESSION_COOKIE, session.token, {
    httpOnly: true,
    sameSite: 'strict',
    path: '/',
    secure: isCookieSecure(services.config),
    maxAge,
  });
}

function clearSessionCookie(reply: FastifyReply, services: AuthServices): void {
  void reply.clearCookie(SESSION_COOKIE, {
    httpOnly: true,
    sameSite: 'strict',
    path: '/',
    secure: isCookieSecure(services.config),
  });
}

/**
 * Turns a sign-in step's outcome into the response: cookie and body, 401, or 423 (only
 * after the password: a second-factor step may say the account is locked, as whoever
 * holds its pending session already knows the account exists).
 */
function sendOutcome(reply: FastifyReply, services: AuthServices, outcome: SignInOutcome) {
  switch (outcome.status) {
    case 'signed_in':
      setSessionCookie(reply, services, outcome.session);
      return reply.status(200).send({ status: 'signed_in' as const, user: outcome.user });
    case 'totp_required':
      setSessionCookie(reply, services, outcome.session);
      return reply.status(200).send({ status: 'totp_required' as const });
    case 'locked':
      clearSessionCookie(reply, services);
      return reply.status(423).send(presentLocked(outcome.lockedUntil));
    case 'invalid_credentials':
      throw new AuthenticationError('The username or password is wrong', 'invalid_credentials');
    case 'invalid_code':
      throw new AuthenticationError('The code is wrong or has already been used', 'invalid_totp_code');
  }
}

/** Sign-in, second factor, sign-out, who-am-I and password change, under /api/v1/auth. */
export function registerAuthRoutes(app: FastifyInstance, services: AuthServices): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const signIn = new SignInService(services);
  const auth = new AuthService(services);

  api.post(
    '/api/v1/auth/sign-in',
    {
      config: { access: 'public' },
      schema: {
        tags: TAGS,
        summary: 'Sign in with username and password',
        description:
          'A wrong password, an unknown or disabled username and a locked account all answer the same 401, ' +
          'so the answer never tells whether a username exists.',
        body: ZSignInBody,
        response: { 200: ZSignInResponse, 401: ZError },
      },
    },
    async (request, reply) =>
      sendOutcome(reply, services, await signIn.signIn(request.body, actorFromRequest(request))),
  );

  api.post(
    '/api/v1/auth/totp/verify',
    {
      config: { access: 'public' },
      schema: {
        tags: TAGS,
        summary: 'Complete a sign-in with a TOTP code or a recovery code',
        description: 'Reads the session cookie that sign-in set when it answered `totp_required`.',
        body: ZTotpVerifyBody,
        response: { 200: ZSignInResponse, 401: ZError, 423: ZAccountLocked },
      },
    },
    async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      const outcome = await signIn.verifySecondFactor(token, request.body, actorFromRequest(request));
      return sendOutcome(reply, services, outcome);
    },
  );

  api.post(
    '/api/v1/auth/sign-out',
    {
      config: { access: 'authenticated', allowDuringOnboarding: true },
      schema: { tags: TAGS, summary: 'Sign out of this session', response: { 200: ZOkResponse } },
    },
    async (request, reply) => {
      await auth.signOut(requireAuth(request), actorFromRequest(request));
      clearSessionCookie(reply, services);
      return { ok: true as const };
    },
  );

  api.post(
    '/api/v1/auth/sign-out-everywhere',
    {
      config: { access: 'authenticated', allowDuringOnboarding: true },
      schema: {
        tags: TAGS,
        summary: 'Sign out of every session, this one included',
        response: { 200: ZSignOutEverywhereResponse },
      },
    },
    async (request, reply) => {
      const revokedSessions = await auth.signOutEverywhere(requireAuth(request), actorFromRequest(request));
      clearSessionCookie(reply, services);
      return { ok: true as const, revokedSessions };
    },
  );

  api.get(
    '/api/v1/auth/me',
    {
      config: { access: 'authenticated', allowDuringOnboarding: true },
      schema: {
        tags: TAGS,
        summary: 'The signed-in user, their permissions and the CSRF token',
        response: { 200: ZMe },
      },
    },
    async (request) => {
      const context = requireAuth(request);
      return describeUser(services, context.userId, context.csrfToken);
    },
  );

  api.post(
    '/api/v1/auth/password',
    {
      config: { access: 'authenticated', allowDuringOnboarding: true },
      schema: {
        tags: TAGS,
        summary: 'Change your password; your other sessions are signed out',
        body: ZChangePasswordBody,
        response: { 200: ZOkResponse },
      },
    },
    async (request) => {
      await auth.changePassword(requireAuth(request), actorFromRequest(request), request.body);
      return { ok: true as const };
    },
  );

  registerTotpRoutes(app, services);
}
