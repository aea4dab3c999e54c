/** Planted cases for the public-official models P01–P04. */
import { monthsOf } from '../dates.js';
import { deathDates } from '../gen-benefits.js';
import { serviceStart } from '../gen-officials.js';
import { addCompany, addProperty, addVehicle } from '../gen-registries.js';
import { unreported } from '../gen-reports.js';
import { type DemoWorld, type Person, type Row, addRow, unitOf } from '../world.js';
import { decoy, ev, newHousehold, newPerson, planted } from './helpers.js';

function payrollRow(world: DemoWorld, p: Person, unitKey: string, start: string, end: string | null): Row {
  const u = unitOf(world, unitKey);
  return addRow(
    world,
    'payroll',
    {
      id: p.id,
      name: p.name,
      employer_uscc: u.uscc,
      employer_name: u.name,
      position: '科员',
      staff_type: 'civil_servant',
      start_date: start,
      end_date: end,
      monthly_pay: 6200,
      division: u.divisionCode,
    },
    true,
  );
}

function plantP01(world: DemoWorld): void {
  const [a] = newHousehold(world, 'official', [{ role: 'head', sex: 'male', age: 52 }]) as [Person];
  const job = payrollRow(world, a, 'water', '2001-08-01', null);
  a.status = 'deceased';
  deathDates.set(a.id, '2024-02-10');
  planted(
    world,
    'P01',
    [a.id],
    [ev('payroll', job, 'id', 'employer_uscc'), { dataset: 'death', keys: { id: a.id, source: 'public_security' } }],
    'died 2024-02-10; still on the payroll with no end date',
  );
  const [b] = newHousehold(world, 'official', [{ role: 'head', sex: 'female', age: 57 }]) as [Person];
  const jobB = payrollRow(world, b, 'transport', '1999-08-01', '2024-04-20');
  b.status = 'deceased';
  deathDates.set(b.id, '2024-04-01');
  decoy(
    world,
    'P01',
    [b.id],
    [ev('payroll', jobB, 'id', 'employer_uscc'), { dataset: 'death', keys: { id: b.id, source: 'public_security' } }],
    'payroll ended 19 days after death, within the 30-day grace: not a case',
  );
}

function plantP02P03(world: DemoWorld): void {
  const transport = unitOf(world, 'transport');
  const official = transport.staff[3] as Person;
  const firm = addCompany(world, newPerson(world, 'male', 44), '2018-05-20', 2000000, true);
  const role = addRow(
    world,
    'company_role',
    {
      uscc: firm.uscc,
      person_id: official.id,
      person_name: official.name,
      role: 'shareholder',
      share_pct: 40,
      start_date: '2019-03-01',
      end_date: null,
    },
    true,
  );
  planted(
    world,
    'P02',
    [official.id, firm.uscc],
    [
      ev('official', { id: official.id }, 'id'),
      ev('company_role', role, 'uscc', 'person_id', 'role'),
      ev('company', firm.row, 'uscc'),
    ],
    'transport bureau official holds 40% of an active company',
  );
  const earlier = transport.staff[4] as Person;
  const oldFirm = addCompany(world, newPerson(world, 'female', 50), '2000-05-20', 500000, true);
  const start = serviceStart.get(earlier.id) ?? '2010-01-01';
  const oldRole = addRow(
    world,
    'company_role',
    {
      uscc: oldFirm.uscc,
      person_id: earlier.id,
      person_name: earlier.name,
      role: 'director',
      share_pct: null,
      start_date: '2001-01-01',
      end_date: '2003-12-31',
    },
    true,
  );
  decoy(
    world,
    'P02',
    [earlier.id, oldFirm.uscc],
    [ev('company_role', oldRole, 'uscc', 'person_id', 'role')],
    `directorship ended 2003-12-31, before entering service on ${start}: not a case`,
  );
  const deadFirm = addCompany(world, newPerson(world, 'male', 58), '2005-05-20', 500000, true);
  Object.assign(deadFirm.row, { status: 'deregistered', deregistered_on: '2012-06-30' });
  const deadRole = addRow(
    world,
    'company_role',
    {
      uscc: deadFirm.uscc,
      person_id: earlier.id,
      person_name: earlier.name,
      role: 'shareholder',
      share_pct: 10,
      start_date: '2005-05-20',
      end_date: null,
    },
    true,
  );
  decoy(
    world,
    'P02',
    [earlier.id, deadFirm.uscc],
    [ev('company_role', deadRole, 'uscc', 'person_id', 'role'), ev('company', deadFirm.row, 'uscc')],
    'shareholding in a company deregistered in 2012: not a case',
  );

  const health = unitOf(world, 'health');
  const doubled = health.staff[4] as Person;
  const employer = addCompany(world, newPerson(world, 'male', 47), '2012-01-10', 1000000, true);
  const insured = ['2024-05', '2024-06', '2024-07'].map((period) =>
    addRow(
      world,
      'social_insurance',
      { id: doubled.id, employer_uscc: employer.uscc, employer_name: employer.name, period, base: 5000 },
      true,
    ),
  );
  planted(
    world,
    'P03',
    [doubled.id, employer.uscc],
    [
      { dataset: 'payroll', keys: { id: doubled.id, employer_uscc: health.uscc } },
      ...insured.map((r) => ev('social_insurance', r, 'id', 'employer_uscc', 'period')),
    ],
    'health bureau staff also insured by a private company May–July 2024',
  );
  const [left] = newHousehold(world, 'ordinary', [{ role: 'head', sex: 'female', age: 38 }]) as [Person];
  const ended = payrollRow(world, left, 'health', '2015-01-01', '2023-12-31');
  const newJob = monthsOf(2024).map((period) =>
    addRow(
      world,
      'social_insurance',
      { id: left.id, employer_uscc: employer.uscc, employer_name: employer.name, period, base: 5200 },
      true,
    ),
  );
  decoy(
    world,
    'P03',
    [left.id],
    [
      ev('payroll', ended, 'id', 'employer_uscc'),
      ...newJob.slice(0, 1).map((r) => ev('social_insurance', r, 'id', 'employer_uscc', 'period')),
    ],
    'left the payroll 2023-12-31, insured by the company from January 2024: not a case',
  );
}

