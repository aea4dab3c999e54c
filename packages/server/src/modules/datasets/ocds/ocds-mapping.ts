import type { LocalisedText } from '@qingfeng/core';

/**
 * Maps one OCDS 1.1 release (a compiled release, or a single release of a process published
 * once) to rows of the data standard's `tender`, `bid` and `contract` datasets. Pure: no I/O.
 * Cells are left as OCDS gives them (ISO dates, amounts) for the import's own normalisers and
 * validators to check, exactly as for a file. An optional field OCDS leaves out is left empty;
 * only a field the standard requires can cost a row, and the batch's report says which.
 *
 * Identifiers: organisations are referenced by party id. Their USCC is the identifier (or an
 * additional identifier) with scheme `CN-USCC`; an organisation of another register is kept
 * as `scheme:id` (`GB-COH:09876543`), and one the publisher identifies by no scheme as
 * `OCDS-PARTY:<party id>`, forms the standard's USCC field accepts for organisations that
 * have no USCC. A joint bid (several tenderers) is one bid by the consortium, which the law
 * treats as a single bidder (Bidding Law art. 31): `OCDS-JOINT:<member>+<member>`.
 *
 * Amounts: one currency is loaded (CNY unless the import says otherwise, as Cardinal's own
 * `currency` setting); an amount in another currency is kept out of the money field, and the
 * problem list keeps it with its currency code. An amount without a currency is taken to be
 * in the loaded currency.
 *
 * Bid results follow the award decision only once it is final, as Open Contracting's
 * red-flag indicators read it: a cancelled tender has no winner; while any award is pending
 * (or has a status outside the codelist) no bid has won or lost yet; with one active award a
 * bid whose tenderers are its suppliers won, a bid sharing none of them lost, and one sharing
 * some is left without a result; with several active awards (lots) only the winners are
 * known. Invited and withdrawn bids were never submitted and are not bid records.
 */

type Json = Record<string, unknown>;

/** A reason a release (or part of it) could not be mapped as is. */
export interface OcdsProblem {
  /** Line of the JSON Lines file. */
  line: number;
  ocid: string | null;
  dataset: 'release' | 'tender' | 'bid' | 'contract';
  /** Where in the release, e.g. `awards[0].suppliers[0]`. */
  path: string;
  value: string;
  reason: LocalisedText;
}

/** The rows one release becomes. */
export interface MappedRelease {
  tender: Json | null;
  bids: Json[];
  contracts: Json[];
  problems: OcdsProblem[];
}

const obj = (v: unknown): Json => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : {});
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | null =>
  typeof v === 'string' && v.trim() !== '' ? v : typeof v === 'number' ? String(v) : null;

/**
 * Procurement method. China's methods are finer than OCDS's codelist, so the Chinese
 * `procurementMethodDetails` decides when it names one:
 *   公开招标 → open · 邀请招标 → invited · 竞争性谈判, 竞争性磋商 → negotiation ·
 *   单一来源 → single_source · 询价 → inquiry.
 * Otherwise `procurementMethod`: open → open; selective (only qualified suppliers invited)
 * → invited; direct (one supplier, no competition) → single_source; limited (suppliers of
 * the buyer's choice: a negotiation or a quotation, OCDS cannot tell which) → other.
 */
const METHOD_DETAILS: readonly [string, string][] = [
  ['公开招标', 'open'],
  ['邀请招标', 'invited'],
  ['竞争性谈判', 'negotiation'],
  ['竞争性磋商', 'negotiation'],
  ['单一来源', 'single_source'],
  ['询价', 'inquiry'],
];
const METHOD_CODES: Readonly<Record<string, string>> = {
  open: 'open',
  selective: 'invited',
  direct: 'single_source',
  limited: 'other',
};

/** The standard's `tender.method` code for a tender, or null when OCDS says nothing usable. */
export function procurementMethodCode(tender: Json): string | null {
  const details = str(tender.procurementMethodDetails);
  const byDetails = details ? METHOD_DETAILS.find(([term]) => details.includes(term))?.[1] : undefined;
  return byDetails ?? METHOD_CODES[str(tender.procurementMethod) ?? ''] ?? null;
}

const CATEGORIES = new Set(['goods', 'works', 'services']);

/** What the mapping needs to know beyond the release. */
export interface MappingOptions {
  /** The currency whose amounts are loaded (ISO 4217); others are kept out with their code. */
  currency: string;
}

