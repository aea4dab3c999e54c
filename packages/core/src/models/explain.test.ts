import { describe, expect, it } from 'vitest';
import { columnLabel, columnValueText } from './evidence-words.js';
import { evidenceRoleLabel, knownEvidenceRoles } from './evidence-roles.js';
import { explainHit, factText, literalText } from './explain.js';
import { factKindsOf } from './fact-kinds.js';
import { BUILTIN_MODELS, findBuiltinModel } from './library/index.js';
import type { ModelSpec } from './spec-types.js';

const places = (code: string) => (code === '110101001001' ? '城关镇东风村' : undefined);
const model = (id: string) => findBuiltinModel(id) as ModelSpec;

describe('a fact in words', () => {
  it('takes the code list of the field it reads', () => {
    const w01 = model('W01');
    expect(factKindsOf(w01).get('program')).toMatchObject({ type: 'codes' });
    const facts = {
      name: '张三',
      program: 'dibao',
      death_date: '2024-02-10',
      first: '2024-03',
      last: '2024-05',
      count: 3,
    };
    expect(explainHit(w01, facts, { lang: 'zh' })).toContain('2024-03至2024-05仍发放最低生活保障3笔');
    // Mid-sentence an English label starts in lower case.
    expect(explainHit(w01, facts, { lang: 'en' })).toContain('yet minimum living guarantee was paid 3 times');
  });

  it('shows booleans as yes or no, and a division by its place name or, unknown, its code', () => {
    expect(factText(true, { type: 'bool' }, { lang: 'zh' })).toBe('是');
    expect(factText(false, { type: 'plain' }, { lang: 'en' })).toBe('no');
    expect(factText('110101001001', { type: 'division' }, { lang: 'en', places })).toBe('城关镇东风村');
    expect(factText('110101001002', { type: 'division' }, { lang: 'en', places })).toBe('110101001002');
    expect(factText(null, { type: 'plain' }, { lang: 'zh' })).toBe('—');
    expect(factText(['dibao', 'tekun'], { type: 'any', of: [] }, { lang: 'zh' })).toBe('dibao、tekun');
  });

  it('shows a share of a whole as a percentage, not a division by a rate', () => {
    expect(factKindsOf(model('PR09')).get('ratio')).toEqual({ type: 'ratio' });
    expect(factKindsOf(model('PR10')).get('overrun')).toEqual({ type: 'ratio' });
    expect(factKindsOf(model('C01')).get('ratio')).toEqual({ type: 'ratio' });
    expect(factKindsOf(model('PR12')).get('share')).toEqual({ type: 'ratio' });
    // An amount over the subsidy per mu is an area.
    expect(factKindsOf(model('W14')).get('paid_area')).toEqual({ type: 'plain' });
    const pr09 = { title: '道路工程', tender_id: 'T1', award: 990000, budget: 1000000, ratio: 0.99 };
    expect(explainHit(model('PR09'), pr09, { lang: 'zh' })).toContain('为预算1000000元的99%');
    expect(explainHit(model('PR09'), pr09, { lang: 'en' })).toContain('990000 yuan, 99% of the 1000000 yuan budget');
    // PostgreSQL's numeric arrives as text.
    expect(factText('0.1250', { type: 'ratio' }, { lang: 'en' })).toBe('12.5%');
    expect(factText('not a number', { type: 'ratio' }, { lang: 'en' })).toBe('not a number');
  });

  it('words the holder of a payout account and a medical claim after death as sentences', () => {
    const w10 = { name: '张三', program: 'dibao', count: 2, total: 600, first: '2024-01', last: '2024-02' };
    const official = { ...w10, account_name: '李四', holder: '公职人员 an official serving as 科长' };
    expect(explainHit(model('W10'), official, { lang: 'en' })).toContain('李四, who is an official serving as 科长');
    expect(explainHit(model('W10'), official, { lang: 'zh' })).toContain('该人为公职人员科长');
    const m02 = { name_hint: '王五', death_date: '2024-01-05', count: 2, first: '2024-02-01', last: '2024-03-01' };
    expect(explainHit(model('M02'), m02, { lang: 'en' })).toMatch(/^Patient 王五 died on 2024-01-05; 2 claims/);
    const w14 = { name: '赵六', first: '2024-03', last: '2024-06', count: 2, total: 5000, paid_area: 30, area: 10 };
    expect(explainHit(model('W14'), w14, { lang: 'zh' })).toMatch(/^赵六于2024-03至2024-06领取/);
    const w09 = { reason: '户名与领取人不符 account name differs', account_no: '6222', recipients: 1, amount: 300 };
    expect(explainHit(model('W09'), w09, { lang: 'en' })).toBe(
      'Account name differs: account 6222, recipients paid into it: 1, 300 yuan',
    );
  });

  it('names no programme by its pinyin code in an English name or basis', () => {
    for (const spec of BUILTIN_MODELS) {
      expect(`${spec.name.en} ${spec.basis.en}`, spec.id).not.toMatch(/dibao|tekun|wubao/i);
    }
  });

  it('reads a literal the document wrote in both languages, or as a code of the standard', () => {
    expect(literalText('未终止 still open', 'zh')).toBe('未终止');
    expect(literalText('未终止 still open', 'en')).toBe('still open');
    expect(literalText('self', 'zh')).toBe('本人');
    expect(literalText('IP', 'zh')).toBe('IP');
    // P04 reads personal reports: `vehicle` is a reported item there, not a spending category.
    const p04 = model('P04');
    expect(explainHit(p04, { item_type: 'vehicle', item_ref: 'V2', holder: 'self', year: 2024 }, { lang: 'zh' })).toBe(
      '2024年度报告未列本人名下的车辆：V2',
    );
  });

  it('reads a concatenation back part by part', () => {
    const w10 = model('W10');
    const facts = { name: 'P1', program: 'dibao', amount: 500, account_name: '钱亲' };
    const relative = { ...facts, holder: "公职人员 official 钱官的 's child" };
    expect(explainHit(w10, relative, { lang: 'en' })).toContain(
      "account in the name of 钱亲, who is official 钱官's child",
    );
    expect(explainHit(w10, relative, { lang: 'zh' })).toContain('该人为公职人员钱官的子女');
    const official = { ...facts, holder: '公职人员 an official serving as 科长' };
    expect(explainHit(w10, official, { lang: 'zh' })).toContain('该人为公职人员科长');
    const p01 = model('P01');
    const until = { name: 'P', employer: 'A局', death_date: '2024-01-10', end_state: '至 until 2024-05-31' };
    expect(explainHit(p01, until, { lang: 'zh' })).toContain('A局的供养记录至2024-05-31');
    expect(explainHit(p01, until, { lang: 'en' })).toContain('at A局 until 2024-05-31');
  });

  it('gives a SQL template’s literals and columns their words', () => {
    const f03 = model('F03');
    const facts = { reason: '发票不存在 invoice not found', invoice_no: 'IX', unit: '甲局', amount: 100 };
    expect(explainHit(f03, facts, { lang: 'en' })).toBe('甲局 reimbursed invoice IX (100 yuan): invoice not found');
  });
});

