/**
 * Registries: vehicles (public security), real estate (natural resources), companies and
 * their people (market regulation), and company staff's social insurance.
 */
import { addDays, monthsOf } from './dates.js';
import { companyName } from './names.js';
import { COUNTY_CODE, COUNTY_CODE6 } from './region.js';
import { type DemoWorld, type Person, type Row, addRow } from './world.js';

/** A company as the other generators use it (suppliers, payees, employers). */
export interface Company {
  uscc: string;
  name: string;
  legalRep: Person;
  established: string;
  phone: string;
  row: Row;
}

/** Companies in creation order; procurement picks its suppliers from these. */
export const companies: Company[] = [];

const PLATE_CHARS = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789';

/** A plate number unique within the demo. */
export function newPlate(world: DemoWorld): string {
  for (;;) {
    let plate = '浙A';
    for (let i = 0; i < 5; i++) plate += world.rng.pick([...PLATE_CHARS]);
    if (!usedPlates.has(plate)) {
      usedPlates.add(plate);
      return plate;
    }
  }
}
const usedPlates = new Set<string>();

/** Registers a vehicle; value in yuan. */
export function addVehicle(
  world: DemoWorld,
  owner: Person,
  type: string,
  value: number,
  registeredOn: string,
  protect = false,
): Row {
  return addRow(
    world,
    'vehicle',
    {
      plate: newPlate(world),
      owner: owner.id,
      owner_name: owner.name,
      vehicle_type: type,
      value,
      registered_on: registeredOn,
      deregistered_on: null,
    },
    protect,
  );
}

/** Registers a property held by a person. */
export function addProperty(world: DemoWorld, owner: Person, use: string, registeredOn: string, protect = false): Row {
  const year = registeredOn.slice(0, 4);
  const no = world.counters.get('cert') ?? 0;
  world.counters.set('cert', no + 1);
  return addRow(
    world,
    'property',
    {
      cert_no: `浙(${year})清风县不动产权第${String(no + 1).padStart(7, '0')}号`,
      owner: owner.id,
      owner_name: owner.name,
      division: owner.division,
      address: `${owner.household.address}${use === 'residential' ? '' : '商铺'}`,
      use,
      area_m2: world.rng.int(60, 180) + world.rng.pick([0, 0.5, 0.25]),
      registered_on: registeredOn,
      cancelled_on: null,
    },
    protect,
  );
}

/** Registers a company with its legal representative (also a shareholder). */
export function addCompany(
  world: DemoWorld,
  legalRep: Person,
  established: string,
  capital: number,
  protect = false,
): Company {
  const { name, industry } = companyName(world.rng, companies.length);
  const uscc = world.ids.uscc('91', COUNTY_CODE6);
  const phone = `0571-${world.rng.int(6000_0000, 6999_9999)}`;
  const row = addRow(
    world,
    'company',
    {
      uscc,
      name,
      legal_rep_id: legalRep.id,
      legal_rep_name: legalRep.name,
      established_on: established,
      status: 'active',
      deregistered_on: null,
      registered_capital: capital,
      industry,
      address: `清风县${world.rng.pick(['城关镇', '清溪镇', '枫林镇'])}工业园区${world.rng.int(1, 88)}号`,
      phone,
      division: COUNTY_CODE,
    },
    protect,
  );
  addRow(
    world,
    'company_role',
    {
      uscc,
      person_id: legalRep.id,
      person_name: legalRep.name,
      role: 'legal_rep',
      share_pct: null,
      start_date: established,
      end_date: null,
    },
    protect,
  );
  addRow(
    world,
    'company_role',
    {
      uscc,
      person_id: legalRep.id,
      person_name: legalRep.name,
      role: 'shareholder',
      share_pct: 100,
      start_date: established,
      end_date: null,
    },
    protect,
  );
  legalRep.busy ??= 'company';
  const company = { uscc, name, legalRep, established, phone, row };
  companies.push(company);
  return company;
}

function freeAdults(world: DemoWorld, kind: 'ordinary' | 'official'): Person[] {
  return world.people.filter((p) => {
    const age = 2024 - Number(p.birthDate.slice(0, 4));
    return !p.busy && p.status === 'normal' && age >= 25 && age <= 60 && p.household.kind === kind;
  });
}

/** Background registries: clean for W03–W05, P02 and P04 by construction. */
export function generateRegistries(world: DemoWorld): void {
  const { rng } = world;
  companies.length = 0;
  usedPlates.clear();
  const owners = freeAdults(world, 'ordinary');
  const companyCount = Math.round(48 * world.scale);
  for (let i = 0; i < companyCount; i++) {
    const rep = owners[(i * 11 + 3) % owners.length];
    if (!rep || rep.busy) continue;
    const company = addCompany(
      world,
      rep,
      addDays(`${rng.int(2008, 2021)}-01-01`, rng.int(0, 360)),
      rng.int(5, 200) * 10000,
    );
    // A handful of staff each, insured every month of 2024.
    for (let e = 0; e < rng.int(3, 7); e++) {
      const employee = owners[rng.int(0, owners.length - 1)];
      if (!employee || employee.busy) continue;
      employee.busy = 'employee';
      for (const period of monthsOf(2024)) {
        addRow(world, 'social_insurance', {
          id: employee.id,
          employer_uscc: company.uscc,
          employer_name: company.name,
          period,
          base: rng.int(40, 80) * 100,
        });
      }
    }
  }
  for (const household of world.households) {
    const head = household.members[0];
    if (!head) continue;
    const since = addDays(`${rng.int(2005, 2022)}-01-01`, rng.int(0, 360));
    if (household.kind === 'poor') {
      // Exempt vehicles only, and at most one home: what a real dibao household may have.
      if (rng.chance(0.15))
        addVehicle(world, head, rng.pick(['motorcycle', 'agricultural']), rng.int(2, 12) * 1000, since);
      if (rng.chance(0.5)) addProperty(world, head, 'residential', since);
      continue;
    }
    if (rng.chance(household.kind === 'official' ? 0.6 : 0.35)) {
      addVehicle(world, head, rng.pick(['passenger_small', 'passenger_small', 'truck']), rng.int(6, 30) * 10000, since);
    }
    addProperty(world, head, 'residential', since);
    if (rng.chance(0.15)) addProperty(world, head, rng.chance(0.7) ? 'residential' : 'commercial', addDays(since, 700));
  }
}
