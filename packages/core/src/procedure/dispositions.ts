import type { LocalisedText } from '../standard/result.js';

/** Outcomes of the first form: handled by talking, without a sanction. */
export const FIRST_FORM_OUTCOMES = ['reminder_talk', 'criticism', 'ordered_self_review', 'admonition'] as const;
export type FirstFormOutcome = (typeof FIRST_FORM_OUTCOMES)[number];

/** Party discipline, lightest first (the Party's disciplinary regulations). */
export const PARTY_SANCTIONS = [
  'warning',
  'serious_warning',
  'removal_from_party_post',
  'probation',
  'expulsion',
] as const;
export type PartySanction = (typeof PARTY_SANCTIONS)[number];

/** Government sanctions of public officials, lightest first (the Law on Government Sanctions). */
export const GOVERNMENT_SANCTIONS = [
  'warning',
  'demerit',
  'major_demerit',
  'demotion',
  'dismissal_from_post',
  'expulsion',
] as const;
export type GovernmentSanction = (typeof GOVERNMENT_SANCTIONS)[number];

/** Organisational handling (组织处理), which may stand alone or go with a sanction. */
export const ORGANISATIONAL_HANDLINGS = [
  'suspension_for_review',
  'post_adjustment',
  'ordered_resignation',
  'removal_from_office',
  'rank_reduction',
] as const;
export type OrganisationalHandling = (typeof ORGANISATIONAL_HANDLINGS)[number];

/** The "four forms" of supervision and discipline (监督执纪“四种形态”). */
export const FOUR_FORMS = [1, 2, 3, 4] as const;
export type FourForm = (typeof FOUR_FORMS)[number];

/** What is decided for one person at the end of a case (or a clue closed with a first-form outcome). */
export interface SubjectDisposition {
  readonly subjectId: string;
  readonly firstForm?: FirstFormOutcome;
  readonly party?: PartySanction;
  readonly government?: GovernmentSanction;
  readonly organisational?: readonly OrganisationalHandling[];
  /** Suspected of a crime: the case goes to the procuratorate for prosecution. */
  readonly transferToProcuratorate?: boolean;
}

const PARTY_FORM: Record<PartySanction, FourForm> = {
  warning: 2,
  serious_warning: 2,
  removal_from_party_post: 3,
  probation: 3,
  expulsion: 3,
};
const GOVERNMENT_FORM: Record<GovernmentSanction, FourForm> = {
  warning: 2,
  demerit: 2,
  major_demerit: 2,
  demotion: 3,
  dismissal_from_post: 3,
  expulsion: 3,
};
// Light sanctions and organisational adjustment make the second form; heavy sanctions and
// major post adjustments (removal, reduction in rank) the third.
const ORGANISATIONAL_FORM: Record<OrganisationalHandling, FourForm> = {
  suspension_for_review: 2,
  post_adjustment: 2,
  ordered_resignation: 2,
  removal_from_office: 3,
  rank_reduction: 3,
};

/**
 * The form a disposition falls under: the heaviest of its parts. Transfer for prosecution
 * (serious violations suspected of crime) is the fourth form; heavy sanctions and major
 * post adjustments the third; light sanctions and organisational adjustment the second;
 * a talk, criticism, ordered self-review or admonition alone the first.
 */
export function classifyFourForm(d: SubjectDisposition): FourForm {
  if (d.transferToProcuratorate) return 4;
  const forms: FourForm[] = [
    ...(d.firstForm ? [1 as const] : []),
    ...(d.party ? [PARTY_FORM[d.party]] : []),
    ...(d.government ? [GOVERNMENT_FORM[d.government]] : []),
    ...(d.organisational ?? []).map((o) => ORGANISATIONAL_FORM[o]),
  ];
  return forms.reduce<FourForm>((a, b) => (b > a ? b : a), 1);
}

const has = <T extends string>(list: readonly T[], value: unknown): value is T => list.includes(value as T);

/**
 * Problems with a list of dispositions, or null: each names a subject once, decides at
 * least one thing, and every value is one the lists above declare (payloads are hostile).
 */
