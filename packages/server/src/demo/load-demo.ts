/**
 * Loads a generated demo region through the same services users go through: the division
 * and organisation CSV imports, then one dataset import per department file. Nothing is
 * written to the stores directly, so a demo load also exercises the import path end to end.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { COMMISSION_CODE, type DemoManifest } from '@qingfeng/demo';
import type { AppServices } from '../app/app-services.js';
import { systemActor } from '../modules/audit/audit.service.js';
import { resolveBatchOwner } from '../modules/datasets/batches/batch-scope.js';
import { importDatasetFile } from '../modules/datasets/import/import.service.js';
import { DivisionsService } from '../modules/organisations/divisions.service.js';
import { OrganisationImportService } from '../modules/organisations/organisation-import.service.js';
import { cliScope } from '../modules/organisations/scope.js';

/** What one dataset file's import did, beside what the manifest expected. */
export interface LoadedFile {
  path: string;
  dataset: string;
  batchId: number;
  rowsRead: number;
  rowsLoaded: number;
  rowsRejected: number;
  expectedRejected: number;
}

export interface DemoLoadReport {
  divisions: number;
  organisations: { inserted: number; updated: number };
  files: LoadedFile[];
}

/**
 * Imports the divisions, the organisation tree and every dataset file of `manifest`, as
 * the command line would (audited as `demo`). Every batch belongs to the demo county's
 * commission, so its rows lie in that county's jurisdiction and no other's. Files are imported with `force`, so a demo
 * can be loaded again on top of itself. Throws on the first file the import refuses.
 */
export async function loadDemoRegion(
  services: AppServices,
  manifest: DemoManifest,
  outDir = manifest.outDir,
): Promise<DemoLoadReport> {
  const scope = cliScope('demo');
  const db = services.database.db;
  const divisions = await new DivisionsService(db).importDivisions(
    scope,
    await readFile(join(outDir, manifest.divisionsFile)),
    { fileName: manifest.divisionsFile },
  );
  const organisations = await new OrganisationImportService(db).importOrganisations(
    scope,
    await readFile(join(outDir, manifest.organisationsFile)),
    {
      fileName: manifest.organisationsFile,
    },
  );
  const owner = await resolveBatchOwner(db, COMMISSION_CODE);
  const actor = { ...systemActor('demo'), orgId: owner.id };
  const files: LoadedFile[] = [];
  for (const file of manifest.files) {
    const outcome = await importDatasetFile(services, actor, {
      datasetType: file.dataset,
      file: join(outDir, file.path),
      fileName: file.path,
      departmentCode: file.departmentCode,
      force: true,
      runModels: false,
    });
    files.push({
      path: file.path,
      dataset: file.dataset,
      batchId: outcome.batch.id,
      rowsRead: outcome.batch.rows_read,
      rowsLoaded: outcome.batch.rows_loaded,
      rowsRejected: outcome.batch.rows_rejected,
      expectedRejected: file.expectedRejected.length,
    });
  }
  return {
    divisions: divisions.rows,
    organisations: { inserted: organisations.inserted, updated: organisations.updated },
    files,
  };
}
