/**
 * People and households of the demo county, and who works where. Household kinds are
 * fixed here so the background data stays clean for every model: benefits only go to
 * 'poor' households, which own no cars, firms or spare flats and have no cadre in them.
 */
import { addDays } from './dates.js';
import { familyOf, personName } from './names.js';
import { COUNTY_CODE6, villagesOf } from './region.js';
import type { DemoWorld, Household, Person, Unit } from './world.js';

// Birthplaces other than the county: most people are local, some married or moved in.
const OTHER_BIRTHPLACES = ['330102', '330106', '330681', '330781', '341122', '360102', '410102', '511304'];

function birthDate(world: DemoWorld, minAge: number, maxAge: number): string {
  const age = world.rng.int(minAge, maxAge);
  return addDays(`${2024 - age}-01-01`, -world.rng.int(0, 364));
}

function phone(world: DemoWorld): string {
  return `1${world.rng.pick(['33', '35', '38', '39', '58', '77', '86', '89'])}${String(world.rng.int(0, 99_999_999)).padStart(8, '0')}`;
}

/** Makes one person (not yet in any dataset). */
export function makePerson(
  world: DemoWorld,
  household: Household,
  role: Person['role'],
  sex: Person['sex'],
  born: string,
  family?: string,
): Person {
  const region = world.rng.chance(0.85) ? COUNTY_CODE6 : world.rng.pick(OTHER_BIRTHPLACES);
  const person: Person = {
    id: world.ids.idNumber(region, born, sex),
    name: personName(world.rng, sex, family),
    sex,
    birthDate: born,
    division: household.division,
    household,
    role,
    phone: phone(world),
    status: 'normal',
    account: `62${String(world.rng.int(1000, 9999))}${String(world.people.length).padStart(8, '0')}${world.rng.int(100, 999)}`,
  };
  household.members.push(person);
  world.people.push(person);
  return person;
}

/** Households of ~3 people in every village; scale multiplies their number. */
export function buildPopulation(world: DemoWorld): void {
  for (const village of villagesOf(world.divisions)) {
    // Fifteen households at least, so every village has three cadres to plant cases on.
    const count = Math.max(15, Math.round(45 * world.scale) + world.rng.int(-5, 5));
    for (let h = 0; h < count; h++) {
      const household: Household = {
        no: `${village.code.slice(6)}${String(h + 1).padStart(4, '0')}`,
        division: village.code,
        address: `浙江省清风县${village.name}${world.rng.int(1, 199)}号`,
        members: [],
        kind: 'ordinary',
      };
      world.households.push(household);
      const headSex = world.rng.chance(0.8) ? 'male' : 'female';
      const head = makePerson(world, household, 'head', headSex, birthDate(world, 24, 88));
      const family = familyOf(head.name);
      const headAge = 2024 - Number(head.birthDate.slice(0, 4));
      if (world.rng.chance(0.8)) {
        makePerson(
          world,
          household,
          'spouse',
          headSex === 'male' ? 'female' : 'male',
          birthDate(world, Math.max(20, headAge - 5), headAge + 3),
        );
      }
      const children = headAge < 30 ? world.rng.int(0, 1) : headAge > 70 ? 0 : world.rng.int(0, 3);
      for (let c = 0; c < children; c++) {
        const sex = world.rng.chance(0.5) ? 'male' : 'female';
        makePerson(
          world,
          household,
          'child',
          sex,
          birthDate(world, Math.max(0, headAge - 45), Math.max(0, headAge - 22)),
          family,
        );
      }
      if (headAge < 55 && world.rng.chance(0.25)) {
        makePerson(
          world,
          household,
          'parent',
          world.rng.chance(0.5) ? 'male' : 'female',
          birthDate(world, headAge + 22, Math.min(98, headAge + 35)),
          family,
        );
      }
    }
  }
}

function adultsFree(world: DemoWorld, minAge: number, maxAge: number): Person[] {
  return world.people.filter((p) => {
    const age = 2024 - Number(p.birthDate.slice(0, 4));
    return !p.busy && age >= minAge && age <= maxAge && p.household.kind === 'ordinary';
  });
}

/**
 * Staffs every unit from the population: county departments, schools and hospitals,
 * township governments, and three cadres per village (who live in that village).
 * Everyone's household becomes an 'official' household.
 */
export function assignStaff(world: DemoWorld): void {
  const pool = adultsFree(world, 26, 58);
  let next = 0;
  // A stride through the pool spreads staff over the villages instead of filling the first few.
  const stride = 7;
  const take = (unit: Unit, job: string): Person => {
    let person: Person | undefined;
    for (let tries = 0; tries < pool.length && (!person || person.busy); tries++) {
      person = pool[(next += stride) % pool.length];
    }
    if (!person || person.busy) throw new Error('demo population too small for its staff');
    person.busy = job;
    person.unitKey = unit.key;
    person.household.kind = 'official';
    unit.staff.push(person);
    return person;
  };
  next = world.rng.int(0, 50);
  for (const unit of world.units.values()) {
    if (unit.type === 'village') continue;
    const size = unit.type === 'department' ? 8 : unit.type === 'township' ? 6 : 12;
    // Planted cases name staff up to the fifth member of a department, so keep six at least.
    const n = Math.max(unit.type === 'department' ? 6 : 3, Math.round(size * Math.sqrt(world.scale)));
    for (let i = 0; i < n; i++) take(unit, 'staff');
  }
  for (const unit of world.units.values()) {
    if (unit.type !== 'village') continue;
    const locals = adultsFree(world, 30, 62).filter((p) => p.division === unit.divisionCode);
    for (let i = 0; i < 3; i++) {
      const cadre = locals[i];
      if (!cadre) break;
      cadre.busy = 'village_cadre';
      cadre.unitKey = unit.key;
      cadre.household.kind = 'official';
      unit.staff.push(cadre);
    }
  }
}

/** Marks ~6% of the remaining households poor: the only ones on dibao or tekun. */
export function markPoorHouseholds(world: DemoWorld): void {
  for (const household of world.households) {
    if (household.kind === 'ordinary' && world.rng.chance(0.06)) household.kind = 'poor';
  }
}