export function checkDispositions(list: readonly SubjectDisposition[]): LocalisedText | null {
  if (list.length === 0) return { zh: '须至少对一名当事人作出处理', en: 'At least one person must be dealt with' };
  const seen = new Set<string>();
  for (const d of list) {
    if (typeof d !== 'object' || d === null) return { zh: '处理决定无效', en: 'A disposition is not valid' };
    if (typeof d.subjectId !== 'string' || !d.subjectId.trim())
      return { zh: '处理对象不明', en: 'A disposition names no person' };
    if (seen.has(d.subjectId))
      return { zh: '同一当事人只能有一项处理决定', en: 'A person appears twice among the dispositions' };
    seen.add(d.subjectId);
    const bad =
      (d.firstForm !== undefined && !has(FIRST_FORM_OUTCOMES, d.firstForm)) ||
      (d.party !== undefined && !has(PARTY_SANCTIONS, d.party)) ||
      (d.government !== undefined && !has(GOVERNMENT_SANCTIONS, d.government)) ||
      (d.organisational !== undefined &&
        !(Array.isArray(d.organisational) && d.organisational.every((o) => has(ORGANISATIONAL_HANDLINGS, o))));
    if (bad) return { zh: '处理种类无效', en: 'A disposition has a kind that does not exist' };
    const decided =
      d.firstForm || d.party || d.government || (d.organisational?.length ?? 0) > 0 || d.transferToProcuratorate;
    if (!decided) return { zh: '处理决定不能为空', en: 'A disposition decides nothing' };
    if (d.firstForm && (d.party || d.government)) {
      return { zh: '第一种形态处理不与纪律处分、政务处分并用', en: 'A first-form outcome does not go with a sanction' };
    }
  }
  return null;
}

export const FIRST_FORM_OUTCOME_LABELS: Record<FirstFormOutcome, LocalisedText> = {
  reminder_talk: { zh: '谈话提醒', en: 'Reminder talk' },
  criticism: { zh: '批评教育', en: 'Criticism and education' },
  ordered_self_review: { zh: '责令检查', en: 'Ordered to write a self-criticism' },
  admonition: { zh: '诫勉', en: 'Admonition' },
};

export const PARTY_SANCTION_LABELS: Record<PartySanction, LocalisedText> = {
  warning: { zh: '警告', en: 'Warning' },
  serious_warning: { zh: '严重警告', en: 'Serious warning' },
  removal_from_party_post: { zh: '撤销党内职务', en: 'Removal from Party posts' },
  probation: { zh: '留党察看', en: 'Probation within the Party' },
  expulsion: { zh: '开除党籍', en: 'Expulsion from the Party' },
};

export const GOVERNMENT_SANCTION_LABELS: Record<GovernmentSanction, LocalisedText> = {
  warning: { zh: '警告', en: 'Warning' },
  demerit: { zh: '记过', en: 'Demerit' },
  major_demerit: { zh: '记大过', en: 'Major demerit' },
  demotion: { zh: '降级', en: 'Demotion in grade' },
  dismissal_from_post: { zh: '撤职', en: 'Dismissal from post' },
  expulsion: { zh: '开除', en: 'Expulsion from public employment' },
};

export const ORGANISATIONAL_HANDLING_LABELS: Record<OrganisationalHandling, LocalisedText> = {
  suspension_for_review: { zh: '停职检查', en: 'Suspension pending self-review' },
  post_adjustment: { zh: '调整职务', en: 'Change of post' },
  ordered_resignation: { zh: '责令辞职', en: 'Ordered to resign' },
  removal_from_office: { zh: '免职', en: 'Removal from office' },
  rank_reduction: { zh: '降职', en: 'Reduction in rank' },
};

export const FOUR_FORM_LABELS: Record<FourForm, LocalisedText> = {
  1: { zh: '第一种形态', en: 'First form: talks and criticism' },
  2: { zh: '第二种形态', en: 'Second form: light sanctions and organisational adjustment' },
  3: { zh: '第三种形态', en: 'Third form: heavy sanctions and major post adjustment' },
  4: { zh: '第四种形态', en: 'Fourth form: serious violations suspected of crime' },
};

export const TRANSFER_TO_PROCURATORATE_LABEL: LocalisedText = {
  zh: '移送检察机关依法审查起诉',
  en: 'Transfer to the procuratorate for prosecution',
};
