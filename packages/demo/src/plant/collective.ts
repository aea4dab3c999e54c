/** Planted cases for the rural collective models C01–C06. */
import { type Collective, addAsset, addLease, addLedger, collectives } from '../gen-collective.js';
import { type DemoWorld, type Person, type Row, addRow, unitOf } from '../world.js';
import { decoy, ev, newPerson, planted } from './helpers.js';

const L = (r: Row) => ev('collective_lease', r, 'lease_id');

function lease(
  world: DemoWorld,
  c: Collective,
  lessee: Person,
  rent: number,
  benchmark: number,
  extra: Partial<Parameters<typeof addLease>[4]> = {},
) {
  const asset = addAsset(world, c, 'land', 'leased', true);
  return addLease(
    world,
    c,
    asset,
    { code: lessee.id, name: lessee.name },
    { rent, benchmark, start: '2023-01-01', end: '2027-12-31', bookedYears: [2023, 2024], protect: true, ...extra },
  );
}

/** Plants C01–C06. */
export function plantCollective(world: DemoWorld): void {
  // The collective of village 3-5 (index 20), whose committee staff the C02 cases use.
  const c = collectives[20] as Collective;
  const village = unitOf(world, 'village_3_5');
  const cheap = lease(world, c, newPerson(world, 'male', 50), 20000, 50000);
  planted(
    world,
    'C01',
    [String(cheap.lease.lessee)],
    [L(cheap.lease)],
    'rent ¥20,000 against a ¥50,000 benchmark (40%)',
  );
  const fair = lease(world, c, newPerson(world, 'female', 47), 37500, 50000);
  decoy(
    world,
    'C01',
    [String(fair.lease.lessee)],
    [L(fair.lease)],
    'rent at 75% of the benchmark, above the 70% line: not a case',
  );

  const cadre = village.staff[1] as Person;
  const own = lease(world, c, cadre, 30000, 32000);
  planted(
    world,
    'C02',
    [cadre.id],
    [L(own.lease), ev('official', { id: cadre.id }, 'id')],
    "the village committee director leases his own village's land",
  );
  const son = newPerson(world, 'male', 28);
  const kin = addRow(
    world,
    'kinship',
    {
      official_id: (village.staff[0] as Person).id,
      relative_id: son.id,
      relative_name: son.name,
      relation: 'child',
      start_date: null,
      end_date: null,
    },
    true,
  );
  const sons = lease(world, c, son, 24000, 25000);
  planted(
    world,
    'C02',
    [son.id, (village.staff[0] as Person).id],
    [L(sons.lease), ev('kinship', kin, 'official_id', 'relative_id')],
    "the party secretary's son leases village land",
  );
  const ex = newPerson(world, 'female', 45);
  const exKin = addRow(
    world,
    'kinship',
    {
      official_id: cadre.id,
      relative_id: ex.id,
      relative_name: ex.name,
      relation: 'spouse',
      start_date: '2001-05-01',
      end_date: '2019-08-31',
    },
    true,
  );
  const exLease = lease(world, c, ex, 18000, 19000);
  decoy(
    world,
    'C02',
    [ex.id, cadre.id],
    [L(exLease.lease), ev('kinship', exKin, 'official_id', 'relative_id')],
    "the director's former wife, divorced 2019-08-31, leases from 2023: the kinship had ended, not a case",
  );
  const outsider = unitOf(world, 'village_6_1').staff[1] as Person;
  const otherVillage = lease(world, c, outsider, 15000, 15500);
  decoy(
    world,
    'C02',
    [outsider.id],
    [L(otherVillage.lease)],
    'a cadre of another village (6-1) leases here: not a cadre of this collective, not a case',
  );

  const d = collectives[30] as Collective;
  const noVote = lease(world, d, newPerson(world, 'male', 55), 12000, 12500, { resolution: null });
  planted(world, 'C03', [String(noVote.lease.lessee)], [L(noVote.lease)], 'lease without a villagers’ resolution');
  const unapproved = addLedger(world, d, {
    direction: 'out',
    amount: 36000,
    date: '2024-08-13',
    counterparty: '清风县路桥工程队',
    purpose: '村道硬化工程款',
    approved: false,
    protect: true,
  });
  planted(world, 'C03', [], [ev('collective_ledger', unapproved, 'entry_id')], '¥36,000 outflow without approval');

  const e = collectives[40] as Collective;
  const unbooked = lease(world, e, newPerson(world, 'male', 58), 40000, 41000, { bookedYears: [2023] });
  planted(world, 'C04', [String(unbooked.lease.lessee)], [L(unbooked.lease)], 'no rent booked for 2024');
  const half = lease(world, e, newPerson(world, 'female', 52), 30000, 31000, { bookedYears: [2023] });
  const halfIn = addLedger(world, e, {
    direction: 'in',
    amount: 15000,
    date: '2024-03-20',
    counterparty: String(half.lease.lessee_name),
    purpose: `租金（${String(half.lease.lease_id)}）`,
    protect: true,
  });
  planted(
    world,
    'C04',
    [String(half.lease.lessee)],
    [L(half.lease), ev('collective_ledger', halfIn, 'entry_id')],
    'only half of the 2024 rent booked',
  );
  const most = lease(world, e, newPerson(world, 'male', 49), 20000, 20500, { bookedYears: [2023] });
  const mostIn = addLedger(world, e, {
    direction: 'in',
    amount: 19000,
    date: '2024-03-21',
    counterparty: String(most.lease.lessee_name),
    purpose: `租金（${String(most.lease.lease_id)}）`,
    protect: true,
  });
  decoy(
    world,
    'C04',
    [String(most.lease.lessee)],
    [L(most.lease), ev('collective_ledger', mostIn, 'entry_id')],
    '95% of the 2024 rent booked, above the 90% line: not a case',
  );

  const f = collectives[10] as Collective;
  const cash = addLedger(world, f, {
    direction: 'out',
    amount: 8000,
    date: '2024-05-07',
    counterparty: '村民代表',
    purpose: '误工补贴',
    cash: true,
    protect: true,
  });
  planted(world, 'C05', [], [ev('collective_ledger', cash, 'entry_id')], '¥8,000 paid out in cash');
  const small = addLedger(world, f, {
    direction: 'out',
    amount: 4800,
    date: '2024-05-08',
    counterparty: '村民代表',
    purpose: '误工补贴',
    cash: true,
    protect: true,
  });
  decoy(world, 'C05', [], [ev('collective_ledger', small, 'entry_id')], '¥4,800 in cash, under ¥5,000: not a case');

  const idle = addAsset(world, f, 'building', 'idle', true);
  planted(
    world,
    'C06',
    [],
    [ev('collective_asset', idle, 'asset_id')],
    'building idle and never leased in the two years of data',
  );
  const vanished = addAsset(world, f, 'equipment', 'disposed', true);
  // Its own name: the decoy's booked sale names "村集体农机", which must not account for this one.
  vanished.name = '村集体收割机';
  planted(
    world,
    'C06',
    [],
    [ev('collective_asset', vanished, 'asset_id')],
    'equipment disposed with no income in the books',
  );
  const sold = addAsset(world, f, 'equipment', 'disposed', true);
  const sale = addLedger(world, f, {
    direction: 'in',
    amount: 12000,
    date: '2024-04-09',
    counterparty: '清风县再生资源公司',
    purpose: `处置资产 ${String(sold.asset_id)} ${String(sold.name)}`,
    protect: true,
  });
  decoy(
    world,
    'C06',
    [],
    [ev('collective_asset', sold, 'asset_id'), ev('collective_ledger', sale, 'entry_id')],
    'disposed and the sale booked: not a case',
  );
}
