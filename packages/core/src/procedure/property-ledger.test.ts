import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  EMPTY_LEDGER,
  PROPERTY_PLACES,
  type LedgerEntry,
  type PropertyLocation,
  applyLedgerEntry,
  buildLedger,
  canMoveProperty,
  isLedgerSettled,
  ledgerBalance,
  whereIs,
} from './property-ledger.js';

const AT = '2026-03-02T09:30:00+08:00';
const ROOM: PropertyLocation = { place: 'custody', where: 'Storeroom 1' };
const ACCOUNT: PropertyLocation = { place: 'frozen', where: 'ICBC 6222…' };
const disposal = (place: 'returned' | 'confiscated' | 'treasury' | 'procuratorate'): PropertyLocation => ({
  place,
  where: '',
});

const cash = (itemId: string, quantity: number, to: PropertyLocation = ROOM): LedgerEntry => ({
  type: 'register',
  itemId,
  caseId: 'case-1',
  kind: 'cash',
  description: 'cash in an envelope',
  unit: 'fen',
  quantity,
  to,
  at: AT,
  actorId: 'inv1',
});
const move = (
  itemId: string,
  quantity: number,
  from: PropertyLocation,
  to: PropertyLocation,
  authority: string | null = 'Decision 2026-7',
): LedgerEntry => ({
  type: 'move',
  itemId,
  quantity,
  from,
  to,
  authority,
  at: AT,
  actorId: 'inv1',
});

describe('property ledger', () => {
  it('follows a deposit from freezing to partial return and the treasury, and says where every fen is', () => {
    const { ledger, rejected } = buildLedger([
      cash('dep', 10_000_00, ACCOUNT),
      move('dep', 3_000_00, ACCOUNT, disposal('returned')),
      move('dep', 7_000_00, ACCOUNT, disposal('confiscated')),
      move('dep', 7_000_00, disposal('confiscated'), disposal('treasury')),
    ]);
    expect(rejected).toEqual([]);
    expect(whereIs(ledger, 'dep')).toEqual([
      { location: { place: 'returned', where: '' }, quantity: 3_000_00 },
      { location: { place: 'treasury', where: '' }, quantity: 7_000_00 },
    ]);
    const balance = ledgerBalance(ledger, 'case-1');
    expect(balance).toMatchObject({ balanced: true, registered: { fen: 10_000_00, piece: 0 } });
    expect(balance.totals.fen).toMatchObject({ returned: 3_000_00, treasury: 7_000_00, frozen: 0 });
    expect(isLedgerSettled(ledger, 'case-1')).toBe(true);
  });

  it('rejects impossible movements, each with its reason', () => {
    const start = buildLedger([cash('c', 500)]).ledger;
    const tries: [LedgerEntry, RegExp][] = [
      [cash('c', 1), /already registered/],
      [cash('d', 0), /positive whole number/],
      [cash('d', 1.5), /positive whole number/],
      [cash('d', 5, disposal('treasury')), /registered either frozen or in custody/],
      [cash('d', 5, { place: 'custody', where: ' ' }), /Invalid destination/],
      [move('x', 1, ROOM, disposal('returned')), /not been registered/],
      [move('c', 501, ROOM, disposal('returned')), /Only 500 there/],
      [move('c', 1, ACCOUNT, disposal('returned')), /Only 0 there/],
      [move('c', 1, ROOM, ROOM), /same/],
      [move('c', 1, ROOM, disposal('treasury')), /cannot move that way/],
      [move('c', 1, ROOM, disposal('confiscated'), null), /needs the approval or decision/],
      [move('c', 1, ROOM, { place: 'nowhere' as never, where: '' }), /Invalid destination/],
    ];
    for (const [entry, reason] of tries) {
      const result = applyLedgerEntry(start, entry);
      expect(result.ok ? null : result.reason.en).toMatch(reason);
    }
    expect(isLedgerSettled(start, 'case-1')).toBe(false);
  });

  it('lets nothing leave the treasury, a return or the procuratorate', () => {
    for (const from of ['returned', 'treasury', 'procuratorate'] as const) {
      for (const to of PROPERTY_PLACES) expect(canMoveProperty(from, to)).toBe(false);
    }
  });

  it('always balances and never holds a negative amount, whatever is tried', () => {
    const place = fc.constantFrom(...PROPERTY_PLACES);
    const location = fc.record({ place, where: fc.constantFrom('', 'Storeroom 1', 'Storeroom 2', 'Bank') });
    const entry = fc.oneof(
      fc
        .record({ item: fc.constantFrom('a', 'b', 'c'), quantity: fc.integer({ min: -2, max: 1000 }), to: location })
        .map(({ item, quantity, to }) => cash(item, quantity, to)),
      fc
        .record({
          item: fc.constantFrom('a', 'b', 'c', 'z'),
          quantity: fc.integer({ min: 0, max: 1000 }),
          from: location,
          to: location,
          authority: fc.constantFrom(null, 'D-1'),
        })
        .map(({ item, quantity, from, to, authority }) => move(item, quantity, from, to, authority)),
    );
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 80 }), (entries) => {
        let ledger = EMPTY_LEDGER;
        for (const e of entries) {
          const result = applyLedgerEntry(ledger, e);
          if (!result.ok) continue;
          const previous = ledger;
          ledger = result.ledger;
          expect(ledger.entries).toBe(previous.entries + 1);
          const balance = ledgerBalance(ledger);
          expect(balance.balanced).toBe(true);
          for (const item of Object.values(ledger.items)) {
            const spots = whereIs(ledger, item.itemId);
            expect(spots.every((s) => s.quantity > 0)).toBe(true);
            expect(spots.reduce((sum, s) => sum + s.quantity, 0)).toBe(item.registered);
            // What has reached its final place stays there.
            for (const final of ['returned', 'treasury', 'procuratorate'] as const) {
              const before = Object.entries(previous.items[item.itemId]?.holdings ?? {}).filter(([k]) =>
                k.startsWith(`${final}|`),
              );
              for (const [key, qty] of before) expect(item.holdings[key] ?? 0).toBeGreaterThanOrEqual(qty);
            }
          }
          const sum = (u: 'fen' | 'piece') => Object.values(balance.totals[u]).reduce((a, b) => a + b, 0);
          expect(sum('fen')).toBe(balance.registered.fen);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('answers anything a client sends with a reason, never an exception', () => {
    const start = buildLedger([cash('c', 500)]).ledger;
    fc.assert(
      fc.property(
        fc.oneof(
          fc.anything(),
          fc.record({
            type: fc.constantFrom('register', 'move', 'other'),
            itemId: fc.constantFrom('c', 'constructor', '__proto__', 7),
            quantity: fc.anything(),
            to: fc.anything(),
            from: fc.anything(),
            kind: fc.anything(),
            unit: fc.anything(),
            description: fc.anything(),
            caseId: fc.anything(),
            authority: fc.anything(),
          }),
        ),
        (entry) => {
          const result = applyLedgerEntry(start, entry as LedgerEntry);
          if (result.ok) expect(ledgerBalance(result.ledger).balanced).toBe(true);
          else expect(result.reason.zh && result.reason.en).toBeTruthy();
        },
      ),
      { numRuns: 2000 },
    );
    expect(applyLedgerEntry(start, move('constructor', 1, ROOM, disposal('returned'))).ok).toBe(false);
  });
});
