import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildJurisdictions } from '../../testing/org-factories.js';
import { testEngines } from '../../testing/test-databases.js';
import { createTestPlatform, type TestPlatform } from '../../testing/test-platform.js';
import type { ErrorBody } from '../../http/error-handler.js';
import type { TOrganisation, TOrganisationNode } from './organisations.schemas.js';

describe.each(testEngines())('organisations API on %s', (engine) => {
  let platform: TestPlatform;
  let world: Awaited<ReturnType<typeof buildJurisdictions>>;

  beforeAll(async () => {
    platform = await createTestPlatform(engine);
    world = await buildJurisdictions(platform.services);
  });
  afterAll(async () => platform?.close());

  function inject(method: 'GET' | 'POST' | 'PATCH', url: string, headers: Record<string, string>, payload?: object) {
    return platform.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
  }
  let n = 0;
  const code = () => `T${Date.now().toString(36)}${++n}`;

  it('creates a township station and a county commission with its standard offices', async () => {
    const a = world.adminA.session.headers;
    const commissionCode = code();
    const created = await inject('POST', '/api/v1/organisations', a, {
      code: commissionCode,
      name: '测试县派驻纪检监察组',
      kind: 'commission',
      level: 'county',
      parentId: world.countyA.id,
      divisionCode: `${world.prefix}01`,
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json<TOrganisation>().id;
    expect(created.json()).toMatchObject({
      kind: 'commission',
      level: 'county',
      divisionCode: `${world.prefix}01000000`,
    });
    const offices = await platform.services.database.db
      .selectFrom('organisations')
      .select(['code', 'name', 'office_type'])
      .where('parent_id', '=', id)
      .orderBy('code')
      .execute();
    expect(offices.map((o) => o.office_type).sort()).toEqual([
      'case_management',
      'conduct',
      'investigation',
      'letters_visits',
      'supervision',
      'trial',
    ]);
    expect(offices.find((o) => o.office_type === 'letters_visits')).toMatchObject({
      name: '信访室',
      code: `${commissionCode}-letters_visits`,
    });
    const audit = await platform.services.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'organisation.create')
      .where('object_id', '=', String(id))
      .executeTakeFirstOrThrow();
    expect(audit.detail).toMatchObject({ code: commissionCode, offices: 6 });

    const station = await inject('POST', '/api/v1/organisations', a, {
      code: code(),
      name: '某镇监察站',
      kind: 'commission',
      level: 'township',
      parentId: world.countyA.id,
      divisionCode: `${world.prefix}0100100`,
    });
    expect(station.statusCode, station.body).toBe(400); // 11 digits: not a code
    expect(station.json<ErrorBody>().field).toBe('body.divisionCode');
    const station2 = await inject('POST', '/api/v1/organisations', a, {
      code: code(),
      name: '某镇监察站',
      kind: 'commission',
      level: 'township',
      parentId: world.countyA.id,
      divisionCode: `${world.prefix}01001000`,
      offices: ['综合室'],
    });
    expect(station2.statusCode, station2.body).toBe(201);
    const custom = await platform.services.database.db
      .selectFrom('organisations')
      .select(['name', 'office_type'])
      .where('parent_id', '=', station2.json<TOrganisation>().id)
      .execute();
    expect(custom).toEqual([{ name: '综合室', office_type: '综合室' }]);
  });

  it('checks the shape and placement of an organisation', async () => {
    const a = world.adminA.session.headers;
    const base = { code: code(), name: 'x', parentId: world.countyA.id, divisionCode: `${world.prefix}01000000` };
    const cases: [object, string][] = [
      [{ ...base, kind: 'unit' }, 'unitType'],
      [{ ...base, kind: 'unit', unitType: 'school', level: 'county' }, 'level'],
      [{ ...base, kind: 'office' }, 'officeType'],
      [{}, ''],
      [{ ...base, kind: 'unit', unitType: 'soe', parentId: undefined }, 'parentId'],
    ];
    for (const [payload, field] of cases.slice(0, 3)) {
      const response = await inject('POST', '/api/v1/organisations', a, payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(response.json<ErrorBody>().field).toBe(field);
    }
    const orphan = await inject('POST', '/api/v1/organisations', a, cases[4]?.[0]);
    expect(orphan.json<ErrorBody>().field).toBe('parentId');
    const missing = await inject('POST', '/api/v1/organisations', a, { name: 'x', kind: 'unit' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json<ErrorBody>().field).toMatch(/^body\./);
  });

  it('keeps a county administrator inside their county', async () => {
    const a = world.adminA.session.headers;
    const list = await inject('GET', '/api/v1/organisations', a);
    const codes = (list.json<{ items: TOrganisation[] }>().items as { code: string; divisionCode: string }[]).map(
      (o) => o.code,
    );
    expect(codes).toContain(world.countyA.code);
    expect(codes).not.toContain(world.countyB.code);
    expect(codes).not.toContain(world.city.code);

    expect((await inject('GET', `/api/v1/organisations/${world.countyB.id}`, a)).statusCode).toBe(404);
    expect((await inject('PATCH', `/api/v1/organisations/${world.countyB.id}`, a, { name: 'y' })).statusCode).toBe(404);
    const underSibling = await inject('POST', '/api/v1/organisations', a, {
      code: code(),
      name: 'x',
      kind: 'unit',
      unitType: 'school',
      parentId: world.countyB.id,
      divisionCode: `${world.prefix}01000000`,
    });
    expect(underSibling.statusCode).toBe(404);
    const outside = await inject('POST', '/api/v1/organisations', a, {
      code: code(),
      name: 'x',
      kind: 'unit',
      unitType: 'school',
      parentId: world.countyA.id,
      divisionCode: `${world.prefix}02000000`,
    });
    expect(outside.statusCode).toBe(403);
    expect(outside.json<ErrorBody>().code).toBe('outside_jurisdiction');

    const cityView = await inject(
      'GET',
      '/api/v1/organisations?view=tree&kind=commission',
      world.cityAdmin.session.headers,
    );
    const [root] = cityView.json<{ tree: TOrganisationNode[] }>().tree as {
      code: string;
      children: { code: string }[];
    }[];
    expect(root?.code).toBe(world.city.code);
    expect(root?.children.map((c) => c.code)).toEqual(expect.arrayContaining([world.countyA.code, world.countyB.code]));
  });

  it('updates an organisation, refusing cycles and divisions that strand its children', async () => {
    const a = world.adminA.session.headers;
    const parent = await inject('POST', '/api/v1/organisations', a, {
      code: code(),
      name: '教育局',
      kind: 'unit',
      unitType: 'department',
      parentId: world.countyA.id,
      divisionCode: `${world.prefix}01000000`,
    });
    const child = await inject('POST', '/api/v1/organisations', a, {
      code: code(),
      name: '某中学',
      kind: 'unit',
      unitType: 'school',
      parentId: parent.json<TOrganisation>().id,
      divisionCode: `${world.prefix}01002000`,
    });
    const parentId = parent.json<TOrganisation>().id;
    const renamed = await inject('PATCH', `/api/v1/organisations/${parentId}`, a, { name: '县教育局' });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json<TOrganisation>().name).toBe('县教育局');
    const cycle = await inject('PATCH', `/api/v1/organisations/${parentId}`, a, {
      parentId: child.json<TOrganisation>().id,
    });
    expect(cycle.statusCode).toBe(400);
    expect(cycle.json<ErrorBody>().field).toBe('parentId');
    const strand = await inject('PATCH', `/api/v1/organisations/${parentId}`, a, {
      divisionCode: `${world.prefix}01003000`,
    });
    expect(strand.statusCode).toBe(400);
    expect(strand.json<ErrorBody>().field).toBe('divisionCode');
    const audit = await platform.services.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'organisation.update')
      .where('object_id', '=', String(parentId))
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]?.detail).toMatchObject({ changes: { name: { from: '教育局', to: '县教育局' } } });
  });

  it('names each division by its place, on the list, one organisation and the signed-in user', async () => {
    const a = world.adminA.session.headers;
    const county = `${world.prefix}01000000`;
    await platform.services.database.db
      .insertInto('divisions')
      .values([
        { code: county, name: '测试县', level: 'county', parent_code: `${world.prefix}00000000` },
        { code: `${world.prefix}01009000`, name: '青山镇', level: 'town', parent_code: county },
        { code: `${world.prefix}01009001`, name: '东风村', level: 'village', parent_code: `${world.prefix}01009000` },
      ])
      .execute();
    const village = await inject('POST', '/api/v1/organisations', a, {
      code: code(),
      name: '东风村村委会',
      kind: 'unit',
      unitType: 'village',
      parentId: world.countyA.id,
      divisionCode: `${world.prefix}01009001`,
    });
    expect(village.statusCode, village.body).toBe(201);
    expect(village.json<TOrganisation>().divisionName).toEqual({
      zh: '青山镇东风村',
      en: 'Dongfeng Village, Qingshan Town',
    });
    const one = await inject('GET', `/api/v1/organisations/${world.countyA.id}`, a);
    expect(one.json<TOrganisation>()).toMatchObject({
      divisionCode: county,
      divisionName: { zh: '测试县', en: 'Ceshi County' },
    });
    const list = await inject('GET', '/api/v1/organisations?view=flat', a);
    const items = list.json<{ items: TOrganisation[] }>().items;
    expect(items.find((o) => o.id === village.json<TOrganisation>().id)?.divisionName?.zh).toBe('青山镇东风村');
    const tree = await inject('GET', '/api/v1/organisations?view=tree', a);
    expect(tree.json<{ tree: TOrganisationNode[] }>().tree[0]?.divisionName?.zh).toBe('测试县');
    // A division the register does not name is shown as its code.
    const cityHeaders = world.cityAdmin.session.headers;
    const city = await inject('GET', `/api/v1/organisations/${world.city.id}`, cityHeaders);
    expect(city.json<TOrganisation>().divisionName).toBeNull();
    const me = await inject('GET', '/api/v1/auth/me', a);
    expect(me.json()).toMatchObject({ divisionCode: county, divisionName: { zh: '测试县', en: 'Ceshi County' } });
  });
});
