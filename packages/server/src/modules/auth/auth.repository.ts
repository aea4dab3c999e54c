import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

/** What sign-in, second-factor and account screens need to know about a user. */
export interface AuthUser {
  id: number;
  username: string;
  display_name: string;
  role: string;
  org_id: number;
  org_name: string;
  division_code: string;
  password_hash: string;
  password_changed_at: Date;
  must_change_password: boolean;
  failed_attempts: number;
  locked_until: Date | null;
  disabled: boolean;
  totp_enabled: boolean;
  totp_secret_enc: string | null;
  totp_last_step: number | null;
}

/** All SQL of sign-in, passwords, lockout, TOTP and recovery codes. Sessions have their own repository. */
export class AuthRepository {
  constructor(private readonly db: Kysely<DB>) {}

  private selectUsers() {
    return this.db
      .selectFrom('users')
      .innerJoin('organisations', 'organisations.id', 'users.org_id')
      .select([
        'users.id',
        'users.username',
        'users.display_name',
        'users.role',
        'users.org_id',
        'organisations.name as org_name',
        'organisations.division_code',
        'users.password_hash',
        'users.password_changed_at',
        'users.must_change_password',
        'users.failed_attempts',
        'users.locked_until',
        'users.disabled',
        'users.totp_enabled',
        'users.totp_secret_enc',
        'users.totp_last_step',
      ]);
  }

  async findUserByUsername(username: string): Promise<AuthUser | undefined> {
    return this.selectUsers().where('users.username', '=', username).executeTakeFirst();
  }

  async findUserById(id: number): Promise<AuthUser | undefined> {
    return this.selectUsers().where('users.id', '=', id).executeTakeFirst();
  }

  /** Counts one more failure and returns the new count; atomic, so parallel guesses all count. */
  async incrementFailedAttempts(userId: number): Promise<number> {
    const row = await this.db
      .updateTable('users')
      .set((eb) => ({ failed_attempts: eb('failed_attempts', '+', 1) }))
      .where('id', '=', userId)
      .returning('failed_attempts')
      .executeTakeFirstOrThrow();
    return row.failed_attempts;
  }

  /** Locks the account until `until` and starts the count afresh for when the lock ends. */
  async lockUser(userId: number, until: Date): Promise<void> {
    await this.db
      .updateTable('users')
      .set({ locked_until: until, failed_attempts: 0 })
      .where('id', '=', userId)
      .execute();
  }

  async clearFailedAttempts(userId: number): Promise<void> {
    await this.db
      .updateTable('users')
      .set({ failed_attempts: 0, locked_until: null })
      .where('id', '=', userId)
      .execute();
  }

  async updatePassword(userId: number, passwordHash: string, now: Date): Promise<void> {
    await this.db
      .updateTable('users')
      .set({ password_hash: passwordHash, password_changed_at: now, must_change_password: false, updated_at: now })
      .where('id', '=', userId)
      .execute();
  }

  async insertPasswordHistory(userId: number, passwordHash: string, now: Date): Promise<void> {
    await this.db
      .insertInto('password_history')
      .values({ user_id: userId, password_hash: passwordHash, created_at: now })
      .execute();
  }

  /** The hashes of the user's most recent passwords, newest first. */
  async findRecentPasswordHashes(userId: number, limit: number): Promise<string[]> {
    const rows = await this.db
      .selectFrom('password_history')
      .select('password_hash')
      .where('user_id', '=', userId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
    return rows.map((row) => row.password_hash);
  }

  /** Stores a secret awaiting confirmation; TOTP stays off until a code proves the app has it. */
  async setPendingTotpSecret(userId: number, secretEnc: string, now: Date): Promise<void> {
    await this.db
      .updateTable('users')
      .set({ totp_secret_enc: secretEnc, totp_enabled: false, totp_last_step: null, updated_at: now })
      .where('id', '=', userId)
      .execute();
  }

  async enableTotp(userId: number, lastStep: number, now: Date): Promise<void> {
    await this.db
      .updateTable('users')
      .set({ totp_enabled: true, totp_last_step: lastStep, updated_at: now })
      .where('id', '=', userId)
      .execute();
  }

  async disableTotp(userId: number, now: Date): Promise<void> {
    await this.db
      .updateTable('users')
      .set({ totp_enabled: false, totp_secret_enc: null, totp_last_step: null, updated_at: now })
      .where('id', '=', userId)
      .execute();
    await this.db.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
  }

  /**
   * Records `step` as the last used time step, only if it is later than the one stored.
   * False means another request used this step (or a later one) first: a replay.
   */
  async claimTotpStep(userId: number, step: number): Promise<boolean> {
    const row = await this.db
      .updateTable('users')
      .set({ totp_last_step: step })
      .where('id', '=', userId)
      .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
      .returning('id')
      .executeTakeFirst();
    return row !== undefined;
  }

  /** Replaces all the user's recovery codes (used or not) with new ones. */
  async replaceRecoveryCodes(userId: number, codeHashes: readonly string[]): Promise<void> {
    await this.db.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
    if (codeHashes.length === 0) return;
    await this.db
      .insertInto('recovery_codes')
      .values(codeHashes.map((code_hash) => ({ user_id: userId, code_hash })))
      .execute();
  }

  /**
   * Marks an unused code used; false when there is no such unused code. Atomic: one use only.
   * `codeHashes` are the code's hashes under every key of the ring (it was stored under one).
   */
  async consumeRecoveryCode(userId: number, codeHashes: string[], now: Date): Promise<boolean> {
    const row = await this.db
      .updateTable('recovery_codes')
      .set({ used_at: now })
      .where('user_id', '=', userId)
      .where('code_hash', 'in', codeHashes)
      .where('used_at', 'is', null)
      .returning('id')
      .executeTakeFirst();
    return row !== undefined;
  }
}
