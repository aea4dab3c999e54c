import { describe, expect, it } from 'vitest';
import { findDataset, findField, listDatasets, uniqueKeysOf } from './catalogue.js';
import type { FieldDef } from './catalogue-types.js';
import { isFieldType } from './field-types.js';
import { foldForMatch } from './text.js';

// The dataset table of data-standard.md v1: field keys in order, `*` for required.
const SPEC_TABLE: Record<string, string> = {
  person: 'id* name* gender birth_date division* address household_no household_role phone status',
  death: 'id* name* death_date* source division',
  payroll: 'id* name* employer_uscc employer_name* position staff_type start_date* end_date monthly_pay division',
  official: 'id* name* unit_uscc unit_name* position* rank division* party_member start_date end_date',
  kinship: 'official_id* relative_id* relative_name* relation* start_date end_date',
  benefit_roll: 'program* id* name* household_no division* start_date* end_date approver_id status',
  benefit_payment: 'payment_id program* id* name* division* amount* paid_on* period account_no account_name bank',
  vehicle: 'plate* owner* owner_name vehicle_type value registered_on* deregistered_on',
  property: 'cert_no* owner* owner_name division address use area_m2 registered_on* cancelled_on',
  company:
    'uscc* name* legal_rep_id legal_rep_name established_on* status deregistered_on registered_capital industry address phone division',
  company_role: 'uscc* person_id* person_name role* share_pct start_date end_date',
  social_insurance: 'id* employer_uscc* employer_name period* base',
  tender:
    'tender_id* title* buyer_uscc buyer_name* method* category budget published_on* bid_deadline* award_date winner_uscc winner_name award_amount bidder_count division',
  bid: 'tender_id* bidder_uscc* bidder_name bid_amount submitted_at ip mac contact_phone agent_name result',
  contract:
    'contract_id* unit_uscc unit_name* counterparty* counterparty_name amount* signed_on* tender_id final_amount',
  fiscal_payment: 'voucher_id* payer_unit* payee_name* payee payee_account amount* paid_on* purpose budget_item',
  reimbursement:
    'voucher_id* unit_name* claimant_id* claimant_name category* amount* expense_date* invoice_no approver_id approved_on headcount',
  invoice: 'invoice_no* seller_uscc* seller_name buyer_uscc buyer_name amount* issued_on* goods_category status',
  vehicle_trip: 'plate* unit_name* start_at* end_at* from_place to_place to_lat to_lon distance_km dispatch_no',
  fuel: 'plate* filled_at* station station_lat station_lon litres* amount* tank_litres',
  med_institution: 'inst_code* name* type level beds required_staff verified_on verification_result',
  med_staff: 'person_id* inst_code* qualification start_date* end_date',
  med_claim: 'claim_id* inst_code* patient_id* admit_date* discharge_date amount* fund_paid diagnosis claim_type',
  collective_org: 'org_code* name* division*',
  collective_asset: 'asset_id* org_code* name* kind area book_value lat lon status',
  collective_lease:
    'lease_id* asset_id* org_code* lessee* lessee_name annual_rent* benchmark_rent start_date* end_date* resolution_no open_bidding',
  collective_ledger: 'entry_id* org_code* direction* amount* date* counterparty purpose voucher_no approved cash',
  personal_report: 'official_id* year* item_type* item_ref* holder_relation',
};

