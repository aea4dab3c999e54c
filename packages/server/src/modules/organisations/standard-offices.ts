import type { CommissionLevel } from './organisation-rules.js';

/** An internal office a commission has by default. */
export interface StandardOffice {
  /** Stored in office_type; also the last part of the office's code. */
  officeType: string;
  name: string;
}

const CORE_OFFICES: readonly StandardOffice[] = [
  { officeType: 'letters_visits', name: '信访室' },
  { officeType: 'case_management', name: '案件监督管理室' },
  { officeType: 'supervision', name: '监督检查室' },
  { officeType: 'investigation', name: '审查调查室' },
  { officeType: 'trial', name: '案件审理室' },
  { officeType: 'conduct', name: '党风政风监督室' },
];

/**
 * The offices created with a new commission, by level. This is data, not logic: edit it
 * to match a province's organisation chart. A township supervision station (监察站) is
 * a handful of people with no internal offices.
 */
export const STANDARD_OFFICES_BY_LEVEL: Record<CommissionLevel, readonly StandardOffice[]> = {
  province: CORE_OFFICES,
  city: CORE_OFFICES,
  county: CORE_OFFICES,
  township: [],
};

/** The office types with a known Chinese name; any other office_type is a custom name. */
export const OFFICE_TYPE_NAMES: ReadonlyMap<string, string> = new Map(CORE_OFFICES.map((o) => [o.officeType, o.name]));

/** An office of a commission, named by its standard type or by a custom name. */
export function officeFor(officeType: string): StandardOffice {
  return { officeType, name: OFFICE_TYPE_NAMES.get(officeType) ?? officeType };
}

/** The code given to an office created with its commission. */
export function officeCode(commissionCode: string, officeType: string): string {
  return `${commissionCode}-${officeType}`;
}
