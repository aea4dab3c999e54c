/**
 * Officials, payroll, kinship and the payroll part of social insurance: what the
 * organisation department, finance and human resources send about the state's own staff.
 */
import { addDays, monthsOf } from './dates.js';
import { type DemoWorld, type Person, type Unit, addRow } from './world.js';

const POSITIONS: Record<Unit['type'], readonly string[]> = {
  department: ['局长', '副局长', '科长', '副科长', '科员', '科员', '科员', '办事员'],
  township: ['乡镇长', '副乡镇长', '党政办主任', '科员', '科员', '科员'],
  village: ['村党组织书记', '村委会主任', '村报账员'],
  school: ['校长', '副校长', '教师'],
  hospital: ['院长', '副院长', '医师'],
};

function positionOf(unit: Unit, index: number): string {
  const list = POSITIONS[unit.type];
  return list[Math.min(index, list.length - 1)] ?? '科员';
}

/** The start of service of each member of staff, kept for the models' service periods. */
export const serviceStart = new Map<string, string>();

/** Whether a member of staff is a leading cadre who files personal-matter reports. */
export function isLeadingCadre(world: DemoWorld, person: Person): boolean {
  const unit = person.unitKey ? world.units.get(person.unitKey) : undefined;
  return !!unit && (unit.type === 'department' || unit.type === 'township') && unit.staff.indexOf(person) < 2;
}

/** Adds official, payroll, kinship and payroll social-insurance rows for all staff. */
export function generateOfficials(world: DemoWorld): void {
  const { rng } = world;
  serviceStart.clear();
  for (const unit of world.units.values()) {
    unit.staff.forEach((person, index) => {
      const start = addDays(`${rng.int(2004, 2021)}-01-01`, rng.int(0, 300));
      serviceStart.set(person.id, start);
      const position = positionOf(unit, index);
      const isOfficial = unit.type !== 'school' && unit.type !== 'hospital' ? true : index < 2;
      if (isOfficial) {
        addRow(world, 'official', {
          id: person.id,
          name: person.name,
          unit_uscc: unit.uscc,
          unit_name: unit.name,
          position,
          rank: unit.type === 'village' ? null : index === 0 ? '正科级' : index === 1 ? '副科级' : '一级科员',
          division: unit.divisionCode,
          party_member: index < 2 || rng.chance(0.6),
          start_date: start,
          end_date: null,
        });
        addKinship(world, person, start);
      }
      if (unit.type === 'village') return;
      addRow(world, 'payroll', {
        id: person.id,
        name: person.name,
        employer_uscc: unit.uscc,
        employer_name: unit.name,
        position,
        staff_type:
          unit.type === 'school' || unit.type === 'hospital'
            ? 'public_institution'
            : rng.chance(0.9)
              ? 'civil_servant'
              : 'contract',
        start_date: start,
        end_date: null,
        monthly_pay: rng.int(45, 110) * 100 + rng.pick([0, 50]),
        division: unit.divisionCode,
      });
      for (const period of monthsOf(2024)) {
        addRow(world, 'social_insurance', {
          id: person.id,
          employer_uscc: unit.uscc,
          employer_name: unit.name,
          period,
          base: rng.int(50, 120) * 100,
        });
      }
    });
  }
}

/** Relatives in the official's own household, as the organisation department records them. */
function addKinship(world: DemoWorld, official: Person, since: string): void {
  for (const member of official.household.members) {
    if (member === official) continue;
    const relation =
      official.role === 'head' || official.role === 'spouse'
        ? member.role === 'spouse' || member.role === 'head'
          ? 'spouse'
          : member.role === 'child'
            ? 'child'
            : 'parent'
        : official.role === 'child'
          ? member.role === 'child'
            ? 'sibling'
            : 'parent'
          : 'child';
    addRow(world, 'kinship', {
      official_id: official.id,
      relative_id: member.id,
      relative_name: member.name,
      relation,
      start_date: relation === 'spouse' ? since : null,
      end_date: null,
    });
  }
}
