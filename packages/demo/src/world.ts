/**
 * The in-memory demo region: geography, organisations, people and the rows of every
 * dataset in their standard form (ISO dates, yuan as numbers, enum codes). Department
 * files are written from these rows later, each in its own messy way.
 */
import type { IdentifierFactory } from './identifiers.js';
import type { Rng } from './prng.js';

/** A cell in standard form: ISO date/datetime text, yuan as a number, an enum code, a boolean. */
export type Cell = string | number | boolean | null;
/** One record of a standard dataset, keyed by field key. */
export type Row = Record<string, Cell>;

export interface Division {
  code: string;
  name: string;
  parentCode: string | null;
  level: 'county' | 'township' | 'village';
  lat: number;
  lon: number;
}

/** A row of organisations.csv, in the import's columns. */
export interface OrganisationRecord {
  code: string;
  name: string;
  kind: 'commission' | 'office' | 'unit';
  level: 'county' | 'township' | null;
  officeType: string | null;
  unitType: 'department' | 'school' | 'hospital' | 'village' | null;
  parentCode: string | null;
  divisionCode: string;
}

/** A supervised unit with a credit code: departments, schools, hospitals, villages, townships. */
export interface Unit {
  key: string;
  uscc: string;
  name: string;
  divisionCode: string;
  type: 'department' | 'school' | 'hospital' | 'village' | 'township';
  /** The people who work there (officials and payroll staff), head first. */
  staff: Person[];
}

export type HouseholdKind = 'official' | 'poor' | 'ordinary';

export interface Household {
  no: string;
  division: string;
  address: string;
  members: Person[];
  kind: HouseholdKind;
}

export interface Person {
  id: string;
  name: string;
  sex: 'male' | 'female';
  birthDate: string;
  division: string;
  household: Household;
  role: 'head' | 'spouse' | 'child' | 'parent';
  phone: string;
  status: 'normal' | 'moved_out' | 'deceased' | 'imprisoned';
  /** Set for people the background or a planted case has already given a role to. */
  busy?: string;
  /** The unit a member of staff works for. */
  unitKey?: string;
  /** Personal bank account for payouts. */
  account: string;
}

/** Evidence: the rows a model must cite, by dataset and the row's key fields. */
export interface Evidence {
  dataset: string;
  keys: Record<string, string>;
}

/** One line of ground-truth.json. */
export interface GroundTruthCase {
  model: string;
  kind: 'planted' | 'decoy';
  subjects: string[];
  evidence: Evidence[];
  note: string;
}

/** Everything the department writers need, plus the cases planted in it. */
export interface DemoWorld {
  readonly rng: Rng;
  readonly ids: IdentifierFactory;
  readonly scale: number;
  readonly divisions: Division[];
  readonly organisations: OrganisationRecord[];
  readonly units: Map<string, Unit>;
  readonly people: Person[];
  readonly households: Household[];
  readonly rows: Map<string, Row[]>;
  /** Rows that belong to a planted case or decoy: never copied into a deliberately bad row. */
  readonly protectedRows: Set<Row>;
  readonly cases: GroundTruthCase[];
  readonly counters: Map<string, number>;
}

/** Appends a row to a dataset; `protect` keeps it out of the bad-row copier. */
export function addRow(world: DemoWorld, dataset: string, row: Row, protect = false): Row {
  let list = world.rows.get(dataset);
  if (!list) {
    list = [];
    world.rows.set(dataset, list);
  }
  list.push(row);
  if (protect) world.protectedRows.add(row);
  return row;
}

/** A running number per prefix, for payment ids, voucher numbers and the like. */
export function nextNo(world: DemoWorld, prefix: string, width = 6): string {
  const n = (world.counters.get(prefix) ?? 0) + 1;
  world.counters.set(prefix, n);
  return `${prefix}${String(n).padStart(width, '0')}`;
}

/** A unit by key; throws on a typo so a planted case never silently loses its subject. */
export function unitOf(world: DemoWorld, key: string): Unit {
  const unit = world.units.get(key);
  if (!unit) throw new Error(`unknown demo unit ${key}`);
  return unit;
}

/** Records a ground-truth case. */
export function recordCase(world: DemoWorld, c: GroundTruthCase): void {
  world.cases.push(c);
}

/** Age in whole years on `onDate`. */
export function ageOn(person: Person, onDate: string): number {
  const [by, bm, bd] = person.birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = onDate.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}
