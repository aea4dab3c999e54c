import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../../../testing/test-databases.js';
import { createTestPlatform, type TestPlatform } from '../../../testing/test-platform.js';
import { systemActor } from '../../audit/audit.service.js';
import { mapRelease, procurementMethodCode } from './ocds-mapping.js';
import { describeOcdsOutcome, importOcdsFile } from './ocds.js';

const SAMPLE = fileURLToPath(new URL('./fixtures/ocds-sample.jsonl', import.meta.url));
const releases = readFileSync(SAMPLE, 'utf8')
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l) as Record<string, unknown>);
const CNY = { currency: 'CNY' };
const OCID = (n: number) => `ocds-qfzj01-ZJCG-2024-000${n}`;

describe('OCDS mapping', () => {
  it('maps China procurement methods by their Chinese name first, then by the OCDS code', () => {
    const cases: [Record<string, string>, string | null][] = [
      [{ procurementMethod: 'open', procurementMethodDetails: '公开招标' }, 'open'],
      [{ procurementMethod: 'selective', procurementMethodDetails: '邀请招标' }, 'invited'],
      [{ procurementMethod: 'limited', procurementMethodDetails: '竞争性谈判' }, 'negotiation'],
      [{ procurementMethod: 'limited', procurementMethodDetails: '竞争性磋商' }, 'negotiation'],
      [{ procurementMethod: 'direct', procurementMethodDetails: '单一来源采购' }, 'single_source'],
      [{ procurementMethod: 'limited', procurementMethodDetails: '询价' }, 'inquiry'],
      [{ procurementMethod: 'selective' }, 'invited'],
      [{ procurementMethod: 'direct' }, 'single_source'],
      [{ procurementMethod: 'limited' }, 'other'],
      [{}, null],
    ];
    for (const [tender, code] of cases) expect(procurementMethodCode(tender), JSON.stringify(tender)).toBe(code);
  });

  it('maps a compiled release to a tender, its bids and its contract', () => {
    const mapped = mapRelease(releases[0] as Record<string, unknown>, 1, CNY);
    expect(mapped.problems).toEqual([]);
    expect(mapped.tender).toMatchObject({
      tender_id: OCID(1),
      title: '政务云服务器采购项目',
      buyer_uscc: '11330100MB1234567E',
      method: 'open',
      category: 'goods',
      budget: 1200000,
      published_on: '2024-05-06T09:00:00+08:00',
      bid_deadline: '2024-05-27T09:30:00+08:00',
      winner_uscc: '91330106MA2A1B2C3H',
      award_amount: 1080000,
      bidder_count: 3,
    });
    expect(mapped.bids.map((b) => [b.bidder_uscc, b.bid_amount, b.result])).toEqual([
      ['91330106MA2A1B2C3H', 1080000, 'won'],
      ['91330106MA2C4D5E6Q', 1150000, 'lost'],
      ['91330110MA2M3N4P5J', 1010000, 'disqualified'],
    ]);
    expect(mapped.contracts).toEqual([
      expect.objectContaining({
        contract_id: 'ZJCG-2024-0001-HT01',
        counterparty: '91330106MA2A1B2C3H',
        amount: 1080000,
        final_amount: 1026000.5,
        tender_id: OCID(1),
      }),
    ]);
  });

  it('maps a single release, keeps another scheme and leaves an amount in another currency out, named', () => {
    const single = mapRelease({ ...releases[0], tag: ['tender'] }, 7, CNY);
    expect(single.tender?.tender_id).toBe(OCID(1));
    const dollars = mapRelease(
      { ...releases[1], tender: { ...(releases[1]?.tender as object), value: { amount: 5, currency: 'USD' } } },
      2,
      CNY,
    );
    expect(dollars.tender?.budget).toBeNull();
    expect(dollars.problems).toEqual([
      expect.objectContaining({
        path: 'tender.value',
        value: '5 USD',
        reason: {
          zh: '币种 USD 不是本次导入的币种 CNY，金额未载入',
          en: "currency USD is not this import's CNY: the amount is not loaded",
        },
      }),
    ]);
    const foreign = mapRelease(releases[2] as Record<string, unknown>, 3, CNY);
    expect(foreign.tender?.winner_uscc).toBe('GB-COH:09876543');
  });

  it('reads bids as Cardinal does: a joint bid is one bidder, unsubmitted bids are none, results only once final', () => {
    const bid = (status: string, ids: string[], amount: number) => ({
      status,
      tenderers: ids.map((id) => ({ id })),
      value: { amount, currency: 'USD' },
    });
    const release = (awards: unknown[], tender: object = {}) =>
      mapRelease(
        {
          ocid: 'X',
          tender,
          awards,
          bids: { details: [bid('valid', ['W'], 1), bid('valid', ['Z', 'A'], 2), bid('invited', ['I'], 3)] },
        },
        1,
        { currency: 'USD' },
      );
    const won = [{ status: 'active', suppliers: [{ id: 'W' }] }];
    expect(release(won).bids.map((b) => [b.bidder_uscc, b.result])).toEqual([
      ['OCDS-PARTY:W', 'won'],
      ['OCDS-JOINT:OCDS-PARTY:A+OCDS-PARTY:Z', 'lost'],
    ]);
    expect(release(won).problems.map((p) => p.value)).toEqual(['invited']);
    expect(release([...won, { status: 'pending' }]).bids.map((b) => b.result)).toEqual([null, null]);
    expect(release(won, { status: 'cancelled' }).bids.map((b) => b.result)).toEqual([null, null]);
  });
});

