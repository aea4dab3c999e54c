import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../../testing/test-databases.js';
import { createTestPlatform, type TestPlatform } from '../../testing/test-platform.js';
import { divisionCodesIn, findPlaceNames, placeNameOf } from './place-names.js';

for (const engine of testEngines()) {
  describe(`place names from the division register (${engine})`, () => {
    let platform: TestPlatform;
    beforeAll(async () => {
      platform = await createTestPlatform(engine);
      await platform.services.database.db
        .insertInto('divisions')
        .values([
          { code: '330106000000', name: '西湖区', level: 'county', parent_code: '330100000000' },
          { code: '330106001000', name: '北山街道', level: 'town', parent_code: '330106000000' },
          { code: '330106001001', name: '宝石社区', level: 'village', parent_code: '330106001000' },
          { code: '330106001002', name: '北山街道曙光社区', level: 'village', parent_code: '330106001000' },
          { code: '330106002001', name: '孤村', level: 'village', parent_code: '330106002000' },
        ])
        .execute();
    });
    afterAll(async () => platform?.close());

    it('names a village with its town, a town or county by itself, and nothing it does not know', async () => {
      const codes = ['330106001001', '330106001002', '330106001', '330106', '330106002001', '330199000000'];
      const names = await findPlaceNames(platform.services.database.db, codes);
      expect(names('330106001001', 'zh')).toBe('北山街道宝石社区');
      // A register that already writes the town into the village's name is not doubled.
      expect(names('330106001002', 'zh')).toBe('北山街道曙光社区');
      expect(names('330106001000', 'zh')).toBe('北山街道');
      expect(names('330106000000', 'zh')).toBe('西湖区');
      // The town is not in the register: the village keeps its own name.
      expect(names('330106002001', 'zh')).toBe('孤村');
      expect(names('330199000000', 'zh')).toBeUndefined();
    });

    it('names them in English romanised, the smaller place first, never in Chinese characters', async () => {
      const codes = ['330106001001', '330106001002', '330106001', '330106', '330106002001', '330199000000'];
      const names = await findPlaceNames(platform.services.database.db, codes);
      expect(names('330106001001', 'en')).toBe('Baoshi Community, Beishan Subdistrict');
      expect(names('330106001002', 'en')).toBe('Shuguang Community, Beishan Subdistrict');
      expect(names('330106001000', 'en')).toBe('Beishan Subdistrict');
      expect(names('330106000000', 'en')).toBe('Xihu District');
      expect(names('330106002001', 'en')).toBe('Gu Village');
      expect(names('330199000000', 'en')).toBeUndefined();
      expect(placeNameOf(names, '330106001001')).toEqual({
        zh: '北山街道宝石社区',
        en: 'Baoshi Community, Beishan Subdistrict',
      });
      expect(placeNameOf(names, '330106001')).toEqual({ zh: '北山街道', en: 'Beishan Subdistrict' });
      expect(placeNameOf(names, '330199000000')).toBeNull();
    });

    it('reads more codes than one query binds (a page of an export), chunk by chunk', async () => {
      const codes = Array.from({ length: 2500 }, (_, i) => `3301060${String(i).padStart(5, '0')}`);
      const names = await findPlaceNames(platform.services.database.db, codes);
      expect(names('330106001001', 'zh')).toBe('北山街道宝石社区');
    });

    it('takes 6-, 9- and 12-digit strings as possible division codes, and nothing else', () => {
      expect(divisionCodesIn(['330106', '330106001', '330106001001', '3301', 'abc', 12, null])).toEqual([
        '330106',
        '330106001',
        '330106001001',
      ]);
    });
  });
}
