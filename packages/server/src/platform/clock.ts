/**
 * Where the server reads the time for sessions, lockouts, password expiry and one-time
 * codes. Injected rather than read from `Date` so tests can move time forward by hours
 * without sleeping, and so every rule that depends on time reads the same clock.
 */
export interface Clock {
  now(): Date;
}

/** The machine's clock. */
export const systemClock: Clock = { now: () => new Date() };
