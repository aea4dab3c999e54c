import { isWithinJurisdiction, toDivisionCode12 } from '@qingfeng/core';

/**
 * The rules an organisation must satisfy, shared by the API (create, update) and the CSV
 * import so that both build the same consistent tree.
 */
export const ORGANISATION_KINDS = ['commission', 'office', 'unit'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];
export const COMMISSION_LEVELS = ['province', 'city', 'county', 'township'] as const;
export type CommissionLevel = (typeof COMMISSION_LEVELS)[number];
export const UNIT_TYPES = ['department', 'soe', 'school', 'hospital', 'village', 'other'] as const;
export type UnitType = (typeof UNIT_TYPES)[number];

/** The parts of an organisation the rules look at. */
export interface OrganisationShape {
  kind: OrganisationKind;
  level: CommissionLevel | null;
  officeType: string | null;
  unitType: UnitType | null;
}

/** The parent as the rules see it. */
export interface ParentShape {
  kind: OrganisationKind;
  divisionCode: string;
}

export type RuleField = 'level' | 'officeType' | 'unitType' | 'parent' | 'divisionCode';

export interface RuleProblem {
  field: RuleField;
  reason: string;
}

/** Each kind carries exactly its own attribute: a level, an office type or a unit type. */
export function checkShape(shape: OrganisationShape): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const expect = (field: 'level' | 'officeType' | 'unitType', present: boolean, value: unknown) => {
    if (present && (value === null || value === '')) problems.push({ field, reason: `required for a ${shape.kind}` });
    if (!present && value !== null && value !== '') problems.push({ field, reason: `not allowed for a ${shape.kind}` });
  };
  expect('level', shape.kind === 'commission', shape.level);
  expect('officeType', shape.kind === 'office', shape.officeType);
  expect('unitType', shape.kind === 'unit', shape.unitType);
  return problems;
}

/**
 * Where an organisation may hang: a commission under a commission (or at the top), an
 * office under a commission, a supervised unit under a commission or another unit; and
 * always inside its parent's division subtree, so jurisdiction follows the tree.
 */
export function checkPlacement(
  kind: OrganisationKind,
  parent: ParentShape | null,
  divisionCode: string,
): RuleProblem[] {
  if (!parent) {
    return kind === 'commission' ? [] : [{ field: 'parent', reason: `a ${kind} needs a parent organisation` }];
  }
  const problems: RuleProblem[] = [];
  const allowed: Record<OrganisationKind, OrganisationKind[]> = {
    commission: ['commission'],
    office: ['commission'],
    unit: ['commission', 'unit'],
  };
  if (!allowed[kind].includes(parent.kind)) {
    problems.push({ field: 'parent', reason: `a ${kind} cannot belong to a ${parent.kind}` });
  }
  if (!isWithinJurisdiction(divisionCode, parent.divisionCode)) {
    problems.push({ field: 'divisionCode', reason: `must lie within the parent's division ${parent.divisionCode}` });
  }
  return problems;
}

/** A 6-, 9- or 12-digit division code as 12 digits, or a problem. */
export function parseDivisionCode(raw: string): { code: string } | { reason: string } {
  const code = toDivisionCode12(raw);
  return code ? { code } : { reason: 'must be a 6-, 9- or 12-digit division code' };
}
