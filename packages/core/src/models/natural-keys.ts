/**
 * The business identity of a row of each standard dataset: the fields that name the same
 * record again when a department re-sends it. Hit keys are built from these (never from
 * batch and row numbers), so a re-import re-finds the same hit and the warning is not
 * duplicated. Subject fields count by subject key, which is stable across datasets and imports.
 */
export const NATURAL_KEYS: Readonly<Record<string, readonly string[]>> = {
  person: ['id'],
  death: ['id'],
  payroll: ['id', 'employer_uscc', 'employer_name', 'start_date'],
  official: ['id', 'unit_name', 'position', 'start_date'],
  kinship: ['official_id', 'relative_id', 'relation'],
  benefit_roll: ['program', 'id', 'start_date'],
  benefit_payment: ['program', 'id', 'period', 'paid_on', 'amount', 'payment_id'],
  vehicle: ['plate', 'registered_on'],
  property: ['cert_no'],
  company: ['uscc'],
  company_role: ['uscc', 'person_id', 'role'],
  social_insurance: ['id', 'employer_uscc', 'period'],
  tender: ['tender_id'],
  bid: ['tender_id', 'bidder_uscc'],
  contract: ['contract_id'],
  fiscal_payment: ['voucher_id'],
  reimbursement: ['voucher_id', 'claimant_id'],
  invoice: ['invoice_no'],
  vehicle_trip: ['plate', 'start_at'],
  fuel: ['plate', 'filled_at'],
  med_institution: ['inst_code'],
  med_staff: ['person_id', 'inst_code', 'start_date'],
  med_claim: ['claim_id'],
  collective_org: ['org_code'],
  collective_asset: ['asset_id'],
  collective_lease: ['lease_id'],
  collective_ledger: ['entry_id'],
  personal_report: ['official_id', 'year', 'item_type', 'item_ref'],
};
