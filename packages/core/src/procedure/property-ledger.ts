import type { LocalisedText } from '../standard/result.js';

/**
 * The ledger of money and property involved in a case (涉案财物). Every item is registered
 * once with its quantity (fen for money, pieces for goods); every later entry moves some of
 * it from one place to another. Nothing is ever created or lost after registration, so the
 * quantities of an item across all places always add up to what was registered.
 */

export const PROPERTY_KINDS = [
  'cash',
  'deposit',
  'real_estate',
  'vehicle',
  'valuables',
  'securities',
  'other',
] as const;
export type PropertyKind = (typeof PROPERTY_KINDS)[number];

/**
 * Where property can be. `frozen` stays in its bank or registry, blocked; `custody` is the
 * commission's storeroom or holding account (the place says which); the other four are
 * where disposal takes it, and only confiscated property moves on, to the treasury.
 */
export const PROPERTY_PLACES = ['frozen', 'custody', 'returned', 'confiscated', 'treasury', 'procuratorate'] as const;
export type PropertyPlace = (typeof PROPERTY_PLACES)[number];

const ROUTES: Readonly<Record<PropertyPlace, readonly PropertyPlace[]>> = {
  frozen: ['custody', 'returned', 'confiscated', 'procuratorate'],
  custody: ['custody', 'returned', 'confiscated', 'procuratorate'],
  confiscated: ['treasury'],
  returned: [],
  treasury: [],
  procuratorate: [],
};

/** Whether property may go from `from` to `to` at all (custody to custody: a change of storeroom or custodian). */
export function canMoveProperty(from: PropertyPlace, to: PropertyPlace): boolean {
  return ROUTES[from].includes(to);
}

/** A place: its kind and, for frozen and custody, which account or storeroom. */
export interface PropertyLocation {
  readonly place: PropertyPlace;
  readonly where: string;
}

export type LedgerEntry =
  | {
      readonly type: 'register';
      readonly itemId: string;
      readonly caseId: string;
      readonly kind: PropertyKind;
      readonly description: string;
      readonly unit: 'fen' | 'piece';
      readonly quantity: number;
      readonly to: PropertyLocation;
      readonly at: string;
      readonly actorId: string;
    }
  | {
      readonly type: 'move';
      readonly itemId: string;
      readonly quantity: number;
      readonly from: PropertyLocation;
      readonly to: PropertyLocation;
      /** The approval or decision that authorises a disposal (return, confiscation, hand-over). */
      readonly authority: string | null;
      readonly at: string;
      readonly actorId: string;
    };

export interface LedgerItem {
  readonly itemId: string;
  readonly caseId: string;
  readonly kind: PropertyKind;
  readonly description: string;
  readonly unit: 'fen' | 'piece';
  readonly registered: number;
  /** Quantity per location key (`place|where`), only places holding some. */
  readonly holdings: Readonly<Record<string, number>>;
}

export interface Ledger {
  readonly items: Readonly<Record<string, LedgerItem>>;
  readonly entries: number;
}

export const EMPTY_LEDGER: Ledger = { items: {}, entries: 0 };

export type LedgerResult =
  { readonly ok: true; readonly ledger: Ledger } | { readonly ok: false; readonly reason: LocalisedText };

const keyOf = (l: PropertyLocation): string => `${l.place}|${l.where}`;
const fail = (zh: string, en: string): LedgerResult => ({ ok: false, reason: { zh, en } });
const isPlace = (v: unknown): v is PropertyPlace => PROPERTY_PLACES.includes(v as PropertyPlace);
const validLocation = (l: PropertyLocation | undefined): boolean =>
  !!l &&
  isPlace(l.place) &&
  typeof l.where === 'string' &&
  l.where.length <= 200 &&
  (l.where.trim() !== '') === (l.place === 'frozen' || l.place === 'custody');

/**
 * Adds one entry to the ledger, or says why it is impossible: an item registered twice, a
 * quantity that is not a positive whole number, a move of more than is there, a route the
 * procedure does not allow (nothing comes back from the treasury), a disposal without the
 * decision that authorises it.
 */
