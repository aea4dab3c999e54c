import { createReadStream } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { DatasetServices } from '../batches/batch-events.js';
import { type AuditActor, recordAudit } from '../../audit/index.js';
import { rollbackBatch } from '../batches/datasets.service.js';
import type { ImportOutcome } from '../import/import.service.js';
import { type MappedRelease, type OcdsProblem, mapCompiledRelease } from './ocds-mapping.js';
import { JsonLinesTempFile, importJsonLinesFile } from '../import/records-import.js';

/**
 * OCDS compiled releases (JSON Lines, one release per line, or one OCDS record with its
 * `compiledRelease` per line) imported as three batches, `tender`, `bid` and `contract`,
 * through the same import as any file. The file is streamed: each release is mapped as it
 * is read (see ocds-mapping.ts) and its rows written to three JSON Lines files in the data
 * folder, which are then imported and deleted. The tender file keeps the OCDS file's line
 * numbers, so a rejected tender row's number is its release's line.
 */

/** Problems listed in the outcome; the count covers them all. */
const PROBLEM_LIMIT = 1000;

const DATASETS = ['tender', 'bid', 'contract'] as const;
type OcdsDataset = (typeof DATASETS)[number];

/** What to import. */
export interface OcdsImportRequest {
  file: string;
  /** The name the batches are listed under (default: the file's base name). */
  fileName?: string;
  departmentCode?: string | null;
  force?: boolean;
}

/** What an OCDS import did. */
export interface OcdsImportOutcome {
  releases: number;
  /** One batch per dataset; null where the file held no row for it. */
  batches: Record<OcdsDataset, ImportOutcome | null>;
  /** Why releases, or parts of them, were refused or rejected (first PROBLEM_LIMIT). */
  problems: OcdsProblem[];
  problemCount: number;
}

function parseLine(text: string, line: number): MappedRelease {
  const problem = (value: string, zh: string, en: string): MappedRelease => ({
    tender: null,
    bids: [],
    contracts: [],
    problems: [{ line, ocid: null, dataset: 'release', path: '', value: value.slice(0, 200), reason: { zh, en } }],
  });
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return problem(text, `JSON 格式错误：${(error as Error).message}`, `invalid JSON: ${(error as Error).message}`);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return problem(text, '该行不是 JSON 对象', 'the line is not a JSON object');
  }
  const record = json as Record<string, unknown>;
  const release =
    typeof record.compiledRelease === 'object' && record.compiledRelease !== null ? record.compiledRelease : record;
  return mapCompiledRelease(release as Record<string, unknown>, line);
}

/**
 * Imports an OCDS JSON Lines file as a tender, a bid and a contract batch. Releases that
 * are not compiled releases are refused; rows are validated like any import (bad rows go to
 * each batch's report, good rows load), and identifiers other than CN-USCC are rejected with
 * a reason. If one batch fails, those already loaded are rolled back, so the file lands
 * whole or not at all. A file already imported is refused (409) unless forced.
 */
export async function importOcdsFile(
  services: DatasetServices,
  actor: AuditActor,
  request: OcdsImportRequest,
): Promise<OcdsImportOutcome> {
  const fileName = request.fileName ?? path.basename(request.file);
  const dataDir = services.config.dataDir;
  const temps = {
    tender: await JsonLinesTempFile.create(dataDir, 'ocds-tender'),
    bid: await JsonLinesTempFile.create(dataDir, 'ocds-bid'),
    contract: await JsonLinesTempFile.create(dataDir, 'ocds-contract'),
  };
  const problems: OcdsProblem[] = [];
  let problemCount = 0;
  let releases = 0;
  const loaded: ImportOutcome[] = [];
  try {
    const lines = createInterface({ input: createReadStream(request.file, 'utf8'), crlfDelay: Infinity });
    let line = 0;
    for await (const raw of lines) {
      line += 1;
      const text = line === 1 ? raw.replace(/^\uFEFF/, '') : raw;
      const mapped = text.trim() === '' ? null : parseLine(text, line);
      if (mapped?.tender) releases += 1;
      // A blank line in the tender file keeps its line numbers those of the OCDS file.
      await temps.tender.write(mapped?.tender ?? null);
      for (const bid of mapped?.bids ?? []) await temps.bid.write(bid);
      for (const contract of mapped?.contracts ?? []) await temps.contract.write(contract);
      problemCount += mapped?.problems.length ?? 0;
      if (problems.length < PROBLEM_LIMIT)
        problems.push(...(mapped?.problems ?? []).slice(0, PROBLEM_LIMIT - problems.length));
    }
    const batches: Record<OcdsDataset, ImportOutcome | null> = { tender: null, bid: null, contract: null };
    for (const dataset of DATASETS) {
      if (temps[dataset].recordCount === 0) continue;
      const outcome = await importJsonLinesFile(services, actor, temps[dataset], {
        datasetType: dataset,
        fileName: `${fileName} (OCDS ${dataset})`,
        departmentCode: request.departmentCode ?? null,
        force: request.force === true,
      });
      loaded.push(outcome);
      batches[dataset] = outcome;
    }
    await recordAudit(services.database.db, actor, {
      action: 'dataset.import_ocds',
      objectType: 'file',
      objectId: fileName,
      detail: { releases, batchIds: loaded.map((o) => o.batch.id), problemCount, problems: problems.slice(0, 20) },
    });
    return { releases, batches, problems, problemCount };
  } catch (error) {
    for (const outcome of loaded) {
      await rollbackBatch(
        services,
        actor,
        outcome.batch.id,
        `OCDS 文件 ${fileName} 的其他批次导入失败 / another batch of OCDS file ${fileName} failed`,
      );
    }
    throw error;
  } finally {
    await Promise.all(Object.values(temps).map((t) => t.discard()));
  }
}

/** The outcome as the command line prints it. */
export function describeOcdsOutcome(outcome: OcdsImportOutcome): string {
  const lines = [`OCDS: ${outcome.releases} compiled releases`];
  for (const dataset of DATASETS) {
    const batch = outcome.batches[dataset]?.batch;
    lines.push(
      batch
        ? `  ${dataset}: batch ${batch.id} ${batch.status}, read ${Number(batch.rows_read)}, loaded ${Number(batch.rows_loaded)}, rejected ${Number(batch.rows_rejected)}`
        : `  ${dataset}: no rows`,
    );
    const report = outcome.batches[dataset]?.reportPath;
    if (report) lines.push(`    rejected rows: ${report}`);
  }
  for (const p of outcome.problems.slice(0, 50)) {
    lines.push(`  line ${p.line} ${p.ocid ?? ''} ${p.dataset} ${p.path} ${p.value}: ${p.reason.zh} / ${p.reason.en}`);
  }
  if (outcome.problemCount > 50) lines.push(`  … ${outcome.problemCount - 50} more problems`);
  return `${lines.join('\n')}\n`;
}
