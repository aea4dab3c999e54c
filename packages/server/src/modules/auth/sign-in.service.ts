import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { AuthenticationError } from '../../http/errors.js';
import { type AuditActor, recordAudit } from '../audit/index.js';
import { AuthRepository, type AuthUser } from './auth.repository.js';
import type { TMe, TSignInBody, TTotpVerifyBody } from './auth.schemas.js';
import { actorForUser, type AuthDeps, presentUser } from './auth.service.js';
import { hashPassword, verifyPassword } from './password-hasher.js';
import { matchTotpCode, recoveryCodeHashes } from './totp.js';

/** A session to put in the cookie. */
export interface IssuedSession {
  token: string;
  expiresAt: Date;
}

/** How a sign-in step ended; the route turns each into a response. */
export type SignInOutcome =
  | { status: 'signed_in'; session: IssuedSession; user: TMe }
  | { status: 'totp_required'; session: IssuedSession }
  | { status: 'invalid_credentials' }
  | { status: 'invalid_code' }
  | { status: 'locked'; lockedUntil: Date };

type FailureReason = 'bad_password' | 'bad_code' | 'replayed_code' | 'bad_recovery_code';

// Unknown usernames are checked against this hash so they cost the same Argon2 work as a
// real account: response time must not tell an attacker which usernames exist.
let dummyHash: Promise<string> | undefined;
function getDummyHash(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(16).toString('hex'));
  return dummyHash;
}

/** Sign-in by password, then by TOTP or recovery code when the user has TOTP, with lockout. */
export class SignInService {
  constructor(private readonly deps: AuthDeps) {}

  /**
   * Checks a username and password. Unknown, disabled, locked and wrong all give the same
   * `invalid_credentials` after the same Argon2 work, so neither the answer nor its time
   * tells whether a username exists (a lock is audited, and holds even against the right
   * password). A user with TOTP gets a short-lived session pending the second factor,
   * anyone else a full one.
   */
  async signIn(input: TSignInBody, origin: AuditActor): Promise<SignInOutcome> {
    const db = this.deps.database.db;
    const now = this.deps.clock.now();
    const user = await new AuthRepository(db).findUserByUsername(input.username);
    if (!user) {
      await verifyPassword(await getDummyHash(), input.password);
      await recordAudit(
        db,
        { ...origin, username: input.username.slice(0, 100) },
        {
          action: 'auth.sign_in',
          outcome: 'failed',
          detail: { reason: 'unknown_user', attemptedUsername: input.username.slice(0, 100) },
        },
      );
      return { status: 'invalid_credentials' };
    }
    const actor = actorForUser(user, origin);
    // Hashed in every case, a locked account included, so each answer costs the same.
    const passwordOk = await verifyPassword(user.password_hash, input.password);
    if (user.locked_until && user.locked_until > now) {
      // The result is ignored and no new failure is counted while locked: guessing cannot
      // extend the lock indefinitely, and the lock is not a way to learn whether a guess
      // was right.
      await recordAudit(db, actor, this.failedSignIn(user, 'locked', { lockedUntil: user.locked_until.toISOString() }));
      return { status: 'invalid_credentials' };
    }
    if (user.disabled) {
      await recordAudit(db, actor, this.failedSignIn(user, 'disabled'));
      return { status: 'invalid_credentials' };
    }
    if (!passwordOk) {
      // The failure that locks the account answers like any other: a lock that only a real
      // account can reach would tell which usernames exist.
      const outcome = await this.recordFailure(user, actor, 'auth.sign_in', 'bad_password');
      return outcome.status === 'locked' ? { status: 'invalid_credentials' } : outcome;
    }

    const session = await db.transaction().execute(async (trx) => {
      await new AuthRepository(trx).clearFailedAttempts(user.id);
      const created = await this.deps.sessions.createSession(trx, {
        userId: user.id,
        mfaPending: user.totp_enabled,
        ip: origin.ip,
        userAgent: origin.userAgent,
        now,
      });
      await recordAudit(trx, actor, {
        action: 'auth.sign_in',
        objectType: 'user',
        objectId: user.id,
        detail: { secondFactor: user.totp_enabled ? 'pending' : 'none' },
      });
      return created;
    });
    if (user.totp_enabled) return { status: 'totp_required', session };
    return { status: 'signed_in', session, user: await presentUser(this.deps, db, user, session.csrfToken) };
  }

