import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { StoreRevisions } from '../../db/store-revisions.js';
import { SessionRepository, type SessionWithUser } from './session.repository.js';

export interface SessionPolicy {
  idleMinutes: number;
  absoluteHours: number;
}

/** Seconds between writes of last_seen_at: idle tracking needs minutes, not every request. */
const TOUCH_INTERVAL_MS = 30_000;

/**
 * A session waiting for its second factor lives only this long: it proves a password was
 * right, which must not stay useful for hours to someone who lacks the authenticator.
 */
export const PENDING_MFA_MINUTES = 5;

/** Sessions kept in memory at most: beyond, the oldest kept are forgotten (and read again when used). */
const MAX_KEPT_SESSIONS = 10_000;

interface KeptSession {
  session: SessionWithUser;
  /** The auth_reads revision it was read at: any change to sessions, users, organisations or policy moves it. */
  revision: string;
}

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Sessions for people signed in to the console. The browser holds a random token; the
 * store holds only its hash. A session ends when idle too long, when it reaches its
 * absolute lifetime, or when revoked (sign-out, sign-out everywhere, password change).
 */
export class SessionService {
  /*
   * Every request reads its session, with its user and organisation. A live session read
   * within TOUCH_INTERVAL_MS is kept under the auth_reads revision it was read at, which
   * every change to what it says moves as the change commits (db/store-revisions.ts): a
   * sign-out, a revoked or disabled account, a new role or organisation, a changed
   * two-step policy. So a kept session is never one the store no longer holds live, and
   * the request needs no round trip to the store. While the notices cannot be heard, nothing
   * is kept.
   */
  private readonly kept = new Map<string, KeptSession>();

  constructor(
    private readonly db: Kysely<DB>,
    private readonly revisions: StoreRevisions,
    private readonly policy: SessionPolicy,
  ) {}

  /**
   * Creates a session and returns the token for the cookie (shown nowhere else). A session
   * pending its second factor expires after PENDING_MFA_MINUTES, any other after the
   * absolute lifetime.
   */
  async createSession(
    executor: Kysely<DB>,
    input: { userId: number; mfaPending: boolean; ip: string | null; userAgent: string | null; now: Date },
  ): Promise<{ token: string; id: string; csrfToken: string; expiresAt: Date }> {
    const token = randomBytes(32).toString('base64url');
    const id = hashToken(token);
    const csrfToken = randomBytes(24).toString('base64url');
    const lifetimeMs = input.mfaPending ? PENDING_MFA_MINUTES * 60_000 : this.policy.absoluteHours * 3_600_000;
    const expiresAt = new Date(input.now.getTime() + lifetimeMs);
    await new SessionRepository(executor).insertSession({
      id,
      userId: input.userId,
      csrfToken,
      mfaPending: input.mfaPending,
      createdAt: input.now,
      expiresAt,
      ip: input.ip,
      userAgent: input.userAgent,
    });
    return { token, id, csrfToken, expiresAt };
  }

  /**
   * Finds the live session for a cookie token, or undefined when it is unknown, revoked,
   * past its absolute lifetime, idle too long, or its user is disabled.
   */
  async findSession(token: string, now: Date): Promise<SessionWithUser | undefined> {
    const id = hashToken(token);
    const revision = await this.revisions.read('auth_reads');
    const kept = this.kept.get(id);
    if (
      revision.exact &&
      kept?.revision === revision.key &&
      now < kept.session.expires_at &&
      now.getTime() - kept.session.last_seen_at.getTime() <= TOUCH_INTERVAL_MS
    ) {
      return kept.session;
    }
    this.kept.delete(id);
    const repository = new SessionRepository(this.db);
    const session = await repository.findLiveSession(id, now);
    if (!session) return undefined;
    const idleLimit = session.last_seen_at.getTime() + this.policy.idleMinutes * 60_000;
    if (now.getTime() > idleLimit) {
      await repository.revokeSession(session.id, now);
      return undefined;
    }
    let seen = session;
    if (now.getTime() - session.last_seen_at.getTime() > TOUCH_INTERVAL_MS) {
      await repository.touchSession(session.id, now);
      seen = { ...session, last_seen_at: now };
    }
    // A revision read from the sequence moves before its change commits: nothing is kept under it.
    if (revision.exact) this.keep(id, seen, revision.key);
    return seen;
  }

  private keep(id: string, session: SessionWithUser, revision: string): void {
    if (this.kept.size >= MAX_KEPT_SESSIONS) {
      // Oldest first: a Map iterates in insertion order.
      for (const old of [...this.kept.keys()].slice(0, MAX_KEPT_SESSIONS / 10)) this.kept.delete(old);
    }
    this.kept.set(id, { session, revision });
  }

  async revokeSession(executor: Kysely<DB>, sessionId: string, now: Date): Promise<void> {
    await new SessionRepository(executor).revokeSession(sessionId, now);
  }

  async revokeUserSessions(executor: Kysely<DB>, userId: number, now: Date, exceptId?: string): Promise<number> {
    return new SessionRepository(executor).revokeUserSessions(userId, now, exceptId);
  }
}
