import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as pause } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../config/config.js';
import { closePlatform, openPlatform } from '../../../app/open-platform.js';
import { type SignedIn, buildSignedInUser } from '../../../testing/auth-helpers.js';
import { testEngines } from '../../../testing/test-databases.js';
import { createTestPlatform, type TestPlatform } from '../../../testing/test-platform.js';
import { makeIdNumber } from '../../../testing/test-data.js';

const MiB = 1 << 20;
const HEADER = 'payment_id,program,id,name,division,amount,paid_on,period';
const ALICE = makeIdNumber('19800101', 11);

/** A multipart/form-data body with one file. */
function multipart(name: string, content: string | Buffer) {
  const boundary = '----qingfeng-limits-boundary';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), Buffer.from(content), Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/**
 * Asks GET /api/v1/auth/me as `session` every few milliseconds until `work` settles;
 * returns how many were answered (200) before it did. A server that parses an upload in
 * one synchronous stretch answers none of them while it parses. (Asked back to back, the
 * questions alone kept the one-connection PGlite store from the import.)
 */
async function meAnsweredDuring(platform: TestPlatform, session: SignedIn, work: Promise<unknown>): Promise<number> {
  let settled = false;
  const done = work.finally(() => {
    settled = true;
  });
  let answered = 0;
  while (!settled) {
    const me = await platform.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: session.headers });
    expect(me.statusCode).toBe(200);
    if (!settled) answered += 1;
    await pause(10);
  }
  await done;
  return answered;
}

for (const engine of testEngines()) {
  describe(`upload limits (${engine})`, () => {
    let platform: TestPlatform;
    let importer: SignedIn;
    let bystander: SignedIn;
    let orgAdmin: SignedIn;

    beforeAll(async () => {
      platform = await createTestPlatform(engine);
      importer = (await buildSignedInUser(platform, { role: 'data_admin' })).session;
      bystander = (await buildSignedInUser(platform, { role: 'data_admin' })).session;
      orgAdmin = (await buildSignedInUser(platform, { role: 'sys_admin' })).session;
    });
    afterAll(async () => platform?.close());

    const upload = (name: string, content: string | Buffer, type = 'benefit_payment') => {
      const body = multipart(name, content);
      return platform.app.inject({
        method: 'POST',
        url: `/api/v1/datasets/${type}/imports`,
        headers: { ...importer.headers, ...body.headers },
        payload: body.payload,
      });
    };

    it('refuses a file without line feeds with a short 400 that quotes only its start', async () => {
      const response = await upload('one-line.csv', `payment_id,${'x'.repeat(5 * MiB)}`);
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ code: 'header_too_long', field: 'file' });
      // The old answer echoed the line in the message, the columns found and the template: 26 MB for 5 MB.
      expect(response.body.length).toBeLessThan(2000);
      expect(await readdir(path.join(platform.dataDir, 'uploads'))).toEqual([]);
    });

    it('refuses an overlong record after the header, loading nothing (the engine skipped it without a word)', async () => {
      const content = `${HEADER}\n1,dibao,${ALICE},张三,330106,${'9'.repeat(3 * MiB)},2024-03-05,2024-03\n`;
      const response = await upload('long-record.csv', content);
      expect(response.statusCode).toBeGreaterThanOrEqual(400);
      expect(response.statusCode).toBeLessThan(500);
      expect(response.body.length).toBeLessThan(2000);
      expect(response.body).toContain('record');
    });

    it('quotes at most 500 characters of a rejected value in the rejected-rows report', async () => {
      const content = `${HEADER}\n1,dibao,${ALICE},张三,330106,${'x'.repeat(100_000)},2024-03-05,2024-03\n`;
      const response = await upload('long-value.csv', content);
      expect(response.statusCode, response.body).toBe(201);
      const report = await platform.app.inject({
        method: 'GET',
        url: `/api/v1/batches/${response.json<{ id: number }>().id}/rejected`,
        headers: importer.headers,
      });
      expect(report.statusCode, report.body.slice(0, 300)).toBe(200);
      expect(report.body).toContain('x'.repeat(400));
      expect(report.body.length).toBeLessThan(2000);
    });

    it('refuses an organisation CSV with an overlong line as a 422 listing a short problem', async () => {
      const body = multipart('orgs.csv', `code,name,kind\n${'x'.repeat(3 * MiB)}\n`);
      const response = await platform.app.inject({
        method: 'POST',
        url: '/api/v1/organisations/import',
        headers: { ...orgAdmin.headers, ...body.headers },
        payload: body.payload,
      });
      expect(response.statusCode).toBe(422);
      expect(response.json()).toMatchObject({ code: 'import_rejected', problems: [{ row: 2 }] });
      expect(response.body.length).toBeLessThan(2000);
    });

    it("answers another user's requests while a large organisation file is parsed", async () => {
      // 6 MB of rows under a header that lacks a required column: refused once read.
      const rows = Array.from({ length: 150_000 }, (_, i) => `C${String(i).padStart(8, '0')},某某县某某镇第${i}单位`);
      const body = multipart('orgs.csv', `code,name\n${rows.join('\n')}\n`);
      const work = platform.app.inject({
        method: 'POST',
        url: '/api/v1/organisations/import',
        headers: { ...orgAdmin.headers, ...body.headers },
        payload: body.payload,
      });
      expect(await meAnsweredDuring(platform, bystander, work)).toBeGreaterThanOrEqual(3);
      expect((await work).statusCode).toBe(422);
    });

    it("answers another user's requests while a large upload of bad rows is imported", async () => {
      const lines = Array.from(
        { length: 5_000 },
        (_, i) => `${i},dibao,${ALICE},张三,330106,${'x'.repeat(200)},2024-13-45,2024-03`,
      );
      const work = upload('bad-rows.csv', `${HEADER}\n${lines.join('\n')}\n`);
      expect(await meAnsweredDuring(platform, bystander, work)).toBeGreaterThanOrEqual(3);
      expect((await work).json()).toMatchObject({ status: 'loaded', rowsRejected: 5_000 });
    });
  });
}

describe('start-up', () => {
  it('removes uploads a stopped process left behind, and keeps those of a running one', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'qf-stale-'));
    const uploads = path.join(dataDir, 'uploads');
    await mkdir(uploads, { recursive: true });
    // No process has pid 2^22 + 1 (Linux's pid_max is at most 2^22); the parent of this one is running.
    const names = {
      dead: `p${(1 << 22) + 1}-3f1c.upload`,
      ownPidBefore: `p${process.pid}-push-death-77aa.jsonl`,
      unnamed: '9b2e4c.upload',
      running: `p${process.ppid}-5d0e.upload`,
    };
    for (const name of Object.values(names)) await writeFile(path.join(uploads, name), 'payment_id\n1\n');
    const services = await openPlatform(loadConfig({}, { dataDir, demo: false, logLevel: 'silent' }));
    try {
      expect(await readdir(uploads)).toEqual([names.running]);
      expect(await readFile(path.join(uploads, names.running), 'utf8')).toBe('payment_id\n1\n');
    } finally {
      await closePlatform(services);
    }
  });
});
