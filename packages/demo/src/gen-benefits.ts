/**
 * Background deaths and status changes, beneficiary rolls and payments. Payments stop in
 * the month of death, only poor households are on dibao/tekun, and each person is paid
 * once per programme and month into their own account: so W01–W13 find only what is planted.
 */
import { addDays, monthsOf, WINDOW_START } from './dates.js';
import { type DemoWorld, type Person, type Row, addRow, ageOn, nextNo } from './world.js';

export const BANKS = ['清风县农村商业银行', '中国农业银行清风县支行', '中国邮政储蓄银行清风县支行'];

/** Monthly amounts in yuan by programme, at 2024 county rates. */
export const RATES: Record<string, number> = {
  dibao: 880,
  tekun: 1144,
  pension_resident: 240,
  old_age_allowance: 100,
  disability_living: 110,
  farmland: 0,
};

/** Deaths of the background: elderly people dying through the two years of the window. */
export const deathDates = new Map<string, string>();

/** Pays one person for one period; returns the payment row. */
export function pay(
  world: DemoWorld,
  person: Person,
  program: string,
  period: string,
  amount: number,
  options: { protect?: boolean; account?: string; accountName?: string; paidOn?: string } = {},
): Row {
  return addRow(
    world,
    'benefit_payment',
    {
      payment_id: nextNo(world, `FF${period.replace('-', '')}`, 6),
      program,
      id: person.id,
      name: person.name,
      division: person.division,
      amount,
      paid_on: options.paidOn ?? `${period}-${world.rng.pick(['08', '10', '12', '15'])}`,
      period,
      account_no: options.account ?? person.account,
      account_name: options.accountName ?? person.name,
      bank: BANKS[Number(person.account.slice(-1)) % BANKS.length] ?? BANKS[0] ?? null,
    },
    options.protect,
  );
}

/** Puts a person on a roll. */
export function enrol(
  world: DemoWorld,
  person: Person,
  program: string,
  start: string,
  options: { protect?: boolean; approver?: string; end?: string } = {},
): Row {
  return addRow(
    world,
    'benefit_roll',
    {
      program,
      id: person.id,
      name: person.name,
      household_no: person.household.no,
      division: person.division,
      start_date: start,
      end_date: options.end ?? null,
      approver_id: options.approver ?? null,
      status: options.end ? 'terminated' : 'active',
    },
    options.protect,
  );
}

/** Marks background deaths, moves and prison sentences. */
export function generateLifeEvents(world: DemoWorld): void {
  const { rng } = world;
  deathDates.clear();
  for (const person of world.people) {
    if (person.busy || person.household.kind === 'official') continue;
    const age = ageOn(person, WINDOW_START);
    if (age >= 70 && rng.chance(0.04)) {
      person.status = 'deceased';
      person.busy = 'deceased';
      deathDates.set(person.id, addDays(WINDOW_START, rng.int(0, 725)));
    } else if (age >= 20 && age < 50 && person.household.kind === 'ordinary' && rng.chance(0.015)) {
      person.status = rng.chance(0.85) ? 'moved_out' : 'imprisoned';
      person.busy = person.status;
    }
  }
}

/** The months of 2024 a person is alive for (all of them unless they died). */
function liveMonths(person: Person): string[] {
  const death = deathDates.get(person.id);
  return monthsOf(2024).filter((m) => !death || `${m}-01` <= death);
}

/** Background rolls and payments. */
export function generateBenefits(world: DemoWorld): void {
  const { rng } = world;
  for (const household of world.households) {
    const members = household.members.filter((p) => p.status === 'normal' || deathDates.has(p.id));
    const head = members[0];
    if (!head || household.kind === 'official') continue;
    if (household.kind === 'poor' && !head.busy) {
      const program = members.length === 1 && ageOn(head, WINDOW_START) >= 60 ? 'tekun' : 'dibao';
      const start = addDays(`${rng.int(2018, 2023)}-01-01`, rng.int(0, 300));
      enrol(world, head, program, start);
      const months = liveMonths(head).filter((m) => `${m}-28` >= start);
      for (const m of months)
        pay(world, head, program, m, (RATES[program] ?? 0) * (program === 'dibao' ? members.length : 1));
      head.busy = program;
      const disabled = members.find((p) => p !== head && !p.busy && rng.chance(0.2));
      if (disabled && program === 'dibao') {
        enrol(world, disabled, 'disability_living', start);
        for (const m of liveMonths(disabled))
          pay(world, disabled, 'disability_living', m, RATES.disability_living ?? 0);
      }
    }
    for (const person of members) {
      if (person.status !== 'normal' && !deathDates.has(person.id)) continue;
      if (person.busy === 'employee' || person.busy === 'company') continue;
      const age = ageOn(person, '2024-01-01');
      // The pension office's export covers the second half of 2024 only, which keeps the
      // largest file of scale 1 near ten thousand rows.
      if (age >= 60) {
        for (const m of liveMonths(person).filter((m) => m >= '2024-07'))
          pay(world, person, 'pension_resident', m, RATES.pension_resident ?? 0);
      }
      if (age >= 80) {
        enrol(world, person, 'old_age_allowance', addDays(person.birthDate, 80 * 366));
        for (const m of liveMonths(person)) pay(world, person, 'old_age_allowance', m, RATES.old_age_allowance ?? 0);
      }
    }
    if (household.kind === 'ordinary' && liveMonths(head).includes('2024-05') && head.status === 'normal') {
      const mu = rng.int(2, 12) + rng.pick([0, 0.5]);
      pay(world, head, 'farmland', '2024-05', Math.round(mu * 106.5 * 100) / 100);
    }
  }
}
