import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { runCommand } from '../../testing/cli-runner.js';
import { buildOrganisation } from '../../testing/factories.js';
import { makeIdNumber } from '../../testing/test-data.js';
import { testEngines } from '../../testing/test-databases.js';
import { createTestPlatform, type TestPlatform } from '../../testing/test-platform.js';
import { registerDatasetCommands } from './dataset-commands.js';

// The source column is worded as no synonym says, and holds the department's own words for its codes.
const deaths = (seq: number) =>
  `身份证号,姓名,死亡日期,信息来源单位\n` +
  `${makeIdNumber('19400101', seq)},张三,2024-03-05,派出所户籍注销登记\n` +
  `${makeIdNumber('19400101', seq + 1)},李四,2024-03-06,派出所户籍注销登记\n` +
  `${makeIdNumber('19400101', seq + 2)},王五,2024-03-07,民政局\n`;

describe.each(testEngines())('qingfeng import with value mappings on %s', (engine) => {
  let platform: TestPlatform;
  let org: string;
  const dir = mkdtempSync(path.join(tmpdir(), 'qf-import-values-'));

  beforeAll(async () => {
    platform = await createTestPlatform(engine);
    org = (await buildOrganisation(platform.services.database.db)).code;
  });
  afterAll(async () => platform?.close());
  afterEach(() => vi.restoreAllMocks());

  const run = async (...args: string[]) => {
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const { out } = await runCommand(platform, registerDatasetCommands, args);
    vi.restoreAllMocks();
    return out;
  };
  const file = (name: string, content: string) => {
    const target = path.join(dir, name);
    writeFileSync(target, content);
    return target;
  };
  const sources = async (batchId: number) =>
    (
      await platform.services.lake.query<{ source: string | null }>(
        'SELECT source FROM ds_death WHERE _batch_id = $1 ORDER BY _row_no',
        [batchId],
      )
    ).map((r) => r.source);
  const batchIdOf = (out: string) => Number(/batch (\d+): death loaded/.exec(out)?.[1]);

  it('prints unknown values with suggested codes in a dry run, and imports nothing', async () => {
    const mapping = file('headers.json', JSON.stringify({ 信息来源单位: 'source' }));
    const before = await platform.services.database.db.selectFrom('import_batches').select('id').execute();
    const out = await run('import', '--dry-run', '--type', 'death', '--mapping', mapping, file('d1.csv', deaths(1)));
    expect(out).toContain('3 rows read');
    expect(out).toMatch(
      /信息来源 source: "派出所户籍注销登记" × 2, 保留行，值置空 \/ kept without value → 可能是 \/ maybe: public_security 公安 \(含有 \/ contains 户籍注销\)/,
    );
    expect(out).toContain('"values":{"source":{"派出所户籍注销登记":"public_security"}}');
    const after = await platform.services.database.db.selectFrom('import_batches').select('id').execute();
    expect(after).toHaveLength(before.length);
  });

  it('keeps the rows of an unknown code with the field empty, and says so, when no value mapping is given', async () => {
    const mapping = file('headers-only.json', JSON.stringify({ 信息来源单位: 'source' }));
    const out = await run(
      'import',
      '--type',
      'death',
      '--org',
      org,
      '--no-run',
      '--mapping',
      mapping,
      file('d2.csv', deaths(11)),
    );
    expect(out).toContain('rejected 0');
    expect(out).toContain('kept without value / 保留行但值置空: 2 cells (source 2)');
    expect(out).toContain('"派出所户籍注销登记" × 2');
    expect(await sources(batchIdOf(out))).toEqual([null, null, 'civil_affairs']);
  });

  it('reads headers and values from one mapping file, and loads every value', async () => {
    const mapping = file(
      'mapping.json',
      JSON.stringify({
        headers: { 信息来源单位: 'source' },
        values: { source: { 派出所户籍注销登记: 'public_security' } },
      }),
    );
    const out = await run(
      'import',
      '--type',
      'death',
      '--org',
      org,
      '--no-run',
      '--mapping',
      mapping,
      file('d3.csv', deaths(21)),
    );
    expect(out).not.toContain('kept without value');
    expect(out).not.toContain('values that are none of the codes');
    expect(await sources(batchIdOf(out))).toEqual(['public_security', 'public_security', 'civil_affairs']);
  });

  it('refuses a mapping file of another shape, and a value mapping to a code the field lacks', async () => {
    await expect(
      run(
        'import',
        '--type',
        'death',
        '--org',
        org,
        '--mapping',
        file('bad.json', '{"headers": [1]}'),
        file('d4.csv', deaths(31)),
      ),
    ).rejects.toThrow(/must be \{"headers"/);
    const wrongCode = file(
      'wrong.json',
      JSON.stringify({ headers: { 信息来源单位: 'source' }, values: { source: { 派出所: 'police' } } }),
    );
    await expect(
      run('import', '--type', 'death', '--org', org, '--no-run', '--mapping', wrongCode, file('d5.csv', deaths(41))),
    ).rejects.toThrow(/has no code "police"/);
  });
});
