import type { DatasetType, StandardDatasetType } from './catalogue-types.js';
import { BENEFIT_PAYMENT, BENEFIT_ROLL } from './datasets/benefits.js';
import { COLLECTIVE_ASSET, COLLECTIVE_LEASE, COLLECTIVE_LEDGER, COLLECTIVE_ORG } from './datasets/collective.js';
import { MED_CLAIM, MED_INSTITUTION, MED_STAFF } from './datasets/medical.js';
import { DEATH, KINSHIP, OFFICIAL, PAYROLL, PERSON } from './datasets/population.js';
import { BID, CONTRACT, TENDER } from './datasets/procurement.js';
import { COMPANY, COMPANY_ROLE, PROPERTY, SOCIAL_INSURANCE, VEHICLE } from './datasets/registration.js';
import { PERSONAL_REPORT } from './datasets/reports.js';
import { FISCAL_PAYMENT, FUEL, INVOICE, REIMBURSEMENT, VEHICLE_TRIP } from './datasets/spending.js';

/**
 * The built-in dataset types of data standard v1, in the order of the spec's table. This is
 * the one copy of the catalogue: importers, the API, docs and the console all read it.
 */
export const STANDARD_DATASETS: readonly StandardDatasetType[] = [
  PERSON,
  DEATH,
  PAYROLL,
  OFFICIAL,
  KINSHIP,
  BENEFIT_ROLL,
  BENEFIT_PAYMENT,
  VEHICLE,
  PROPERTY,
  COMPANY,
  COMPANY_ROLE,
  SOCIAL_INSURANCE,
  TENDER,
  BID,
  CONTRACT,
  FISCAL_PAYMENT,
  REIMBURSEMENT,
  INVOICE,
  VEHICLE_TRIP,
  FUEL,
  MED_INSTITUTION,
  MED_STAFF,
  MED_CLAIM,
  COLLECTIVE_ORG,
  COLLECTIVE_ASSET,
  COLLECTIVE_LEASE,
  COLLECTIVE_LEDGER,
  PERSONAL_REPORT,
];

const BY_KEY: ReadonlyMap<string, StandardDatasetType> = new Map(STANDARD_DATASETS.map((d) => [d.key, d]));

/** The built-in dataset type with this key, or undefined for unknown (or user-defined) keys. */
export function findDataset(key: string): StandardDatasetType | undefined {
  return BY_KEY.get(key);
}

/** Every built-in dataset type, in catalogue order. */
export function listDatasets(): readonly StandardDatasetType[] {
  return STANDARD_DATASETS;
}

/** The field with this key in a dataset, or undefined. */
export function findField(dataset: DatasetType, key: string): DatasetType['fields'][number] | undefined {
  return dataset.fields.find((f) => f.key === key);
}

/**
 * The sets of fields that should each name one record of a dataset: its natural key, then its
 * alternate keys. The quality report counts rows sharing any of them as duplicates. None for
 * a type without a natural key (a user-defined one).
 */
export function uniqueKeysOf(dataset: DatasetType): readonly (readonly string[])[] {
  if (dataset.naturalKey === undefined) return [];
  return [dataset.naturalKey, ...(dataset.alternateKeys ?? [])];
}