export function applyLedgerEntry(ledger: Ledger, entry: LedgerEntry): LedgerResult {
  if (typeof entry !== 'object' || entry === null || typeof entry.itemId !== 'string' || entry.itemId.length > 100) {
    return fail('财物编号无效', 'The item id is not valid');
  }
  // An own-property check: an item id such as "constructor" must not find Object's prototype.
  const known = Object.hasOwn(ledger.items, entry.itemId) ? ledger.items[entry.itemId] : undefined;
  if (!Number.isSafeInteger(entry.quantity) || entry.quantity <= 0) {
    return fail('数量须为正整数（金额以分计）', 'The quantity must be a positive whole number (money in fen)');
  }
  if (!validLocation(entry.to))
    return fail(
      '去向无效（冻结与保管须写明地点或账户）',
      'Invalid destination (frozen and custody need an account or storeroom)',
    );
  if (entry.type === 'register') {
    if (known) return fail('该财物已登记', 'The item is already registered');
    const described =
      typeof entry.description === 'string' && entry.description.trim() !== '' && entry.description.length <= 2000;
    if (!PROPERTY_KINDS.includes(entry.kind) || (entry.unit !== 'fen' && entry.unit !== 'piece')) {
      return fail('财物种类或计量单位无效', 'Not a kind of property or a unit');
    }
    if (!entry.itemId.trim() || !described || typeof entry.caseId !== 'string' || !entry.caseId)
      return fail('财物须有编号和描述', 'The item needs an id and a description');
    if (entry.to.place !== 'frozen' && entry.to.place !== 'custody') {
      return fail('财物登记时只能处于冻结或保管状态', 'Property is registered either frozen or in custody');
    }
    const item: LedgerItem = {
      itemId: entry.itemId,
      caseId: entry.caseId,
      kind: entry.kind,
      description: entry.description.trim(),
      unit: entry.unit,
      registered: entry.quantity,
      holdings: { [keyOf(entry.to)]: entry.quantity },
    };
    return { ok: true, ledger: { items: { ...ledger.items, [entry.itemId]: item }, entries: ledger.entries + 1 } };
  }
  if (entry.type !== 'move') return fail('账目类型无效', 'Not a kind of ledger entry');
  const item = known;
  if (!item) return fail('该财物未登记', 'The item has not been registered');
  if (!validLocation(entry.from)) return fail('来源无效', 'Invalid origin');
  if (keyOf(entry.from) === keyOf(entry.to))
    return fail('来源与去向相同', 'The origin and the destination are the same');
  if (!canMoveProperty(entry.from.place, entry.to.place))
    return fail('不允许的财物流转', 'Property cannot move that way');
  const disposal = entry.to.place !== 'custody';
  if (disposal && !(typeof entry.authority === 'string' && entry.authority.trim() && entry.authority.length <= 200))
    return fail('处置须写明批准或决定文书', 'A disposal needs the approval or decision that authorises it');
  const here = item.holdings[keyOf(entry.from)] ?? 0;
  if (entry.quantity > here) return fail(`该处仅有${here}`, `Only ${here} there`);
  const holdings: Record<string, number> = { ...item.holdings };
  const left = here - entry.quantity;
  if (left === 0) delete holdings[keyOf(entry.from)];
  else holdings[keyOf(entry.from)] = left;
  holdings[keyOf(entry.to)] = (holdings[keyOf(entry.to)] ?? 0) + entry.quantity;
  return {
    ok: true,
    ledger: { items: { ...ledger.items, [item.itemId]: { ...item, holdings } }, entries: ledger.entries + 1 },
  };
}

/** Where an item is now: each place holding some of it, with how much. */
export function whereIs(ledger: Ledger, itemId: string): { location: PropertyLocation; quantity: number }[] {
  const item = Object.hasOwn(ledger.items, itemId) ? ledger.items[itemId] : undefined;
  if (!item) return [];
  return Object.entries(item.holdings).map(([key, quantity]) => {
    const [place, where] = key.split(/\|(.*)/s) as [PropertyPlace, string];
    return { location: { place, where: where ?? '' }, quantity };
  });
}

/** Totals per unit and place for a case (or every case), and whether each item balances. */
export function ledgerBalance(ledger: Ledger, caseId?: string) {
  const totals: Record<'fen' | 'piece', Record<PropertyPlace, number>> = {
    fen: Object.fromEntries(PROPERTY_PLACES.map((p) => [p, 0])) as Record<PropertyPlace, number>,
    piece: Object.fromEntries(PROPERTY_PLACES.map((p) => [p, 0])) as Record<PropertyPlace, number>,
  };
  const registered = { fen: 0, piece: 0 };
  const unbalanced: string[] = [];
  for (const item of Object.values(ledger.items)) {
    if (caseId !== undefined && item.caseId !== caseId) continue;
    registered[item.unit] += item.registered;
    let held = 0;
    for (const [key, quantity] of Object.entries(item.holdings)) {
      totals[item.unit][key.slice(0, key.indexOf('|')) as PropertyPlace] += quantity;
      held += quantity;
    }
    if (held !== item.registered) unbalanced.push(item.itemId);
  }
  return { registered, totals, unbalanced, balanced: unbalanced.length === 0 };
}

/** Whether every item of a case has reached its final place (nothing frozen, in custody or awaiting the treasury). */
export function isLedgerSettled(ledger: Ledger, caseId: string): boolean {
  const { totals } = ledgerBalance(ledger, caseId);
  return (['fen', 'piece'] as const).every(
    (u) => totals[u].frozen === 0 && totals[u].custody === 0 && totals[u].confiscated === 0,
  );
}

/** Replays entries in order; the impossible ones are set aside with their reasons. */
export function buildLedger(entries: readonly LedgerEntry[]) {
  let ledger = EMPTY_LEDGER;
  const rejected: { index: number; reason: LocalisedText }[] = [];
  entries.forEach((entry, index) => {
    const result = applyLedgerEntry(ledger, entry);
    if (result.ok) ledger = result.ledger;
    else rejected.push({ index, reason: result.reason });
  });
  return { ledger, rejected };
}

export const PROPERTY_KIND_LABELS: Record<PropertyKind, LocalisedText> = {
  cash: { zh: '现金', en: 'Cash' },
  deposit: { zh: '存款', en: 'Bank deposit' },
  real_estate: { zh: '不动产', en: 'Real estate' },
  vehicle: { zh: '车辆', en: 'Vehicle' },
  valuables: { zh: '贵重物品', en: 'Valuables' },
  securities: { zh: '有价证券', en: 'Securities' },
  other: { zh: '其他财物', en: 'Other property' },
};

export const PROPERTY_PLACE_LABELS: Record<PropertyPlace, LocalisedText> = {
  frozen: { zh: '冻结在原处', en: 'Frozen where it is' },
  custody: { zh: '暂扣保管', en: 'In custody' },
  returned: { zh: '已退还', en: 'Returned' },
  confiscated: { zh: '已没收待上缴', en: 'Confiscated, awaiting the treasury' },
  treasury: { zh: '已上缴国库', en: 'Handed to the treasury' },
  procuratorate: { zh: '随案移送检察机关', en: 'Transferred with the case to the procuratorate' },
};
