import type { TImportProblem } from './organisations.schemas.js';
import type { CsvRecord } from './csv-file.js';
import {
  COMMISSION_LEVELS,
  type CommissionLevel,
  ORGANISATION_KINDS,
  type OrganisationKind,
  type RuleField,
  UNIT_TYPES,
  type UnitType,
  checkShape,
  parseDivisionCode,
} from './organisation-rules.js';
import { OFFICE_TYPE_NAMES } from './standard-offices.js';

/** Header names accepted for each column of an organisation file, English and Chinese. */
export const ORGANISATION_COLUMNS = {
  aliases: {
    code: 'code',
    编码: 'code',
    机构编码: 'code',
    name: 'name',
    名称: 'name',
    机构名称: 'name',
    kind: 'kind',
    类型: 'kind',
    机构类型: 'kind',
    level: 'level',
    层级: 'level',
    office_type: 'office_type',
    内设机构类型: 'office_type',
    unit_type: 'unit_type',
    单位类型: 'unit_type',
    parent_code: 'parent_code',
    上级编码: 'parent_code',
    division_code: 'division_code',
    区划代码: 'division_code',
  },
  required: ['code', 'name', 'kind', 'division_code'],
} as const;

/** The CSV column each rule field is read from. */
export const CSV_COLUMN: Record<RuleField, string> = {
  level: 'level',
  officeType: 'office_type',
  unitType: 'unit_type',
  parent: 'parent_code',
  divisionCode: 'division_code',
};

// Chinese spellings seen in commissions' own spreadsheets, mapped to the stored values.
const KIND_WORDS: Record<string, OrganisationKind> = {
  纪委监委: 'commission',
  委员会: 'commission',
  监察站: 'commission',
  机关: 'commission',
  内设机构: 'office',
  科室: 'office',
  单位: 'unit',
  监督单位: 'unit',
  被监督单位: 'unit',
};
const LEVEL_WORDS: Record<string, CommissionLevel> = {
  省: 'province',
  省级: 'province',
  市: 'city',
  市级: 'city',
  县: 'county',
  县级: 'county',
  区: 'county',
  乡镇: 'township',
  乡: 'township',
  镇: 'township',
  街道: 'township',
};
const UNIT_WORDS: Record<string, UnitType> = {
  部门: 'department',
  国企: 'soe',
  国有企业: 'soe',
  学校: 'school',
  医院: 'hospital',
  村: 'village',
  村居: 'village',
  社区: 'village',
  其他: 'other',
};
const OFFICE_WORDS = new Map([...OFFICE_TYPE_NAMES].map(([type, name]) => [name, type]));

function pick<T extends string>(raw: string, allowed: readonly T[], words: Record<string, T>): T | null | undefined {
  if (raw === '') return null;
  const lower = raw.toLowerCase();
  if ((allowed as readonly string[]).includes(lower)) return lower as T;
  return words[raw]; // undefined = not recognised
}

/** One organisation row, read and checked on its own. */
export interface OrganisationRow {
  row: number;
  code: string;
  name: string;
  kind: OrganisationKind;
  level: CommissionLevel | null;
  officeType: string | null;
  unitType: UnitType | null;
  parentCode: string | null;
  divisionCode: string;
}

/**
 * Reads one record. Returns the row when every cell is acceptable on its own; problems
 * otherwise. Checks that need other rows (parents, duplicates, cycles) come later.
 */
export function readOrganisationRow(
  record: CsvRecord,
  jurisdictionPrefix: string,
): { row: OrganisationRow } | { problems: TImportProblem[] } {
  const problems: TImportProblem[] = [];
  const cell = (column: string) => record.cells[column] ?? '';
  const report = (column: string, reason: string) =>
    problems.push({ row: record.row, column, value: cell(column), reason });

  const code = cell('code');
  if (!/^[\w.-]{1,64}$/.test(code)) report('code', 'required: up to 64 letters, digits, dot, dash or underscore');
  const name = cell('name');
  if (name === '' || name.length > 200) report('name', 'required, up to 200 characters');
  const kind = pick(cell('kind'), ORGANISATION_KINDS, KIND_WORDS);
  if (!kind) report('kind', `must be one of ${ORGANISATION_KINDS.join(', ')}`);
  const level = pick(cell('level'), COMMISSION_LEVELS, LEVEL_WORDS);
  if (level === undefined) report('level', `must be one of ${COMMISSION_LEVELS.join(', ')}`);
  const unitType = pick(cell('unit_type'), UNIT_TYPES, UNIT_WORDS);
  if (unitType === undefined) report('unit_type', `must be one of ${UNIT_TYPES.join(', ')}`);
  const officeRaw = cell('office_type');
  const officeType = officeRaw === '' ? null : (OFFICE_WORDS.get(officeRaw) ?? officeRaw);
  if (officeType && officeType.length > 100) report('office_type', 'up to 100 characters');

  let divisionCode = '';
  const division = parseDivisionCode(cell('division_code'));
  if ('reason' in division) report('division_code', division.reason);
  else if (!division.code.startsWith(jurisdictionPrefix)) report('division_code', 'outside your jurisdiction');
  else divisionCode = division.code;

  if (kind && level !== undefined && unitType !== undefined) {
    for (const problem of checkShape({ kind, level, officeType, unitType })) {
      report(CSV_COLUMN[problem.field], problem.reason);
    }
  }
  if (problems.length > 0 || !kind || level === undefined || unitType === undefined) return { problems };
  const parentCode = cell('parent_code') || null;
  return { row: { row: record.row, code, name, kind, level, officeType, unitType, parentCode, divisionCode } };
}
