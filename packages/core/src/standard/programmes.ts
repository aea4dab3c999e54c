import type { EnumValue } from './catalogue-types.js';
import type { LocalisedText } from './result.js';

/** Where a beneficiary must be registered to qualify. */
export type ResidenceCondition = 'local_hukou' | 'rural_hukou';

export const RESIDENCE_CONDITION_LABELS: Readonly<Record<ResidenceCondition, LocalisedText>> = {
  local_hukou: { zh: '本地户籍', en: 'Household registration in the jurisdiction' },
  rural_hukou: { zh: '本地农村户籍或承包经营户', en: 'Rural household registration or contracting household' },
};

/** How often the benefit is paid, so models know what "twice in a month" means. */
export type PaymentCycle = 'monthly' | 'quarterly' | 'yearly' | 'one_off' | 'as_needed';

/**
 * A benefit programme (惠民惠农 item). `excludes` lists programmes that may not be received
 * for the same month; the registry is seeded here and deployments may extend it.
 */
export interface BenefitProgramme {
  readonly key: string;
  readonly name: LocalisedText;
  /** Other names used in departments' files (低保, 农村低保…). */
  readonly synonyms: readonly string[];
  readonly excludes: readonly string[];
  /** Age on the first day of the month paid for, inclusive; null when none applies. */
  readonly minAge: number | null;
  readonly maxAge: number | null;
  readonly residence: ResidenceCondition | null;
  readonly cycle: PaymentCycle;
}

function programme(
  key: string,
  zh: string,
  en: string,
  rest: Partial<Omit<BenefitProgramme, 'key' | 'name'>> & Pick<BenefitProgramme, 'cycle'>,
): BenefitProgramme {
  return {
    key,
    name: { zh, en },
    synonyms: [],
    excludes: [],
    minAge: null,
    maxAge: null,
    residence: null,
    ...rest,
  };
}

/**
 * The seeded programmes. Age thresholds follow the common national floor; provinces vary
 * (some pay old-age allowance from 70 or 90), which is why these are data, not code.
 */
export const BENEFIT_PROGRAMMES: readonly BenefitProgramme[] = [
  programme('dibao', '最低生活保障', 'Minimum living guarantee', {
    synonyms: ['低保', '城乡低保', '城市低保', '农村低保', '城市居民最低生活保障', '农村居民最低生活保障', '低保金'],
    excludes: ['tekun'],
    residence: 'local_hukou',
    cycle: 'monthly',
  }),
  programme('tekun', '特困人员供养', 'Support for people in extreme poverty', {
    synonyms: ['特困', '特困供养', '特困人员救助供养', '五保', '五保供养', '分散供养', '集中供养', '特困供养金'],
    // Support for people in extreme poverty already covers basic living; most provinces bar
    // the disability living subsidy on top of it.
    excludes: ['dibao', 'disability_living'],
    residence: 'local_hukou',
    cycle: 'monthly',
  }),
  programme('pension_resident', '城乡居民基本养老保险', 'Urban and rural residents pension', {
    synonyms: ['城乡居民养老保险', '居民养老保险', '城乡居保', '居民养老金', '新农保', '基础养老金'],
    minAge: 60,
    residence: 'local_hukou',
    cycle: 'monthly',
  }),
  programme('old_age_allowance', '高龄津贴', 'Old-age allowance', {
    synonyms: ['高龄补贴', '高龄老人津贴', '高龄老人补贴', '老年人高龄津贴'],
    minAge: 80,
    residence: 'local_hukou',
    cycle: 'monthly',
  }),
  programme('disability_living', '困难残疾人生活补贴', 'Living subsidy for disabled people in hardship', {
    synonyms: ['残疾人生活补贴', '困难残疾人补贴', '残疾人两项补贴（生活）'],
    excludes: ['tekun'],
    residence: 'local_hukou',
    cycle: 'monthly',
  }),
  programme('disability_care', '重度残疾人护理补贴', 'Care subsidy for severely disabled people', {
    synonyms: ['重残护理补贴', '残疾人护理补贴', '重度残疾护理补贴', '残疾人两项补贴（护理）'],
    residence: 'local_hukou',
    cycle: 'monthly',
  }),
  programme('farmland', '耕地地力保护补贴', 'Farmland fertility protection subsidy', {
    synonyms: ['耕地地力补贴', '地力补贴', '种粮补贴', '农业支持保护补贴'],
    residence: 'rural_hukou',
    cycle: 'yearly',
  }),
  programme('dangerous_house', '农村危房改造补助', 'Rural dilapidated housing renovation grant', {
    synonyms: ['危房改造', '危房改造补助', '农村危房改造', '危改补助'],
    residence: 'rural_hukou',
    cycle: 'one_off',
  }),
  programme('immigrant', '大中型水库移民后期扶持直补', 'Reservoir resettlement support', {
    synonyms: ['水库移民后期扶持', '移民后扶直补', '移民后期扶持', '移民直补', '库区移民补助'],
    cycle: 'quarterly',
  }),
  programme('student_aid', '学生资助', 'Student financial aid', {
    synonyms: ['助学金', '国家助学金', '学生资助金', '教育资助', '雨露计划'],
    cycle: 'as_needed',
  }),
  programme('temp_relief', '临时救助', 'Temporary relief', {
    synonyms: ['临时救助金', '临时困难救助', '急难救助'],
    cycle: 'as_needed',
  }),
  programme('medical_assistance', '医疗救助', 'Medical assistance', {
    synonyms: ['医疗救助金', '城乡医疗救助', '大病救助'],
    cycle: 'as_needed',
  }),
];

/** The seeded programme with this key, or undefined. */
export function findProgramme(key: string): BenefitProgramme | undefined {
  return BENEFIT_PROGRAMMES.find((p) => p.key === key);
}

/** The seeded programmes, in catalogue order. */
export function listProgrammes(): readonly BenefitProgramme[] {
  return BENEFIT_PROGRAMMES;
}

/** Whether receiving both programmes for the same month breaks a rule (either side suffices). */
export function programmesExclude(a: BenefitProgramme, b: BenefitProgramme): boolean {
  return a.excludes.includes(b.key) || b.excludes.includes(a.key);
}

/** Whole years of age on `onDate` (ISO dates); a 29 February birthday counts from 1 March. */
export function ageOn(birthDate: string, onDate: string): number {
  const [by = 0, bm = 0, bd = 0] = birthDate.split('-').map(Number);
  const [y = 0, m = 0, d = 0] = onDate.split('-').map(Number);
  const hadBirthday = m > bm || (m === bm && d >= bd);
  return y - by - (hadBirthday ? 0 : 1);
}

/** Whether someone born on `birthDate` meets the programme's age limits on `onDate`. */
export function meetsAgeCondition(programme: BenefitProgramme, birthDate: string, onDate: string): boolean {
  const age = ageOn(birthDate, onDate);
  return (
    (programme.minAge === null || age >= programme.minAge) && (programme.maxAge === null || age <= programme.maxAge)
  );
}

/** The programme registry as enum codes, so `program` columns accept names and synonyms. */
export function programmeEnumValues(programmes: readonly BenefitProgramme[] = BENEFIT_PROGRAMMES): EnumValue[] {
  return programmes.map((p) => ({ code: p.key, label: p.name, terms: p.synonyms }));
}