  /**
   * Completes a sign-in pending its second factor with a TOTP code (each time step usable
   * once) or a recovery code (each usable once). On success the pending session is
   * replaced by a new full one, so the token that only proved a password is never promoted.
   */
  async verifySecondFactor(
    token: string | undefined,
    input: TTotpVerifyBody,
    origin: AuditActor,
  ): Promise<SignInOutcome> {
    const db = this.deps.database.db;
    const now = this.deps.clock.now();
    const pending = token ? await this.deps.sessions.findSession(token, now) : undefined;
    if (!pending?.mfa_pending)
      throw new AuthenticationError('Sign in with your password first', 'mfa_session_required');
    const user = await new AuthRepository(db).findUserById(pending.user_id);
    if (!user?.totp_enabled || !user.totp_secret_enc)
      throw new AuthenticationError('Sign in with your password first', 'mfa_session_required');
    const actor = actorForUser(user, origin);
    const method = 'code' in input ? 'totp' : 'recovery_code';
    if (user.locked_until && user.locked_until > now) {
      await this.deps.sessions.revokeSession(db, pending.id, now);
      await recordAudit(db, actor, this.failedVerify(user, method, 'locked'));
      return { status: 'locked', lockedUntil: user.locked_until };
    }

    let step: number | null = null;
    if ('code' in input) {
      const secret = this.deps.fieldCrypto.decrypt(user.totp_secret_enc);
      step = await matchTotpCode(secret, input.code, now, null);
      if (step === null) return this.recordFailure(user, actor, 'auth.totp_verify', 'bad_code', pending.id, method);
      if (user.totp_last_step !== null && step <= user.totp_last_step) {
        return this.recordFailure(user, actor, 'auth.totp_verify', 'replayed_code', pending.id, method);
      }
    }

    const result = await db.transaction().execute(async (trx) => {
      const repository = new AuthRepository(trx);
      // The claim is the atomic check: of two requests racing with one code, one wins.
      const accepted =
        step !== null
          ? await repository.claimTotpStep(user.id, step)
          : 'recoveryCode' in input &&
            (await repository.consumeRecoveryCode(
              user.id,
              recoveryCodeHashes(this.deps.fieldCrypto, user.id, input.recoveryCode),
              now,
            ));
      if (!accepted) return undefined;
      await repository.clearFailedAttempts(user.id);
      await this.deps.sessions.revokeSession(trx, pending.id, now);
      const created = await this.deps.sessions.createSession(trx, {
        userId: user.id,
        mfaPending: false,
        ip: origin.ip,
        userAgent: origin.userAgent,
        now,
      });
      await recordAudit(trx, actor, {
        action: 'auth.totp_verify',
        objectType: 'user',
        objectId: user.id,
        detail: { method },
      });
      return created;
    });
    if (!result) {
      const reason = step !== null ? 'replayed_code' : 'bad_recovery_code';
      return this.recordFailure(user, actor, 'auth.totp_verify', reason, pending.id, method);
    }
    return { status: 'signed_in', session: result, user: await presentUser(this.deps, db, user, result.csrfToken) };
  }

  /**
   * Counts a failure toward the lockout and audits it; at the threshold locks the account,
   * audits `auth.lockout` and ends the pending second-factor session, if any.
   */
  private async recordFailure(
    user: AuthUser,
    actor: AuditActor,
    action: 'auth.sign_in' | 'auth.totp_verify',
    reason: FailureReason,
    pendingSessionId?: string,
    method?: string,
  ): Promise<SignInOutcome> {
    const now = this.deps.clock.now();
    const { lockoutThreshold: threshold, lockoutMinutes: minutes } = this.deps.config;
    return this.deps.database.db.transaction().execute(async (trx: Kysely<DB>) => {
      const repository = new AuthRepository(trx);
      const attempts = await repository.incrementFailedAttempts(user.id);
      await recordAudit(trx, actor, {
        action,
        objectType: 'user',
        objectId: user.id,
        outcome: 'failed',
        detail: { reason, failedAttempts: attempts, ...(method ? { method } : {}) },
      });
      if (attempts < threshold) {
        return action === 'auth.sign_in' ? { status: 'invalid_credentials' } : { status: 'invalid_code' };
      }
      const lockedUntil = new Date(now.getTime() + minutes * 60_000);
      await repository.lockUser(user.id, lockedUntil);
      if (pendingSessionId) await this.deps.sessions.revokeSession(trx, pendingSessionId, now);
      await recordAudit(trx, actor, {
        action: 'auth.lockout',
        objectType: 'user',
        objectId: user.id,
        detail: { failedAttempts: attempts, lockedUntil: lockedUntil.toISOString(), trigger: action },
      });
      return { status: 'locked', lockedUntil };
    });
  }

  private failedSignIn(user: AuthUser, reason: string, extra: Record<string, unknown> = {}) {
    return {
      action: 'auth.sign_in',
      objectType: 'user',
      objectId: user.id,
      outcome: 'failed' as const,
      detail: { reason, ...extra },
    };
  }

  private failedVerify(user: AuthUser, method: string, reason: string) {
    return {
      action: 'auth.totp_verify',
      objectType: 'user',
      objectId: user.id,
      outcome: 'failed' as const,
      detail: { reason, method },
    };
  }
}
