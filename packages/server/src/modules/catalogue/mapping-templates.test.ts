import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../../testing/test-databases.js';
import { createTestPlatform, type TestPlatform } from '../../testing/test-platform.js';
import { makeIdNumber } from '../../testing/test-data.js';
import { findTemplateMapping } from './mapping-templates.service.js';
import { type CatalogueWorld, buildCatalogueWorld, multipartCsv } from '../../testing/catalogue-fixtures.js';

const ALICE = makeIdNumber('19800101', 11);
// Headers no synonym knows: only a mapping can tie them to id, name and death_date.
const ODD_FILE = `受理人证照,受理人,注销时间\n${ALICE},张三,2024-02-01\n`;

for (const engine of testEngines()) {
  describe(`catalogue: mapping templates (${engine})`, () => {
    let platform: TestPlatform;
    let world: CatalogueWorld;

    beforeAll(async () => {
      platform = await createTestPlatform(engine);
      world = await buildCatalogueWorld(platform);
    });
    afterAll(async () => platform?.close());

    const templateUrl = (department: string) => `/api/v1/catalogue/mapping-templates/death?department=${department}`;
    const put = (department: string, mapping: Record<string, string>, headers = world.admin.headers) =>
      platform.app.inject({ method: 'PUT', url: templateUrl(department), headers, payload: { mapping } });
    const importDeaths = (name: string, content: string, fields: Record<string, string>) => {
      const body = multipartCsv(name, content, fields);
      return platform.app.inject({
        method: 'POST',
        url: '/api/v1/datasets/death/imports',
        payload: body.payload,
        headers: { ...world.admin.headers, ...body.headers },
      });
    };

    it("saves a department's template and uses it for that department's imports without a mapping", async () => {
      expect(
        (await platform.app.inject({ method: 'GET', url: templateUrl('GA01'), headers: world.admin.headers }))
          .statusCode,
      ).toBe(404);
      const mapping = { 受理人证照: 'id', 受理人: 'name', 注销时间: 'death_date', 备注: 'source' };
      const saved = await put('GA01', mapping);
      expect(saved.statusCode, saved.body).toBe(200);
      expect(saved.json()).toMatchObject({
        datasetType: 'death',
        department: 'GA01',
        mapping,
        updatedBy: world.adminUserId,
      });
      const shown = await platform.app.inject({
        method: 'GET',
        url: templateUrl('GA01'),
        headers: world.admin.headers,
      });
      expect(shown.json()).toMatchObject({ mapping });

      // The template's 备注 column is not in this file: it is left out, not held against the file.
      const imported = await importDeaths('deaths.csv', ODD_FILE, { department: 'GA01' });
      expect(imported.statusCode, imported.body).toBe(201);
      expect(imported.json()).toMatchObject({ departmentCode: 'GA01', rowsLoaded: 1, rowsRejected: 0 });

      const otherDepartment = await importDeaths('deaths.csv', ODD_FILE, { department: 'MZ02', force: 'true' });
      expect(otherDepartment.statusCode).toBe(400);
      expect(otherDepartment.json()).toMatchObject({ code: 'mapping_refused' });

      const audit = await platform.services.database.db
        .selectFrom('audit_log')
        .select(['action', 'user_id'])
        .where('object_type', '=', 'mapping_template')
        .execute();
      expect(audit).toEqual([{ action: 'mapping_template.save', user_id: world.adminUserId }]);
    });

    it('replaces a saved template, narrows it to the headers a file has, and refuses bad ones', async () => {
      expect((await put('GA03', { 甲: 'id' })).statusCode).toBe(200);
      const replaced = await put('GA03', { 乙: 'id', 丙: 'name' });
      expect(replaced.json()).toMatchObject({ mapping: { 乙: 'id', 丙: 'name' } });
      const db = platform.services.database.db;
      expect(await findTemplateMapping(db, 'death', 'GA03', ['丙', '丁'])).toEqual({ 丙: 'name' });
      expect(await findTemplateMapping(db, 'death', 'GA03', ['丁'])).toBeUndefined();
      expect(await findTemplateMapping(db, 'death', null, ['丙'])).toBeUndefined();

      const unknownField = await put('GA03', { 乙: 'plate' });
      expect(unknownField.statusCode).toBe(400);
      expect(unknownField.json()).toMatchObject({ code: 'unknown_field', field: 'body.mapping.乙' });
      expect((await put('GA03', { 乙: 'id', 丁: 'id' })).json()).toMatchObject({ code: 'duplicate_field' });
      expect((await put('GA03', {})).statusCode).toBe(400);
      const unknownType = await platform.app.inject({
        method: 'PUT',
        url: '/api/v1/catalogue/mapping-templates/nope?department=GA03',
        headers: world.admin.headers,
        payload: { mapping: { 乙: 'id' } },
      });
      expect(unknownType.statusCode).toBe(404);
      expect((await put('GA03', { 乙: 'id' }, world.leader.headers)).statusCode).toBe(403);
      const noDepartment = await platform.app.inject({
        method: 'GET',
        url: '/api/v1/catalogue/mapping-templates/death',
        headers: world.admin.headers,
      });
      expect(noDepartment.statusCode).toBe(400);
    });
  });
}
