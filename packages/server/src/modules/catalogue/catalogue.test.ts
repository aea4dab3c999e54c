import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { findDataset } from '@qingfeng/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../../testing/test-databases.js';
import { createTestPlatform, type TestPlatform } from '../../testing/test-platform.js';
import { systemActor } from '../audit/audit.service.js';
import { importDatasetFile } from '../datasets/import/import.service.js';
import { makeIdNumber, withBadCheckDigit } from '../../testing/test-data.js';
import type { TCatalogueDataset } from './catalogue.schemas.js';
import { CatalogueService } from './catalogue.service.js';
import {
  type CatalogueWorld,
  buildCatalogueWorld,
  customDatasetInput,
  multipartCsv,
} from '../../testing/catalogue-fixtures.js';

const ALICE = makeIdNumber('19800101', 11);
const BOB = makeIdNumber('19751231', 34);

for (const engine of testEngines()) {
  describe(`catalogue: custom types and synonyms (${engine})`, () => {
    let platform: TestPlatform;
    let world: CatalogueWorld;

    beforeAll(async () => {
      platform = await createTestPlatform(engine);
      world = await buildCatalogueWorld(platform);
    });
    afterAll(async () => platform?.close());

    const call = (method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object, headers = world.admin.headers) =>
      platform.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });

    async function auditActions(objectType: string) {
      const rows = await platform.services.database.db
        .selectFrom('audit_log')
        .select(['action', 'object_id', 'user_id'])
        .where('object_type', '=', objectType)
        .orderBy('id')
        .execute();
      return rows;
    }

    it('creates a custom type, lists it, and imports a CSV into its own ds_ table', async () => {
      const created = await call('POST', '/api/v1/catalogue/datasets', customDatasetInput());
      expect(created.statusCode, created.body).toBe(201);
      expect(created.json()).toMatchObject({
        key: 'x_rental_subsidy',
        builtIn: false,
        fields: [{ key: 'applicant_id' }, {}, {}, {}, {}],
      });
      const refused = await call('POST', '/api/v1/catalogue/datasets', customDatasetInput(), world.leader.headers);
      expect(refused.statusCode).toBe(403);

      const listed = await call('GET', '/api/v1/catalogue/datasets', undefined, world.leader.headers);
      const items = listed.json<{ items: TCatalogueDataset[] }>().items;
      expect(items.find((d) => d.key === 'person')?.builtIn).toBe(true);
      expect(items.find((d) => d.key === 'x_rental_subsidy')?.fields.map((f) => f.key)).toEqual([
        'applicant_id',
        'applicant_name',
        'amount',
        'paid_on',
        'method',
      ]);

      const file = path.join(platform.dataDir, 'rental.csv');
      writeFileSync(
        file,
        `申请人证件号码,申请人姓名,发放金额,发放日期,发放方式\n${ALICE},张三,"1,200.50元",2024/3/5,现款\n${withBadCheckDigit(BOB)},李四,100,2024-03-05,转账\n`,
      );
      const { batch } = await importDatasetFile(platform.services, systemActor(), {
        datasetType: 'x_rental_subsidy',
        file,
        fileName: 'rental.csv',
      });
      expect(batch).toMatchObject({
        dataset_type: 'x_rental_subsidy',
        status: 'loaded',
        rows_read: 2,
        rows_loaded: 1,
        rows_rejected: 1,
      });
      const rows = await platform.services.lake.query(
        'SELECT _row_no, amount, paid_on, method, applicant_name, applicant_id_birth_date, applicant_id_sk IS NOT NULL AS keyed FROM ds_x_rental_subsidy WHERE _batch_id = $1',
        [batch.id],
      );
      expect(rows).toEqual([
        {
          _row_no: 2,
          amount: '1200.50',
          paid_on: '2024-03-05',
          method: 'cash',
          applicant_name: '张三',
          applicant_id_birth_date: '1980-01-01',
          keyed: true,
        },
      ]);
      expect(await auditActions('dataset_type')).toEqual([
        { action: 'catalogue_dataset.create', object_id: 'x_rental_subsidy', user_id: world.adminUserId },
      ]);
    });

    it('adds a synonym so a file using it imports, and removing it makes the same file refused again', async () => {
      const csv = `身份证号,姓名,殁日\n${ALICE},张三,2024-02-01\n`;
      const importIt = (name: string, fields: Record<string, string> = {}) => {
        const body = multipartCsv(name, csv, fields);
        return platform.app.inject({
          method: 'POST',
          url: '/api/v1/datasets/death/imports',
          payload: body.payload,
          headers: { ...world.admin.headers, ...body.headers },
        });
      };
      const before = await importIt('death-1.csv');
      expect(before.statusCode).toBe(400);
      expect(before.json()).toMatchObject({ code: 'mapping_refused', missingRequired: ['death_date'] });

      const added = await call('POST', '/api/v1/catalogue/datasets/death/synonyms', {
        field: 'death_date',
        synonym: '殁日',
      });
      expect(added.statusCode, added.body).toBe(201);
      const synonym = added.json<{ id: number }>();
      expect(added.json()).toMatchObject({ datasetType: 'death', field: 'death_date', synonym: '殁日' });
      expect(
        (await new CatalogueService(platform.services.database.db).requireDataset('death')).fields.find(
          (f) => f.key === 'death_date',
        )?.synonyms,
      ).toContain('殁日');
      const listed = await call('GET', '/api/v1/catalogue/datasets');
      const death = listed.json<{ items: TCatalogueDataset[] }>().items.find((d) => d.key === 'death');
      expect(death?.fields.find((f) => f.key === 'death_date')?.extraSynonyms).toEqual([
        { id: synonym.id, synonym: '殁日' },
      ]);

      const imported = await importIt('death-2.csv');
      expect(imported.statusCode, imported.body).toBe(201);
      expect(imported.json()).toMatchObject({ datasetType: 'death', rowsLoaded: 1 });

      const removed = await call('DELETE', `/api/v1/catalogue/datasets/death/synonyms/${synonym.id}`);
      expect(removed.statusCode, removed.body).toBe(200);
      expect((await call('DELETE', `/api/v1/catalogue/datasets/death/synonyms/${synonym.id}`)).statusCode).toBe(404);
      // Forced: the same bytes were loaded above, and the refusal must come from the mapping.
      const after = await importIt('death-3.csv', { force: 'true' });
      expect(after.statusCode, after.body).toBe(400);
      expect(after.json()).toMatchObject({ code: 'mapping_refused' });
      expect((await auditActions('catalogue_synonym')).map((r) => [r.action, r.object_id])).toEqual([
        ['catalogue_synonym.create', String(synonym.id)],
        ['catalogue_synonym.delete', String(synonym.id)],
      ]);
    });

    it('refuses a synonym that would make a header ambiguous, naming the field that owns it', async () => {
      const label = await call('POST', '/api/v1/catalogue/datasets/person/synonyms', {
        field: 'id',
        synonym: ' 姓 名 ',
      });
      expect(label.statusCode).toBe(400);
      expect(label.json()).toMatchObject({ code: 'synonym_ambiguous', field: 'body.synonym' });
      expect(label.json<{ message: string }>().message).toContain('name');

      const first = await call('POST', '/api/v1/catalogue/datasets/x_rental_subsidy/synonyms', {
        field: 'amount',
        synonym: '到账金额',
      });
      expect(first.statusCode, first.body).toBe(201);
      const clash = await call('POST', '/api/v1/catalogue/datasets/x_rental_subsidy/synonyms', {
        field: 'applicant_name',
        synonym: '到账金额',
      });
      expect(clash.statusCode).toBe(400);
      expect(clash.json<{ message: string }>().message).toContain('amount');
      const again = await call('POST', '/api/v1/catalogue/datasets/person/synonyms', {
        field: 'id',
        synonym: '身份证号',
      });
      expect(again.statusCode).toBe(409);
      expect(again.json()).toMatchObject({ code: 'synonym_exists' });
    });

    it('keeps built-in types, fields, required flags and enum codes untouchable', async () => {
      const before = findDataset('person');
      const builtInKey = await call('POST', '/api/v1/catalogue/datasets', customDatasetInput({ key: 'person' }));
      expect(builtInKey.statusCode).toBe(400);
      expect(builtInKey.json()).toMatchObject({ field: 'body.key' });
      const duplicate = await call('POST', '/api/v1/catalogue/datasets', customDatasetInput());
      expect(duplicate.statusCode).toBe(409);
      const ambiguous = customDatasetInput({ key: 'x_other' });
      const [idField, nameField] = ambiguous.fields;
      const clash = await call('POST', '/api/v1/catalogue/datasets', {
        ...ambiguous,
        fields: [idField, { ...nameField, synonyms: ['申请人身份证号'] }],
      });
      expect(clash.statusCode).toBe(400);
      expect(clash.json()).toMatchObject({ code: 'synonym_ambiguous' });
      const enumWithoutCodes = await call('POST', '/api/v1/catalogue/datasets', {
        ...ambiguous,
        fields: [{ key: 'kind', label: { zh: '类别', en: 'Kind' }, type: 'enum' }],
      });
      expect(enumWithoutCodes.statusCode).toBe(400);
      const clashingColumns = await call('POST', '/api/v1/catalogue/datasets', {
        ...ambiguous,
        fields: [idField, { key: 'applicant_id_sex', label: { zh: '性别', en: 'Sex' }, type: 'text' }],
      });
      expect(clashingColumns.statusCode).toBe(400);
      expect(clashingColumns.json()).toMatchObject({ code: 'duplicate_column' });

      expect((await call('DELETE', '/api/v1/catalogue/datasets/person/synonyms/1')).statusCode).toBe(404);
      expect(
        (await call('POST', '/api/v1/catalogue/datasets/person/synonyms', { field: 'nope', synonym: '某列' }))
          .statusCode,
      ).toBe(400);
      expect(
        (await call('POST', '/api/v1/catalogue/datasets/nope/synonyms', { field: 'id', synonym: '某列' })).statusCode,
      ).toBe(404);

      const person = await new CatalogueService(platform.services.database.db).requireDataset('person');
      expect(findDataset('person')).toBe(before);
      expect(person.fields.map(({ synonyms: _s, ...rest }) => rest)).toEqual(
        before?.fields.map(({ synonyms: _s, ...rest }) => rest),
      );
      expect(await platform.services.database.db.selectFrom('custom_dataset_types').select('key').execute()).toEqual([
        { key: 'x_rental_subsidy' },
      ]);
    });
  });
}
