/** Planted cases for the procurement models PR01–PR14. */
import { type Company, addCompany, companies } from '../gen-registries.js';
import { addTender, fingerprintOf, fingerprints, payCompany, type TenderPlan } from '../gen-procurement.js';
import { type DemoWorld, type Person, type Row, addRow, unitOf } from '../world.js';
import { decoy, ev, newPerson, planted } from './helpers.js';

function firm(world: DemoWorld, established = '2014-06-01', rep?: Person): Company {
  return addCompany(world, rep ?? newPerson(world, 'male', 45), established, 3000000, true);
}

function tender(
  world: DemoWorld,
  buyer: string,
  winner: Company,
  losers: Company[],
  published: string,
  extra: Partial<TenderPlan> = {},
) {
  const budget = extra.budget ?? 300000;
  return addTender(world, {
    buyer: unitOf(world, buyer),
    winner,
    losers,
    published,
    periodDays: 25,
    budget,
    award: extra.award ?? budget * 0.9,
    protect: true,
    ...extra,
  });
}

const T = (t: { tender: Row }) => ev('tender', t.tender, 'tender_id');
const B = (rows: Row[]) => rows.map((r) => ev('bid', r, 'tender_id', 'bidder_uscc'));
const kinship = (world: DemoWorld, official: Person, relative: Person, relation: string, end: string | null = null) =>
  addRow(
    world,
    'kinship',
    {
      official_id: official.id,
      relative_id: relative.id,
      relative_name: relative.name,
      relation,
      start_date: relation === 'spouse' ? '2008-10-01' : null,
      end_date: end,
    },
    true,
  );

function plantRelatives(world: DemoWorld): void {
  const water = unitOf(world, 'water');
  const official = water.staff[2] as Person;
  const brother = newPerson(world, 'male', 46);
  const kin = kinship(world, official, brother, 'sibling');
  const c1 = firm(world, '2015-03-01', brother);
  const t1 = tender(world, 'water', c1, [firm(world), firm(world)], '2024-05-06');
  planted(
    world,
    'PR01',
    [c1.uscc, official.id, brother.id],
    [T(t1), ev('kinship', kin, 'official_id', 'relative_id'), ev('company', c1.row, 'uscc')],
    "water bureau official's brother is legal representative of the winner",
  );
  // The award's contract is paid by the bureau the brother's sibling works for: PR02 as well.
  planted(
    world,
    'PR02',
    [c1.uscc, official.id, brother.id],
    [ev('contract', t1.contract, 'contract_id'), ev('kinship', kin, 'official_id', 'relative_id')],
    "the water bureau's contract with a company run by a staff member's brother",
  );
  const other = water.staff[3] as Person;
  const ex = newPerson(world, 'female', 44);
  const exKin = kinship(world, other, ex, 'spouse', '2020-06-30');
  const c2 = firm(world, '2016-03-01', ex);
  const t2 = tender(world, 'water', c2, [firm(world), firm(world)], '2024-08-05');
  decoy(
    world,
    'PR01',
    [c2.uscc, other.id, ex.id],
    [T(t2), ev('contract', t2.contract, 'contract_id'), ev('kinship', exKin, 'official_id', 'relative_id')],
    'divorced 2020-06-30, years before the 2024 award: the kinship had ended, not a case',
  );
  decoy(
    world,
    'PR02',
    [c2.uscc, other.id, ex.id],
    [ev('contract', t2.contract, 'contract_id'), ev('kinship', exKin, 'official_id', 'relative_id')],
    'the contract with the former wife’s company, divorced 2020-06-30: not a case',
  );

  const health = unitOf(world, 'health');
  const staff = health.staff[3] as Person;
  const daughter = newPerson(world, 'female', 29);
  const kin2 = kinship(world, staff, daughter, 'child');
  const c3 = firm(world, '2019-09-01', daughter);
  const paid = payCompany(world, health, c3, 86000, '2024-06-18', '宣传印刷服务费', true);
  planted(
    world,
    'PR02',
    [c3.uscc, staff.id, daughter.id],
    [
      ev('fiscal_payment', paid, 'voucher_id'),
      ev('kinship', kin2, 'official_id', 'relative_id'),
      ev('company', c3.row, 'uscc'),
    ],
    "health bureau pays a company run by a staff member's daughter",
  );
}

