import { normaliseDivision } from '@qingfeng/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../../../testing/test-databases.js';
import { createTestPlatform, type TestPlatform } from '../../../testing/test-platform.js';
import { loadDivisionResolver } from './division-resolver.js';

const DIVISIONS = [
  { code: '130000000000', name: '河北省', level: 'province', parent_code: null },
  { code: '130100000000', name: '石家庄市', level: 'city', parent_code: '130000000000' },
  { code: '130105000000', name: '新华区', level: 'county', parent_code: '130100000000' },
  { code: '130900000000', name: '沧州市', level: 'city', parent_code: '130000000000' },
  { code: '130902000000', name: '新华区', level: 'county', parent_code: '130900000000' },
  { code: '130902001000', name: '建设北街街道', level: 'township', parent_code: '130902000000' },
];

for (const engine of testEngines()) {
  describe(`division resolver (${engine})`, () => {
    let platform: TestPlatform;

    beforeAll(async () => {
      platform = await createTestPlatform(engine);
      await platform.services.database.db.insertInto('divisions').values(DIVISIONS).execute();
    });
    afterAll(async () => platform?.close());

    it('resolves names, qualified names, and reports ambiguous ones through the normaliser', async () => {
      const resolve = await loadDivisionResolver(platform.services.database.db);
      expect(resolve('沧州市')).toEqual(['130900000000']);
      expect([...resolve('新华区')].sort()).toEqual(['130105000000', '130902000000']);
      expect(resolve('石家庄市新华区')).toEqual(['130105000000']);
      expect(resolve('河北省沧州市新华区建设北街街道')).toEqual(['130902001000']);
      expect(resolve('不存在')).toEqual([]);

      expect(normaliseDivision('石家庄市 新华区', resolve)).toEqual({ ok: true, value: '130105000000' });
      const ambiguous = normaliseDivision('新华区', resolve);
      expect(ambiguous.ok).toBe(false);
      expect(ambiguous.ok ? '' : ambiguous.reason.en).toContain('130105000000');
    });

    it('limits the index to a jurisdiction, keeping its ancestors for qualified names', async () => {
      const resolve = await loadDivisionResolver(platform.services.database.db, { underPrefix: '1309' });
      expect(resolve('新华区')).toEqual(['130902000000']);
      expect(resolve('河北省沧州市新华区')).toEqual(['130902000000']);
      expect(resolve('石家庄市新华区')).toEqual([]);
    });
  });
}
