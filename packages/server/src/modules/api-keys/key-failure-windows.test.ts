import { describe, expect, it } from 'vitest';
import { KeyFailureWindows } from './key-failures.js';

const attempt = { outcome: 'invalid' as const, route: 'POST /api/v1/push/:type', userAgent: null };

describe('windows of refused API key attempts', () => {
  it('holds an address back only once it used up its failures, until its window ends', () => {
    const windows = new KeyFailureWindows({ limit: 3, windowMs: 60_000 });
    const t0 = new Date('2026-01-01T00:00:00Z');
    for (let i = 0; i < 3; i++) {
      expect(windows.retryAfterSeconds('a', t0)).toBeNull();
      windows.record('a', t0, attempt);
    }
    expect(windows.retryAfterSeconds('a', new Date(t0.getTime() + 15_000))).toBe(45);
    expect(windows.retryAfterSeconds('b', t0)).toBeNull();
    // A 429 is counted but does not lengthen the wait.
    windows.record('a', t0, { ...attempt, outcome: 'limited' });
    expect(windows.retryAfterSeconds('a', new Date(t0.getTime() + 60_000))).toBeNull();
  });

  it('hands each ended window over once, with its counts', () => {
    const windows = new KeyFailureWindows({ limit: 3, windowMs: 60_000 });
    const t0 = new Date('2026-01-01T00:00:00Z');
    windows.record('a', t0, { ...attempt, keyId: 7 });
    windows.record('a', t0, { ...attempt, outcome: 'missing' });
    const later = new Date(t0.getTime() + 61_000);
    const ended = windows.record('b', later, attempt);
    expect(ended).toMatchObject([{ ip: 'a', counts: { invalid: 1, missing: 1 }, keyIds: [7] }]);
    expect(windows.takeEnded(later)).toEqual([]);
    expect(windows.takeAll().map((w) => w.ip)).toEqual(['b']);
  });
});