function plantCollusion(world: DemoWorld): void {
  const [w, l1, l2, l3, l4, l5] = [firm(world), firm(world), firm(world), firm(world), firm(world), firm(world)] as [
    Company,
    Company,
    Company,
    Company,
    Company,
    Company,
  ];
  fingerprintOf(world, l1);
  fingerprints.set(l2.uscc, { ...fingerprintOf(world, l1) });
  const t = tender(world, 'education', w, [l1, l2], '2024-03-11');
  planted(
    world,
    'PR03',
    [l1.uscc, l2.uscc],
    [T(t), ...B(t.bids.slice(1))],
    'two bidders submitted from the same IP and MAC address with the same agent',
  );
  const partner = newPerson(world, 'male', 52);
  const shares = [l3, l4].map((c) =>
    addRow(
      world,
      'company_role',
      {
        uscc: c.uscc,
        person_id: partner.id,
        person_name: partner.name,
        role: 'shareholder',
        share_pct: 30,
        start_date: '2018-01-01',
        end_date: null,
      },
      true,
    ),
  );
  const t2 = tender(world, 'transport', w, [l3, l4], '2024-04-08');
  planted(
    world,
    'PR03',
    [l3.uscc, l4.uscc, partner.id],
    [T(t2), ...B(t2.bids.slice(1)), ...shares.map((r) => ev('company_role', r, 'uscc', 'person_id', 'role'))],
    'two bidders share a shareholder',
  );

  const t3 = tender(world, 'hospital_2', l5, [l3, l1], '2024-06-03', { award: 250000, loserAmounts: [257500, 257500] });
  planted(world, 'PR04', [l3.uscc, l1.uscc], [T(t3), ...B(t3.bids.slice(1))], 'two losing bids of exactly ¥257,500.00');

  const t4 = tender(world, 'agriculture', l4, [], '2024-07-01', { method: 'open' });
  planted(world, 'PR05', [l4.uscc], [T(t4)], 'open tender with a single bidder');
  const t4d = tender(world, 'agriculture', l2, [], '2024-09-02', { method: 'inquiry', budget: 80000, award: 76000 });
  decoy(
    world,
    'PR05',
    [l2.uscc],
    [T(t4d)],
    'single quote in a request for quotations (inquiry), not an open or invited tender: not a case',
  );

  const t5 = tender(world, 'transport', l5, [w, l3], '2024-09-09', { periodDays: 10, method: 'open' });
  planted(world, 'PR06', [], [T(t5)], 'open tender with a 10-day submission period');
  const t5d = tender(world, 'school_1', l1, [w, l3], '2024-04-01', { periodDays: 20, method: 'open' });
  decoy(world, 'PR06', [], [T(t5d)], 'exactly 20 days (the legal minimum): not a case');

  // PR11: one firm loses six times, always to the same winner, across different buyers.
  const champion = firm(world);
  const sparring = firm(world);
  const buyers = ['education', 'health', 'transport', 'water', 'civil_affairs', 'hospital_1'];
  const lost = buyers.map((b, i) =>
    tender(world, b, champion, [sparring, companies[i] as Company], `2023-${String(2 + i * 2).padStart(2, '0')}-06`),
  );
  planted(
    world,
    'PR11',
    [sparring.uscc, champion.uscc],
    lost.flatMap((t) => [T(t), ...B(t.bids.filter((r) => r.bidder_uscc === sparring.uscc))]),
    'lost six tenders in 2023, every one won by the same company',
  );
  const unlucky = firm(world);
  const mixed = buyers
    .slice(0, 5)
    .map((b, i) =>
      tender(
        world,
        b,
        i === 4 ? (companies[10] as Company) : champion,
        [unlucky],
        `2024-${String(2 + i * 2).padStart(2, '0')}-13`,
      ),
    );
  decoy(world, 'PR11', [unlucky.uscc], mixed.map(T), 'lost five times but to two different winners: not a case');
}

