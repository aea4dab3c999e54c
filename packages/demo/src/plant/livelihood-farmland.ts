/** Planted W14 cases: farmland subsidy paid for more land than the recipient contracts. */
import { pay } from '../gen-benefits.js';
import { type Collective, addAsset, addLease, collectives } from '../gen-collective.js';
import type { DemoWorld, Person } from '../world.js';
import { decoy, ev, newHousehold, planted } from './helpers.js';

// The county pays ¥106.5 a mu (as in the background), W14 reckons the area at its default
// ¥100 a mu with 10% tolerance: a payment for exactly the contracted land reads as 6.5% over.
const COUNTY_RATE = 106.5;
// A village no other collective plant uses, so its lease and ledger stay unremarkable.
const VILLAGE = 15;

/** A villager contracting `mu` of the collective's land for 2023–2027, rent booked in full. */
function contractor(world: DemoWorld, c: Collective, mu: number, age: number) {
  const [person] = newHousehold(world, 'ordinary', [{ role: 'head', sex: 'male', age }], VILLAGE) as [Person];
  const asset = addAsset(world, c, 'land', 'leased', true);
  asset.area = mu;
  const rent = mu * 600;
  const { lease } = addLease(
    world,
    c,
    asset,
    { code: person.id, name: person.name },
    { rent, benchmark: rent, start: '2023-01-01', end: '2027-12-31', bookedYears: [2023, 2024], protect: true },
  );
  return { person, asset, lease };
}

/** Plants W14. */
export function plantW14(world: DemoWorld): void {
  const c = collectives[VILLAGE] as Collective;

  const over = contractor(world, c, 6, 56);
  const paid = pay(world, over.person, 'farmland', '2024-05', 15 * COUNTY_RATE, { protect: true });
  planted(
    world,
    'W14',
    [over.person.id],
    [
      ev('benefit_payment', paid, 'payment_id'),
      ev('collective_lease', over.lease, 'lease_id'),
      ev('collective_asset', over.asset, 'asset_id'),
    ],
    'farmland subsidy for 15 mu (¥1,597.50) against 6 mu contracted from the collective',
  );

  const exact = contractor(world, c, 10, 59);
  const fair = pay(world, exact.person, 'farmland', '2024-05', 10 * COUNTY_RATE, { protect: true });
  decoy(
    world,
    'W14',
    [exact.person.id],
    [
      ev('benefit_payment', fair, 'payment_id'),
      ev('collective_lease', exact.lease, 'lease_id'),
      ev('collective_asset', exact.asset, 'asset_id'),
    ],
    'subsidy for exactly the 10 mu contracted at the county rate: 6.5% over ¥100/mu, inside the 10% tolerance, not a case',
  );
}