for (const engine of testEngines()) {
  describe(`OCDS import (${engine})`, () => {
    let platform: TestPlatform;
    beforeAll(async () => {
      platform = await createTestPlatform(engine);
    });
    afterAll(async () => platform?.close());

    const rows = (sql: string, params: unknown[]) => platform.services.lake.query<Record<string, unknown>>(sql, params);

    it('imports the sample as tender, bid and contract batches with the right values', async () => {
      const outcome = await importOcdsFile(platform.services, systemActor(), {
        file: SAMPLE,
        departmentCode: 'GGZY01',
        force: false,
      });
      expect(outcome.releases).toBe(4);
      const counts = Object.fromEntries(
        Object.entries(outcome.batches).map(([k, o]) => [
          k,
          o && [
            o.batch.status,
            o.batch.department_code,
            Number(o.batch.rows_read),
            Number(o.batch.rows_loaded),
            Number(o.batch.rows_rejected),
          ],
        ]),
      );
      // Release 3's only supplier has a GB-COH identifier, kept under its scheme: every row loads.
      expect(counts).toEqual({
        tender: ['loaded', 'GGZY01', 4, 4, 0],
        bid: ['loaded', 'GGZY01', 8, 8, 0],
        contract: ['loaded', 'GGZY01', 3, 3, 0],
      });
      const tenderId = outcome.batches.tender?.batch.id;
      const tenders = await rows(
        'SELECT tender_id, method, category, budget, published_on, award_amount, bidder_count, winner_uscc_sk FROM ds_tender WHERE _batch_id = $1 AND tender_id <> $2 ORDER BY tender_id',
        [tenderId, OCID(3)],
      );
      expect(
        tenders.map((t) => [
          t.tender_id,
          t.method,
          t.category,
          Number(t.budget),
          Number(t.award_amount ?? 0),
          Number(t.bidder_count),
        ]),
      ).toEqual([
        [OCID(1), 'open', 'goods', 1200000, 1080000, 3],
        [OCID(2), 'negotiation', 'services', 400000, 380000, 2],
        [OCID(4), 'invited', 'works', 860000, 0, 2],
      ]);
      expect(String(tenders[0]?.published_on)).toContain('2024-05-06');

      const bids = await rows(
        'SELECT tender_id, bidder_uscc_sk, bid_amount, result FROM ds_bid WHERE _batch_id = $1 AND tender_id <> $2 ORDER BY tender_id, _row_no',
        [outcome.batches.bid?.batch.id, OCID(3)],
      );
      expect(bids.map((b) => [b.tender_id, b.result])).toEqual([
        [OCID(1), 'won'],
        [OCID(1), 'lost'],
        [OCID(1), 'disqualified'],
        [OCID(2), 'won'],
        [OCID(2), 'lost'],
        [OCID(4), null],
        [OCID(4), null],
      ]);
      const contracts = await rows(
        'SELECT contract_id, amount, final_amount, counterparty_sk FROM ds_contract WHERE _batch_id = $1 AND tender_id <> $2 ORDER BY contract_id',
        [outcome.batches.contract?.batch.id, OCID(3)],
      );
      expect(
        contracts.map((c) => [
          c.contract_id,
          Number(c.amount),
          c.final_amount === null ? null : Number(c.final_amount),
        ]),
      ).toEqual([
        ['ZJCG-2024-0001-HT01', 1080000, 1026000.5],
        ['ZJCG-2024-0002-HT01', 380000, null],
      ]);
      // The winner, the winning bidder and the contract's counterparty are one subject.
      expect(String(contracts[0]?.counterparty_sk)).toBe(String(tenders[0]?.winner_uscc_sk));
      expect(String(bids[0]?.bidder_uscc_sk)).toBe(String(tenders[0]?.winner_uscc_sk));

      expect(outcome.problems.filter((p) => p.line === 3)).toEqual([]);
      expect(outcome.batches.tender?.reportPath ?? null).toBeNull();
      expect(describeOcdsOutcome(outcome)).toContain('OCDS: 4 releases');
    });

    it('refuses the same file again unless forced, and audits the import', async () => {
      await expect(importOcdsFile(platform.services, systemActor(), { file: SAMPLE })).rejects.toMatchObject({
        status: 409,
      });
      const forced = await importOcdsFile(platform.services, systemActor(), { file: SAMPLE, force: true });
      expect(forced.batches.contract?.batch.forced).toBe(true);
      const audit = await platform.services.database.db
        .selectFrom('audit_log')
        .select(['action', 'outcome'])
        .where('action', '=', 'dataset.import_ocds')
        .execute();
      expect(audit).toEqual([
        { action: 'dataset.import_ocds', outcome: 'allowed' },
        { action: 'dataset.import_ocds', outcome: 'allowed' },
      ]);
    });
  });
}
