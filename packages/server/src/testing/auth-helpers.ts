import type { Role } from '@qingfeng/core';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { User } from '../db/schema.js';
import { CSRF_HEADER, SESSION_COOKIE } from '../http/access-control.js';
import type { TMe } from '../modules/auth/auth.schemas.js';
import type { Clock } from '../platform/clock.js';
import { totpCodeAt } from '../modules/auth/totp.js';
import { buildOrganisation, buildUser, TEST_PASSWORD } from './factories.js';
import type { TestPlatform } from './test-platform.js';

/**
 * A clock a test moves by hand: pass it to `createTestPlatform(engine, { clock })`, then
 * `advance({ minutes: 31 })` to expire an idle session without waiting. It starts at the
 * real time, because rows the database stamps with now() must agree with it.
 */
export class ManualClock implements Clock {
  private current: number;

  constructor(start: Date = new Date()) {
    this.current = start.getTime();
  }

  now(): Date {
    return new Date(this.current);
  }

  /** Moves time forward (or back, with negative amounts). */
  advance(by: { ms?: number; seconds?: number; minutes?: number; hours?: number; days?: number }): void {
    this.current +=
      (by.ms ?? 0) +
      (by.seconds ?? 0) * 1000 +
      (by.minutes ?? 0) * 60_000 +
      (by.hours ?? 0) * 3_600_000 +
      (by.days ?? 0) * 86_400_000;
  }

  set(at: Date): void {
    this.current = at.getTime();
  }
}

/** A browser's view of a signed-in session, ready to pass to `app.inject`. */
export interface SignedIn {
  /** Pass as `headers` on inject: the session cookie and the CSRF header. */
  headers: { cookie: string; 'x-csrf-token': string };
  /** `qf_session=<token>`, for requests that should carry the cookie but no CSRF header. */
  cookie: string;
  csrfToken: string;
  /** What GET /api/v1/auth/me says about the user at sign-in. */
  me: TMe;
}

/** The `name=value` of the session cookie a response set, or undefined if it set none. */
export function sessionCookieOf(response: LightMyRequestResponse): string | undefined {
  const cookie = response.cookies.find((c) => c.name === SESSION_COOKIE);
  return cookie && cookie.value ? `${SESSION_COOKIE}=${cookie.value}` : undefined;
}

function fail(step: string, response: LightMyRequestResponse): never {
  throw new Error(`${step} failed: ${response.statusCode} ${response.body}`);
}

/**
 * Signs in through the real API, as a browser does, and returns the cookie and CSRF
 * header for further requests. For a user with TOTP pass `totp.secret` and the time the
 * code should be made for (the platform clock's `now()`). Throws with the response body
 * when sign-in does not succeed, so a test's failure names the cause.
 */
export async function signIn(
  app: FastifyInstance,
  username: string,
  password: string = TEST_PASSWORD,
  totp?: { secret: string; at: Date },
): Promise<SignedIn> {
  const response = await app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { username, password } });
  if (response.statusCode !== 200) fail('sign-in', response);
  let cookie = sessionCookieOf(response) ?? fail('sign-in (no cookie)', response);
  let body = response.json<{ status: string; user?: TMe }>();
  if (body.status === 'totp_required') {
    if (!totp) throw new Error(`sign-in of ${username} needs a TOTP code: pass { secret, at }`);
    const verified = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/totp/verify',
      headers: { cookie },
      payload: { code: await totpCodeAt(totp.secret, totp.at) },
    });
    if (verified.statusCode !== 200) fail('totp verify', verified);
    cookie = sessionCookieOf(verified) ?? fail('totp verify (no cookie)', verified);
    body = verified.json();
  }
  const me = body.user ?? fail('sign-in (no user)', response);
  return {
    headers: { cookie, [CSRF_HEADER]: me.csrfToken },
    cookie,
    csrfToken: me.csrfToken,
    me,
  };
}

/**
 * A new organisation, a user of `role` in it, and that user signed in through the API:
 * the usual start of an API or browser test.
 */
export async function buildSignedInUser(
  platform: TestPlatform,
  input: { role: Role; username?: string; password?: string; mustChangePassword?: boolean },
): Promise<{ user: User; session: SignedIn }> {
  const db = platform.services.database.db;
  const org = await buildOrganisation(db);
  const user = await buildUser(db, { ...input, orgId: org.id });
  const session = await signIn(platform.app, user.username, input.password ?? TEST_PASSWORD);
  return { user, session };
}

/**
 * Enrols TOTP for a signed-in user through the API (setup, then confirm with a code made
 * at `at`) and returns the secret and the recovery codes. The confirming code's time step
 * counts as used, so move the clock on 30 s before signing in with a code.
 */
export async function enrolTotp(
  app: FastifyInstance,
  session: SignedIn,
  at: Date,
): Promise<{ secret: string; recoveryCodes: string[] }> {
  const setup = await app.inject({ method: 'POST', url: '/api/v1/auth/totp/setup', headers: session.headers });
  if (setup.statusCode !== 200) fail('totp setup', setup);
  const { secret } = setup.json<{ secret: string }>();
  const confirm = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/totp/confirm',
    headers: session.headers,
    payload: { code: await totpCodeAt(secret, at) },
  });
  if (confirm.statusCode !== 200) fail('totp confirm', confirm);
  return { secret, recoveryCodes: confirm.json<{ recoveryCodes: string[] }>().recoveryCodes };
}

/** Audit entries with this action (and user, when given), oldest first: what a test asserts was recorded. */
export async function findAuditEntries(
  platform: TestPlatform,
  filter: { action: string; userId?: number; username?: string },
): Promise<{ outcome: string; user_id: number | null; username: string | null; detail: unknown }[]> {
  let query = platform.services.database.db
    .selectFrom('audit_log')
    .select(['outcome', 'user_id', 'username', 'detail'])
    .where('action', '=', filter.action);
  if (filter.userId !== undefined) query = query.where('user_id', '=', filter.userId);
  if (filter.username !== undefined) query = query.where('username', '=', filter.username);
  return query.orderBy('id').execute();
}