describe('an evidence row in words', () => {
  it('labels columns, derived ones after the identity number they come from', () => {
    expect(columnLabel('benefit_payment', 'program', 'zh')).toBe('惠民惠农项目');
    expect(columnLabel('person', 'id_sex', 'en')).toMatch(/ · sex$/);
    expect(columnLabel('person', 'no_such_column', 'en')).toBe('no_such_column');
  });

  it('shows codes, sex, booleans and divisions in words', () => {
    expect(columnValueText('person', 'gender', 'female', 'zh')).toBe('女');
    expect(columnValueText('person', 'id_sex', 'male', 'en')).toBe('Male');
    expect(columnValueText('person', 'household_role', 'spouse', 'en')).toBe('Spouse');
    expect(columnValueText('person', 'division', '110101001001', 'zh', places)).toBe('城关镇东风村');
    expect(columnValueText('official', 'party_member', true, 'zh')).toBe('是');
  });

  it('names the part every built-in model’s rows play', () => {
    const roles = new Set(knownEvidenceRoles());
    const declared = BUILTIN_MODELS.flatMap((m) => {
      const text = JSON.stringify(m.logic);
      return [...text.matchAll(/"role":"([a-z_]+)"/g), ...text.matchAll(/'([a-z_]+)' AS evidence_role/g)].map(
        (x) => x[1] ?? '',
      );
    });
    expect(declared.filter((r) => !roles.has(r))).toEqual([]);
    expect(evidenceRoleLabel('payment', 'benefit_payment', 'zh')).toBe('发放记录');
    // A builder-made model's role is its dataset's key: the dataset's name says it.
    expect(evidenceRoleLabel('death_b', 'death', 'en')).toBe('Deaths');
  });
});
