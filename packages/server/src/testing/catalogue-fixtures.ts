import type { TestPlatform } from './test-platform.js';
import { buildOrganisation, buildSession, buildUser, type TestSession } from './factories.js';
import type { TCreateDataset } from '../modules/catalogue/catalogue.schemas.js';

/** The people a catalogue test acts as: a data administrator, and a leader who may only read. */
export interface CatalogueWorld {
  admin: TestSession;
  adminUserId: number;
  leader: TestSession;
}

/** A commission of its own with a data administrator and a leader, signed in. */
export async function buildCatalogueWorld(platform: TestPlatform): Promise<CatalogueWorld> {
  const db = platform.services.database.db;
  const org = await buildOrganisation(db);
  const adminUser = await buildUser(db, { role: 'data_admin', orgId: org.id });
  return {
    admin: await buildSession(platform.services, adminUser),
    adminUserId: adminUser.id,
    leader: await buildSession(platform.services, await buildUser(db, { role: 'leader', orgId: org.id })),
  };
}

/** A valid custom dataset type (rental subsidies paid by a township); override any part. */
export function customDatasetInput(overrides: Partial<TCreateDataset> = {}): TCreateDataset {
  return {
    key: 'x_rental_subsidy',
    name: { zh: '租房补贴发放', en: 'Rental subsidy payments' },
    source: { zh: '住建部门', en: 'Housing' },
    fields: [
      {
        key: 'applicant_id',
        label: { zh: '申请人身份证号', en: 'Applicant ID number' },
        type: 'id',
        required: true,
        synonyms: ['申请人证件号码'],
      },
      {
        key: 'applicant_name',
        label: { zh: '申请人姓名', en: 'Applicant name' },
        type: 'text',
        required: true,
        synonyms: [],
      },
      { key: 'amount', label: { zh: '补贴金额', en: 'Amount' }, type: 'money', required: true, synonyms: ['发放金额'] },
      { key: 'paid_on', label: { zh: '发放日期', en: 'Paid on' }, type: 'date', required: false, synonyms: [] },
      {
        key: 'method',
        label: { zh: '发放方式', en: 'Method' },
        type: 'enum',
        required: false,
        synonyms: [],
        values: [
          { code: 'cash', label: { zh: '现金', en: 'Cash' }, terms: ['现款'] },
          { code: 'transfer', label: { zh: '转账', en: 'Bank transfer' }, terms: ['银行代发'] },
        ],
      },
    ],
    ...overrides,
  };
}

/** A multipart/form-data body with one CSV file and text fields, for the import routes. */
export function multipartCsv(name: string, content: string, fields: Record<string, string> = {}) {
  const boundary = '----qingfeng-catalogue-boundary';
  const parts = Object.entries(fields).map(
    ([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`,
  );
  parts.push(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: text/csv\r\n\r\n${content}\r\n`,
  );
  return {
    payload: Buffer.from(`${parts.join('')}--${boundary}--\r\n`),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
