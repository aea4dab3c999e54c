/** Planted cases for the "four winds" models F01–F09. */
import { addClaim, poolCars, sellerOf } from '../gen-spending.js';
import { COUNTY_SEAT } from '../region.js';
import { type DemoWorld, type Person, type Row, addRow, nextNo, unitOf } from '../world.js';
import { decoy, ev, newHousehold, planted } from './helpers.js';

/** The scenic spot F08 watches; it is written into the manifest for the model's settings. */
export const RESORT = { name: '清风湖旅游度假区', lat: 30.312, lon: 119.806, radiusM: 1500 } as const;

const R = (r: Row) => ev('reimbursement', r, 'voucher_id');
const I = (r: Row | null) => (r ? [ev('invoice', r, 'invoice_no')] : []);

function plantClaims(world: DemoWorld): void {
  const unit = unitOf(world, 'finance');
  const approver = unit.staff[0] as Person;
  const [claimant, second, splitter, decoyClaimant] = newHousehold(world, 'official', [
    { role: 'head', sex: 'male', age: 40 },
    { role: 'spouse', sex: 'female', age: 38 },
    { role: 'child', sex: 'male', age: 24 },
    { role: 'child', sex: 'female', age: 22 },
  ]) as [Person, Person, Person, Person];
  const catering = sellerOf(world, 'catering', 1);
  const c = (
    claimantP: Person,
    category: string,
    amount: number,
    date: string,
    extra: Partial<Parameters<typeof addClaim>[1]> = {},
  ) =>
    addClaim(world, {
      unit,
      claimant: claimantP,
      approver,
      category,
      amount,
      date,
      seller: catering,
      headcount: category === 'meal' ? 8 : null,
      protect: true,
      ...extra,
    });

  const sat = c(claimant, 'meal', 960, '2024-06-15');
  planted(world, 'F01', [claimant.id], [R(sat.claim), ...I(sat.invoice)], 'meal on Saturday 2024-06-15');
  const rich = c(claimant, 'meal', 3040, '2024-06-26');
  planted(world, 'F01', [claimant.id], [R(rich.claim), ...I(rich.invoice)], 'meal at ¥380 a head for 8 people');
  // ¥3,040 is also far above what this restaurant usually bills: an F06 outlier as well.
  planted(
    world,
    'F06',
    [claimant.id],
    [R(rich.claim), ...I(rich.invoice)],
    '¥3,040 meal, far above the seller’s usual bill',
  );
  const workSunday = c(second, 'meal', 880, '2024-02-04');
  decoy(
    world,
    'F01',
    [second.id],
    [R(workSunday.claim)],
    'Sunday 2024-02-04 was an official working day (Spring Festival swap): not a case with a holiday calendar',
  );

  const smokes = c(second, 'office', 2680, '2024-05-09', {
    seller: sellerOf(world, 'tobacco_alcohol'),
    headcount: null,
  });
  planted(
    world,
    'F02',
    [second.id],
    [R(smokes.claim), ...I(smokes.invoice)],
    'tobacco and alcohol invoice claimed as office costs',
  );
  const cards = c(second, 'other', 3000, '2024-09-10', { seller: sellerOf(world, 'shopping_card'), headcount: null });
  planted(world, 'F02', [second.id], [R(cards.claim), ...I(cards.invoice)], 'shopping cards reimbursed');

  const voided = c(splitter, 'meal', 640, '2024-03-12', { invoiceStatus: 'void' });
  planted(world, 'F03', [splitter.id], [R(voided.claim), ...I(voided.invoice)], 'reimbursed a void invoice');
  const ghost = c(splitter, 'meal', 720, '2024-04-16', { invoiceNo: '33019999' });
  planted(world, 'F03', [splitter.id], [R(ghost.claim)], 'invoice number 33019999 does not exist at the tax bureau');
  const twice = c(splitter, 'travel', 1260, '2024-05-21', {
    seller: sellerOf(world, 'accommodation'),
    headcount: null,
  });
  const again = c(decoyClaimant, 'travel', 1260, '2024-06-25', {
    seller: sellerOf(world, 'accommodation'),
    headcount: null,
    invoiceNo: String(twice.claim.invoice_no),
  });
  planted(
    world,
    'F03',
    [splitter.id, decoyClaimant.id],
    [R(twice.claim), R(again.claim), ...I(twice.invoice)],
    'one invoice reimbursed twice',
  );

  const office = sellerOf(world, 'office');
  const s1 = c(splitter, 'office', 4200, '2024-09-02', { seller: office, headcount: null });
  const s2 = c(splitter, 'office', 4300, '2024-09-04', { seller: office, headcount: null });
  planted(
    world,
    'F04',
    [splitter.id],
    [R(s1.claim), R(s2.claim)],
    'two office claims two days apart, each under ¥5,000, together ¥8,500',
  );
  const d1 = c(decoyClaimant, 'office', 4200, '2024-10-08', { seller: office, headcount: null });
  const d2 = c(decoyClaimant, 'office', 4100, '2024-10-14', { seller: office, headcount: null });
  decoy(
    world,
    'F04',
    [decoyClaimant.id],
    [R(d1.claim), R(d2.claim)],
    'six days apart, outside the 3-day window: not a case',
  );

  const self = c(approver, 'travel', 1880, '2024-07-08', {
    approver,
    seller: sellerOf(world, 'accommodation'),
    headcount: null,
  });
  planted(world, 'F05', [approver.id], [R(self.claim)], 'the bureau head approved his own claim');
  const early = c(claimant, 'travel', 980, '2024-08-20', {
    approvedOn: '2024-08-12',
    seller: sellerOf(world, 'accommodation'),
    headcount: null,
  });
  planted(world, 'F05', [claimant.id], [R(early.claim)], 'approved on 2024-08-12, before the expense on 2024-08-20');

  const feast = c(claimant, 'meal', 8600, '2024-11-19', { headcount: 60, seller: sellerOf(world, 'catering', 0) });
  planted(
    world,
    'F06',
    [claimant.id],
    [R(feast.claim), ...I(feast.invoice)],
    '¥8,600 meal, far above what this restaurant usually bills (60 guests, ¥143 a head)',
  );
}

