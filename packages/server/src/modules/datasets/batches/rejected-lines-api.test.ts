import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maskIdNumber } from '@qingfeng/core';
import { multipartFile, type TestActor } from '../../../testing/org-factories.js';
import { testEngines } from '../../../testing/test-databases.js';
import { createTestPlatform, type TestPlatform } from '../../../testing/test-platform.js';
import { makeIdNumber, withBadCheckDigit } from '../../../testing/test-data.js';
import { buildCounties } from '../../../testing/warnings-fixture.js';

const GOOD = makeIdNumber('19800101', 11);
const BAD = withBadCheckDigit(makeIdNumber('19810202', 12));
const BAD_TOO = withBadCheckDigit(makeIdNumber('19820303', 13));
const CSV = [
  'payment_id,program,id,name,division,amount,paid_on,period',
  `P1,dibao,${GOOD},张三,330106001001,5.00,2024-03-05,2024-03`,
  `P2,dibao,${BAD},李四,330106001001,5.00,2024-03-05,2024-03`,
  `P3,dibao,${BAD_TOO},王五,330106001001,5.00,2024-03-05,2024-03`,
  `P4,dibao,${GOOD},张三,330106001001,五块,2024-03-05,2024-03`,
].join('\n');

type Page = {
  items: { rowNo: number; column: string; field: string; value: string; reason: { zh: string; en: string } }[];
  hasMore: boolean;
};

