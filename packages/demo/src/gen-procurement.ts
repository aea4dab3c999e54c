/**
 * Public resource trading (tenders, bids, contracts) and finance's payments to suppliers.
 * Background rules that keep PR01–PR14 quiet: winners bid lowest, 1–5% under the runner-up;
 * a buyer never awards the same supplier twice; four to six similar-sized awards per buyer
 * and year; submission periods of three weeks or more; companies founded years ago.
 */
import { addDays, nextWorkday } from './dates.js';
import { COUNTY_CODE } from './region.js';
import { type Company, companies } from './gen-registries.js';
import { type DemoWorld, type Row, type Unit, addRow, nextNo, unitOf } from './world.js';

export const BUYERS = [
  'education',
  'health',
  'transport',
  'water',
  'agriculture',
  'civil_affairs',
  'school_1',
  'hospital_1',
  'hospital_2',
  'government_affairs',
];
const TITLES = [
  '办公设备采购',
  '物业管理服务',
  '道路维修工程',
  '信息化系统建设',
  '绿化养护服务',
  '医疗设备采购',
  '食堂食材配送',
  '印刷服务',
  '安保服务',
  '水利设施维修',
];

/** Per-company bidding fingerprints: each firm bids from its own office. */
export interface Fingerprint {
  ip: string;
  mac: string;
  agent: string;
}
export const fingerprints = new Map<string, Fingerprint>();

/** The fingerprint of a company, made on first use. */
export function fingerprintOf(world: DemoWorld, company: Company): Fingerprint {
  let fp = fingerprints.get(company.uscc);
  if (!fp) {
    const n = fingerprints.size + 1;
    const hex = (v: number) => v.toString(16).toUpperCase().padStart(2, '0');
    fp = {
      ip: `60.12.${Math.floor(n / 200) + 10}.${(n % 200) + 20}`,
      mac: `00-1A-2B-${hex(n >> 8)}-${hex(n & 255)}-${hex(world.rng.int(0, 255))}`,
      agent: `${company.legalRep.name.slice(0, 1)}经办${n}`,
    };
    fingerprints.set(company.uscc, fp);
  }
  return fp;
}

export interface TenderPlan {
  buyer: Unit;
  winner: Company;
  losers: Company[];
  published: string;
  periodDays: number;
  budget: number;
  award: number;
  method?: string;
  /** Runner-up's bid over the winner's, as a fraction (0.03 = 3%). */
  gap?: number;
  loserAmounts?: number[];
  finalAmount?: number | null;
  protect?: boolean;
}

