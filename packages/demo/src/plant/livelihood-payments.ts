/** Planted W06–W13 cases: who is paid, how often, into whose account. */
import { enrol, pay } from '../gen-benefits.js';
import { type DemoWorld, type Person, addRow, unitOf } from '../world.js';
import { villagesOf } from '../region.js';
import { P, payMonths } from './benefit-helpers.js';
import { decoy, ev, newHousehold, newPerson, planted } from './helpers.js';

/** Plants W06–W13. */
export function plantW06toW13(world: DemoWorld): void {
  const village = unitOf(world, 'village_2_3');
  const cadre = village.staff[1] as Person;
  const [mother] = newHousehold(world, 'poor', [{ role: 'head', sex: 'female', age: 74 }], 10) as [Person];
  const kin = addRow(
    world,
    'kinship',
    {
      official_id: cadre.id,
      relative_id: mother.id,
      relative_name: mother.name,
      relation: 'parent',
      start_date: null,
      end_date: null,
    },
    true,
  );
  const roll = enrol(world, mother, 'dibao', '2023-02-01', {
    protect: true,
    approver: (village.staff[0] as Person).id,
  });
  payMonths(world, mother, 'dibao', '2024-01', '2024-04');
  planted(
    world,
    'W06',
    [mother.id, cadre.id],
    [
      ev('benefit_roll', roll, 'program', 'id'),
      ev('kinship', kin, 'official_id', 'relative_id'),
      ev('official', { id: cadre.id }, 'id'),
    ],
    "village committee director's mother on dibao in his own village (orange)",
  );
  const secretary = village.staff[0] as Person;
  const [brother] = newHousehold(world, 'poor', [{ role: 'head', sex: 'male', age: 49 }], 10) as [Person];
  const kin2 = addRow(
    world,
    'kinship',
    {
      official_id: secretary.id,
      relative_id: brother.id,
      relative_name: brother.name,
      relation: 'sibling',
      start_date: null,
      end_date: null,
    },
    true,
  );
  const roll2 = enrol(world, brother, 'dibao', '2023-06-01', { protect: true, approver: secretary.id });
  payMonths(world, brother, 'dibao', '2024-01', '2024-04');
  planted(
    world,
    'W06',
    [brother.id, secretary.id],
    [ev('benefit_roll', roll2, 'program', 'id'), ev('kinship', kin2, 'official_id', 'relative_id')],
    "party secretary approved his own brother's dibao (red: the official is the approver)",
  );

  const w7 = newPerson(world, 'male', 68, 'poor');
  const both = [
    ...payMonths(world, w7, 'dibao', '2024-03', '2024-05'),
    ...payMonths(world, w7, 'tekun', '2024-03', '2024-05'),
  ];
  planted(world, 'W07', [w7.id], P(both), 'paid both dibao and tekun for March–May 2024');
  const w7d = newPerson(world, 'female', 71, 'poor');
  const sw = [
    ...payMonths(world, w7d, 'dibao', '2024-01', '2024-06'),
    ...payMonths(world, w7d, 'tekun', '2024-07', '2024-12'),
  ];
  decoy(world, 'W07', [w7d.id], P(sw), 'moved from dibao to tekun in July 2024, never both in one month: not a case');

  const w8 = newPerson(world, 'female', 82);
  const dup = [
    pay(world, w8, 'old_age_allowance', '2024-06', 100, { protect: true }),
    pay(world, w8, 'old_age_allowance', '2024-06', 100, { protect: true, paidOn: '2024-06-28' }),
  ];
  planted(world, 'W08', [w8.id], P(dup), 'old-age allowance for June 2024 paid twice');
  const w8b = newPerson(world, 'male', 84);
  const other = unitOf(world, 'village_5_6').divisionCode;
  const elsewhere = pay(world, w8b, 'old_age_allowance', '2024-09', 100, { protect: true, paidOn: '2024-09-20' });
  elsewhere.division = other;
  const dupB = [pay(world, w8b, 'old_age_allowance', '2024-09', 100, { protect: true }), elsewhere];
  planted(world, 'W08', [w8b.id], P(dupB), 'old-age allowance for September 2024 paid in two villages');
  const w8d = newPerson(world, 'female', 83);
  const back = [
    pay(world, w8d, 'old_age_allowance', '2024-02', 100, { protect: true, paidOn: '2024-03-12' }),
    pay(world, w8d, 'old_age_allowance', '2024-03', 100, { protect: true, paidOn: '2024-03-12' }),
  ];
  decoy(world, 'W08', [w8d.id], P(back), 'February paid late together with March: two periods, not a duplicate');

  const holder = newPerson(world, 'male', 45);
  const three = [newPerson(world, 'male', 88), newPerson(world, 'female', 85), newPerson(world, 'female', 81)];
  const shared = three.map((p) =>
    pay(world, p, 'old_age_allowance', '2024-04', 100, {
      protect: true,
      account: holder.account,
      accountName: holder.name,
    }),
  );
  planted(
    world,
    'W09',
    [holder.id, ...three.map((p) => p.id)],
    P(shared),
    `three old people's allowances paid into ${holder.name}'s account`,
  );
  const w9d = newPerson(world, 'male', 81);
  const own = [
    pay(world, w9d, 'old_age_allowance', '2024-04', 100, { protect: true }),
    pay(world, w9d, 'pension_resident', '2024-04', 240, { protect: true }),
  ];
  decoy(world, 'W09', [w9d.id], P(own), 'two programmes paid into the recipient’s own account: not a case');

  const bookkeeping = unitOf(world, 'village_4_2');
  const accountant = (bookkeeping.staff[2] ?? bookkeeping.staff[0]) as Person;
  // A villager of the bookkeeper's own village: the bookkeeper handles her payouts.
  const ownVillage = villagesOf(world.divisions).findIndex((v) => v.code === bookkeeping.divisionCode);
  const w10 = newHousehold(world, 'poor', [{ role: 'head', sex: 'female', age: 80 }], ownVillage)[0] as Person;
  const diverted = payMonths(world, w10, 'dibao', '2024-02', '2024-07', {
    account: accountant.account,
    accountName: accountant.name,
  });
  planted(
    world,
    'W10',
    [w10.id, accountant.id],
    [...P(diverted), ev('official', { id: accountant.id }, 'id')],
    "dibao paid into the village bookkeeper's own account",
  );
  // The account is not in the recipient's name: W09's second test sees the same payments.
  planted(world, 'W09', [w10.id], P(diverted), 'dibao paid into an account in another name (the bookkeeper’s)');

  const young = newPerson(world, 'male', 72);
  const under = payMonths(world, young, 'old_age_allowance', '2024-01', '2024-06');
  planted(world, 'W11', [young.id], P(under), 'old-age allowance paid to a 72-year-old');
  const turning = newHousehold(world, 'ordinary', [{ role: 'head', sex: 'female', age: 79 }])[0] as Person;
  turning.birthDate = '1944-03-15';
  turning.id = world.ids.idNumber(turning.id.slice(0, 6), '1944-03-15', 'female');
  const fromApril = payMonths(world, turning, 'old_age_allowance', '2024-04', '2024-12');
  decoy(world, 'W11', [turning.id], P(fromApril), 'turned 80 on 2024-03-15, paid from April: not a case');

  const moved = newPerson(world, 'male', 66);
  moved.status = 'moved_out';
  const mp = payMonths(world, moved, 'pension_resident', '2024-07', '2024-12');
  planted(
    world,
    'W12',
    [moved.id],
    [ev('person', { id: moved.id }, 'id'), ...P(mp)],
    'household registration moved out of the county; resident pension still paid',
  );
  const jailed = newPerson(world, 'male', 41, 'poor');
  jailed.status = 'imprisoned';
  const jp = payMonths(world, jailed, 'dibao', '2024-01', '2024-05');
  planted(
    world,
    'W12',
    [jailed.id],
    [ev('person', { id: jailed.id }, 'id'), ...P(jp)],
    'serving a prison sentence; dibao still paid',
  );

  const town = unitOf(world, 'town_3');
  const [clerk] = newHousehold(world, 'official', [{ role: 'head', sex: 'male', age: 61 }]) as [Person];
  const job = addRow(
    world,
    'payroll',
    {
      id: clerk.id,
      name: clerk.name,
      employer_uscc: town.uscc,
      employer_name: town.name,
      position: '编外聘用',
      staff_type: 'contract',
      start_date: '2015-03-01',
      end_date: null,
      monthly_pay: 3600,
      division: town.divisionCode,
    },
    true,
  );
  const cp = payMonths(world, clerk, 'pension_resident', '2024-07', '2024-12');
  planted(
    world,
    'W13',
    [clerk.id],
    [ev('payroll', job, 'id', 'employer_uscc'), ...P(cp)],
    'contract clerk still on the township payroll draws the resident pension',
  );
  const [retired] = newHousehold(world, 'ordinary', [{ role: 'head', sex: 'female', age: 60 }]) as [Person];
  const ended = addRow(
    world,
    'payroll',
    {
      id: retired.id,
      name: retired.name,
      employer_uscc: town.uscc,
      employer_name: town.name,
      position: '编外聘用',
      staff_type: 'contract',
      start_date: '2010-03-01',
      end_date: '2024-06-30',
      monthly_pay: 3100,
      division: town.divisionCode,
    },
    true,
  );
  const rp = payMonths(world, retired, 'pension_resident', '2024-07', '2024-12');
  decoy(
    world,
    'W13',
    [retired.id],
    [ev('payroll', ended, 'id', 'employer_uscc'), ...P(rp)],
    'left the payroll on 2024-06-30, pension from July: not a case',
  );
}
