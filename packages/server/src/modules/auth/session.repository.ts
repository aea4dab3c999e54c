import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { TOTP_REQUIRED_ROLES_KEY } from './totp-policy.js';

/** A live session joined with what a request needs to know about its user. */
export interface SessionWithUser {
  id: string;
  user_id: number;
  csrf_token: string;
  mfa_pending: boolean;
  last_seen_at: Date;
  expires_at: Date;
  username: string;
  display_name: string;
  role: string;
  org_id: number;
  must_change_password: boolean;
  password_changed_at: Date;
  totp_enabled: boolean;
  division_code: string;
  /** The security policy's `totp_required_roles` value, read with the session (see totp-policy.ts). */
  totp_required_roles: unknown;
}

export class SessionRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async insertSession(session: {
    id: string;
    userId: number;
    csrfToken: string;
    mfaPending: boolean;
    createdAt: Date;
    expiresAt: Date;
    ip: string | null;
    userAgent: string | null;
  }): Promise<void> {
    await this.db
      .insertInto('sessions')
      .values({
        id: session.id,
        user_id: session.userId,
        csrf_token: session.csrfToken,
        mfa_pending: session.mfaPending,
        // Times come from the application's clock, not the database's now(), so that idle
        // and absolute limits are measured on one clock (and tests can move it).
        created_at: session.createdAt,
        last_seen_at: session.createdAt,
        expires_at: session.expiresAt,
        ip: session.ip,
        user_agent: session.userAgent,
      })
      .execute();
  }

  async findLiveSession(id: string, now: Date): Promise<SessionWithUser | undefined> {
    return this.db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .innerJoin('organisations', 'organisations.id', 'users.org_id')
      .where('sessions.id', '=', id)
      .where('sessions.revoked_at', 'is', null)
      .where('sessions.expires_at', '>', now)
      .where('users.disabled', '=', false)
      .select([
        'sessions.id',
        'sessions.user_id',
        'sessions.csrf_token',
        'sessions.mfa_pending',
        'sessions.last_seen_at',
        'sessions.expires_at',
        'users.username',
        'users.display_name',
        'users.role',
        'users.org_id',
        'users.must_change_password',
        'users.password_changed_at',
        'users.totp_enabled',
        'organisations.division_code',
        // In the same round trip: every request asks whether the role must enrol TOTP.
        (eb) =>
          eb
            .selectFrom('security_policies')
            .select('value')
            .where('key', '=', TOTP_REQUIRED_ROLES_KEY)
            .as('totp_required_roles'),
      ])
      .executeTakeFirst();
  }

  async touchSession(id: string, now: Date): Promise<void> {
    await this.db.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', id).execute();
  }

  async revokeSession(id: string, now: Date): Promise<void> {
    await this.db.updateTable('sessions').set({ revoked_at: now }).where('id', '=', id).execute();
  }

  /** Revokes every session of a user, optionally keeping one (the caller's own). */
  async revokeUserSessions(userId: number, now: Date, exceptId?: string): Promise<number> {
    let query = this.db
      .updateTable('sessions')
      .set({ revoked_at: now })
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null);
    if (exceptId) query = query.where('id', '!=', exceptId);
    const result = await query.executeTakeFirst();
    return Number(result.numUpdatedRows);
  }
}
