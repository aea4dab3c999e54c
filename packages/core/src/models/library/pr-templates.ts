// Hand-written SQL of the procurement models that the rule language would make absurd. The text
// is portable (DuckDB and PostgreSQL read it alike); {{name}} placeholders become bound
// parameters. Each returns the template contract of SqlTemplateLogic (key_text, subject_sk,
// evidence_*, fact_*).

/** PR12: a supplier's share of a buyer's awarded value in a calendar year. */
export const PR12_SQL = `
WITH awards AS (
  SELECT c._batch_id, c._row_no, c.unit_name AS buyer, c.counterparty_sk AS supplier, c.counterparty_name AS supplier_name,
         c.amount, CAST(extract(year from c.signed_on) AS INTEGER) AS yr
  FROM ds_contract AS c
  WHERE c.amount IS NOT NULL AND c.counterparty_sk IS NOT NULL
), buyer_year AS (
  SELECT buyer, yr, sum(amount) AS total, count(*) AS awards FROM awards GROUP BY buyer, yr
), supplier_year AS (
  SELECT buyer, yr, supplier, min(supplier_name) AS supplier_name, sum(amount) AS supplied FROM awards GROUP BY buyer, yr, supplier
), dominant AS (
  SELECT s.buyer, s.yr, s.supplier, s.supplier_name, s.supplied, b.total, b.awards,
         CAST(s.supplied AS DOUBLE PRECISION) / CAST(b.total AS DOUBLE PRECISION) AS share
  FROM supplier_year AS s JOIN buyer_year AS b ON b.buyer = s.buyer AND b.yr = s.yr
  WHERE b.awards >= {{min_awards}} AND b.total > 0
    AND CAST(s.supplied AS DOUBLE PRECISION) / CAST(b.total AS DOUBLE PRECISION) >= {{min_share}}
)
SELECT d.buyer || '|' || CAST(d.yr AS TEXT) || '|' || CAST(d.supplier AS TEXT) AS key_text, d.supplier AS subject_sk,
       'contract' AS evidence_dataset, a._batch_id AS evidence_batch, a._row_no AS evidence_row, 'award' AS evidence_role,
       d.yr AS fact_year, d.buyer AS fact_buyer, d.supplier_name AS fact_supplier, d.supplied AS fact_supplied,
       d.total AS fact_total, d.awards AS fact_awards, d.share AS fact_share
FROM dominant AS d JOIN awards AS a ON a.buyer = d.buyer AND a.yr = d.yr AND a.supplier = d.supplier`;

/**
 * PR13: winning margin against the next lowest valid bid, judged by quartile fences over all
 * tenders. Only bids the award decided (won or lost) count; a tender counts when one bidder
 * won (its lowest bid if it bid more than once) and no losing bid undercut it, since a lower
 * losing bid means the award did not go on price. The quartiles are the median-unbiased ones
 * (Hyndman and Fan's type 8: position (n + 1/3)·p + 1/3), as Open Contracting's Cardinal
 * computes them; a fence at or below zero flags nothing, as every gap is at least zero.
 */
export const PR13_SQL = `
WITH decided AS (
  SELECT b._batch_id, b._row_no, b.tender_id, b.bidder_uscc_sk AS bidder, b.bid_amount AS amount, b.result
  FROM ds_bid AS b
  WHERE b.bid_amount > 0 AND b.result IN ('won', 'lost')
), one_winner AS (
  SELECT tender_id FROM decided WHERE result = 'won' GROUP BY tender_id HAVING count(DISTINCT bidder) = 1
), ordered AS (
  SELECT d.*, row_number() OVER (PARTITION BY d.tender_id, d.result ORDER BY d.amount, d.bidder, d._batch_id, d._row_no) AS rn
  FROM decided AS d JOIN one_winner AS o ON o.tender_id = d.tender_id
), gaps AS (
  SELECT w.tender_id, w._batch_id AS w_batch, w._row_no AS w_row, w.bidder AS winner, w.amount AS win_amount,
         r._batch_id AS r_batch, r._row_no AS r_row, r.amount AS runner_amount,
         (CAST(r.amount AS DOUBLE PRECISION) - CAST(w.amount AS DOUBLE PRECISION)) / CAST(w.amount AS DOUBLE PRECISION) AS gap
  FROM ordered AS w JOIN ordered AS r ON r.tender_id = w.tender_id AND r.result = 'lost' AND r.rn = 1
  WHERE w.result = 'won' AND w.rn = 1 AND r.amount >= w.amount
), ranked AS (
  SELECT gap, row_number() OVER (ORDER BY gap) AS i FROM gaps
), positions AS (
  SELECT n, (n + 1.0 / 3.0) * 0.25 + 1.0 / 3.0 AS h1, (n + 1.0 / 3.0) * 0.75 + 1.0 / 3.0 AS h3
  FROM (SELECT count(*) AS n FROM gaps) AS c
), quartiles AS (
  SELECT p.n,
         CASE WHEN floor(p.h1) < 1 THEN min(r.gap) WHEN floor(p.h1) >= p.n THEN max(r.gap)
              ELSE max(CASE WHEN r.i = floor(p.h1) THEN r.gap END) + (p.h1 - floor(p.h1))
                * (max(CASE WHEN r.i = floor(p.h1) + 1 THEN r.gap END) - max(CASE WHEN r.i = floor(p.h1) THEN r.gap END))
         END AS q1,
         CASE WHEN floor(p.h3) < 1 THEN min(r.gap) WHEN floor(p.h3) >= p.n THEN max(r.gap)
              ELSE max(CASE WHEN r.i = floor(p.h3) THEN r.gap END) + (p.h3 - floor(p.h3))
                * (max(CASE WHEN r.i = floor(p.h3) + 1 THEN r.gap END) - max(CASE WHEN r.i = floor(p.h3) THEN r.gap END))
         END AS q3
  FROM ranked AS r CROSS JOIN positions AS p
  GROUP BY p.n, p.h1, p.h3
), flagged AS (
  SELECT g.*, f.q1 - {{k}} * (f.q3 - f.q1) AS low_fence, f.q3 + {{k}} * (f.q3 - f.q1) AS high_fence
  FROM gaps AS g CROSS JOIN quartiles AS f
  WHERE f.n >= {{min_tenders}}
)
SELECT x.tender_id AS key_text, x.winner AS subject_sk, 'bid' AS evidence_dataset, e.batch AS evidence_batch,
       e.row_no AS evidence_row, e.role AS evidence_role, x.tender_id AS fact_tender_id, x.win_amount AS fact_win_amount,
       x.runner_amount AS fact_runner_amount, x.gap AS fact_gap, x.low_fence AS fact_low_fence, x.high_fence AS fact_high_fence
FROM flagged AS x
CROSS JOIN LATERAL (
  SELECT x.w_batch AS batch, x.w_row AS row_no, 'winning_bid' AS role
  UNION ALL SELECT x.r_batch, x.r_row, 'runner_up_bid'
) AS e
WHERE (x.low_fence > 0 AND x.gap <= x.low_fence) OR (x.high_fence > 0 AND x.gap >= x.high_fence)`;
