/**
 * Official spending: reimbursements with their invoices (finance, tax), and the car pool's
 * trips and fuel (government affairs). Background meals are on plain workdays at under
 * ¥150 a head, claims of one person are four days apart or more, cars fill up in the county
 * seat before the day's first trip: so F01–F09 find only what is planted.
 */
import { addDays, isPlainWorkday, nextWorkday } from './dates.js';
import { COUNTY_CODE6, COUNTY_SEAT, DEPARTMENTS } from './region.js';
import { type DemoWorld, type Person, type Row, type Unit, addRow, nextNo, unitOf } from './world.js';

export interface Seller {
  uscc: string;
  name: string;
  category: string;
}
export const sellers: Seller[] = [];

/** Writes an invoice and the reimbursement claiming it. */
export function addClaim(
  world: DemoWorld,
  c: {
    unit: Unit;
    claimant: Person;
    approver: Person;
    category: string;
    amount: number;
    date: string;
    seller: Seller;
    headcount?: number | null;
    approvedOn?: string;
    invoiceStatus?: string;
    invoiceNo?: string;
    protect?: boolean;
  },
): { claim: Row; invoice: Row | null } {
  const invoiceNo = c.invoiceNo ?? nextNo(world, '3301', 8);
  const invoice = c.invoiceNo
    ? null
    : addRow(
        world,
        'invoice',
        {
          invoice_no: invoiceNo,
          seller_uscc: c.seller.uscc,
          seller_name: c.seller.name,
          buyer_uscc: c.unit.uscc,
          buyer_name: c.unit.name,
          amount: c.amount,
          issued_on: c.date,
          goods_category: c.seller.category,
          status: c.invoiceStatus ?? 'normal',
        },
        c.protect,
      );
  const claim = addRow(
    world,
    'reimbursement',
    {
      voucher_id: nextNo(world, 'BX', 7),
      unit_name: c.unit.name,
      claimant_id: c.claimant.id,
      claimant_name: c.claimant.name,
      category: c.category,
      amount: c.amount,
      expense_date: c.date,
      invoice_no: invoiceNo,
      approver_id: c.approver.id,
      approved_on: c.approvedOn ?? addDays(c.date, world.rng.int(1, 7)),
      headcount: c.headcount ?? null,
    },
    c.protect,
  );
  return { claim, invoice };
}

const CATEGORY_OF_SELLER: Record<string, string> = { catering: 'meal', accommodation: 'travel', office: 'office' };

/** A seller of a category. */
export function sellerOf(world: DemoWorld, category: string, index = 0): Seller {
  const list = sellers.filter((s) => s.category === category);
  return list[index % list.length] as Seller;
}

function makeSellers(world: DemoWorld): void {
  sellers.length = 0;
  const add = (name: string, category: string) =>
    sellers.push({ uscc: world.ids.uscc('92', COUNTY_CODE6), name, category });
  for (const n of ['清风县老街酒家', '清风县溪畔农家乐', '清风县好再来饭店', '清风县湖鲜楼']) add(n, 'catering');
  for (const n of ['清风县迎宾宾馆', '清风县锦江之星酒店']) add(n, 'accommodation');
  for (const n of ['清风县文汇办公用品店', '清风县新华书店']) add(n, 'office');
  for (const n of ['清风县名烟名酒商行']) add(n, 'tobacco_alcohol');
  for (const n of ['清风县百货商场']) add(n, 'shopping_card');
}

/** Background claims, invoices, trips and fuel. */
export function generateSpending(world: DemoWorld): void {
  const { rng } = world;
  makeSellers(world);
  for (const [key] of DEPARTMENTS) {
    const unit = unitOf(world, key);
    unit.staff.forEach((claimant, i) => {
      const approver = (i === 0 ? unit.staff[1] : unit.staff[0]) as Person;
      let day = addDays('2023-01-02', rng.int(0, 30));
      while (day < '2024-12-01') {
        day = nextWorkday(day);
        const category = rng.pick(['catering', 'catering', 'accommodation', 'office']);
        const headcount = category === 'catering' ? rng.int(4, 10) : null;
        const amount = headcount ? Math.round(headcount * (60 + rng.next() * 80) * 100) / 100 : rng.money(80, 1800);
        addClaim(world, {
          unit,
          claimant,
          approver,
          category: CATEGORY_OF_SELLER[category] ?? 'other',
          amount,
          date: day,
          seller: sellerOf(world, category, rng.int(0, 3)),
          headcount,
        });
        day = addDays(day, rng.int(25, 70));
      }
    });
  }
  generateCarPool(world);
}

/** The county's official cars: one pool of six, run by government affairs. */
export const poolCars: Array<{ plate: string; tank: number }> = [];

function generateCarPool(world: DemoWorld): void {
  const { rng } = world;
  const pool = unitOf(world, 'government_affairs');
  poolCars.length = 0;
  const towns = world.divisions.filter((d) => d.level === 'township');
  for (let c = 0; c < 6; c++) {
    const plate = `浙A${String(rng.int(10, 99))}G${String(c + 1).padStart(2, '0')}`;
    poolCars.push({ plate, tank: 55 });
    addRow(world, 'vehicle', {
      plate,
      owner: pool.uscc,
      owner_name: pool.name,
      vehicle_type: 'passenger_small',
      value: 180000,
      registered_on: '2021-06-18',
      deregistered_on: null,
    });
    for (let day = addDays('2024-01-01', c); day < '2024-12-28'; day = addDays(day, rng.int(2, 4))) {
      if (!isPlainWorkday(day)) continue;
      const town = rng.pick(towns);
      const h = rng.int(8, 10);
      const back = rng.int(14, 16);
      const dispatch = rng.chance(0.9) ? nextNo(world, 'PC2024-', 5) : null;
      addRow(world, 'vehicle_trip', {
        plate,
        unit_name: pool.name,
        start_at: `${day} ${String(h).padStart(2, '0')}:10:00`,
        end_at: `${day} ${String(h + 1).padStart(2, '0')}:05:00`,
        from_place: '县行政中心',
        to_place: `${town.name}人民政府`,
        to_lat: town.lat,
        to_lon: town.lon,
        distance_km: rng.int(8, 30),
        dispatch_no: dispatch,
      });
      addRow(world, 'vehicle_trip', {
        plate,
        unit_name: pool.name,
        start_at: `${day} ${back}:00:00`,
        end_at: `${day} ${back + 1}:00:00`,
        from_place: `${town.name}人民政府`,
        to_place: '县行政中心',
        to_lat: COUNTY_SEAT.lat,
        to_lon: COUNTY_SEAT.lon,
        distance_km: rng.int(8, 30),
        dispatch_no: dispatch,
      });
      if (rng.chance(0.3)) {
        const litres = rng.int(28, 45) + rng.pick([0, 0.5]);
        addRow(world, 'fuel', {
          plate,
          filled_at: `${day} 07:40:00`,
          station: '中石化清风县城关加油站',
          station_lat: COUNTY_SEAT.lat + 0.004,
          station_lon: COUNTY_SEAT.lon + 0.003,
          litres,
          amount: Math.round(litres * 7.85 * 100) / 100,
          tank_litres: 55,
        });
      }
    }
  }
}
