/**
 * Village collectives: the economic organisation of each village, its assets, leases and
 * cash book (agriculture and rural affairs). Leases run from a January 1st, rent is booked
 * in full every year, every lease has a villagers' resolution, large outflows are approved
 * and cash is only used for small sums: C01–C06 find only what is planted.
 */
import { addDays, nextWorkday } from './dates.js';
import { COUNTY_CODE6, villagesOf } from './region.js';
import { type DemoWorld, type Person, type Row, addRow, nextNo } from './world.js';

export interface Collective {
  orgCode: string;
  name: string;
  division: string;
  lat: number;
  lon: number;
}
export const collectives: Collective[] = [];

/** An asset of a collective. */
export function addAsset(world: DemoWorld, c: Collective, kind: string, status: string, protect = false): Row {
  const names: Record<string, string> = {
    building: '村集体厂房',
    land: '村集体机动地',
    forest: '村集体山林',
    water: '村集体山塘',
    equipment: '村集体农机',
  };
  return addRow(
    world,
    'collective_asset',
    {
      asset_id: nextNo(world, `ZC${c.division.slice(6)}-`, 3),
      org_code: c.orgCode,
      name: names[kind] ?? '村集体资产',
      kind,
      area: world.rng.int(100, 5000),
      book_value: world.rng.int(5, 200) * 1000,
      lat: c.lat + world.rng.next() * 0.01,
      lon: c.lon + world.rng.next() * 0.01,
      status,
    },
    protect,
  );
}

/** A lease of an asset, with rent booked in each year listed in `bookedYears`. */
export function addLease(
  world: DemoWorld,
  c: Collective,
  asset: Row,
  lessee: { code: string; name: string },
  l: {
    rent: number;
    benchmark: number;
    start: string;
    end: string;
    resolution?: string | null;
    bookedYears?: number[];
    protect?: boolean;
  },
): { lease: Row; inflows: Row[] } {
  const lease = addRow(
    world,
    'collective_lease',
    {
      lease_id: nextNo(world, `ZL${c.division.slice(6)}-`, 3),
      asset_id: String(asset.asset_id),
      org_code: c.orgCode,
      lessee: lessee.code,
      lessee_name: lessee.name,
      annual_rent: l.rent,
      benchmark_rent: l.benchmark,
      start_date: l.start,
      end_date: l.end,
      resolution_no:
        l.resolution === undefined
          ? `${c.name.slice(0, 4)}村民代表会议决议〔${l.start.slice(0, 4)}〕${world.rng.int(1, 9)}号`
          : l.resolution,
      open_bidding: true,
    },
    l.protect,
  );
  const inflows = (l.bookedYears ?? []).map((year) =>
    addLedger(world, c, {
      direction: 'in',
      amount: l.rent,
      date: nextWorkday(`${year}-03-${String(world.rng.int(1, 25)).padStart(2, '0')}`),
      counterparty: lessee.name,
      purpose: `${String(asset.name)}租金（${String(lease.lease_id)}）`,
      protect: l.protect,
    }),
  );
  return { lease, inflows };
}

/** A cash-book entry. */
export function addLedger(
  world: DemoWorld,
  c: Collective,
  e: {
    direction: 'in' | 'out';
    amount: number;
    date: string;
    counterparty: string;
    purpose: string;
    approved?: boolean;
    cash?: boolean;
    protect?: boolean;
  },
): Row {
  return addRow(
    world,
    'collective_ledger',
    {
      entry_id: nextNo(world, `JZ${c.division.slice(6)}-`, 4),
      org_code: c.orgCode,
      direction: e.direction,
      amount: e.amount,
      date: e.date,
      counterparty: e.counterparty,
      purpose: e.purpose,
      voucher_no: nextNo(world, 'PZ', 6),
      approved: e.approved ?? true,
      cash: e.cash ?? false,
    },
    e.protect,
  );
}

/** Background collectives, assets, leases and books for 2023–2024. */
export function generateCollective(world: DemoWorld): void {
  const { rng } = world;
  collectives.length = 0;
  const lessees = world.people.filter(
    (p: Person) =>
      !p.busy &&
      p.status === 'normal' &&
      p.household.kind === 'ordinary' &&
      2024 - Number(p.birthDate.slice(0, 4)) >= 30,
  );
  let next = 0;
  for (const village of villagesOf(world.divisions)) {
    const c: Collective = {
      orgCode: world.ids.uscc('N1', COUNTY_CODE6),
      name: `${village.name}股份经济合作社`,
      division: village.code,
      lat: village.lat,
      lon: village.lon,
    };
    collectives.push(c);
    addRow(world, 'collective_org', { org_code: c.orgCode, name: c.name, division: c.division });
    for (let a = 0; a < rng.int(2, 4); a++) {
      const leased = a > 0;
      const asset = addAsset(
        world,
        c,
        rng.pick(['building', 'land', 'forest', 'water']),
        leased ? 'leased' : 'self_used',
      );
      if (!leased) continue;
      const lessee = lessees[(next += 13) % lessees.length] as Person;
      lessee.busy ??= 'lessee';
      const benchmark = rng.int(10, 80) * 1000;
      const startYear = rng.pick([2023, 2024]);
      addLease(
        world,
        c,
        asset,
        { code: lessee.id, name: lessee.name },
        {
          rent: Math.round(benchmark * (0.85 + rng.next() * 0.25)),
          benchmark,
          start: `${startYear}-01-01`,
          end: `${startYear + 4}-12-31`,
          bookedYears: startYear === 2023 ? [2023, 2024] : [2024],
        },
      );
    }
    for (let e = 0; e < Math.round(16 * world.scale); e++) {
      const date = nextWorkday(addDays('2023-01-05', rng.int(0, 715)));
      const cash = rng.chance(0.2);
      addLedger(world, c, {
        direction: rng.chance(0.3) ? 'in' : 'out',
        amount: cash ? rng.money(100, 4000) : rng.money(500, 30000),
        date,
        counterparty: rng.pick(['清风县农村商业银行', '村道保洁队', '清风县电力公司', '村民代表']),
        purpose: rng.pick(['保洁费', '电费', '误工补贴', '上级补助', '维修费']),
        cash,
      });
    }
  }
}
