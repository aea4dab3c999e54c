/** Shared pieces of the livelihood-fund plants: paying a run of months, dying. */
import { deathDates, pay, RATES } from '../gen-benefits.js';
import type { DemoWorld, Person, Row } from '../world.js';
import { ev, months } from './helpers.js';

export const P = (rows: Row[]) => rows.map((r) => ev('benefit_payment', r, 'payment_id'));

export function payMonths(
  world: DemoWorld,
  person: Person,
  program: string,
  from: string,
  to: string,
  extra: Parameters<typeof pay>[5] = {},
): Row[] {
  return months(from, to).map((m) =>
    pay(world, person, program, m, RATES[program] ?? 100, { protect: true, ...extra }),
  );
}

export function die(world: DemoWorld, person: Person, date: string): void {
  person.status = 'deceased';
  deathDates.set(person.id, date);
}

export const deathEv = (p: Person) => ({ dataset: 'death', keys: { id: p.id, source: 'public_security' } });