describe.each(testEngines())("a batch's rejected rows read in the console on %s", (engine) => {
  let platform: TestPlatform;
  let adminA: TestActor;
  let adminB: TestActor;
  let leaderA: TestActor;
  let batchId: number;
  const get = (actor: TestActor, url: string) =>
    platform.app.inject({ method: 'GET', url, headers: actor.session.headers });

  beforeAll(async () => {
    platform = await createTestPlatform(engine);
    const world = await buildCounties(platform);
    adminA = await world.actor('data_admin', world.countyA);
    adminB = await world.actor('data_admin', world.countyB);
    leaderA = await world.actor('leader', world.countyA);
    const upload = multipartFile('pay.csv', CSV);
    const created = await platform.app.inject({
      method: 'POST',
      url: '/api/v1/datasets/benefit_payment/imports',
      payload: upload.payload,
      headers: { ...adminA.session.headers, ...upload.headers },
    });
    expect(created.statusCode, created.body).toBe(201);
    batchId = created.json<{ id: number }>().id;
  });
  afterAll(async () => platform?.close());

  it('lists each problem with its row, column and reason, identity numbers masked wherever they appear', async () => {
    const response = await get(adminA, `/api/v1/batches/${batchId}/rejected/lines`);
    expect(response.statusCode, response.body).toBe(200);
    const page = response.json<Page>();
    expect(page.hasMore).toBe(false);
    expect(page.items.map((l) => [l.rowNo, l.field])).toEqual([
      [3, 'id'],
      [4, 'id'],
      [5, 'amount'],
    ]);
    expect(page.items[0]).toMatchObject({ column: 'id', value: maskIdNumber(BAD) });
    expect(page.items[0]?.reason.zh).toMatch(/校验位/);
    expect(page.items[0]?.reason.en).toMatch(/check digit/);
    // A value that is no personal data is shown as it was.
    expect(page.items[2]?.value).toBe('五块');
    for (const raw of [BAD, BAD_TOO]) expect(response.body).not.toContain(raw);
  });

  it('pages with a bounded size, and audits every read', async () => {
    const first = (await get(adminA, `/api/v1/batches/${batchId}/rejected/lines?pageSize=2`)).json<Page>();
    expect(first.items.map((l) => l.rowNo)).toEqual([3, 4]);
    expect(first.hasMore).toBe(true);
    const second = (await get(adminA, `/api/v1/batches/${batchId}/rejected/lines?pageSize=2&page=2`)).json<Page>();
    expect(second.items.map((l) => l.rowNo)).toEqual([5]);
    expect(second.hasMore).toBe(false);
    const beyond = (await get(adminA, `/api/v1/batches/${batchId}/rejected/lines?pageSize=2&page=9`)).json<Page>();
    expect(beyond).toMatchObject({ items: [], hasMore: false });
    const entries = await platform.services.database.db
      .selectFrom('audit_log')
      .select(['user_id', 'object_id', 'detail'])
      .where('action', '=', 'dataset.rejected_rows.read')
      .orderBy('id')
      .execute();
    expect(entries.slice(-3)).toEqual([
      expect.objectContaining({
        user_id: adminA.user.id,
        object_id: String(batchId),
        detail: expect.objectContaining({ page: 1, lines: 2 }),
      }),
      expect.objectContaining({ detail: expect.objectContaining({ page: 2, lines: 1 }) }),
      expect.objectContaining({ detail: expect.objectContaining({ page: 9, lines: 0 }) }),
    ]);
  });

  it('shows the values whole only with a reason and person.read, audited as a read of personal data', async () => {
    const url = `/api/v1/batches/${batchId}/rejected/lines?reason=${encodeURIComponent('核对原始文件')}`;
    const whole = await get(adminA, url);
    expect(whole.statusCode, whole.body).toBe(200);
    expect(whole.json<Page & { masked: boolean }>()).toMatchObject({ masked: false });
    expect(whole.json<Page>().items[0]).toMatchObject({ value: BAD });
    const masked = await get(adminA, `/api/v1/batches/${batchId}/rejected/lines`);
    expect(masked.json<Page & { masked: boolean }>().masked).toBe(true);
    const [read] = await platform.services.database.db
      .selectFrom('audit_log')
      .select(['user_id', 'object_id', 'reason'])
      .where('action', '=', 'person.read')
      .where('object_type', '=', 'import_batch')
      .execute();
    expect(read).toEqual({ user_id: adminA.user.id, object_id: String(batchId), reason: '核对原始文件' });
    // Another county's administrator: the same 404 as without a reason; a one-letter reason is refused.
    const fromB = await get(adminB, url);
    expect(fromB.statusCode).toBe(404);
    expect(fromB.body).not.toContain(BAD);
    expect((await get(adminA, `/api/v1/batches/${batchId}/rejected/lines?reason=x`)).statusCode).toBe(400);
    // Without person.read (a data administrator whose role lost it), the reason does not help.
    const roles = platform.services.rolePermissions;
    const before = [...(await roles.getPermissions('data_admin'))];
    const db = platform.services.database.db;
    await roles.setPermissions(
      db,
      'data_admin',
      before.filter((p) => p !== 'person.read'),
    );
    try {
      const refused = await get(adminA, url);
      expect(refused.statusCode).toBe(403);
      expect(refused.body).not.toContain(BAD);
      expect((await get(adminA, `/api/v1/batches/${batchId}/rejected/lines`)).statusCode).toBe(200);
    } finally {
      await roles.setPermissions(db, 'data_admin', before);
    }
  });

  it("is the batch's county's only: another county's administrator gets 404, a role without import 403", async () => {
    expect((await get(adminB, `/api/v1/batches/${batchId}/rejected/lines`)).statusCode).toBe(404);
    expect((await get(adminB, `/api/v1/batches/${batchId}/rejected/lines`)).body).not.toContain('李四');
    expect((await get(leaderA, `/api/v1/batches/${batchId}/rejected/lines`)).statusCode).toBe(403);
    expect((await get(adminA, '/api/v1/batches/99999999/rejected/lines')).statusCode).toBe(404);
  });

  it('refuses page sizes past the bound and malformed paging with a 400', async () => {
    for (const query of [
      'pageSize=101',
      'pageSize=0',
      'page=0',
      'page=-1',
      'page=abc',
      'pageSize=1e9',
      'page=99999999',
    ]) {
      const response = await get(adminA, `/api/v1/batches/${batchId}/rejected/lines?${query}`);
      expect(response.statusCode, query).toBe(400);
    }
  });
});