function trip(
  world: DemoWorld,
  plate: string,
  day: string,
  from: string,
  to: string,
  place: string,
  lat: number,
  lon: number,
  dispatch: boolean,
): Row {
  return addRow(
    world,
    'vehicle_trip',
    {
      plate,
      unit_name: unitOf(world, 'government_affairs').name,
      start_at: `${day} ${from}`,
      end_at: `${day} ${to}`,
      from_place: '县行政中心',
      to_place: place,
      to_lat: lat,
      to_lon: lon,
      distance_km: 35,
      dispatch_no: dispatch ? nextNo(world, 'PC2024-', 5) : null,
    },
    true,
  );
}

function plantCars(world: DemoWorld): void {
  const [car1, car2, car3] = poolCars as [
    { plate: string; tank: number },
    { plate: string; tank: number },
    { plate: string; tank: number },
  ];
  const weekend = trip(
    world,
    car1.plate,
    '2024-08-10',
    '09:00:00',
    '18:30:00',
    '清风县城郊农家乐',
    COUNTY_SEAT.lat + 0.05,
    COUNTY_SEAT.lon - 0.04,
    false,
  );
  planted(
    world,
    'F07',
    [],
    [ev('vehicle_trip', weekend, 'plate', 'start_at')],
    'Saturday trip without a dispatch order',
  );
  const night = trip(
    world,
    car2.plate,
    '2024-09-25',
    '22:10:00',
    '23:40:00',
    '清风县城区',
    COUNTY_SEAT.lat + 0.01,
    COUNTY_SEAT.lon + 0.01,
    false,
  );
  planted(
    world,
    'F07',
    [],
    [ev('vehicle_trip', night, 'plate', 'start_at')],
    'late-night trip without a dispatch order',
  );
  const duty = trip(
    world,
    car3.plate,
    '2024-06-23',
    '07:30:00',
    '17:00:00',
    '枫林镇防汛指挥部',
    COUNTY_SEAT.lat - 0.06,
    COUNTY_SEAT.lon + 0.07,
    true,
  );
  decoy(
    world,
    'F07',
    [],
    [ev('vehicle_trip', duty, 'plate', 'start_at')],
    'Sunday flood duty with a dispatch order: not a case',
  );

  const resort = trip(
    world,
    car2.plate,
    '2024-10-16',
    '10:00:00',
    '16:00:00',
    '清风湖',
    RESORT.lat + 0.002,
    RESORT.lon - 0.003,
    true,
  );
  planted(world, 'F08', [], [ev('vehicle_trip', resort, 'plate', 'start_at')], `official car at ${RESORT.name}`);
  // The leg back to base: trip logs record each leg, and the car is not left at the resort (F09).
  trip(world, car2.plate, '2024-10-16', '16:10:00', '17:10:00', '县行政中心', COUNTY_SEAT.lat, COUNTY_SEAT.lon, true);

  const fuel = (plate: string, at: string, litres: number, lat: number, lon: number, station: string) =>
    addRow(
      world,
      'fuel',
      {
        plate,
        filled_at: at,
        station,
        station_lat: lat,
        station_lon: lon,
        litres,
        amount: Math.round(litres * 7.85 * 100) / 100,
        tank_litres: 55,
      },
      true,
    );
  const over = fuel(
    car1.plate,
    '2024-04-22 07:45:00',
    68,
    COUNTY_SEAT.lat + 0.004,
    COUNTY_SEAT.lon + 0.003,
    '中石化清风县城关加油站',
  );
  planted(world, 'F09', [], [ev('fuel', over, 'plate', 'filled_at')], '68 litres into a 55-litre tank');
  const twice = [
    fuel(
      car3.plate,
      '2024-05-14 07:35:00',
      35,
      COUNTY_SEAT.lat + 0.004,
      COUNTY_SEAT.lon + 0.003,
      '中石化清风县城关加油站',
    ),
    fuel(
      car3.plate,
      '2024-05-14 18:20:00',
      40,
      COUNTY_SEAT.lat + 0.004,
      COUNTY_SEAT.lon + 0.003,
      '中石化清风县城关加油站',
    ),
  ];
  planted(
    world,
    'F09',
    [],
    twice.map((r) => ev('fuel', r, 'plate', 'filled_at')),
    'filled twice on one day',
  );
  const far = fuel(
    car2.plate,
    '2024-11-16 07:40:00',
    42,
    COUNTY_SEAT.lat + 0.45,
    COUNTY_SEAT.lon + 0.2,
    '中石油邻县服务区加油站',
  );
  planted(
    world,
    'F09',
    [],
    [ev('fuel', far, 'plate', 'filled_at')],
    'filled 50 km away on a Saturday while the car was parked at the county seat',
  );
}

/** Plants F01–F09; returns the geofence list for F08. */
export function plantSpending(world: DemoWorld): Array<{ name: string; lat: number; lon: number; radiusM: number }> {
  plantClaims(world);
  plantCars(world);
  return [{ ...RESORT }];
}
