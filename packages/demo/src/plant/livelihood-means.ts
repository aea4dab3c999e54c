/** Planted W02–W05 cases: dibao households with payroll, cars, homes or firms. */
import { enrol } from '../gen-benefits.js';
import { addCompany, addProperty, addVehicle } from '../gen-registries.js';
import { type DemoWorld, type Person, addRow, unitOf } from '../world.js';
import { P, payMonths } from './benefit-helpers.js';
import { decoy, ev, newHousehold, planted } from './helpers.js';

/** Plants W02–W05. */
export function plantW02toW05(world: DemoWorld): void {
  const school = unitOf(world, 'school_1');
  const [h, son] = newHousehold(world, 'poor', [
    { role: 'head', sex: 'male', age: 58 },
    { role: 'child', sex: 'male', age: 30 },
  ]) as [Person, Person];
  const roll = enrol(world, h, 'dibao', '2023-03-01', { protect: true });
  const job = addRow(
    world,
    'payroll',
    {
      id: son.id,
      name: son.name,
      employer_uscc: school.uscc,
      employer_name: school.name,
      position: '教师',
      staff_type: 'public_institution',
      start_date: '2019-09-01',
      end_date: null,
      monthly_pay: 6800,
      division: school.divisionCode,
    },
    true,
  );
  const paid = payMonths(world, h, 'dibao', '2024-01', '2024-06');
  planted(
    world,
    'W02',
    [h.id, son.id],
    [
      ev('benefit_roll', roll, 'program', 'id'),
      ev('payroll', job, 'id', 'employer_uscc'),
      ev('person', { id: son.id }, 'id'),
      ...P(paid),
    ],
    'dibao household whose son is a teacher on the state payroll',
  );
  const [h2, d2] = newHousehold(world, 'poor', [
    { role: 'head', sex: 'female', age: 55 },
    { role: 'child', sex: 'female', age: 29 },
  ]) as [Person, Person];
  const roll2 = enrol(world, h2, 'dibao', '2023-03-01', { protect: true });
  const old = addRow(
    world,
    'payroll',
    {
      id: d2.id,
      name: d2.name,
      employer_uscc: school.uscc,
      employer_name: school.name,
      position: '代课教师',
      staff_type: 'contract',
      start_date: '2020-09-01',
      end_date: '2022-06-30',
      monthly_pay: 3200,
      division: school.divisionCode,
    },
    true,
  );
  payMonths(world, h2, 'dibao', '2024-01', '2024-06');
  decoy(
    world,
    'W02',
    [h2.id, d2.id],
    [ev('benefit_roll', roll2, 'program', 'id'), ev('payroll', old, 'id', 'employer_uscc')],
    'daughter left the payroll in 2022, before the dibao started: not a case',
  );

  const [h3, w3] = newHousehold(world, 'poor', [
    { role: 'head', sex: 'male', age: 50 },
    { role: 'spouse', sex: 'female', age: 48 },
  ]) as [Person, Person];
  const roll3 = enrol(world, h3, 'dibao', '2022-05-01', { protect: true });
  const car = addVehicle(world, w3, 'passenger_small', 85000, '2023-08-12', true);
  payMonths(world, h3, 'dibao', '2024-01', '2024-06');
  planted(
    world,
    'W03',
    [h3.id, w3.id],
    [ev('benefit_roll', roll3, 'program', 'id'), ev('vehicle', car, 'plate')],
    'dibao household: the wife registered an ¥85,000 car in 2023',
  );
  const [h4] = newHousehold(world, 'poor', [{ role: 'head', sex: 'male', age: 61 }]) as [Person];
  const roll4 = enrol(world, h4, 'dibao', '2022-05-01', { protect: true });
  const moto = addVehicle(world, h4, 'motorcycle', 4000, '2020-04-01', true);
  const cheap = addVehicle(world, h4, 'passenger_small', 18000, '2021-04-01', true);
  payMonths(world, h4, 'dibao', '2024-01', '2024-06');
  decoy(
    world,
    'W03',
    [h4.id],
    [ev('benefit_roll', roll4, 'program', 'id'), ev('vehicle', moto, 'plate'), ev('vehicle', cheap, 'plate')],
    'a motorcycle (exempt) and an old car worth ¥18,000 (below ¥30,000): not a case',
  );

  const [h5] = newHousehold(world, 'poor', [{ role: 'head', sex: 'female', age: 57 }]) as [Person];
  const roll5 = enrol(world, h5, 'dibao', '2022-01-01', { protect: true });
  const flats = [
    addProperty(world, h5, 'residential', '2016-05-01', true),
    addProperty(world, h5, 'residential', '2021-09-01', true),
  ];
  payMonths(world, h5, 'dibao', '2024-01', '2024-03');
  planted(
    world,
    'W04',
    [h5.id],
    [ev('benefit_roll', roll5, 'program', 'id'), ...flats.map((f) => ev('property', f, 'cert_no'))],
    'dibao household owning two homes',
  );
  const [h6] = newHousehold(world, 'poor', [{ role: 'head', sex: 'male', age: 52 }]) as [Person];
  const roll6 = enrol(world, h6, 'dibao', '2022-01-01', { protect: true });
  const shop = addProperty(world, h6, 'commercial', '2019-05-01', true);
  payMonths(world, h6, 'dibao', '2024-01', '2024-03');
  planted(
    world,
    'W04',
    [h6.id],
    [ev('benefit_roll', roll6, 'program', 'id'), ev('property', shop, 'cert_no')],
    'dibao household owning a shop',
  );
  const [h7] = newHousehold(world, 'poor', [{ role: 'head', sex: 'female', age: 63 }]) as [Person];
  const roll7 = enrol(world, h7, 'dibao', '2022-01-01', { protect: true });
  const home = addProperty(world, h7, 'residential', '2005-05-01', true);
  payMonths(world, h7, 'dibao', '2024-01', '2024-03');
  decoy(
    world,
    'W04',
    [h7.id],
    [ev('benefit_roll', roll7, 'program', 'id'), ev('property', home, 'cert_no')],
    'one home only: not a case',
  );

  const [h8, s8] = newHousehold(world, 'poor', [
    { role: 'head', sex: 'male', age: 60 },
    { role: 'child', sex: 'male', age: 34 },
  ]) as [Person, Person];
  const roll8 = enrol(world, h8, 'dibao', '2022-07-01', { protect: true });
  const firm = addCompany(world, s8, '2021-03-15', 500000, true);
  payMonths(world, h8, 'dibao', '2024-01', '2024-03');
  planted(
    world,
    'W05',
    [h8.id, s8.id, firm.uscc],
    [ev('benefit_roll', roll8, 'program', 'id'), ev('company', firm.row, 'uscc')],
    'dibao household: the son runs a company with ¥500,000 registered capital',
  );
  const [h9] = newHousehold(world, 'poor', [{ role: 'head', sex: 'female', age: 45 }]) as [Person];
  const roll9 = enrol(world, h9, 'dibao', '2022-07-01', { protect: true });
  const tiny = addCompany(world, h9, '2020-03-15', 30000, true);
  const gone = addCompany(world, h9, '2015-03-15', 1000000, true);
  Object.assign(gone.row, { status: 'deregistered', deregistered_on: '2019-12-31' });
  payMonths(world, h9, 'dibao', '2024-01', '2024-03');
  decoy(
    world,
    'W05',
    [h9.id],
    [ev('benefit_roll', roll9, 'program', 'id'), ev('company', tiny.row, 'uscc'), ev('company', gone.row, 'uscc')],
    'a ¥30,000 stall company and a company deregistered in 2019: not a case',
  );
}
