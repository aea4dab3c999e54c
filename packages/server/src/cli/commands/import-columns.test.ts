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

const A = makeIdNumber('19400101', 21);
const B = makeIdNumber('19450202', 22);
// The source's and the division's columns are worded as no synonym says; the second is empty.
const DEATHS = `身份证号,姓名,死亡日期,信息来源单位,户籍所在地\n${A},张三,2024-03-05,公安,\n${B},李四,2024-03-06,民政,\n`;

describe.each(testEngines())('qingfeng import accounts for every column on %s', (engine) => {
  let platform: TestPlatform;
  let org: string;
  const dir = mkdtempSync(path.join(tmpdir(), 'qf-import-cli-'));

  beforeAll(async () => {
    platform = await createTestPlatform(engine);
    org = (await buildOrganisation(platform.services.database.db)).code;
  });
  afterAll(async () => platform?.close());
  afterEach(() => vi.restoreAllMocks());

  // What the command prints (its progress bar goes to the process's stderr, kept quiet here).
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

  it('prints, after the batch, the columns that fed no field with suggestions, and the fields left empty', async () => {
    const out = await run('import', '--type', 'death', '--org', org, file('deaths.csv', DEATHS));
    expect(out).toMatch(/batch \d+: death loaded/);
    expect(out).toContain('列 / columns: 3 of 5 fed a field');
    expect(out).toMatch(/户籍所在地 → 可能是 \/ maybe: 行政区划 division/);
    expect(out).toMatch(/信息来源单位 → 可能是 \/ maybe: .*source/);
    expect(out).toContain('行政区划 division: 无对应列 / no column');
  });

  it('prints the same with --dry-run and imports nothing', async () => {
    const before = await platform.services.database.db.selectFrom('import_batches').select('id').execute();
    const out = await run('import', '--dry-run', '--type', 'death', file('deaths-dry.csv', DEATHS));
    expect(out).toContain('dry run');
    expect(out).toMatch(/户籍所在地 → 可能是 \/ maybe: 行政区划 division/);
    const after = await platform.services.database.db.selectFrom('import_batches').select('id').execute();
    expect(after).toHaveLength(before.length);
  });
});
