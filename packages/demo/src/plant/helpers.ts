/** Building blocks for planted cases: fresh households, evidence, and case records. */
import { addDays } from '../dates.js';
import { makePerson } from '../population.js';
import { villagesOf } from '../region.js';
import type { DemoWorld, Evidence, GroundTruthCase, Household, Person, Row } from '../world.js';
import { recordCase } from '../world.js';

export interface MemberSpec {
  role: Person['role'];
  sex: Person['sex'];
  /** Age on 2024-01-01. */
  age: number;
}

/**
 * A new household made for one case, so that its people carry no background roles that
 * could make another model fire on them by accident.
 */
export function newHousehold(
  world: DemoWorld,
  kind: Household['kind'],
  members: readonly MemberSpec[],
  village = world.rng.int(0, 47),
): Person[] {
  const villages = villagesOf(world.divisions);
  const v = villages[village % villages.length];
  if (!v) throw new Error('no villages');
  const household: Household = {
    no: `${v.code.slice(6)}9${String(world.households.length).padStart(5, '0')}`,
    division: v.code,
    address: `浙江省清风县${v.name}${world.rng.int(200, 299)}号`,
    members: [],
    kind,
  };
  world.households.push(household);
  let family: string | undefined;
  return members.map((m) => {
    const born = addDays(`${2024 - m.age}-01-01`, -world.rng.int(1, 300));
    const person = makePerson(world, household, m.role, m.sex, born, family);
    family ??= person.name.slice(0, 1);
    person.busy = 'planted';
    return person;
  });
}

/** One person alone in a new household. */
export function newPerson(
  world: DemoWorld,
  sex: Person['sex'],
  age: number,
  kind: Household['kind'] = 'ordinary',
): Person {
  return newHousehold(world, kind, [{ role: 'head', sex, age }])[0] as Person;
}

/** Evidence naming a row by the values of its key fields. */
export function ev(dataset: string, row: Row, ...keys: string[]): Evidence {
  return { dataset, keys: Object.fromEntries(keys.map((k) => [k, String(row[k])])) };
}

/** Records a planted case. */
export function planted(world: DemoWorld, model: string, subjects: string[], evidence: Evidence[], note: string): void {
  recordCase(world, { model, kind: 'planted', subjects, evidence, note } satisfies GroundTruthCase);
}

/** Records a decoy: rows that look close to a case but must not be flagged. */
export function decoy(world: DemoWorld, model: string, subjects: string[], evidence: Evidence[], note: string): void {
  recordCase(world, { model, kind: 'decoy', subjects, evidence, note });
}

/** The months from `from` to `to` inclusive, as `YYYY-MM`. */
export function months(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.split('-').map(Number) as [number, number];
  for (;;) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    if (month > to) return out;
    out.push(month);
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
}
