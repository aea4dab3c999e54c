import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand } from '../../testing/cli-runner.js';
import { buildJurisdictions } from '../../testing/org-factories.js';
import { testEngines } from '../../testing/test-databases.js';
import { createTestPlatform, type TestPlatform } from '../../testing/test-platform.js';
import { registerOrgCommands } from './org-commands.js';

describe.each(testEngines())('qingfeng org commands on %s', (engine) => {
  let platform: TestPlatform;
  let world: Awaited<ReturnType<typeof buildJurisdictions>>;
  const dir = mkdtempSync(path.join(tmpdir(), 'qf-org-cli-'));

  beforeAll(async () => {
    platform = await createTestPlatform(engine);
    world = await buildJurisdictions(platform.services);
  });
  afterAll(async () => platform?.close());

  const run = (...args: string[]) => runCommand(platform, registerOrgCommands, args);
  const file = (name: string, content: string | Buffer) => {
    const target = path.join(dir, name);
    writeFileSync(target, content);
    return target;
  };

  it('imports a GBK organisation file and prints a summary', async () => {
    const p = world.prefix;
    const csv = `编码,名称,类型,层级,上级编码,区划代码\nCLI-${p}-1,某乡监察站,纪委监委,乡镇,${world.countyB.code},${p}02003\n`;
    const { out } = await run('org', 'import', file('orgs.csv', iconv.encode(csv, 'gbk')));
    expect(out).toMatch(/Imported 1 rows .*\(gb18030\): 1 new, 0 updated/);
    const row = await platform.services.database.db
      .selectFrom('organisations')
      .selectAll()
      .where('code', '=', `CLI-${p}-1`)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ name: '某乡监察站', parent_id: world.countyB.id, division_code: `${p}02003000` });
    const audit = await platform.services.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'organisation.import')
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ username: 'cli', outcome: 'allowed' });
  });

  it('rejects a bad file with every problem in the message, importing nothing', async () => {
    const p = world.prefix;
    const csv = `code,name,kind,level,parent_code,division_code\nCLI-${p}-2,好,commission,county,${world.city.code},${p}03\nCLI-${p}-3,坏,commission,galaxy,,${p}04\n`;
    await expect(run('org', 'import', file('bad.csv', csv))).rejects.toThrow(
      /Nothing was imported: 1 problem\(s\)[\s\S]*row 3, level "galaxy"/,
    );
    const rows = await platform.services.database.db
      .selectFrom('organisations')
      .select('id')
      .where('code', '=', `CLI-${p}-2`)
      .execute();
    expect(rows).toEqual([]);
    await expect(run('org', 'import', path.join(dir, 'missing.csv'))).rejects.toThrow(
      /Cannot read .*missing\.csv: ENOENT/,
    );
  });

  it('imports divisions', async () => {
    const p = world.prefix;
    const { out } = await run(
      'org',
      'import-divisions',
      file('div.csv', `code,name\n${p}00,测试市\n${p}05,测试五县\n`),
    );
    expect(out).toMatch(/Imported 2 divisions .*\(utf-8\): 2 new, 0 updated/);
    const level = await platform.services.database.db
      .selectFrom('divisions')
      .select('level')
      .where('code', '=', `${p}05000000`)
      .executeTakeFirstOrThrow();
    expect(level.level).toBe('county');
  });
});
