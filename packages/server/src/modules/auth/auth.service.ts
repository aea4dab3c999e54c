import {
  isRole,
  checkPasswordPolicy,
  isPasswordExpired,
  PASSWORD_HISTORY_DEPTH,
  type PasswordProblem,
  passwordProblem,
} from '@qingfeng/core';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { AuthContext } from '../../http/auth-context.js';
import { AuthenticationError, ValidationError } from '../../http/errors.js';
import { type AuditActor, recordAudit } from '../audit/index.js';
import { findPlaceNames, placeNameOf } from '../organisations/index.js';
import { AuthRepository, type AuthUser } from './auth.repository.js';
import { presentMe } from './auth.presenter.js';
import type { TChangePasswordBody, TMe } from './auth.schemas.js';
import { hashPassword, verifyPassword } from './password-hasher.js';
import { mustEnrolTotp } from './totp-policy.js';
import type { AuthServices } from './auth-services.js';

/** The shared services the auth module works with. */
export type AuthDeps = Pick<
  AuthServices,
  'config' | 'database' | 'sessions' | 'fieldCrypto' | 'rolePermissions' | 'clock'
>;

/** The audit actor for a user who is not (yet) the request's session: sign-in acts as them. */
export function actorForUser(
  user: Pick<AuthUser, 'id' | 'username' | 'role' | 'org_id'>,
  origin: AuditActor,
): AuditActor {
  return { ...origin, userId: user.id, username: user.username, role: user.role, orgId: user.org_id };
}

/** Throws a validation error on `field` naming every broken password rule (the first one's code). */
export function refusePassword(problems: readonly PasswordProblem[], field: string): never {
  const [first] = problems;
  throw new ValidationError(problems.map((p) => p.en).join('; '), field, first?.code ?? 'password_policy');
}

/**
 * Who the user is, what they may do, and what they must do first; the CSRF token of the
 * session asking. Reads outside any transaction: permissions come from a shared cache.
 */
export async function describeUser(deps: AuthDeps, userId: number, csrfToken: string): Promise<TMe> {
  const db = deps.database.db;
  const user = await new AuthRepository(db).findUserById(userId);
  if (!user) throw new AuthenticationError();
  return presentUser(deps, db, user, csrfToken);
}

/** As describeUser, for a user row already in hand. */
export async function presentUser(deps: AuthDeps, db: Kysely<DB>, user: AuthUser, csrfToken: string): Promise<TMe> {
  const now = deps.clock.now();
  const expired = isPasswordExpired(user.password_changed_at, deps.config.passwordMaxAgeDays, now);
  const permissions = isRole(user.role) ? await deps.rolePermissions.getPermissions(user.role) : [];
  return presentMe(user, {
    permissions,
    mustChangePassword: user.must_change_password || expired,
    mustEnrolTotp: await mustEnrolTotp(db, user.role, user.totp_enabled),
    csrfToken,
    divisionName: placeNameOf(await findPlaceNames(db, [user.division_code]), user.division_code),
  });
}

/**
 * Checks a password typed to confirm a sensitive action (changing the password, turning
 * TOTP off). A wrong one is audited under `action` and refused on `field`.
 */
export async function confirmPassword(
  deps: AuthDeps,
  user: AuthUser,
  password: string,
  actor: AuditActor,
  action: string,
  field: string,
): Promise<void> {
  if (await verifyPassword(user.password_hash, password)) return;
  await recordAudit(deps.database.db, actor, {
    action,
    objectType: 'user',
    objectId: user.id,
    outcome: 'failed',
    detail: { reason: 'bad_password' },
  });
  throw new ValidationError('The password is wrong', field, 'invalid_password');
}

/** Signing out, signing out everywhere and changing one's password. */
export class AuthService {
  constructor(private readonly deps: AuthDeps) {}

  /** Ends the caller's session. */
  async signOut(auth: AuthContext, actor: AuditActor): Promise<void> {
    const now = this.deps.clock.now();
    await this.deps.database.db.transaction().execute(async (trx) => {
      await this.deps.sessions.revokeSession(trx, auth.sessionId, now);
      await recordAudit(trx, actor, { action: 'auth.sign_out', objectType: 'user', objectId: auth.userId });
    });
  }

  /** Ends every session of the caller, this one included (a lost laptop, a shared computer). */
  async signOutEverywhere(auth: AuthContext, actor: AuditActor): Promise<number> {
    const now = this.deps.clock.now();
    return this.deps.database.db.transaction().execute(async (trx) => {
      const revoked = await this.deps.sessions.revokeUserSessions(trx, auth.userId, now);
      await recordAudit(trx, actor, {
        action: 'auth.sign_out_everywhere',
        objectType: 'user',
        objectId: auth.userId,
        detail: { revokedSessions: revoked },
      });
      return revoked;
    });
  }

  /**
   * Changes the caller's password after checking the current one, the policy and the last
   * PASSWORD_HISTORY_DEPTH passwords; clears a required change and ends the user's other
   * sessions, since whoever knew the old password may hold one of them.
   */
  async changePassword(auth: AuthContext, actor: AuditActor, input: TChangePasswordBody): Promise<void> {
    const db = this.deps.database.db;
    const repository = new AuthRepository(db);
    const user = await repository.findUserById(auth.userId);
    if (!user) throw new AuthenticationError();
    await confirmPassword(this.deps, user, input.currentPassword, actor, 'auth.password_change', 'currentPassword');

    const policy = checkPasswordPolicy(input.newPassword, { username: user.username });
    const problems = policy.ok ? [] : policy.problems;
    if (problems.length === 0 && (await this.isRecentPassword(repository, user, input.newPassword))) {
      problems.push(passwordProblem('password_reused'));
    }
    if (problems.length > 0) {
      await recordAudit(db, actor, {
        action: 'auth.password_change',
        objectType: 'user',
        objectId: user.id,
        outcome: 'failed',
        detail: { reason: 'policy', problems: problems.map((p) => p.code) },
      });
      refusePassword(problems, 'newPassword');
    }

    const passwordHash = await hashPassword(input.newPassword);
    const now = this.deps.clock.now();
    await db.transaction().execute(async (trx) => {
      const repo = new AuthRepository(trx);
      await repo.updatePassword(user.id, passwordHash, now);
      await repo.insertPasswordHistory(user.id, passwordHash, now);
      const revoked = await this.deps.sessions.revokeUserSessions(trx, user.id, now, auth.sessionId);
      await recordAudit(trx, actor, {
        action: 'auth.password_change',
        objectType: 'user',
        objectId: user.id,
        detail: { wasRequired: auth.mustChangePassword, revokedSessions: revoked },
      });
    });
  }

  /** Whether the password is the current one or among the recent history (PASSWORD_HISTORY_DEPTH in all). */
  private async isRecentPassword(repository: AuthRepository, user: AuthUser, password: string): Promise<boolean> {
    const history = await repository.findRecentPasswordHashes(user.id, PASSWORD_HISTORY_DEPTH);
    // The current hash is usually the newest history row too; users created before
    // history was kept have it only on their row, so it is checked either way.
    const hashes = [...new Set([user.password_hash, ...history])].slice(0, PASSWORD_HISTORY_DEPTH);
    for (const hash of hashes) {
      if (await verifyPassword(hash, password)) return true;
    }
    return false;
  }
}
