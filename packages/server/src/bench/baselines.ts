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
    // Pairs of bids on one tender, then each way two bidders can be linked as its own hash
    // join (an OR over the ways, or an EXISTS inside one, cannot be hashed).
    sql: `
WITH pairs AS (
  SELECT a.bidder_uscc_sk AS sa, b.bidder_uscc_sk AS sb, ${ev('bid', 'a')} || ',' || ${ev('bid', 'b')} AS evidence,
         a.ip = b.ip OR a.mac = b.mac OR a.contact_phone = b.contact_phone OR a.agent_name = b.agent_name AS same_contact
  FROM ds_bid a JOIN ds_bid b ON b.tender_id = a.tender_id AND a.bidder_uscc_sk < b.bidder_uscc_sk
),
rep AS (SELECT DISTINCT uscc_sk, legal_rep_id_sk AS person FROM ds_company WHERE legal_rep_id_sk IS NOT NULL),
owner AS (SELECT DISTINCT uscc_sk, person_id_sk AS person FROM ds_company_role WHERE role IN ('legal_rep', 'shareholder'))
SELECT DISTINCT sa AS subject_sk, evidence FROM (
  SELECT sa, evidence FROM pairs WHERE same_contact
  UNION ALL
  SELECT p.sa, p.evidence FROM pairs p JOIN rep x ON x.uscc_sk = p.sa JOIN rep y ON y.uscc_sk = p.sb AND y.person = x.person
  UNION ALL
  SELECT p.sa, p.evidence FROM pairs p JOIN owner x ON x.uscc_sk = p.sa JOIN owner y ON y.uscc_sk = p.sb AND y.person = x.person
) linked`,
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
