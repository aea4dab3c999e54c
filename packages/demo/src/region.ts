/**
 * The fictional county 清风县 and its organisation tree.
 *
 * Division 330199000000 sits under Hangzhou (3301) but no real county uses 99: a demo
 * can never be mistaken for, or collide with, a real deployment's divisions.
 */
import type { IdentifierFactory } from './identifiers.js';
import { TOWNSHIP_NAMES, VILLAGE_WORDS } from './names.js';
import type { Rng } from './prng.js';
import type { Division, OrganisationRecord, Unit } from './world.js';

export const COUNTY_CODE = '330199000000';
export const COUNTY_CODE6 = '330199';
export const COUNTY_NAME = '清风县';
/** Where the county seat is; every office, station and parking lot is measured from it. */
export const COUNTY_SEAT = { lat: 30.1, lon: 119.5 } as const;
export const COMMISSION_CODE = 'QF-330199-JW';

const TOWNSHIPS = 6;
const VILLAGES_PER_TOWNSHIP = 8;

// Office types as the organisation import knows them (the server's
// modules/organisations/standard-offices.ts).
const OFFICES: ReadonlyArray<readonly [string, string]> = [
  ['letters_visits', '信访室'],
  ['case_management', '案件监督管理室'],
  ['supervision', '监督检查室'],
  ['investigation', '审查调查室'],
  ['trial', '案件审理室'],
  ['conduct', '党风政风监督室'],
];

/** The county departments that send data, plus the ones whose staff the models look at. */
export const DEPARTMENTS: ReadonlyArray<readonly [key: string, name: string]> = [
  ['civil_affairs', '清风县民政局'],
  ['public_security', '清风县公安局'],
  ['hr_social', '清风县人力资源和社会保障局'],
  ['finance', '清风县财政局'],
  ['market', '清风县市场监督管理局'],
  ['medical_insurance', '清风县医疗保障局'],
  ['tax', '国家税务总局清风县税务局'],
  ['trading_centre', '清风县公共资源交易中心'],
  ['agriculture', '清风县农业农村局'],
  ['natural_resources', '清风县自然资源和规划局'],
  ['organisation_dept', '中共清风县委组织部'],
  ['government_affairs', '清风县机关事务管理局'],
  ['education', '清风县教育局'],
  ['health', '清风县卫生健康局'],
  ['transport', '清风县交通运输局'],
  ['water', '清风县水利局'],
];
const SCHOOLS = [
  ['school_1', '清风县第一中学'],
  ['school_2', '清风县实验小学'],
  ['school_3', '清风县职业技术学校'],
] as const;
const HOSPITALS = [
  ['hospital_1', '清风县人民医院'],
  ['hospital_2', '清风县中医院'],
] as const;

export interface Region {
  divisions: Division[];
  organisations: OrganisationRecord[];
  units: Map<string, Unit>;
}

function around(rng: Rng, lat: number, lon: number, spread: number): { lat: number; lon: number } {
  const r = (v: number) => Math.round(v * 1e6) / 1e6;
  return { lat: r(lat + (rng.next() * 2 - 1) * spread), lon: r(lon + (rng.next() * 2 - 1) * spread) };
}

/** Builds the county's divisions, the commission tree and the supervised units. */
export function buildRegion(rng: Rng, ids: IdentifierFactory): Region {
  const divisions: Division[] = [
    { code: COUNTY_CODE, name: COUNTY_NAME, parentCode: null, level: 'county', ...COUNTY_SEAT },
  ];
  const organisations: OrganisationRecord[] = [
    {
      code: COMMISSION_CODE,
      name: '清风县纪委监委',
      kind: 'commission',
      level: 'county',
      officeType: null,
      unitType: null,
      parentCode: null,
      divisionCode: COUNTY_CODE,
    },
  ];
  for (const [type, name] of OFFICES) {
    organisations.push({
      // The import names offices `<commission>-<type>`; using its scheme means a re-import
      // of the tree updates these rows instead of creating a second set.
      code: `${COMMISSION_CODE}-${type}`,
      name,
      kind: 'office',
      level: null,
      officeType: type,
      unitType: null,
      parentCode: COMMISSION_CODE,
      divisionCode: COUNTY_CODE,
    });
  }
  const units = new Map<string, Unit>();
  const addUnit = (
    key: string,
    name: string,
    type: Unit['type'],
    divisionCode: string,
    category: string,
    parent: string,
  ) => {
    const uscc = ids.uscc(category, COUNTY_CODE6);
    units.set(key, { key, uscc, name, divisionCode, type, staff: [] });
    if (type !== 'township') {
      organisations.push({
        code: uscc,
        name,
        kind: 'unit',
        level: null,
        officeType: null,
        unitType: type,
        parentCode: parent,
        divisionCode,
      });
    }
  };
  for (const [key, name] of DEPARTMENTS) addUnit(key, name, 'department', COUNTY_CODE, '11', COMMISSION_CODE);
  for (const [key, name] of SCHOOLS) addUnit(key, name, 'school', COUNTY_CODE, '12', COMMISSION_CODE);
  for (const [key, name] of HOSPITALS) addUnit(key, name, 'hospital', COUNTY_CODE, '12', COMMISSION_CODE);

  let word = 0;
  for (let t = 1; t <= TOWNSHIPS; t++) {
    const townName = TOWNSHIP_NAMES[t - 1] ?? `第${t}乡`;
    const townCode = `${COUNTY_CODE6}${String(t).padStart(3, '0')}000`;
    divisions.push({
      code: townCode,
      name: townName,
      parentCode: COUNTY_CODE,
      level: 'township',
      ...around(rng, COUNTY_SEAT.lat, COUNTY_SEAT.lon, 0.12),
    });
    const stationCode = `QF-${townCode.slice(0, 9)}-JCZ`;
    organisations.push({
      code: stationCode,
      name: `${townName}纪委（监察办公室）`,
      kind: 'commission',
      level: 'township',
      officeType: null,
      unitType: null,
      parentCode: COMMISSION_CODE,
      divisionCode: townCode,
    });
    // The township government: its staff are officials and payroll, but it is not in the
    // organisation CSV's unit types on its own, so it stays out of organisations.csv.
    addUnit(`town_${t}`, `${townName}人民政府`, 'township', townCode, '11', stationCode);
    const town = divisions[divisions.length - 1] as Division;
    for (let v = 1; v <= VILLAGES_PER_TOWNSHIP; v++) {
      const code = `${townCode.slice(0, 9)}${String(200 + v).padStart(3, '0')}`;
      const name = `${VILLAGE_WORDS[word++ % VILLAGE_WORDS.length] ?? '新'}村`;
      divisions.push({ code, name, parentCode: townCode, level: 'village', ...around(rng, town.lat, town.lon, 0.04) });
      addUnit(`village_${t}_${v}`, `${townName}${name}村民委员会`, 'village', code, '54', stationCode);
    }
  }
  return { divisions, organisations, units };
}

/** The villages, in code order. */
export function villagesOf(divisions: readonly Division[]): Division[] {
  return divisions.filter((d) => d.level === 'village');
}
