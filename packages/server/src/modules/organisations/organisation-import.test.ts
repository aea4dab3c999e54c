import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildJurisdictions, multipartFile } from '../../testing/org-factories.js';
import { testEngines } from '../../testing/test-databases.js';
import { createTestPlatform, type TestPlatform } from '../../testing/test-platform.js';
import type { ErrorBody } from '../../http/error-handler.js';
import type { TDivision } from './divisions.schemas.js';
import type { TImportProblem } from './organisations.schemas.js';

type ImportRejection = { problems: TImportProblem[] };

describe.each(testEngines())('organisation and division import on %s', (engine) => {
  let platform: TestPlatform;
  let world: Awaited<ReturnType<typeof buildJurisdictions>>;

  beforeAll(async () => {
    platform = await createTestPlatform(engine);
    world = await buildJurisdictions(platform.services);
  });
  afterAll(async () => platform?.close());

  function upload(url: string, fileName: string, content: Uint8Array | string, headers = world.adminA.session.headers) {
    const { payload, headers: multipart } = multipartFile(fileName, content);
    return platform.app.inject({ method: 'POST', url, payload, headers: { ...headers, ...multipart } });
  }
  const codes = (list: string[]) =>
    platform.services.database.db
      .selectFrom('organisations')
      .selectAll()
      .where('code', 'in', list)
      .orderBy('code')
      .execute();

  it('imports a UTF-8 tree with English headers, adds standard offices, and upserts on a second run', async () => {
    const p = world.prefix;
    const csv = [
      'code,name,kind,level,office_type,unit_type,parent_code,division_code',
      `U-${p}-T1,某镇监察站,commission,township,,,${world.countyA.code},${p}01001`,
      `U-${p}-C1,派驻纪检组,commission,county,,,${world.countyA.code},${p}01`,
      `U-${p}-S1,某镇中心小学,unit,,,school,U-${p}-T1,${p}01001001`,
      `U-${p}-O1,案件审理室,office,,trial,,U-${p}-C2,${p}01`,
      `U-${p}-C2,巡察组,commission,county,,,${world.countyA.code},${p}01`,
    ].join('\r\n');
    const response = await upload('/api/v1/organisations/import', 'tree.csv', `\uFEFF${csv}`);
    expect(response.statusCode, response.body).toBe(200);
    // C1 gets the six standard offices; C2 listed its own; a township station has none.
    expect(response.json()).toEqual({ encoding: 'utf-8', rows: 5, inserted: 5, updated: 0, officesCreated: 6 });
    const [c1, c2, o1, s1, t1] = await codes([`U-${p}-C1`, `U-${p}-C2`, `U-${p}-O1`, `U-${p}-S1`, `U-${p}-T1`]);
    expect(s1).toMatchObject({ kind: 'unit', unit_type: 'school', parent_id: t1?.id, division_code: `${p}01001001` });
    expect(o1?.parent_id).toBe(c2?.id);
    expect(t1?.parent_id).toBe(world.countyA.id);
    const c1Offices = await platform.services.database.db
      .selectFrom('organisations')
      .select('id')
      .where('parent_id', '=', c1?.id as number)
      .execute();
    expect(c1Offices).toHaveLength(6);

    const again = await upload('/api/v1/organisations/import', 'tree.csv', csv.replace('某镇中心小学', '某镇第一小学'));
    expect(again.json()).toMatchObject({ inserted: 0, updated: 5, officesCreated: 0 });
    const [renamed] = await codes([`U-${p}-S1`]);
    expect(renamed?.name).toBe('某镇第一小学');
    const audit = await platform.services.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'organisation.import')
      .where('outcome', '=', 'allowed')
      .execute();
    expect(audit.map((a) => a.detail)).toContainEqual(expect.objectContaining({ fileName: 'tree.csv', inserted: 5 }));
  });

  it('reads GBK files with Chinese headers and values', async () => {
    const p = world.prefix;
    const csv = [
      '编码,名称,类型,层级,内设机构类型,单位类型,上级编码,区划代码',
      `G-${p}-H,县人民医院,单位,,,医院,${world.countyA.code},${p}01000000`,
      `G-${p}-X,信访室,内设机构,,信访室,,${world.countyA.code},${p}01000000`,
    ].join('\n');
    const response = await upload('/api/v1/organisations/import', '机构.csv', iconv.encode(csv, 'gbk'));
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ encoding: 'gb18030', inserted: 2 });
    const [h, x] = await codes([`G-${p}-H`, `G-${p}-X`]);
    expect(h).toMatchObject({ name: '县人民医院', kind: 'unit', unit_type: 'hospital' });
    expect(x).toMatchObject({ name: '信访室', kind: 'office', office_type: 'letters_visits' });
  });

  it('reports every bad row with its column, value and reason, and imports nothing', async () => {
    const p = world.prefix;
    const csv = [
      'code,name,kind,level,office_type,unit_type,parent_code,division_code',
      `B-${p}-1,好单位,unit,,,school,${world.countyA.code},${p}01000000`,
      `B-${p}-2,,unit,,,school,${world.countyA.code},${p}01000000`,
      `B-${p}-3,坏类型,agency,,,,${world.countyA.code},${p}01000000`,
      `B-${p}-4,无上级,unit,,,soe,NOPE,${p}01000000`,
      `B-${p}-5,邻县,unit,,,soe,${world.countyB.code},${p}02000000`,
      `B-${p}-6,坏区划,unit,,,soe,${world.countyA.code},12345`,
      `B-${p}-1,重复,unit,,,school,${world.countyA.code},${p}01000000`,
      `B-${p}-7,循环甲,commission,county,,,B-${p}-8,${p}01000000`,
      `B-${p}-8,循环乙,commission,county,,,B-${p}-7,${p}01000000`,
    ].join('\n');
    const response = await upload('/api/v1/organisations/import', 'bad.csv', csv);
    expect(response.statusCode).toBe(422);
    const body = response.json<ImportRejection & { code: string }>();
    expect(body.code).toBe('import_rejected');
    expect(body.problems).toEqual(
      expect.arrayContaining([
        { row: 3, column: 'name', value: '', reason: 'required, up to 200 characters' },
        expect.objectContaining({ row: 4, column: 'kind', value: 'agency' }),
        expect.objectContaining({ row: 5, column: 'parent_code', value: 'NOPE' }),
        { row: 6, column: 'division_code', value: `${p}02000000`, reason: 'outside your jurisdiction' },
        expect.objectContaining({ row: 7, column: 'division_code', value: '12345' }),
        { row: 8, column: 'code', value: `B-${p}-1`, reason: 'repeats row 2' },
        expect.objectContaining({ row: 9, column: 'parent_code', reason: 'makes the tree a cycle' }),
      ]),
    );
    expect(body.problems.map((x: { row: number }) => x.row)).not.toContain(2);
    expect(await codes([`B-${p}-1`, `B-${p}-7`])).toEqual([]);
    const failed = await platform.services.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'organisation.import')
      .where('outcome', '=', 'failed')
      .execute();
    expect(failed.length).toBeGreaterThan(0);

    const header = await upload('/api/v1/organisations/import', 'h.csv', 'code,name,colour\nA,B,C\n');
    expect(header.json<ImportRejection>().problems).toEqual(
      expect.arrayContaining([
        { row: 1, column: 'colour', value: 'colour', reason: 'unknown column' },
        { row: 1, column: 'kind', value: '', reason: 'missing column' },
      ]),
    );
    const notMultipart = await platform.app.inject({
      method: 'POST',
      url: '/api/v1/organisations/import',
      headers: world.adminA.session.headers,
      payload: {},
    });
    expect(notMultipart.statusCode).toBe(400);
    expect(notMultipart.json<ErrorBody>().field).toBe('file');
  });

  it('imports divisions from UTF-8 or GBK, lists them, and refuses codes outside the jurisdiction', async () => {
    const p = world.prefix;
    const utf8 = `code,name,parent_code\n${p}01,测试县,${p}00\n${p}01001,城关镇,\n${p}01001001,东街社区,\n`;
    const first = await upload('/api/v1/divisions/import', 'd.csv', utf8);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({ encoding: 'utf-8', rows: 3, inserted: 3, updated: 0 });
    const gbk = iconv.encode(`区划代码,名称\n${p}01001,城关街道\n${p}01002,新塘镇\n`, 'gbk');
    const second = await upload('/api/v1/divisions/import', 'd.csv', gbk);
    expect(second.json()).toEqual({ encoding: 'gb18030', rows: 2, inserted: 1, updated: 1 });

    const a = world.adminA.session.headers;
    const children = await platform.app.inject({ url: `/api/v1/divisions?parent=${p}01`, headers: a });
    expect(children.json<{ items: TDivision[] }>().items).toEqual([
      { code: `${p}01001000`, name: '城关街道', level: 'township', parentCode: `${p}01000000` },
      { code: `${p}01002000`, name: '新塘镇', level: 'township', parentCode: `${p}01000000` },
    ]);
    const search = await platform.app.inject({ url: `/api/v1/divisions?q=${encodeURIComponent('东街')}`, headers: a });
    expect(search.json<{ items: TDivision[] }>().items.map((d: { code: string }) => d.code)).toEqual([`${p}01001001`]);

    const bad = await upload(
      '/api/v1/divisions/import',
      'd.csv',
      `code,name,parent_code\n${p}02,邻县,\n${p}01003,,\n${p}01004,某镇,${p}02\n`,
    );
    expect(bad.statusCode).toBe(422);
    expect(bad.json<ImportRejection>().problems).toEqual([
      { row: 2, column: 'code', value: `${p}02`, reason: 'outside your jurisdiction' },
      { row: 3, column: 'name', value: '', reason: 'required, up to 100 characters' },
      { row: 4, column: 'parent_code', value: `${p}02`, reason: `does not contain ${p}01004000` },
    ]);
  });
});
