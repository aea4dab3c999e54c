import type { LocalisedText } from '@qingfeng/core';

/**
 * Maps one OCDS 1.1 compiled release to rows of the data standard's `tender`, `bid` and
 * `contract` datasets. Pure: no I/O. Cells are left as OCDS gives them (ISO dates, amounts)
 * for the import's own normalisers and validators to check, exactly as for a file.
 *
 * Identifiers: organisations are referenced by party id; their USCC is the identifier (or
 * an additional identifier) with scheme `CN-USCC`. Any other identifier is written as
 * `scheme:id`, which the standard's USCC check rejects, so the row lands in the batch's
 * report; the mapping also returns a problem saying why, in both languages.
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

/** Maps one compiled release (already parsed) found on `line`. */
export function mapCompiledRelease(release: Json, line: number): MappedRelease {
  const ocid = str(release.ocid);
  const problems: OcdsProblem[] = [];
  const problem = (dataset: OcdsProblem['dataset'], path: string, value: string, reason: LocalisedText) =>
    problems.push({ line, ocid, dataset, path, value, reason });
  if (ocid === null) {
    problem('release', 'ocid', '', { zh: '缺少 ocid，不是 OCDS 发布', en: 'no ocid: not an OCDS release' });
    return { tender: null, bids: [], contracts: [], problems };
  }
  const tags = arr(release.tag);
  if (!tags.includes('compiled')) {
    const value = tags.join(',');
    problem('release', 'tag', value, {
      zh: '不是汇编发布（tag 不含 compiled）',
      en: 'not a compiled release (tag lacks "compiled")',
    });
    return { tender: null, bids: [], contracts: [], problems };
  }

  const parties = new Map(arr(release.parties).map((p) => [str(obj(p).id), obj(p)]));
  /** An organisation reference as the USCC cell and the name, with a problem when it has no USCC. */
  const organisation = (ref: unknown, dataset: OcdsProblem['dataset'], path: string) => {
    const party = parties.get(str(obj(ref).id)) ?? {};
    const name = str(obj(ref).name) ?? str(party.name);
    const identifiers = [party.identifier, ...arr(party.additionalIdentifiers)]
      .map(obj)
      .filter((i) => str(i.id) !== null);
    const uscc = identifiers.find((i) => str(i.scheme) === 'CN-USCC');
    if (uscc) return { uscc: str(uscc.id), name };
    const other = identifiers[0];
    const value = other ? `${str(other.scheme) ?? '?'}:${str(other.id)}` : '';
    problem(dataset, path, value, {
      zh: other
        ? `标识方案 ${str(other.scheme) ?? '未注明'} 不是统一社会信用代码（CN-USCC）`
        : '没有统一社会信用代码（CN-USCC）标识',
      en: other ? `identifier scheme ${str(other.scheme) ?? '(none)'} is not CN-USCC` : 'no CN-USCC identifier',
    });
    return { uscc: value === '' ? null : value, name };
  };
  /** An amount in yuan; another currency is kept with its code so the money check rejects it. */
  const money = (value: unknown, dataset: OcdsProblem['dataset'], path: string): string | number | null => {
    const v = obj(value);
    const amount = typeof v.amount === 'number' || typeof v.amount === 'string' ? v.amount : null;
    const currency = str(v.currency);
    if (amount === null || currency === null || currency === 'CNY') return amount;
    problem(dataset, path, `${amount} ${currency}`, {
      zh: `币种 ${currency} 不是人民币（CNY）`,
      en: `currency ${currency} is not CNY`,
    });
    return `${amount} ${currency}`;
  };

  const tender = obj(release.tender);
  const buyerRef = release.buyer ?? tender.procuringEntity;
  const buyer = buyerRef === undefined ? { uscc: null, name: null } : organisation(buyerRef, 'tender', 'buyer');
  const awards = arr(release.awards).map(obj);
  const award = awards.find((a) => a.status === 'active') ?? awards.find((a) => a.status === undefined) ?? null;
  const awardIndex = award ? awards.indexOf(award) : -1;
  const winnerRef = award ? arr(award.suppliers)[0] : undefined;
  const winner =
    winnerRef === undefined
      ? { uscc: null, name: null }
      : organisation(winnerRef, 'tender', `awards[${awardIndex}].suppliers[0]`);
  const winnerIds = new Set(award ? arr(award.suppliers).map((s) => str(obj(s).id)) : []);
  const period = obj(tender.tenderPeriod);
  const tenderers = arr(tender.tenderers);
  const category = str(tender.mainProcurementCategory);

  const tenderRow: Json = {
    tender_id: ocid,
    title: str(tender.title),
    buyer_uscc: buyer.uscc,
    buyer_name: buyer.name,
    method: procurementMethodCode(tender),
    category: category !== null && CATEGORIES.has(category) ? category : null,
    budget: money(tender.value, 'tender', 'tender.value'),
    published_on: str(tender.datePublished) ?? str(period.startDate) ?? str(release.date),
    bid_deadline: str(period.endDate),
    award_date: award ? str(award.date) : null,
    winner_uscc: winner.uscc,
    winner_name: winner.name,
    award_amount: award ? money(award.value, 'tender', `awards[${awardIndex}].value`) : null,
    bidder_count: typeof tender.numberOfTenderers === 'number' ? tender.numberOfTenderers : tenderers.length || null,
  };

  // The bid extension's details when present, else the tenderers the tender lists.
  const details = arr(obj(release.bids).details).map(obj);
  const bidSources: { d: Json; path: string }[] =
    details.length > 0
      ? details.map((d, i) => ({ d, path: `bids.details[${i}]` }))
      : tenderers.map((t, i) => ({ d: { tenderers: [t] }, path: `tender.tenderers[${i}]` }));
  const bids = bidSources.flatMap(({ d, path }) =>
    arr(d.tenderers).map((ref, j) => {
      const bidder = organisation(ref, 'bid', details.length > 0 ? `${path}.tenderers[${j}]` : path);
      const won = winnerIds.has(str(obj(ref).id));
      const result = d.status === 'disqualified' ? 'disqualified' : won ? 'won' : award ? 'lost' : null;
      return {
        tender_id: ocid,
        bidder_uscc: bidder.uscc,
        bidder_name: bidder.name,
        bid_amount: d.value === undefined ? null : money(d.value, 'bid', `${path}.value`),
        submitted_at: str(d.date),
        result,
      };
    }),
  );

  const contracts = arr(release.contracts)
    .map(obj)
    .map((c, i) => {
      const cAward = awards.find((a) => str(a.id) !== null && str(a.id) === str(c.awardID)) ?? award;
      const supplierRef = cAward ? arr(cAward.suppliers)[0] : undefined;
      const supplier =
        supplierRef === undefined
          ? { uscc: null, name: null }
          : organisation(supplierRef, 'contract', `contracts[${i}]`);
      const paid = arr(obj(c.implementation).transactions).map((t) => obj(obj(t).value ?? obj(t).amount));
      const cny = paid.filter(
        (v) => typeof v.amount === 'number' && (v.currency === undefined || v.currency === 'CNY'),
      );
      return {
        contract_id: str(c.id),
        unit_uscc: buyer.uscc,
        unit_name: buyer.name,
        counterparty: supplier.uscc,
        counterparty_name: supplier.name,
        amount: money(c.value, 'contract', `contracts[${i}].value`),
        signed_on: str(c.dateSigned),
        tender_id: ocid,
        // What was paid under the contract, from its implementation transactions.
        final_amount:
          cny.length > 0 ? Math.round(cny.reduce((sum, v) => sum + (v.amount as number), 0) * 100) / 100 : null,
      };
    });

  return { tender: tenderRow, bids, contracts, problems };
}
