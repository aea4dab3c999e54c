import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type KeyWorld, buildKeyWorld, issueKey } from '../../testing/api-key-fixtures.js';
import { testEngines } from '../../testing/test-databases.js';
import { createTestPlatform, type TestPlatform } from '../../testing/test-platform.js';
import type { TPushResult } from './api-keys.schemas.js';

const tender = (i: number) => ({
  项目编号: `T-${i}`,
  项目名称: `道路工程${i}`,
  采购人: '某局',
  采购方式: '公开招标',
  公告发布日期: '2024-03-01',
  投标截止时间: '2024-03-20 09:00',
  中标日期: '',
  建设地点: '330106',
});

for (const engine of testEngines()) {
  describe(`a push's answer accounts for every key of its rows (${engine})`, () => {
    let platform: TestPlatform;
    let world: KeyWorld;
    let secret: string;

    beforeAll(async () => {
      platform = await createTestPlatform(engine);
      world = await buildKeyWorld(platform);
      const issued = await issueKey(platform, world.adminA, { departmentId: world.unitA.id, datasetTypes: ['tender'] });
      secret = issued.secret;
    });
    afterAll(async () => platform?.close());

    it('lists the keys that fed no field with suggestions, the empty fields and the models they leave blind', async () => {
      // PR01 and PR08 read the award date, empty in every row here: neither can see these tenders.
      const rows = [tender(1), tender(2)];
      const response = await platform.app.inject({
        method: 'POST',
        url: '/api/v1/push/tender',
        headers: { 'x-api-key': secret },
        payload: { rows },
      });
      expect(response.statusCode, response.body).toBe(201);
      const { columns } = response.json<TPushResult>();
      expect(columns.unusedColumns.map((c) => [c.header, c.suggestions[0]?.field])).toEqual([['建设地点', 'division']]);
      expect(columns.emptyFields).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ field: 'division', reason: 'no_column' }),
          expect.objectContaining({ field: 'award_date', reason: 'all_empty', header: '中标日期' }),
        ]),
      );
      const blind = new Map(columns.blindModels.map((m) => [m.id, m.fields]));
      expect(blind.get('PR01')).toContain('award_date');
      expect(blind.get('PR08')).toContain('award_date');
    });
  });
}