const FINAL_AWARD_STATUSES = new Set(['active', 'cancelled', 'unsuccessful']);
const UNSUBMITTED_BIDS = new Set(['invited', 'withdrawn']);

/** Maps one release (already parsed) found on `line`. */
export function mapRelease(release: Json, line: number, options: MappingOptions): MappedRelease {
  const ocid = str(release.ocid);
  const problems: OcdsProblem[] = [];
  const problem = (dataset: OcdsProblem['dataset'], path: string, value: string, reason: LocalisedText) =>
    problems.push({ line, ocid, dataset, path, value, reason });
  if (ocid === null) {
    problem('release', 'ocid', '', { zh: '缺少 ocid，不是 OCDS 发布', en: 'no ocid: not an OCDS release' });
    return { tender: null, bids: [], contracts: [], problems };
  }

  const parties = new Map(arr(release.parties).map((p) => [str(obj(p).id), obj(p)]));
  /** The identifier the standard keeps for one organisation reference, or null with a problem. */
  const identify = (ref: unknown, dataset: OcdsProblem['dataset'], path: string) => {
    const refId = str(obj(ref).id);
    const party = parties.get(refId) ?? {};
    const name = str(obj(ref).name) ?? str(party.name);
    const identifiers = [party.identifier, ...arr(party.additionalIdentifiers)]
      .map(obj)
      .filter((i) => str(i.id) !== null);
    const uscc = identifiers.find((i) => str(i.scheme) === 'CN-USCC');
    const scheme = identifiers.find((i) => str(i.scheme) !== null);
    const id = uscc
      ? str(uscc.id)
      : scheme
        ? `${str(scheme.scheme)}:${str(scheme.id)}`
        : refId === null
          ? null
          : `OCDS-PARTY:${refId}`;
    if (id === null) {
      problem(dataset, path, name ?? '', { zh: '组织没有 id 或标识', en: 'the organisation has no id or identifier' });
    }
    return { id, name };
  };
  /** A set of organisations (a consortium when more than one) as one identifier and name. */
  const identifyAll = (refs: unknown[], dataset: OcdsProblem['dataset'], path: string) => {
    const members = refs.map((ref, i) => identify(ref, dataset, refs.length > 1 ? `${path}[${i}]` : path));
    if (members.length === 0 || members.some((m) => m.id === null)) return { id: null, name: null };
    if (members.length === 1) return members[0] ?? { id: null, name: null };
    const ids = [...new Set(members.map((m) => m.id as string))].sort();
    const names = members.map((m) => m.name).filter((n): n is string => n !== null);
    return {
      id: ids.length === 1 ? (ids[0] ?? null) : `OCDS-JOINT:${ids.join('+')}`,
      name: names.length > 0 ? `${names.join('、')}（联合体）` : null,
    };
  };
  /** An amount in the loaded currency; another currency is left out, kept in the problems. */
  const money = (value: unknown, dataset: OcdsProblem['dataset'], path: string): string | number | null => {
    const v = obj(value);
    const amount = typeof v.amount === 'number' || typeof v.amount === 'string' ? v.amount : null;
    const currency = str(v.currency);
    if (amount === null || currency === null || currency === options.currency) return amount;
    problem(dataset, path, `${amount} ${currency}`, {
      zh: `币种 ${currency} 不是本次导入的币种 ${options.currency}，金额未载入`,
      en: `currency ${currency} is not this import's ${options.currency}: the amount is not loaded`,
    });
    return null;
  };

  const tender = obj(release.tender);
  const cancelled = tender.status === 'cancelled';
  const buyerRef = release.buyer ?? tender.procuringEntity;
  const buyer = buyerRef === undefined ? { id: null, name: null } : identify(buyerRef, 'tender', 'buyer');
  const awards = arr(release.awards).map(obj);
  const active = awards.filter((a) => a.status === 'active');
  const final =
    !cancelled && awards.every((a) => a.status === undefined || FINAL_AWARD_STATUSES.has(str(a.status) ?? ''));
  // The award the tender row names: the one active award, else the one award given without a status.
  const unstated = awards.filter((a) => a.status === undefined);
  const award = cancelled
    ? null
    : active.length === 1
      ? active[0]
      : active.length === 0 && unstated.length === 1
        ? unstated[0]
        : null;
  const awardIndex = award ? awards.indexOf(award) : -1;
  const suppliersOf = (a: Json, i: number) => identifyAll(arr(a.suppliers), 'tender', `awards[${i}].suppliers`);
  const winner = award ? suppliersOf(award, awardIndex) : { id: null, name: null };
  const period = obj(tender.tenderPeriod);
  const tenderers = arr(tender.tenderers);
  const category = str(tender.mainProcurementCategory);

  const tenderRow: Json = {
    tender_id: ocid,
    title: str(tender.title),
    buyer_uscc: buyer.id,
    buyer_name: buyer.name,
    method: procurementMethodCode(tender),
    category: category !== null && CATEGORIES.has(category) ? category : null,
    budget: money(tender.value, 'tender', 'tender.value'),
    published_on: str(tender.datePublished) ?? str(period.startDate) ?? str(release.date),
    bid_deadline: str(period.endDate),
    award_date: award ? str(award.date) : null,
    winner_uscc: winner.id,
    winner_name: winner.name,
    award_amount: award ? money(award.value, 'tender', `awards[${awardIndex}].value`) : null,
    bidder_count: typeof tender.numberOfTenderers === 'number' ? tender.numberOfTenderers : tenderers.length || null,
  };

  // Each award's suppliers as sets of organisation references, to tell winners from losers.
  const refIds = (refs: unknown[]) => new Set(refs.map((r) => str(obj(r).id)).filter((id) => id !== null));
  const winningSets = (active.length > 0 ? active : award ? [award] : []).map((a) => refIds(arr(a.suppliers)));
  const resultOf = (bidders: Set<string | null>): string | null => {
    if (!final || winningSets.length === 0) return null;
    if (winningSets.some((s) => s.size === bidders.size && [...s].every((id) => bidders.has(id)))) return 'won';
    const sharesSome = winningSets.some((s) => [...s].some((id) => bidders.has(id)));
    return winningSets.length === 1 && !sharesSome ? 'lost' : null;
  };

  // The bid extension's details when present, else each tenderer the tender lists.
  const details = arr(obj(release.bids).details).map(obj);
  const bidSources: { d: Json; path: string }[] =
    details.length > 0
      ? details.map((d, i) => ({ d, path: `bids.details[${i}]` }))
      : tenderers.map((t, i) => ({ d: { tenderers: [t] }, path: `tender.tenderers[${i}]` }));
  const bids = bidSources.flatMap(({ d, path }) => {
    const status = str(d.status);
    if (status !== null && UNSUBMITTED_BIDS.has(status)) {
      problem('bid', `${path}.status`, status, {
        zh: `投标状态为 ${status}，未提交投标，不作为投标记录`,
        en: `bid status ${status}: never submitted, so not a bid record`,
      });
      return [];
    }
    const refs = arr(d.tenderers);
    const bidder = identifyAll(refs, 'bid', details.length > 0 ? `${path}.tenderers` : path);
    if (refs.length === 0) {
      problem('bid', `${path}.tenderers`, '', { zh: '投标没有投标人', en: 'the bid names no tenderer' });
    }
    return [
      {
        tender_id: ocid,
        bidder_uscc: bidder.id,
        bidder_name: bidder.name,
        bid_amount: d.value === undefined ? null : money(d.value, 'bid', `${path}.value`),
        submitted_at: str(d.date),
        result: status === 'disqualified' ? 'disqualified' : status === 'pending' ? null : resultOf(refIds(refs)),
      },
    ];
  });

  const contracts = arr(release.contracts)
    .map(obj)
    .map((c, i) => {
      const cAward = awards.find((a) => str(a.id) !== null && str(a.id) === str(c.awardID)) ?? award;
      const supplier = cAward
        ? identifyAll(arr(cAward.suppliers), 'contract', `contracts[${i}]`)
        : { id: null, name: null };
      const paid = arr(obj(c.implementation).transactions).map((t) => obj(obj(t).value ?? obj(t).amount));
      const loaded = paid.filter(
        (v) => typeof v.amount === 'number' && (v.currency === undefined || v.currency === options.currency),
      );
      return {
        contract_id: str(c.id),
        unit_uscc: buyer.id,
        unit_name: buyer.name,
        counterparty: supplier.id,
        counterparty_name: supplier.name,
        amount: money(c.value, 'contract', `contracts[${i}].value`),
        signed_on: str(c.dateSigned),
        tender_id: ocid,
        // What was paid under the contract, from its implementation transactions.
        final_amount:
          loaded.length > 0 ? Math.round(loaded.reduce((sum, v) => sum + (v.amount as number), 0) * 100) / 100 : null,
      };
    });

  return { tender: tenderRow, bids, contracts, problems };
}
