/**
 * Medical insurance: designated institutions, their registered staff and claims. Each
 * institution has more qualified staff than required, each doctor works at one place, and a
 * patient's claims are two months apart or more: M01–M05 find only what is planted.
 */
import { addDays, WINDOW_START } from './dates.js';
import { type DemoWorld, type Person, type Row, addRow, nextNo } from './world.js';

export interface Institution {
  code: string;
  name: string;
  inpatient: boolean;
}
export const institutions: Institution[] = [];

/** A claim at an institution. */
export function addClaimRow(
  world: DemoWorld,
  inst: Institution,
  patient: Person,
  admit: string,
  days: number,
  protect = false,
): Row {
  const amount = inst.inpatient ? world.rng.money(3000, 20000) : world.rng.money(50, 600);
  return addRow(
    world,
    'med_claim',
    {
      claim_id: nextNo(world, 'JS', 8),
      inst_code: inst.code,
      patient_id: patient.id,
      admit_date: admit,
      discharge_date: inst.inpatient ? addDays(admit, days) : admit,
      amount,
      fund_paid: Math.round(amount * 0.6 * 100) / 100,
      diagnosis: world.rng.pick(['肺炎', '高血压', '2型糖尿病', '脑梗死', '骨折', '慢性阻塞性肺病', '胆囊炎']),
      claim_type: inst.inpatient ? 'inpatient' : 'outpatient',
    },
    protect,
  );
}

/** Registers a doctor at an institution. */
export function addStaffRow(
  world: DemoWorld,
  person: Person,
  inst: Institution,
  start: string,
  end: string | null = null,
  protect = false,
): Row {
  return addRow(
    world,
    'med_staff',
    {
      person_id: person.id,
      inst_code: inst.code,
      qualification: world.rng.pick(['执业医师', '执业助理医师', '注册护士']),
      start_date: start,
      end_date: end,
    },
    protect,
  );
}

/** Background institutions, staff and claims. */
export function generateMedical(world: DemoWorld, deathDates: ReadonlyMap<string, string>): void {
  const { rng } = world;
  institutions.length = 0;
  const towns = world.divisions.filter((d) => d.level === 'township');
  const list: Array<[string, string, boolean, number]> = [
    ['清风县人民医院', '二级甲等', true, 12],
    ['清风县中医院', '二级乙等', true, 8],
    ...towns.map((t): [string, string, boolean, number] => [`${t.name}卫生院`, '一级', true, 4]),
    ['清风县百姓大药房', '无', false, 2],
    ['清风县仁心诊所', '无', false, 2],
  ];
  const doctors = world.people.filter(
    (p) =>
      !p.busy &&
      p.status === 'normal' &&
      p.household.kind === 'ordinary' &&
      2024 - Number(p.birthDate.slice(0, 4)) >= 28 &&
      2024 - Number(p.birthDate.slice(0, 4)) <= 58,
  );
  let d = 0;
  list.forEach(([name, level, inpatient, required], i) => {
    const inst = { code: `H33019900${String(i + 1).padStart(3, '0')}`, name, inpatient };
    institutions.push(inst);
    addRow(world, 'med_institution', {
      inst_code: inst.code,
      name,
      type: inpatient ? '医院' : '零售药店',
      level,
      beds: inpatient ? required * 8 : 0,
      required_staff: required,
      verified_on: '2024-03-15',
      verification_result: 'passed',
    });
    for (let s = 0; s < required + rng.int(1, 3); s++) {
      const doctor = doctors[d++];
      if (!doctor) break;
      doctor.busy = 'doctor';
      addStaffRow(world, doctor, inst, addDays(`${rng.int(2010, 2021)}-01-01`, rng.int(0, 300)));
    }
  });
  for (const person of world.people) {
    if (!rng.chance(0.12)) continue;
    const death = deathDates.get(person.id);
    let admit = addDays(WINDOW_START, rng.int(0, 200));
    for (let k = 0; k < rng.int(1, 3); k++) {
      if (death && admit >= addDays(death, -20)) break;
      if (admit > '2024-12-15') break;
      addClaimRow(world, rng.pick(institutions), person, admit, rng.int(3, 12));
      admit = addDays(admit, rng.int(60, 240));
    }
  }
}
