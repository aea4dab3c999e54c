import { randomBytes } from 'node:crypto';
import type { Role } from '@qingfeng/core';
import type { Kysely } from 'kysely';
import type { AppServices } from '../app/app-services.js';
import type { DB, Organisation, User } from '../db/schema.js';
import { SESSION_COOKIE } from '../http/access-control.js';
import { hashPassword } from '../modules/auth/password-hasher.js';

let counter = 0;
function unique(prefix: string): string {
  counter += 1;
  return `${prefix}${counter}${randomBytes(3).toString('hex')}`;
}

/** A commission of its own (county by default) so tests never share data. */
export async function buildOrganisation(
  db: Kysely<DB>,
  overrides: Partial<Omit<Organisation, 'id' | 'created_at' | 'updated_at'>> = {},
): Promise<Organisation> {
  return db
    .insertInto('organisations')
    .values({
      code: unique('ORG'),
      name: '测试县纪委监委',
      kind: 'commission',
      commission_level: 'county',
      division_code: '330106000000',
      ...overrides,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export const TEST_PASSWORD = 'Correct-Horse-42';
let cachedHash: string | undefined;

/** A user of the given role; password TEST_PASSWORD unless given, no change required. */
export async function buildUser(
  db: Kysely<DB>,
  input: { role: Role; orgId: number; username?: string; mustChangePassword?: boolean; password?: string },
): Promise<User> {
  const passwordHash = input.password
    ? await hashPassword(input.password)
    : (cachedHash ??= await hashPassword(TEST_PASSWORD));
  return db
    .insertInto('users')
    .values({
      username: input.username ?? unique('user'),
      display_name: '测试用户',
      org_id: input.orgId,
      role: input.role,
      password_hash: passwordHash,
      must_change_password: input.mustChangePassword ?? false,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export interface TestSession {
  /** Pass as `headers` on inject: the cookie and the CSRF header. */
  headers: { cookie: string; 'x-csrf-token': string };
}

/** A signed-in session for a user, made directly (sign-in itself is tested in the auth module). */
export async function buildSession(services: AppServices, user: User): Promise<TestSession> {
  const { token, csrfToken } = await services.sessions.createSession(services.database.db, {
    userId: user.id,
    mfaPending: false,
    ip: '127.0.0.1',
    userAgent: 'vitest',
    now: new Date(),
  });
  return { headers: { cookie: `${SESSION_COOKIE}=${token}`, 'x-csrf-token': csrfToken } };
}
