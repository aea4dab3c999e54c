import type { AuthContext } from '../../http/auth-context.js';
import { AuthenticationError, ConflictError, ForbiddenError, ValidationError } from '../../http/errors.js';
import { type AuditActor, recordAudit } from '../audit/index.js';
import { AuthRepository, type AuthUser } from './auth.repository.js';
import type { TTotpSetupResponse } from './auth.schemas.js';
import { type AuthDeps, confirmPassword } from './auth.service.js';
import { findTotpRequiredRoles } from './totp-policy.js';
import { createRecoveryCodes, createTotpSecret, hashRecoveryCode, matchTotpCode, totpUri } from './totp.js';

/** Turning TOTP on and off for oneself, and replacing recovery codes. */
export class TotpEnrolmentService {
  constructor(private readonly deps: AuthDeps) {}

  /**
   * Starts enrolment with a new secret, stored encrypted and not yet in force. Calling it
   * again before confirming replaces the secret (a lost QR code, a second attempt).
   */
  async setup(auth: AuthContext, actor: AuditActor): Promise<TTotpSetupResponse> {
    const user = await this.loadUser(auth);
    if (user.totp_enabled) throw new ConflictError('TOTP is already enabled', undefined, 'totp_already_enabled');
    const secret = createTotpSecret();
    const now = this.deps.clock.now();
    await this.deps.database.db.transaction().execute(async (trx) => {
      await new AuthRepository(trx).setPendingTotpSecret(user.id, this.deps.fieldCrypto.encrypt(secret), now);
      await recordAudit(trx, actor, { action: 'auth.totp_setup', objectType: 'user', objectId: user.id });
    });
    return { secret, otpauthUrl: totpUri(user.username, secret) };
  }

  /**
   * Turns TOTP on once a code proves the authenticator holds the secret, and returns fresh
   * recovery codes (shown this once). The confirming code's time step counts as used.
   */
  async confirm(auth: AuthContext, actor: AuditActor, code: string): Promise<string[]> {
    const user = await this.loadUser(auth);
    if (user.totp_enabled) throw new ConflictError('TOTP is already enabled', undefined, 'totp_already_enabled');
    if (!user.totp_secret_enc) throw new ConflictError('Start TOTP setup first', undefined, 'totp_setup_required');
    const now = this.deps.clock.now();
    const step = await matchTotpCode(this.deps.fieldCrypto.decrypt(user.totp_secret_enc), code, now, null);
    if (step === null) {
      await recordAudit(this.deps.database.db, actor, {
        action: 'auth.totp_enable',
        objectType: 'user',
        objectId: user.id,
        outcome: 'failed',
        detail: { reason: 'bad_code' },
      });
      throw new ValidationError('The code is wrong or has expired', 'code', 'invalid_totp_code');
    }
    const codes = createRecoveryCodes();
    await this.deps.database.db.transaction().execute(async (trx) => {
      const repository = new AuthRepository(trx);
      await repository.enableTotp(user.id, step, now);
      await repository.replaceRecoveryCodes(
        user.id,
        codes.map((c) => hashRecoveryCode(this.deps.fieldCrypto, user.id, c)),
      );
      await recordAudit(trx, actor, { action: 'auth.totp_enable', objectType: 'user', objectId: user.id });
    });
    return codes;
  }

  /**
   * Turns TOTP off after the password is confirmed; refused when the user's role must use
   * TOTP, since the next request would only send them back to enrol.
   */
  async disable(auth: AuthContext, actor: AuditActor, password: string): Promise<void> {
    const user = await this.loadUser(auth);
    await confirmPassword(this.deps, user, password, actor, 'auth.totp_disable', 'password');
    if (!user.totp_enabled && !user.totp_secret_enc) {
      throw new ConflictError('TOTP is not enabled', undefined, 'totp_not_enabled');
    }
    if ((await findTotpRequiredRoles(this.deps.database.db)).includes(user.role)) {
      await recordAudit(this.deps.database.db, actor, {
        action: 'auth.totp_disable',
        objectType: 'user',
        objectId: user.id,
        outcome: 'denied',
        detail: { reason: 'required_by_policy' },
      });
      throw new ForbiddenError('Your role must use TOTP', 'totp_required_by_policy');
    }
    const now = this.deps.clock.now();
    await this.deps.database.db.transaction().execute(async (trx) => {
      await new AuthRepository(trx).disableTotp(user.id, now);
      await recordAudit(trx, actor, { action: 'auth.totp_disable', objectType: 'user', objectId: user.id });
    });
  }

  /** Replaces all recovery codes (the old ones stop working) after the password is confirmed. */
  async regenerateRecoveryCodes(auth: AuthContext, actor: AuditActor, password: string): Promise<string[]> {
    const user = await this.loadUser(auth);
    await confirmPassword(this.deps, user, password, actor, 'auth.recovery_codes_regenerate', 'password');
    if (!user.totp_enabled) throw new ConflictError('TOTP is not enabled', undefined, 'totp_not_enabled');
    const codes = createRecoveryCodes();
    await this.deps.database.db.transaction().execute(async (trx) => {
      await new AuthRepository(trx).replaceRecoveryCodes(
        user.id,
        codes.map((c) => hashRecoveryCode(this.deps.fieldCrypto, user.id, c)),
      );
      await recordAudit(trx, actor, {
        action: 'auth.recovery_codes_regenerate',
        objectType: 'user',
        objectId: user.id,
      });
    });
    return codes;
  }

  private async loadUser(auth: AuthContext): Promise<AuthUser> {
    const user = await new AuthRepository(this.deps.database.db).findUserById(auth.userId);
    if (!user) throw new AuthenticationError();
    return user;
  }
}
