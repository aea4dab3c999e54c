import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openTestDatabase, type TestDatabase, testEngines } from '../testing/test-databases.js';
import { cachedAtRevision } from './revision-cache.js';

/** A read that answers `answers` in turn and counts how often it was made. */
function reads(...answers: number[]) {
  let calls = 0;
  return {
    get calls() {
      return calls;
    },
    read: () => Promise.resolve(answers[Math.min(calls++, answers.length - 1)] as number),
  };
}

/** Lets the reads started in the background settle. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

for (const engine of testEngines()) {
  describe(`answers kept per revision (${engine})`, () => {
    let store: TestDatabase;

    beforeAll(async () => {
      store = await openTestDatabase(engine);
    });

    afterAll(async () => {
      vi.restoreAllMocks();
      await store.dispose();
    });

    it('keeps an answer until a change to what it read commits, then reads again', async () => {
      const counts = reads(1, 2);
      expect(await cachedAtRevision(store.database, 'warning_reads', 'moves', counts.read)).toBe(1);
      await sql`UPDATE users SET disabled = disabled WHERE false`.execute(store.database.db);
      expect(await cachedAtRevision(store.database, 'warning_reads', 'moves', counts.read)).toBe(1);
      expect(counts.calls).toBe(1);
      // A statement on a table the list reads, even one that changes no row, moves the revision as it commits.
      await sql`UPDATE divisions SET name = name WHERE false`.execute(store.database.db);
      expect(await cachedAtRevision(store.database, 'warning_reads', 'moves', counts.read)).toBe(2);
      expect(counts.calls).toBe(2);
    });

    it('keeps each topic apart: a change to a clue moves what clue reads kept, not what warning reads kept', async () => {
      const clueReads = reads(1, 2);
      const warningReads = reads(10, 20);
      expect(await cachedAtRevision(store.database, 'clue_reads', 'apart', clueReads.read)).toBe(1);
      expect(await cachedAtRevision(store.database, 'warning_reads', 'apart', warningReads.read)).toBe(10);
      await sql`UPDATE clues SET title = title WHERE false`.execute(store.database.db);
      expect(await cachedAtRevision(store.database, 'clue_reads', 'apart', clueReads.read)).toBe(2);
      expect(await cachedAtRevision(store.database, 'warning_reads', 'apart', warningReads.read)).toBe(10);
      await sql`UPDATE divisions SET name = name WHERE false`.execute(store.database.db);
      expect(await cachedAtRevision(store.database, 'clue_reads', 'apart', clueReads.read)).toBe(2);
      expect(await cachedAtRevision(store.database, 'warning_reads', 'apart', warningReads.read)).toBe(20);
    });

    it('readers asking at once share one read', async () => {
      const counts = reads(7);
      const answers = await Promise.all(
        Array.from({ length: 5 }, () => cachedAtRevision(store.database, 'warning_reads', 'at once', counts.read)),
      );
      expect(answers).toEqual([7, 7, 7, 7, 7]);
      expect(counts.calls).toBe(1);
    });

    it('while the notices cannot be heard, an old answer at the same revision is served while it is read again behind the readers', async () => {
      store.database.revisions.deaf();
      const clock = vi.spyOn(Date, 'now');
      const start = Date.now();
      clock.mockReturnValue(start);
      let calls = 0;
      let answerSecond: (n: number) => void = () => undefined;
      const read = () => {
        calls += 1;
        return calls === 1 ? Promise.resolve(1) : new Promise<number>((resolve) => (answerSecond = resolve));
      };
      expect(await cachedAtRevision(store.database, 'warning_reads', 'aged', read)).toBe(1);
      clock.mockReturnValue(start + 11_000);
      // The kept answer while the second read is under way, and only one such read.
      expect(await cachedAtRevision(store.database, 'warning_reads', 'aged', read)).toBe(1);
      expect(await cachedAtRevision(store.database, 'warning_reads', 'aged', read)).toBe(1);
      expect(calls).toBe(2);
      answerSecond(2);
      await settle();
      expect(await cachedAtRevision(store.database, 'warning_reads', 'aged', read)).toBe(2);
      clock.mockRestore();
      store.database.revisions.listen();
    });

    it('a failed read is not kept, and a failed second read keeps the old answer', async () => {
      store.database.revisions.deaf();
      await expect(
        cachedAtRevision(store.database, 'warning_reads', 'fails', () => Promise.reject(new Error('no'))),
      ).rejects.toThrow('no');
      expect(await cachedAtRevision(store.database, 'warning_reads', 'fails', () => Promise.resolve(3))).toBe(3);
      const clock = vi.spyOn(Date, 'now');
      clock.mockReturnValue(Date.now() + 11_000);
      expect(
        await cachedAtRevision(store.database, 'warning_reads', 'fails', () => Promise.reject(new Error('again'))),
      ).toBe(3);
      await settle();
      expect(await cachedAtRevision(store.database, 'warning_reads', 'fails', () => Promise.resolve(4))).toBe(3);
      await settle();
      expect(await cachedAtRevision(store.database, 'warning_reads', 'fails', () => Promise.resolve(5))).toBe(4);
      clock.mockRestore();
      store.database.revisions.listen();
    });
  });
}
