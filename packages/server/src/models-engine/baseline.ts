/**
 * Hand-written DuckDB SQL for a few built-in models, with their default parameters, so
 * `npm run bench` can time the engine's compiled SQL against what an engineer would write by
 * hand, and tests can prove both find the same hits. Each query returns one row per hit:
 * `subject_sk` and `evidence`, the hit's rows as comma-separated `dataset:batch:row`.
 * (PR03's baseline lists the two bids of each colluding pair only.)
 */
export interface BaselineQuery {
  readonly sql: string;
  readonly params: unknown[];
}

const ev = (dataset: string, alias: string) => `'${dataset}:' || ${alias}._batch_id || ':' || ${alias}._row_no`;

export const BASELINE_MODELS = ['W01', 'W02', 'PR01', 'PR03', 'M03'] as const;
export type BaselineModelId = (typeof BASELINE_MODELS)[number];

export const BASELINE_SQL: Readonly<Record<BaselineModelId, BaselineQuery>> = {
  W01: {
    sql: `
SELECT p.id_sk AS subject_sk, ${ev('benefit_payment', 'p')} || ',' || ${ev('death', 'd')} AS evidence
FROM ds_benefit_payment p JOIN ds_death d ON d.id_sk = p.id_sk
WHERE COALESCE(CAST(p.period || '-01' AS DATE), p.paid_on) > d.death_date + CAST($1 AS INTEGER)`,
    params: [30],
  },
  W02: {
    // A join on "same person OR same household" cannot be hashed (DuckDB nests loops over it):
    // one hash join per way, UNION dropping the pairs both ways find.
    sql: ['m.id_sk = r.id_sk', 'm.household_no = r.household_no']
      .map(
        (member) => `
SELECT r.id_sk AS subject_sk, ${ev('benefit_roll', 'r')} || ',' || ${ev('person', 'm')} || ',' || ${ev('payroll', 'w')} AS evidence
FROM ds_benefit_roll r
JOIN ds_person m ON ${member}
JOIN ds_payroll w ON w.id_sk = m.id_sk
WHERE r.program = $1
  AND (w.end_date IS NULL OR r.start_date <= w.end_date)
  AND (r.end_date IS NULL OR w.start_date <= r.end_date)`,
      )
      .join('\nUNION'),
    params: ['dibao'],
  },
  PR01: {
    sql: `
WITH linked AS (
  SELECT cr.*, cr.person_id_sk AS official_sk, NULL::VARCHAR AS kin FROM ds_company_role cr
  UNION ALL
  SELECT cr.*, k.official_id_sk, ${ev('kinship', 'k')} FROM ds_company_role cr JOIN ds_kinship k ON k.relative_id_sk = cr.person_id_sk
)
SELECT o.id_sk AS subject_sk,
       concat_ws(',', ${ev('tender', 't')}, ${ev('company_role', 'l')}, l.kin, ${ev('official', 'o')}) AS evidence
FROM ds_tender t
JOIN linked l ON l.uscc_sk = t.winner_uscc_sk AND l.role IN ('legal_rep', 'shareholder', 'manager')
JOIN ds_official o ON o.id_sk = l.official_sk AND (o.unit_uscc_sk = t.buyer_uscc_sk OR o.unit_name = t.buyer_name)
WHERE COALESCE(t.award_date, t.published_on) BETWEEN COALESCE(l.start_date, DATE '0001-01-01') AND COALESCE(l.end_date, DATE '9999-12-31')
  AND COALESCE(t.award_date, t.published_on) BETWEEN COALESCE(o.start_date, DATE '0001-01-01') AND COALESCE(o.end_date, DATE '9999-12-31')`,
    params: [],
  },
  PR03: {
    sql: `
SELECT DISTINCT a.bidder_uscc_sk AS subject_sk, ${ev('bid', 'a')} || ',' || ${ev('bid', 'b')} AS evidence
FROM ds_bid a JOIN ds_bid b ON b.tender_id = a.tender_id AND a.bidder_uscc_sk < b.bidder_uscc_sk
LEFT JOIN ds_company ca ON ca.uscc_sk = a.bidder_uscc_sk
LEFT JOIN ds_company cb ON cb.uscc_sk = b.bidder_uscc_sk
WHERE a.ip = b.ip OR a.mac = b.mac OR a.contact_phone = b.contact_phone OR a.agent_name = b.agent_name
   OR ca.legal_rep_id_sk = cb.legal_rep_id_sk
   OR EXISTS (SELECT 1 FROM ds_company_role ra JOIN ds_company_role rb ON rb.person_id_sk = ra.person_id_sk
              WHERE ra.uscc_sk = a.bidder_uscc_sk AND rb.uscc_sk = b.bidder_uscc_sk
                AND ra.role IN ('legal_rep', 'shareholder') AND rb.role IN ('legal_rep', 'shareholder'))`,
    params: [],
  },
  M03: {
    sql: `
SELECT a.patient_id_sk AS subject_sk, ${ev('med_claim', 'a')} || ',' || ${ev('med_claim', 'b')} AS evidence
FROM ds_med_claim a JOIN ds_med_claim b
  ON b.patient_id_sk = a.patient_id_sk AND b.inst_code <> a.inst_code AND a.claim_id < b.claim_id
WHERE a.claim_type = 'inpatient' AND b.claim_type = 'inpatient'
  AND (b.discharge_date IS NULL OR a.admit_date < b.discharge_date)
  AND (a.discharge_date IS NULL OR b.admit_date < a.discharge_date)`,
    params: [],
  },
};