// Enum codes the spec lists, and a few Chinese terms each must accept (the spec's enum table).
const SPEC_ENUMS: [string, string, string[], Record<string, string[]>][] = [
  ['person', 'status', ['normal', 'moved_out', 'deceased', 'imprisoned'], { deceased: ['死亡'], imprisoned: ['服刑'] }],
  ['death', 'source', ['public_security', 'health', 'civil_affairs', 'funeral'], {}],
  [
    'payroll',
    'staff_type',
    ['civil_servant', 'public_institution', 'contract', 'other'],
    { civil_servant: ['参公', '参照公务员法管理'], contract: ['编外', '合同制', '劳务派遣'] },
  ],
  [
    'kinship',
    'relation',
    ['spouse', 'parent', 'child', 'sibling', 'child_in_law', 'parent_in_law', 'other'],
    { spouse: ['夫', '妻'], child_in_law: ['儿媳', '女婿'], parent_in_law: ['岳父母', '公婆'] },
  ],
  [
    'vehicle',
    'vehicle_type',
    ['passenger_small', 'passenger_large', 'truck', 'motorcycle', 'agricultural', 'other'],
    {
      passenger_small: ['小型轿车', '小型越野客车', '微型轿车'],
      truck: ['重型货车', '微型货车'],
      agricultural: ['拖拉机', '低速货车'],
      motorcycle: ['轻便摩托车'],
    },
  ],
  ['property', 'use', ['residential', 'commercial', 'industrial', 'other'], {}],
  [
    'company',
    'status',
    ['active', 'revoked', 'deregistered'],
    { active: ['存续', '在业', '开业'], revoked: ['吊销'], deregistered: ['注销'] },
  ],
  [
    'company_role',
    'role',
    ['legal_rep', 'shareholder', 'director', 'supervisor', 'manager'],
    { shareholder: ['投资人'], director: ['执行董事'], manager: ['总经理'] },
  ],
  [
    'tender',
    'method',
    ['open', 'invited', 'negotiation', 'single_source', 'inquiry', 'other'],
    { negotiation: ['竞争性磋商'], single_source: ['单一来源采购'], inquiry: ['询价'] },
  ],
  ['tender', 'category', ['goods', 'works', 'services'], {}],
  [
    'bid',
    'result',
    ['won', 'lost', 'disqualified'],
    { won: ['成交'], lost: ['未中标'], disqualified: ['废标', '无效投标'] },
  ],
  [
    'reimbursement',
    'category',
    ['meal', 'travel', 'vehicle', 'meeting', 'training', 'office', 'gift', 'other'],
    { meal: ['招待费', '餐费'], vehicle: ['公车运行费'], other: ['其他'] },
  ],
  [
    'invoice',
    'goods_category',
    ['catering', 'tobacco_alcohol', 'shopping_card', 'accommodation', 'fuel', 'office', 'other'],
    { tobacco_alcohol: ['烟草', '酒类'], shopping_card: ['预付卡'], fuel: ['汽油'] },
  ],
  ['invoice', 'status', ['normal', 'void', 'red_flushed'], { red_flushed: ['已红冲'] }],
  ['med_institution', 'verification_result', ['passed', 'failed'], { passed: ['合格'], failed: ['不合格'] }],
  ['med_claim', 'claim_type', ['inpatient', 'outpatient', 'pharmacy'], { pharmacy: ['药店购药'] }],
  [
    'collective_asset',
    'kind',
    ['building', 'land', 'forest', 'water', 'equipment', 'other'],
    { building: ['房屋'], forest: ['林地'] },
  ],
  [
    'collective_asset',
    'status',
    ['idle', 'leased', 'self_used', 'disposed'],
    { leased: ['发包'], disposed: ['已处置'] },
  ],
  ['collective_ledger', 'direction', ['in', 'out'], { in: ['收入'], out: ['支出'] }],
  ['personal_report', 'item_type', ['company_role', 'vehicle', 'property'], {}],
  ['personal_report', 'holder_relation', ['self', 'spouse', 'child'], {}],
];

function enumOf(dataset: string, key: string): Extract<FieldDef, { type: 'enum' }> {
  const f = findField(findDataset(dataset)!, key);
  if (f?.type !== 'enum') throw new Error(`${dataset}.${key} is not an enum`);
  return f;
}

