/*
 * Failed API key attempts, counted per source address in fixed windows. A department's
 * machine that gets its key wrong a few times is refused briefly; someone guessing keys
 * is held to a few guesses per window; and the audit trail gets one entry per address
 * and window with the counts instead of one row per attempt, so it cannot be flooded.
 */

/** Why an attempt was refused: no key, a bad, revoked or expired one, or a 429. */
export type KeyAttemptOutcome = 'missing' | 'invalid' | 'revoked' | 'expired' | 'limited';

/** One address's attempts in one window, as the audit entry records them. */
export interface KeyFailureWindow {
  readonly ip: string;
  readonly startedAt: Date;
  readonly endsAt: Date;
  /** Refused attempts by outcome; `limited` counts the 429s. */
  readonly counts: Record<KeyAttemptOutcome, number>;
  /** The key ids the attempts named (first 20), for the administrator who issued them. */
  readonly keyIds: number[];
  readonly routes: string[];
  readonly userAgent: string | null;
}

/** How many failed attempts an address may make per window, and the window's length. */
export interface KeyFailurePolicy {
  readonly limit: number;
  readonly windowMs: number;
}

const MAX_KEY_IDS = 20;
// Addresses tracked at once; past this the oldest windows are audited and dropped early,
// so attempts from very many addresses cannot exhaust memory.
const MAX_ADDRESSES = 100_000;
const MAX_ROUTES = 10;

type MutableWindow = {
  -readonly [K in keyof KeyFailureWindow]: KeyFailureWindow[K];
};

function failuresOf(window: KeyFailureWindow): number {
  const { missing, invalid, revoked, expired } = window.counts;
  return missing + invalid + revoked + expired;
}

/** The windows of refused attempts of one process, per source address. */
export class KeyFailureWindows {
  private readonly windows = new Map<string, MutableWindow>();

  constructor(readonly policy: KeyFailurePolicy) {}

  /**
   * Seconds until `ip` may try again, when it has used up its failures in the current
   * window; null when it may try now.
   */
  retryAfterSeconds(ip: string, now: Date): number | null {
    const window = this.windows.get(ip);
    if (!window || window.endsAt <= now || failuresOf(window) < this.policy.limit) return null;
    return Math.max(1, Math.ceil((window.endsAt.getTime() - now.getTime()) / 1000));
  }

  /**
   * Counts one refused attempt of `ip`. A window starts at an address's first refusal and
   * lasts the policy's length; returns the windows (of any address) that had ended, now
   * removed, for the caller to audit.
   */
  record(
    ip: string,
    now: Date,
    attempt: { outcome: KeyAttemptOutcome; keyId?: number; route: string; userAgent: string | null },
  ): KeyFailureWindow[] {
    const closed = this.takeEnded(now);
    let window = this.windows.get(ip);
    if (!window && this.windows.size >= MAX_ADDRESSES) {
      // A Map keeps insertion order: the first entries are the oldest windows.
      const [oldest] = this.windows.values();
      if (oldest) {
        this.windows.delete(oldest.ip);
        closed.push(oldest);
      }
    }
    if (!window) {
      window = {
        ip,
        startedAt: now,
        endsAt: new Date(now.getTime() + this.policy.windowMs),
        counts: { missing: 0, invalid: 0, revoked: 0, expired: 0, limited: 0 },
        keyIds: [],
        routes: [],
        userAgent: attempt.userAgent,
      };
      this.windows.set(ip, window);
    }
    window.counts[attempt.outcome] += 1;
    if (attempt.keyId !== undefined && !window.keyIds.includes(attempt.keyId) && window.keyIds.length < MAX_KEY_IDS)
      window.keyIds.push(attempt.keyId);
    if (!window.routes.includes(attempt.route) && window.routes.length < MAX_ROUTES) window.routes.push(attempt.route);
    return closed;
  }

  /** The windows that ended by `now`, removed. */
  takeEnded(now: Date): KeyFailureWindow[] {
    const ended = [...this.windows.values()].filter((w) => w.endsAt <= now);
    for (const window of ended) this.windows.delete(window.ip);
    return ended;
  }

  /** Every window, ended or not, removed: what is left to audit when the server stops. */
  takeAll(): KeyFailureWindow[] {
    const all = [...this.windows.values()];
    this.windows.clear();
    return all;
  }
}