function plantPrices(world: DemoWorld): void {
  const split = firm(world);
  const s1 = tender(world, 'civil_affairs', split, [firm(world)], '2024-03-04', {
    budget: 640000,
    award: 580000,
    method: 'inquiry',
  });
  const s2 = tender(world, 'civil_affairs', split, [firm(world)], '2024-04-15', {
    budget: 560000,
    award: 520000,
    method: 'inquiry',
  });
  planted(
    world,
    'PR07',
    [split.uscc],
    [ev('contract', s1.contract, 'contract_id'), ev('contract', s2.contract, 'contract_id')],
    'two awards to the same supplier 42 days apart, ¥580,000 + ¥520,000: each under the ¥1,000,000 threshold, together above it',
  );

  const fresh = firm(world, '2024-01-10');
  const t = tender(world, 'government_affairs', fresh, [firm(world), firm(world)], '2024-04-08');
  planted(
    world,
    'PR08',
    [fresh.uscc],
    [T(t), ev('company', fresh.row, 'uscc')],
    'winner founded 2024-01-10, about three months before the award, with no insured staff',
  );
  const young = firm(world, '2023-06-01');
  const td = tender(world, 'government_affairs', young, [firm(world), firm(world)], '2024-05-06');
  decoy(
    world,
    'PR08',
    [young.uscc],
    [T(td), ev('company', young.row, 'uscc')],
    'founded 2023-06-01, about a year before the award: not a case',
  );

  const near = tender(world, 'hospital_1', firm(world), [firm(world), firm(world)], '2024-10-08', {
    budget: 400000,
    award: 398000,
  });
  planted(world, 'PR09', [], [T(near)], 'award at 99.5% of the budget');
  const below = tender(world, 'hospital_1', firm(world), [firm(world), firm(world)], '2024-11-04', {
    budget: 400000,
    award: 388000,
  });
  decoy(world, 'PR09', [], [T(below)], 'award at 97% of the budget, under the 98% threshold: not a case');

  const over = tender(world, 'school_1', firm(world), [firm(world), firm(world)], '2024-05-13', {
    finalAmount: 337500,
  });
  planted(
    world,
    'PR10',
    [],
    [T(over), ev('contract', over.contract, 'contract_id')],
    'final amount ¥337,500 is 25% over the ¥270,000 award',
  );
  const slight = tender(world, 'school_1', firm(world), [firm(world), firm(world)], '2024-08-12', {
    finalAmount: 291600,
  });
  decoy(
    world,
    'PR10',
    [],
    [T(slight), ev('contract', slight.contract, 'contract_id')],
    'final amount 8% over the award, within 10%: not a case',
  );

  const big = firm(world);
  const held = ['2023-02-06', '2023-06-05', '2023-10-09'].map((d) =>
    tender(world, 'water', big, [firm(world), firm(world)], d, { budget: 850000, award: 800000 }),
  );
  planted(
    world,
    'PR12',
    [big.uscc],
    held.flatMap((h) => [T(h), ev('contract', h.contract, 'contract_id')]),
    "three of the water bureau's 2023 awards (¥2.4m) went to one supplier: over half its awarded amount",
  );

  const gap = tender(world, 'transport', firm(world), [firm(world), firm(world)], '2024-10-14', {
    award: 180000,
    loserAmounts: [252000, 259000],
  });
  planted(
    world,
    'PR13',
    [],
    [T(gap), ...B(gap.bids.slice(0, 2))],
    'runner-up bid 40% above the winner: far outside the quartile fences',
  );

  const dead = firm(world, '2010-05-01');
  Object.assign(dead.row, { status: 'deregistered', deregistered_on: '2023-12-31' });
  const paid = payCompany(world, unitOf(world, 'transport'), dead, 45000, '2024-03-15', '道路养护服务费', true);
  planted(
    world,
    'PR14',
    [dead.uscc],
    [ev('fiscal_payment', paid, 'voucher_id'), ev('company', dead.row, 'uscc')],
    'paid 2024-03-15 to a company deregistered 2023-12-31',
  );
  const before = payCompany(world, unitOf(world, 'transport'), dead, 38000, '2023-11-10', '道路养护服务费', true);
  decoy(
    world,
    'PR14',
    [dead.uscc],
    [ev('fiscal_payment', before, 'voucher_id')],
    'paid before the company was deregistered: not a case',
  );
}

/** Plants PR01–PR14. */
export function plantProcurement(world: DemoWorld): void {
  plantRelatives(world);
  plantCollusion(world);
  plantPrices(world);
}