describe('catalogue', () => {
  it('holds exactly the dataset types of the spec, in its order', () => {
    expect(listDatasets().map((d) => d.key)).toEqual(Object.keys(SPEC_TABLE));
  });

  it.each(Object.entries(SPEC_TABLE))('%s has the spec fields and required flags', (key, spec) => {
    const dataset = findDataset(key)!;
    expect(dataset.fields.map((f) => `${f.key}${f.required ? '*' : ''}`).join(' ')).toBe(spec);
  });

  it('gives every dataset and field both names, a valid type and synonyms where a department would need one', () => {
    for (const d of listDatasets()) {
      expect(d.name.zh && d.name.en && d.source.zh && d.source.en).toBeTruthy();
      for (const f of d.fields) {
        expect(isFieldType(f.type), `${d.key}.${f.key}`).toBe(true);
        expect(f.label.zh && f.label.en, `${d.key}.${f.key}`).toBeTruthy();
        expect(f.synonyms.length, `${d.key}.${f.key} synonyms`).toBeGreaterThan(0);
      }
    }
  });

  it('never lets one header word mean two fields of the same dataset', () => {
    for (const d of listDatasets()) {
      const owner = new Map<string, string>();
      for (const f of d.fields) {
        for (const word of new Set([f.key, f.label.zh, f.label.en, ...f.synonyms].map(foldForMatch))) {
          expect(owner.get(word) ?? f.key, `${d.key}: "${word}" in ${owner.get(word)} and ${f.key}`).toBe(f.key);
          owner.set(word, f.key);
        }
      }
    }
  });

  it('never lets one term mean two codes of the same enum', () => {
    for (const d of listDatasets()) {
      for (const f of d.fields) {
        if (f.type !== 'enum') continue;
        const owner = new Map<string, string>();
        for (const v of f.values) {
          for (const word of new Set([v.code, v.label.zh, v.label.en, ...v.terms].map(foldForMatch))) {
            expect(owner.get(word) ?? v.code, `${d.key}.${f.key}: "${word}"`).toBe(v.code);
            owner.set(word, v.code);
          }
        }
      }
    }
  });

  it('marks the typed fields the spec names: owner, lessee and counterparty are subjects, period is a month', () => {
    expect(findField(findDataset('vehicle')!, 'owner')?.type).toBe('subject');
    expect(findField(findDataset('collective_lease')!, 'lessee')?.type).toBe('subject');
    expect(findField(findDataset('contract')!, 'counterparty')?.type).toBe('subject');
    expect(findField(findDataset('fiscal_payment')!, 'payee')?.type).toBe('subject');
    expect(findField(findDataset('social_insurance')!, 'period')?.type).toBe('month');
    expect(findField(findDataset('collective_lease')!, 'open_bidding')?.type).toBe('bool');
    expect(findField(findDataset('collective_ledger')!, 'cash')?.type).toBe('bool');
    expect(findField(findDataset('person')!, 'id')?.synonyms).toEqual(
      expect.arrayContaining(['公民身份号码', '身份证号', '身份证号码', '证件号码']),
    );
  });

  it.each(SPEC_ENUMS)('%s.%s has the spec codes and terms', (dataset, key, codes, terms) => {
    const f = enumOf(dataset, key);
    expect(f.values.map((v) => v.code)).toEqual(codes);
    for (const [code, words] of Object.entries(terms)) {
      const value = f.values.find((v) => v.code === code)!;
      expect([value.label.zh, ...value.terms]).toEqual(expect.arrayContaining(words));
    }
  });

  it('accepts the programme registry in program columns', () => {
    expect(enumOf('benefit_roll', 'program').values.map((v) => v.code)).toContain('old_age_allowance');
    expect(enumOf('benefit_payment', 'program').values.find((v) => v.code === 'dibao')?.terms).toContain('低保');
  });

  it('names only fields of the dataset in its natural and alternate keys, each key once', () => {
    for (const d of listDatasets()) {
      const keys = uniqueKeysOf(d);
      expect(keys[0], `${d.key}: the natural key comes first`).toEqual(d.naturalKey);
      expect(new Set(keys.map((k) => k.join('+'))).size, `${d.key}: a key is listed twice`).toBe(keys.length);
      for (const field of keys.flat()) expect(findField(d, field), `${d.key} has no field ${field}`).toBeDefined();
    }
  });

  it('returns undefined for an unknown dataset key', () => {
    expect(findDataset('no_such_dataset')).toBeUndefined();
  });
});
