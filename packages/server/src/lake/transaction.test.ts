import { describe, expect, it } from 'vitest';
import { BrokenConnectionError, inTransaction } from './transaction.js';

/** A session that records its statements and fails the ones named in `failing`. */
function fakeSession(failing: string[] = []) {
  const sent: string[] = [];
  const run = (sql: string) => {
    sent.push(sql);
    return failing.includes(sql) ? Promise.reject(new Error(`${sql} failed`)) : Promise.resolve();
  };
  return { sent, run };
}

describe('inTransaction', () => {
  it('commits and returns what fn returned', async () => {
    const session = fakeSession();
    await expect(inTransaction(session.run, () => Promise.resolve(42))).resolves.toBe(42);
    expect(session.sent).toEqual(['BEGIN', 'COMMIT']);
  });

  it('rolls back and rethrows when fn fails', async () => {
    const session = fakeSession();
    const failure = new Error('fn failed');
    await expect(inTransaction(session.run, () => Promise.reject(failure))).rejects.toBe(failure);
    expect(session.sent).toEqual(['BEGIN', 'ROLLBACK']);
  });

  it('rolls back and rethrows when COMMIT fails', async () => {
    const session = fakeSession(['COMMIT']);
    await expect(inTransaction(session.run, () => Promise.resolve(1))).rejects.toThrow('COMMIT failed');
    expect(session.sent).toEqual(['BEGIN', 'COMMIT', 'ROLLBACK']);
  });

  it('says the session is broken, carrying the first failure, when ROLLBACK fails too', async () => {
    const session = fakeSession(['ROLLBACK']);
    const failure = new Error('fn failed');
    const outcome = inTransaction(session.run, () => Promise.reject(failure));
    await expect(outcome).rejects.toBeInstanceOf(BrokenConnectionError);
    await expect(outcome).rejects.toMatchObject({ cause: failure });
  });
});
