/**
 * The natural keys of the standard dataset types: the fields that should name a record
 * once. Rows sharing a key are duplicates the quality report counts. A dataset may have
 * several candidate keys (a payment by its ID, and by programme, person and month).
 *
 * This is part of the data standard and belongs in core's catalogue beside the fields
 * (`DatasetType.naturalKeys`); it lives here until core carries it, and the test checks
 * that every key names a field of its dataset.
 */
export const NATURAL_KEYS: Readonly<Record<string, readonly (readonly string[])[]>> = {
  person: [['id']],
  death: [['id']],
  payroll: [['id', 'employer_name', 'start_date']],
  official: [['id', 'unit_name', 'position', 'start_date']],
  kinship: [['official_id', 'relative_id', 'relation']],
  benefit_roll: [['program', 'id', 'start_date']],
  benefit_payment: [['payment_id'], ['program', 'id', 'period']],
  vehicle: [['plate', 'registered_on']],
  property: [['cert_no']],
  company: [['uscc']],
  company_role: [['uscc', 'person_id', 'role']],
  social_insurance: [['id', 'employer_uscc', 'period']],
  tender: [['tender_id']],
  bid: [['tender_id', 'bidder_uscc']],
  contract: [['contract_id']],
  fiscal_payment: [['voucher_id']],
  reimbursement: [['voucher_id']],
  invoice: [['invoice_no', 'seller_uscc']],
  vehicle_trip: [['plate', 'start_at']],
  fuel: [['plate', 'filled_at']],
  med_institution: [['inst_code']],
  med_staff: [['person_id', 'inst_code', 'start_date']],
  med_claim: [['claim_id']],
  collective_org: [['org_code']],
  collective_asset: [['asset_id']],
  collective_lease: [['lease_id']],
  collective_ledger: [['entry_id']],
  personal_report: [['official_id', 'year', 'item_type', 'item_ref']],
};

/** The candidate natural keys of a dataset type; none for a user-defined type. */
export function naturalKeysOf(datasetType: string): readonly (readonly string[])[] {
  return NATURAL_KEYS[datasetType] ?? [];
}
