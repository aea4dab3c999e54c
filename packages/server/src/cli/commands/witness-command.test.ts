import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAudit, systemActor } from '../../modules/audit/index.js';
import { testEngines } from '../../testing/test-databases.js';
import { createTestPlatform, type TestPlatform } from '../../testing/test-platform.js';
import { CliError } from '../cli-error.js';
import { registerWitnessCommand } from './witness-command.js';

/**
 * `qingfeng witness` against real servers listening on a port: a log that grows honestly, then
 * another server signing with the same key and origin but with a history of its own (what a
 * log rolled back from a backup, or forked to show different people different trees, looks
 * like from outside).
 */
describe.each(testEngines())('qingfeng witness on %s', (engine) => {
  const origin = 'witness.test/log';
  // Both servers sign with one key (GM algorithms, so SM2 too): only the history differs.
  const keys = { logEd25519Key: randomBytes(32).toString('hex'), logSm2Key: randomBytes(32).toString('hex') };
  let honest: TestPlatform;
  let forked: TestPlatform;
  let honestUrl: string;
  let forkedUrl: string;
  let folder: string;
  let stateFile: string;

  async function serve(platform: TestPlatform): Promise<string> {
    await platform.app.listen({ port: 0, host: '127.0.0.1' });
    return `http://127.0.0.1:${(platform.app.server.address() as AddressInfo).port}`;
  }

  async function grow(platform: TestPlatform, count: number, tag: string): Promise<number> {
    for (let i = 0; i < count; i++)
      await recordAudit(platform.services.database.db, systemActor('witness-test'), { action: `test.${tag}${i}` });
    return Number((await platform.services.transparency.signNow())?.size);
  }

  async function witness(...args: string[]): Promise<{ out: string; exitCode: number; message: string }> {
    let out = '';
    const program = new Command('qingfeng').exitOverride().configureOutput({ writeOut: () => {}, writeErr: () => {} });
    registerWitnessCommand(program, { out: (t) => (out += t), err: () => {} });
    try {
      await program.parseAsync(['witness', '--state', stateFile, ...args], { from: 'user' });
      return { out, exitCode: 0, message: '' };
    } catch (error) {
      if (!(error instanceof CliError)) throw error;
      return { out, exitCode: error.exitCode, message: error.message };
    }
  }

  beforeAll(async () => {
    const config = { logOrigin: origin, gmAlgorithms: true, ...keys };
    honest = await createTestPlatform(engine, { config });
    forked = await createTestPlatform(engine, { config });
    honestUrl = await serve(honest);
    forkedUrl = await serve(forked);
    folder = mkdtempSync(path.join(tmpdir(), 'qf-witness-'));
    stateFile = path.join(folder, 'state.json');
  });
  afterAll(async () => {
    await honest?.close();
    await forked?.close();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it('refuses a first run without keys to pin, and pins the published ones when told', async () => {
    await grow(honest, 4, 'a');
    const refused = await witness('--log', honestUrl);
    expect(refused.exitCode).toBe(1);
    expect(refused.message).toMatch(/--keys <file>/);

    const first = await witness('--log', honestUrl, '--trust-published-keys');
    expect(first.exitCode).toBe(0);
    expect(first.out).toMatch(/Pinned ed25519 key witness\.test\/log, fingerprint ([0-9a-f]{4} ){15}[0-9a-f]{4}/);
    expect(first.out).toMatch(/Pinned sm2 key/);
    expect(first.out).toMatch(/First checkpoint of witness\.test\/log recorded/);
  });

  it('accepts a log that grew, with the consistency proof it serves without sign-in', async () => {
    const before = JSON.parse(readFileSync(stateFile, 'utf8')) as { checkpoint: string };
    const size = await grow(honest, 3, 'b');
    const run = await witness('--log', honestUrl);
    expect(run).toMatchObject({ exitCode: 0 });
    expect(run.out).toContain(`to ${size} entries`);
    const after = JSON.parse(readFileSync(stateFile, 'utf8')) as { checkpoint: string };
    expect(after.checkpoint).not.toBe(before.checkpoint);
    expect(await witness('--log', honestUrl)).toMatchObject({ exitCode: 0 });
  });

  it('reports a rollback (a smaller tree under the same key) with exit code 2 and keeps its state', async () => {
    const honestSize = Number((await honest.services.transparency.signNow())?.size);
    const forkedSize = await grow(forked, 1, 'x');
    expect(forkedSize).toBeLessThan(honestSize);
    const state = readFileSync(stateFile, 'utf8');
    const run = await witness('--log', forkedUrl);
    expect(run.exitCode).toBe(2);
    expect(run.message).toMatch(/^ROLLBACK: the log now publishes size \d+/);
    expect(run.message).toContain('Earlier checkpoint:');
    expect(readFileSync(stateFile, 'utf8')).toBe(state);
  });

  it('reports a fork (a larger tree that does not extend the one seen) with exit code 2', async () => {
    const honestSize = Number((await honest.services.transparency.signNow())?.size);
    const forkedSize = await grow(forked, honestSize + 2, 'y');
    expect(forkedSize).toBeGreaterThan(honestSize);
    const run = await witness('--log', forkedUrl);
    expect(run.exitCode).toBe(2);
    expect(run.message).toMatch(/^FORK: the log's size \d+/);
    // The honest log is still consistent with what the witness saw.
    expect(await witness('--log', honestUrl)).toMatchObject({ exitCode: 0 });
  });

  it('reports a checkpoint not signed by a pinned key with exit code 2', async () => {
    const state = JSON.parse(readFileSync(stateFile, 'utf8')) as { keys: { publicKey: string }[] };
    const other = await createTestPlatform(engine, { config: { logOrigin: origin } });
    try {
      const otherKeys = (await other.app.inject({ url: '/api/v1/transparency/keys' })).json<{
        keys: { publicKey: string }[];
      }>();
      state.keys[0]!.publicKey = otherKeys.keys[0]!.publicKey;
      writeFileSync(stateFile, JSON.stringify(state));
      const run = await witness('--log', honestUrl);
      expect(run.exitCode).toBe(2);
      expect(run.message).toMatch(/not signed by every pinned key: ed25519 \(no signature\)/);
    } finally {
      await other.close();
    }
  });

  it('answers an unreachable log or a broken state file with exit code 1', async () => {
    writeFileSync(stateFile, '{');
    expect(await witness('--log', honestUrl)).toMatchObject({ exitCode: 1 });
    rmSync(stateFile);
    const down = await witness('--log', 'http://127.0.0.1:9', '--trust-published-keys');
    expect(down.exitCode).toBe(1);
    expect(down.message).toMatch(/could not reach the log/);
  });
});
