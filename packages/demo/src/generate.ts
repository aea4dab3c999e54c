/**
 * The demo region generator: a fictional county with its organisation tree, population
 * and every dataset of the standard, written as the departments send them, with planted
 * cases for the comparison models and the ground truth to measure them against.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { findDataset } from '@qingfeng/core';
import { deathDates, generateBenefits, generateLifeEvents } from './gen-benefits.js';
import { generateCollective } from './gen-collective.js';
import { generateMedical } from './gen-medical.js';
import { generateOfficials } from './gen-officials.js';
import { generateProcurement } from './gen-procurement.js';
import { generateRegistries } from './gen-registries.js';
import { generateReports, unreported } from './gen-reports.js';
import { generateSpending } from './gen-spending.js';
import { demoCalendar } from './dates.js';
import { FILE_PLAN } from './file-plan.js';
import { type DemoFile, writeDepartmentFile } from './file-writer.js';
import { IdentifierFactory } from './identifiers.js';
import { plantAll } from './plant/index.js';
import { assignStaff, buildPopulation, markPoorHouseholds } from './population.js';
import { Rng } from './prng.js';
import { buildRegion, COUNTY_CODE, COUNTY_NAME } from './region.js';
import { type DemoWorld, addRow, unitOf } from './world.js';

export interface GenerateDemoOptions {
  /** Same seed, same bytes. */
  seed: number;
  /** 1 = about 7 000 people and a few tens of thousands of rows; the population scales with it. */
  scale: number;
  /** Created if missing; existing files of the same names are overwritten. */
  outDir: string;
}

/** What was generated and where: the input of `loadDemoRegion` and of the tests. */
export interface DemoManifest {
  seed: number;
  scale: number;
  county: { code: string; name: string };
  /** The data window every department's export covers. */
  period: { from: string; to: string };
  outDir: string;
  divisionsFile: string;
  organisationsFile: string;
  groundTruthFile: string;
  /** Dataset files in the order they should be imported (registries before what refers to them). */
  files: DemoFile[];
  /** Places a car must not go (F08): name, centre and radius in metres. */
  geofences: Array<{ name: string; lat: number; lon: number; radiusM: number }>;
  /** The county's working calendar (F01, F07): statutory holidays and weekends worked in lieu. */
  calendar: { holidays: string[]; workdays: string[] };
  counts: { people: number; households: number; rows: number; rejected: number; cases: number; decoys: number };
}

function newWorld(seed: number, scale: number): DemoWorld {
  const rng = new Rng(seed);
  const ids = new IdentifierFactory(rng.fork('ids'));
  const region = buildRegion(rng.fork('region'), ids);
  return {
    rng,
    ids,
    scale,
    ...region,
    people: [],
    households: [],
    rows: new Map(),
    protectedRows: new Set(),
    cases: [],
    counters: new Map(),
  };
}

function csv(lines: string[][]): string {
  return `${lines.map((l) => l.map((c) => (/[",\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c)).join(',')).join('\n')}\n`;
}

/**
 * Generates the demo region into `outDir`. Promises: the same seed and scale give
 * byte-identical files; every identifier is valid except in the rows listed under
 * `expectedRejected`; every planted case's evidence rows are in the files.
 */
export async function generateDemoRegion(options: GenerateDemoOptions): Promise<DemoManifest> {
  if (!(options.scale > 0)) throw new Error('scale must be positive');
  const world = newWorld(options.seed, options.scale);
  unreported.clear();
  buildPopulation(world);
  assignStaff(world);
  markPoorHouseholds(world);
  generateLifeEvents(world);
  generateOfficials(world);
  generateRegistries(world);
  generateBenefits(world);
  generateProcurement(world);
  generateSpending(world);
  generateMedical(world, deathDates);
  generateCollective(world);
  const geofences = plantAll(world);
  generateReports(world);
  addPeopleRows(world);

  await mkdir(options.outDir, { recursive: true });
  await writeFile(
    join(options.outDir, 'divisions.csv'),
    csv([['code', 'name', 'parent_code'], ...world.divisions.map((d) => [d.code, d.name, d.parentCode ?? ''])]),
  );
  await writeFile(
    join(options.outDir, 'organisations.csv'),
    csv([
      ['code', 'name', 'kind', 'level', 'office_type', 'unit_type', 'parent_code', 'division_code'],
      ...world.organisations.map((o) => [
        o.code,
        o.name,
        o.kind,
        o.level ?? '',
        o.officeType ?? '',
        o.unitType ?? '',
        o.parentCode ?? '',
        o.divisionCode,
      ]),
    ]),
  );
  const files: DemoFile[] = [];
  const fileRng = world.rng.fork('files');
  for (const plan of FILE_PLAN) {
    const dataset = findDataset(plan.dataset);
    if (!dataset) throw new Error(`the catalogue has no dataset ${plan.dataset}`);
    const unit = unitOf(world, plan.department);
    const rows = (world.rows.get(plan.dataset) ?? []).filter(plan.filter ?? (() => true));
    const badRows = Math.min(4, 2 + Math.floor(rows.length / 5000));
    files.push(
      await writeDepartmentFile(
        options.outDir,
        {
          dataset,
          fileName: plan.fileName,
          department: { code: unit.uscc, name: unit.name },
          format: plan.format,
          encoding: plan.encoding,
          style: plan.style,
          rows,
          protectedRows: world.protectedRows,
          badRows,
        },
        fileRng.fork(plan.fileName),
      ),
    );
  }
  const groundTruthFile = 'ground-truth.json';
  await writeFile(
    join(options.outDir, groundTruthFile),
    `${JSON.stringify({ seed: options.seed, scale: options.scale, cases: world.cases }, null, 2)}\n`,
  );
  const manifest: DemoManifest = {
    seed: options.seed,
    scale: options.scale,
    county: { code: COUNTY_CODE, name: COUNTY_NAME },
    period: { from: '2023-01-01', to: '2024-12-31' },
    outDir: options.outDir,
    divisionsFile: 'divisions.csv',
    organisationsFile: 'organisations.csv',
    groundTruthFile,
    files,
    geofences,
    calendar: demoCalendar(),
    counts: {
      people: world.people.length,
      households: world.households.length,
      rows: files.reduce((n, f) => n + f.rows, 0),
      rejected: files.reduce((n, f) => n + f.expectedRejected.length, 0),
      cases: world.cases.filter((c) => c.kind === 'planted').length,
      decoys: world.cases.filter((c) => c.kind === 'decoy').length,
    },
  };
  // The manifest is written without outDir, so the folder can be moved and still loaded.
  await writeFile(join(options.outDir, 'manifest.json'), `${JSON.stringify({ ...manifest, outDir: '.' }, null, 2)}\n`);
  return manifest;
}

/** Person and death rows come last: planted cases add people and deaths of their own. */
function addPeopleRows(world: DemoWorld): void {
  const byId = new Map(world.people.map((p) => [p.id, p]));
  for (const p of world.people) {
    addRow(world, 'person', {
      id: p.id,
      name: p.name,
      gender: p.sex,
      birth_date: p.birthDate,
      division: p.division,
      address: p.household.address,
      household_no: p.household.no,
      household_role: p.role,
      phone: p.phone,
      status: p.status,
    });
  }
  for (const [id, date] of [...deathDates].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const p = byId.get(id);
    if (!p) continue;
    addRow(world, 'death', { id, name: p.name, death_date: date, source: 'public_security', division: p.division });
    if (world.rng.chance(0.6))
      addRow(world, 'death', {
        id,
        name: p.name,
        death_date: date,
        source: world.rng.pick(['funeral', 'health']),
        division: p.division,
      });
  }
}
