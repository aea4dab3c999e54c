/** Planted cases for the medical-insurance models M01–M05. */
import { deathDates } from '../gen-benefits.js';
import { type Institution, addClaimRow, addStaffRow, institutions } from '../gen-medical.js';
import { type DemoWorld, type Row, addRow } from '../world.js';
import { decoy, ev, newPerson, planted } from './helpers.js';

const C = (r: Row) => ev('med_claim', r, 'claim_id');
const S = (r: Row) => ev('med_staff', r, 'person_id', 'inst_code');

function institution(
  world: DemoWorld,
  n: number,
  name: string,
  required: number,
  result: string,
): { inst: Institution; row: Row } {
  const inst = { code: `H33019900${String(900 + n)}`, name, inpatient: false };
  const row = addRow(
    world,
    'med_institution',
    {
      inst_code: inst.code,
      name,
      type: '诊所',
      level: '无',
      beds: 0,
      required_staff: required,
      verified_on: '2024-03-20',
      verification_result: result,
    },
    true,
  );
  return { inst, row };
}

/** Plants M01–M05. */
export function plantMedical(world: DemoWorld): void {
  const thin = institution(world, 1, '清风县康宁诊所', 5, 'passed');
  const staff = [0, 1, 2].map(() =>
    addStaffRow(world, newPerson(world, 'female', 40), thin.inst, '2021-05-01', null, true),
  );
  planted(
    world,
    'M01',
    [],
    [ev('med_institution', thin.row, 'inst_code'), ...staff.map(S)],
    'three qualified staff where five are required, yet verification passed',
  );
  const failed = institution(world, 2, '清风县惠民诊所', 5, 'failed');
  addStaffRow(world, newPerson(world, 'male', 45), failed.inst, '2021-05-01', null, true);
  decoy(
    world,
    'M01',
    [],
    [ev('med_institution', failed.row, 'inst_code')],
    'understaffed but verification failed, as it should: not a case',
  );

  const [hospital, tcm, town] = institutions as [Institution, Institution, Institution];
  const dead = newPerson(world, 'male', 76);
  dead.status = 'deceased';
  deathDates.set(dead.id, '2024-04-02');
  const after = addClaimRow(world, hospital, dead, '2024-05-10', 7, true);
  planted(
    world,
    'M02',
    [dead.id],
    [C(after), { dataset: 'death', keys: { id: dead.id, source: 'public_security' } }],
    'inpatient claim admitted five weeks after death',
  );
  const diedIn = newPerson(world, 'female', 81);
  diedIn.status = 'deceased';
  deathDates.set(diedIn.id, '2024-08-09');
  const last = addClaimRow(world, hospital, diedIn, '2024-08-01', 8, true);
  decoy(
    world,
    'M02',
    [diedIn.id],
    [C(last)],
    'admitted 2024-08-01 and died in hospital on the discharge date: not a case',
  );

  const twoBeds = newPerson(world, 'male', 63);
  const overlap = [
    addClaimRow(world, hospital, twoBeds, '2024-06-01', 9, true),
    addClaimRow(world, tcm, twoBeds, '2024-06-05', 7, true),
  ];
  planted(world, 'M03', [twoBeds.id], overlap.map(C), 'in two hospitals at once, 5–10 June 2024');
  const transfer = newPerson(world, 'female', 70);
  const sameDay = [
    addClaimRow(world, town, transfer, '2024-03-01', 9, true),
    addClaimRow(world, hospital, transfer, '2024-03-10', 8, true),
  ];
  decoy(
    world,
    'M03',
    [transfer.id],
    sameDay.map(C),
    'transferred: discharged 2024-03-10 and admitted elsewhere the same day; back-to-back stays, not an overlap',
  );
  const nextDay = newPerson(world, 'male', 66);
  const seq = [
    addClaimRow(world, town, nextDay, '2024-09-01', 4, true),
    addClaimRow(world, tcm, nextDay, '2024-09-06', 6, true),
  ];
  decoy(world, 'M03', [nextDay.id], seq.map(C), 'discharged 2024-09-05, admitted elsewhere 2024-09-06: not an overlap');

  const busyDoctor = newPerson(world, 'male', 48);
  const regs = [hospital, tcm, town].map((inst) => addStaffRow(world, busyDoctor, inst, '2022-03-01', null, true));
  planted(world, 'M04', [busyDoctor.id], regs.map(S), 'one doctor registered at three institutions at the same time');
  const twoPlaces = newPerson(world, 'female', 44);
  const two = [hospital, tcm].map((inst) => addStaffRow(world, twoPlaces, inst, '2021-03-01', null, true));
  decoy(world, 'M04', [twoPlaces.id], two.map(S), 'registered at two institutions: below the threshold of three');
  const mover = newPerson(world, 'male', 52);
  const moves = [
    addStaffRow(world, mover, town, '2015-01-01', '2018-12-31', true),
    addStaffRow(world, mover, tcm, '2019-01-01', '2021-12-31', true),
    addStaffRow(world, mover, hospital, '2022-01-01', null, true),
  ];
  decoy(world, 'M04', [mover.id], moves.map(S), 'three institutions one after another, never at once: not a case');

  const back = newPerson(world, 'female', 72);
  const re = [
    addClaimRow(world, tcm, back, '2024-07-01', 6, true),
    addClaimRow(world, tcm, back, '2024-07-15', 5, true),
  ];
  planted(world, 'M05', [back.id], re.map(C), 'readmitted to the same hospital 8 days after discharge');
  const later = newPerson(world, 'male', 69);
  const re2 = [
    addClaimRow(world, tcm, later, '2024-10-01', 6, true),
    addClaimRow(world, tcm, later, '2024-10-27', 5, true),
  ];
  decoy(world, 'M05', [later.id], re2.map(C), 'readmitted after 20 days, beyond the 15-day window: not a case');
}
