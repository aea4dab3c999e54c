import { decodeEntry, hashLeaf, MemoryLog, SHA256_LOG_HASH, treeRoot } from '@qingfeng/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAudit, systemActor } from '../audit/index.js';
import { testEngines } from '../../testing/test-databases.js';
import { createTestPlatform, type TestPlatform } from '../../testing/test-platform.js';
import { LogHashMismatchError, sequenceAll, sequenceOnce } from './sequencer.js';
import { TransparencyRepository } from './transparency.repository.js';

describe.each(testEngines())('transparency sequencer on %s', (engine) => {
  let platform: TestPlatform;
  beforeAll(async () => {
    platform = await createTestPlatform(engine);
  });
  afterAll(async () => platform?.close());

  const options = { hashName: 'sha256', origin: 'test.example/log' } as const;
  const db = () => platform.services.database.db;

  async function allEntries() {
    return new TransparencyRepository(db()).findEntries(0, 1_000_000);
  }

  it('appends every audit row once, in order, with subtrees that give the root of all leaves', async () => {
    for (let i = 0; i < 37; i++) await recordAudit(db(), systemActor('seq-test'), { action: `test.step${i}` });
    await sequenceAll(db(), options);
    const entries = await allEntries();
    const auditIds = (await db().selectFrom('audit_log').select('id').orderBy('id').execute()).map((r) => String(r.id));
    const logged = entries.filter((e) => e.kind === 'audit').map((e) => e.source_id);
    expect(logged).toEqual(auditIds);
    expect(entries.map((e) => Number(e.idx))).toEqual(entries.map((_, i) => i));

    const memory = new MemoryLog(SHA256_LOG_HASH);
    for (const entry of entries) {
      expect(entry.leaf_hash).toEqual(hashLeaf(SHA256_LOG_HASH, entry.entry));
      memory.appendLeafHash(entry.leaf_hash);
    }
    const repository = new TransparencyRepository(db());
    for (const size of [1, 2, 3, 7, 8, 20, entries.length]) {
      expect(await treeRoot(SHA256_LOG_HASH, repository, size)).toEqual(await treeRoot(SHA256_LOG_HASH, memory, size));
    }
    const state = await repository.findState();
    expect(state).toMatchObject({ hash_name: 'sha256', origin: 'test.example/log', size: entries.length });
    expect(await repository.countQueued()).toBe(0);
  });

  it('writes canonical bytes that decode to the audit row as committed', async () => {
    await recordAudit(db(), systemActor('seq-test'), {
      action: 'test.detail',
      reason: '核查',
      detail: { idNumber: '110101199003071234', n: 3 },
    });
    await sequenceAll(db(), options);
    const entries = await allEntries();
    const last = decodeEntry(entries[entries.length - 1]!.entry);
    expect(last?.kind).toBe('audit');
    expect(last?.body).toMatchObject({ action: 'test.detail', reason: '核查', username: 'seq-test' });
    // The audit module masks personal data before it is written, so the log never holds it whole.
    expect(JSON.stringify(last?.body)).not.toContain('110101199003071234');
  });

  it('loses and duplicates nothing when audit rows arrive during sequencing passes', async () => {
    const before = (await allEntries()).length;
    let writing = true;
    const writer = (async () => {
      for (let i = 0; i < 60; i++) await recordAudit(db(), systemActor('seq-race'), { action: `test.race${i}` });
      writing = false;
    })();
    // Two sequencers at once, as two servers would run them, while the rows arrive.
    const sequencers = [0, 1].map(async () => {
      while (writing) await sequenceOnce(db(), { ...options, batchSize: 7 });
    });
    await Promise.all([writer, ...sequencers]);
    await sequenceAll(db(), options);
    const entries = await allEntries();
    const raced = entries.filter((e) => e.kind === 'audit').map((e) => e.source_id);
    expect(new Set(raced).size).toBe(raced.length);
    const auditIds = (await db().selectFrom('audit_log').select('id').execute()).map((r) => String(r.id));
    expect(new Set(raced)).toEqual(new Set(auditIds));
    expect(entries.length).toBeGreaterThanOrEqual(before + 60);
    expect(entries.map((e) => Number(e.idx))).toEqual(entries.map((_, i) => i));
    const memory = new MemoryLog(SHA256_LOG_HASH);
    for (const entry of entries) memory.appendLeafHash(hashLeaf(SHA256_LOG_HASH, entry.entry));
    const repository = new TransparencyRepository(db());
    expect(await treeRoot(SHA256_LOG_HASH, repository, entries.length)).toEqual(
      await treeRoot(SHA256_LOG_HASH, memory, entries.length),
    );
  });

  it('keeps the hash of its first entry: another configured hash stops the sequencer', async () => {
    await recordAudit(db(), systemActor('seq-test'), { action: 'test.hash' });
    await expect(sequenceOnce(db(), { ...options, hashName: 'sm3' })).rejects.toBeInstanceOf(LogHashMismatchError);
    expect(await new TransparencyRepository(db()).countQueued()).toBe(1);
    await sequenceAll(db(), options);
  });

  it('logs model versions and loaded import batches', async () => {
    await db()
      .insertInto('models')
      .values({
        id: 'seq-test-model',
        source: 'user',
        category: 'F',
        severity: 'red',
        name_zh: '测试',
        name_en: 'Test',
        current_version: 1,
        shipped_version: null,
        schedule: null,
        schedule_anchor_at: null,
        created_by: null,
        updated_at: new Date(),
      })
      .execute();
    await db()
      .insertInto('model_versions')
      .values({
        model_id: 'seq-test-model',
        version: 1,
        document: { a: 1 },
        params: { threshold: 0.5 },
        changed_by: null,
        changed_by_name: 'cli',
        reason: 'test',
      })
      .execute();
    const batch = await db()
      .insertInto('import_batches')
      .values({
        dataset_type: 'x',
        department_code: null,
        file_name: '张三.csv',
        content_hash: 'ab'.repeat(32),
        format: 'csv',
        mode: 'append',
        status: 'loading',
        imported_by: null,
        replaced_by: null,
        finished_at: null,
        error: null,
        division_code: '330106000000',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await sequenceAll(db(), options);
    expect((await allEntries()).some((e) => e.kind === 'import-batch')).toBe(false);
    await db().updateTable('import_batches').set({ status: 'loaded' }).where('id', '=', batch.id).execute();
    await sequenceAll(db(), options);
    const entries = await allEntries();
    const model = entries.find((e) => e.kind === 'model-version');
    expect(decodeEntry(model!.entry)?.body).toMatchObject({
      modelId: 'seq-test-model',
      version: 1,
      params: { threshold: 0.5 },
    });
    const loaded = entries.find((e) => e.kind === 'import-batch');
    expect(loaded?.division_code).toBe('330106000000');
    const body = decodeEntry(loaded!.entry)?.body;
    expect(body).toMatchObject({ batchId: batch.id, contentSha256: 'ab'.repeat(32) });
    expect(JSON.stringify(body)).not.toContain('张三');
  });
});
