/** Planted W01 cases: payments after death, and the decoys around them. */
import { enrol } from '../gen-benefits.js';
import { type DemoWorld, type Person } from '../world.js';
import { P, deathEv, die, payMonths } from './benefit-helpers.js';
import { decoy, newHousehold, newPerson, planted } from './helpers.js';

/** Plants W01. */
export function plantW01(world: DemoWorld): void {
  const a = newPerson(world, 'male', 77);
  die(world, a, '2024-03-10');
  const paidA = payMonths(world, a, 'pension_resident', '2024-05', '2024-08');
  planted(
    world,
    'W01',
    [a.id],
    [deathEv(a), ...P(paidA)],
    'died 2024-03-10; resident pension still paid for May–August 2024 (periods after death + 30 days)',
  );
  const [b] = newHousehold(world, 'poor', [{ role: 'head', sex: 'female', age: 66 }]) as [Person];
  die(world, b, '2023-11-20');
  enrol(world, b, 'dibao', '2021-04-01', { protect: true });
  const paidB = payMonths(world, b, 'dibao', '2024-01', '2024-12');
  planted(world, 'W01', [b.id], [deathEv(b), ...P(paidB)], 'died 2023-11-20; dibao paid for every month of 2024');
  const c = newPerson(world, 'female', 86);
  die(world, c, '2024-01-05');
  const paidC = payMonths(world, c, 'old_age_allowance', '2024-03', '2024-12');
  planted(
    world,
    'W01',
    [c.id],
    [deathEv(c), ...P(paidC)],
    'died 2024-01-05; old-age allowance paid March–December 2024',
  );

  const d = newPerson(world, 'male', 74);
  die(world, d, '2024-07-15');
  const paidD = payMonths(world, d, 'pension_resident', '2024-01', '2024-06');
  decoy(
    world,
    'W01',
    [d.id],
    [deathEv(d), ...P(paidD)],
    'died 2024-07-15, after the last payment (June 2024): not a case',
  );
  const e = newPerson(world, 'female', 79);
  die(world, e, '2024-05-25');
  const paidE = payMonths(world, e, 'pension_resident', '2024-01', '2024-06');
  decoy(
    world,
    'W01',
    [e.id],
    [deathEv(e), ...P(paidE)],
    'died 2024-05-25; June period starts within the 30-day grace: not a case',
  );
  // Same name as the first planted case, different person, alive and rightly paid.
  const twin = newPerson(world, 'male', 70);
  twin.name = a.name;
  const paidT = payMonths(world, twin, 'pension_resident', '2024-01', '2024-12');
  decoy(
    world,
    'W01',
    [twin.id],
    P(paidT),
    `same name as the W01 case ${a.name} but a different, living person: not a case`,
  );
}
