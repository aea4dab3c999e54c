import { encodeEntry, hashLeaf, SHA256_LOG_HASH } from '@qingfeng/core';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAudit, systemActor } from '../../modules/audit/index.js';
import { runCommand } from '../../testing/cli-runner.js';
import { testEngines } from '../../testing/test-databases.js';
import { createTestPlatform, type TestPlatform } from '../../testing/test-platform.js';
import { registerVerifyCommand } from './verify-command.js';

/**
 * `qingfeng verify` against a log tampered with behind the application's back (the append-only
 * triggers switched off, as someone with the database's owner login could): each change is
 * found and named by its place, then undone for the next case.
 */
describe.each(testEngines())('qingfeng verify on %s', (engine) => {
  let platform: TestPlatform;
  const db = () => platform.services.database.db;
  const verify = () => runCommand(platform, registerVerifyCommand, ['verify']);

  async function tamper(work: () => Promise<unknown>, undo: () => Promise<unknown>): Promise<string> {
    const tables = ['transparency_entries', 'transparency_subtrees', 'transparency_tree_heads'];
    for (const t of tables) await sql`alter table ${sql.table(t)} disable trigger user`.execute(db());
    try {
      await work();
      const failure = await verify().then(
        () => 'no divergence reported',
        (error: unknown) => (error as Error).message,
      );
      await undo();
      return failure;
    } finally {
      for (const t of tables) await sql`alter table ${sql.table(t)} enable trigger user`.execute(db());
    }
  }

  const entryAt = (idx: number) =>
    db().selectFrom('transparency_entries').selectAll().where('idx', '=', idx).executeTakeFirstOrThrow();

  beforeAll(async () => {
    platform = await createTestPlatform(engine);
    for (let i = 0; i < 12; i++) await recordAudit(db(), systemActor('verify-test'), { action: `test.a${i}` });
    await platform.services.transparency.signNow();
    for (let i = 0; i < 9; i++) await recordAudit(db(), systemActor('verify-test'), { action: `test.b${i}` });
    await platform.services.transparency.signNow();
  });
  afterAll(async () => platform?.close());

  it('passes an untouched log', async () => {
    const { out } = await verify();
    expect(out).toMatch(/intact: \d+ entries, 2 signed tree heads/);
  });

  it("finds an entry whose bytes were altered, at that entry's index", async () => {
    const original = await entryAt(5);
    const altered = encodeEntry({ kind: 'audit', body: { action: 'test.forged' } });
    const message = await tamper(
      () => db().updateTable('transparency_entries').set({ entry: altered }).where('idx', '=', 5).execute(),
      () => db().updateTable('transparency_entries').set({ entry: original.entry }).where('idx', '=', 5).execute(),
    );
    expect(message).toMatch(/diverges \(entry 5\): entry 5: stored leaf hash/);
    await verify();
  });

  it('finds an altered entry whose leaf hash was recomputed too, by the subtree over it', async () => {
    const original = await entryAt(6);
    const altered = encodeEntry({ kind: 'audit', body: { action: 'test.forged' } });
    const message = await tamper(
      () =>
        db()
          .updateTable('transparency_entries')
          .set({ entry: altered, leaf_hash: hashLeaf(SHA256_LOG_HASH, altered) })
          .where('idx', '=', 6)
          .execute(),
      () =>
        db()
          .updateTable('transparency_entries')
          .set({ entry: original.entry, leaf_hash: original.leaf_hash })
          .where('idx', '=', 6)
          .execute(),
    );
    expect(message).toMatch(/\(entry 6\): subtree at level 0, index 6 differs/);
  });

  it('finds a deleted entry, in the middle and at the end', async () => {
    for (const idx of [3, 20]) {
      const original = await entryAt(idx);
      const message = await tamper(
        () => db().deleteFrom('transparency_entries').where('idx', '=', idx).execute(),
        () => db().insertInto('transparency_entries').values(original).execute(),
      );
      expect(message).toMatch(
        idx === 3 ? /\(entry 3\): entry 3 is missing/ : /\(entry 20\): the log records 21 entries, 20 are stored/,
      );
    }
    await verify();
  });

  it('finds an altered tree head: its root, or its row against its signed checkpoint', async () => {
    const head = await db().selectFrom('transparency_tree_heads').selectAll().orderBy('id').executeTakeFirstOrThrow();
    const lines = head.note.split('\n');
    const forgedRoot = Buffer.alloc(32, 7);
    lines[2] = forgedRoot.toString('base64');
    const forgedNote = lines.join('\n');
    const rootChanged = await tamper(
      () =>
        db()
          .updateTable('transparency_tree_heads')
          .set({ note: forgedNote, root_hash: forgedRoot })
          .where('id', '=', head.id)
          .execute(),
      () =>
        db()
          .updateTable('transparency_tree_heads')
          .set({ note: head.note, root_hash: head.root_hash })
          .where('id', '=', head.id)
          .execute(),
    );
    expect(rootChanged).toMatch(/tree head 12: signed root 0707/);
    const sizeChanged = await tamper(
      () => db().updateTable('transparency_tree_heads').set({ size: 11 }).where('id', '=', head.id).execute(),
      () => db().updateTable('transparency_tree_heads').set({ size: 12 }).where('id', '=', head.id).execute(),
    );
    expect(sizeChanged).toMatch(/tree head 11: its row and its signed checkpoint differ/);
    // A root that matches the entries but a signature that does not: one byte of the Ed25519 signature changed.
    const signatureLine = lines.findIndex((line) => line.startsWith('\u2014 '));
    const blob = Buffer.from(lines[signatureLine]!.split(' ')[2]!, 'base64');
    blob[10]! ^= 1;
    const badSignature = head.note.split('\n');
    badSignature[signatureLine] =
      `${lines[signatureLine]!.split(' ').slice(0, 2).join(' ')} ${blob.toString('base64')}`;
    const signatureChanged = await tamper(
      () =>
        db()
          .updateTable('transparency_tree_heads')
          .set({ note: badSignature.join('\n') })
          .where('id', '=', head.id)
          .execute(),
      () => db().updateTable('transparency_tree_heads').set({ note: head.note }).where('id', '=', head.id).execute(),
    );
    expect(signatureChanged).toMatch(/tree head 12: no valid ed25519 signature/);
    await verify();
  });

  it('says how many committed records the sequencer has yet to append', async () => {
    await recordAudit(db(), systemActor('verify-test'), { action: 'test.waiting' });
    const { out } = await verify();
    expect(out).toContain('1 committed records are waiting to be appended by a running server.');
  });
});