function plantP04(world: DemoWorld): void {
  const cadres = ['finance', 'market', 'education', 'agriculture', 'natural_resources', 'civil_affairs'].flatMap((k) =>
    unitOf(world, k).staff.slice(0, 2),
  );
  const married = cadres.find(
    (c) =>
      (c.role === 'head' || c.role === 'spouse') &&
      c.household.members.some((m) => m !== c && (m.role === 'head' || m.role === 'spouse')),
  );
  const cadre = married ?? cadres[0];
  if (!cadre) throw new Error('no leading cadres to plant P04 on');
  const spouse = cadre.household.members.find((m) => m !== cadre && (m.role === 'head' || m.role === 'spouse'));
  if (spouse) {
    const car = addVehicle(world, spouse, 'passenger_small', 260000, '2023-05-06', true);
    unreported.add(car);
    planted(
      world,
      'P04',
      [cadre.id, spouse.id],
      [ev('vehicle', car, 'plate'), { dataset: 'personal_report', keys: { official_id: cadre.id, year: '2023' } }],
      "spouse's ¥260,000 car (2023) missing from the 2023 and 2024 reports",
    );
  }
  const flat = addProperty(world, cadre, 'residential', '2022-11-18', true);
  unreported.add(flat);
  planted(
    world,
    'P04',
    [cadre.id],
    [ev('property', flat, 'cert_no'), { dataset: 'personal_report', keys: { official_id: cadre.id, year: '2023' } }],
    'own flat bought 2022 missing from the 2023 and 2024 reports',
  );
  const sibling = newPerson(world, 'male', 50);
  const kin = addRow(
    world,
    'kinship',
    {
      official_id: cadre.id,
      relative_id: sibling.id,
      relative_name: sibling.name,
      relation: 'sibling',
      start_date: null,
      end_date: null,
    },
    true,
  );
  const siblingsCar = addVehicle(world, sibling, 'passenger_small', 150000, '2023-02-01', true);
  decoy(
    world,
    'P04',
    [cadre.id, sibling.id],
    [ev('kinship', kin, 'official_id', 'relative_id'), ev('vehicle', siblingsCar, 'plate')],
    "a brother's car: siblings' items are not reportable, not a case",
  );
}

/** Plants P01–P04. */
export function plantOfficials(world: DemoWorld): void {
  plantP01(world);
  plantP02P03(world);
  plantP04(world);
}