/** Writes one tender with its bids and contract; returns the tender and contract rows. */
export function addTender(world: DemoWorld, plan: TenderPlan): { tender: Row; contract: Row; bids: Row[] } {
  const { rng } = world;
  const tenderId = nextNo(world, `QFGG${plan.published.slice(0, 4)}-`, 4);
  const deadline = addDays(plan.published, plan.periodDays);
  const awardDate = nextWorkday(addDays(deadline, rng.int(3, 8)));
  const bidders = [plan.winner, ...plan.losers];
  const tender = addRow(
    world,
    'tender',
    {
      tender_id: tenderId,
      title: `${plan.buyer.name}${rng.pick(TITLES)}项目`,
      buyer_uscc: plan.buyer.uscc,
      buyer_name: plan.buyer.name,
      method: plan.method ?? rng.pick(['open', 'open', 'open', 'inquiry', 'negotiation']),
      category: rng.pick(['goods', 'works', 'services']),
      budget: plan.budget,
      published_on: plan.published,
      bid_deadline: `${deadline} 09:30:00`,
      award_date: awardDate,
      winner_uscc: plan.winner.uscc,
      winner_name: plan.winner.name,
      award_amount: plan.award,
      bidder_count: bidders.length,
      division: COUNTY_CODE,
    },
    plan.protect,
  );
  const gap = plan.gap ?? 0.01 + rng.next() * 0.04;
  const bids = bidders.map((company, i) => {
    const fp = fingerprintOf(world, company);
    const amount =
      i === 0
        ? plan.award
        : (plan.loserAmounts?.[i - 1] ??
          Math.round(plan.award * (1 + gap + (i - 1) * (0.02 + rng.next() * 0.03)) * 100) / 100);
    return addRow(
      world,
      'bid',
      {
        tender_id: tenderId,
        bidder_uscc: company.uscc,
        bidder_name: company.name,
        bid_amount: amount,
        submitted_at: `${addDays(deadline, -rng.int(1, 5))} ${String(rng.int(8, 17)).padStart(2, '0')}:${String(rng.int(0, 59)).padStart(2, '0')}:00`,
        ip: fp.ip,
        mac: fp.mac,
        contact_phone: company.phone,
        agent_name: fp.agent,
        result: i === 0 ? 'won' : 'lost',
      },
      plan.protect,
    );
  });
  const contract = addRow(
    world,
    'contract',
    {
      contract_id: nextNo(world, `HT${plan.published.slice(0, 4)}`, 5),
      unit_uscc: plan.buyer.uscc,
      unit_name: plan.buyer.name,
      counterparty: plan.winner.uscc,
      counterparty_name: plan.winner.name,
      amount: plan.award,
      signed_on: addDays(awardDate, rng.int(5, 15)),
      tender_id: tenderId,
      final_amount:
        plan.finalAmount === undefined
          ? Math.round(plan.award * (1 + rng.next() * 0.05) * 100) / 100
          : plan.finalAmount,
    },
    plan.protect,
  );
  return { tender, contract, bids };
}

/** A payment from a unit to a company. */
export function payCompany(
  world: DemoWorld,
  payer: Unit,
  payee: Company,
  amount: number,
  paidOn: string,
  purpose: string,
  protect = false,
): Row {
  return addRow(
    world,
    'fiscal_payment',
    {
      voucher_id: nextNo(world, `ZF${paidOn.slice(0, 4)}`, 6),
      payer_unit: payer.name,
      payee_name: payee.name,
      payee: payee.uscc,
      payee_account: `3301${String(companies.indexOf(payee) + 1).padStart(6, '0')}8866`,
      amount,
      paid_on: paidOn,
      purpose,
      budget_item: purpose.includes('工程') ? '基本建设支出' : '商品和服务支出',
    },
    protect,
  );
}

/** Background tenders for 2023 and 2024. */
export function generateProcurement(world: DemoWorld): void {
  const { rng } = world;
  fingerprints.clear();
  // The first suppliers are the procurement pool; the rest of the companies never bid.
  const pool = companies.slice(0, Math.min(companies.length, 30));
  BUYERS.forEach((key, b) => {
    const buyer = unitOf(world, key);
    let offset = b * 3;
    for (const year of [2023, 2024]) {
      const awards = Math.round((4 + rng.int(0, 2)) * Math.max(1, world.scale));
      for (let a = 0; a < awards; a++) {
        const winner = pool[offset++ % pool.length] as Company;
        const losers = [1, 2, 3]
          .slice(0, rng.int(2, 3))
          .map((k) => pool[(offset + k * 7) % pool.length] as Company)
          .filter((c) => c !== winner);
        const budget = rng.int(20, 40) * 10000;
        const published = nextWorkday(
          `${year}-${String(1 + Math.floor((a * 11) / awards)).padStart(2, '0')}-${String(rng.int(3, 20)).padStart(2, '0')}`,
        );
        const { contract } = addTender(world, {
          buyer,
          winner,
          losers,
          published,
          periodDays: rng.int(21, 35),
          budget,
          award: Math.round(budget * (0.8 + rng.next() * 0.15) * 100) / 100,
        });
        payCompany(
          world,
          buyer,
          winner,
          Number(contract.final_amount ?? contract.amount),
          addDays(String(contract.signed_on), rng.int(20, 60)),
          '合同款',
        );
      }
    }
  });
}
