import { createReadStream } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { DatasetServices } from '../batches/batch-events.js';
import { type AuditActor, recordAudit } from '../../audit/index.js';
import { rollbackBatch } from '../batches/datasets.service.js';
import type { ImportOutcome } from '../import/import.service.js';
import type { LocalisedText } from '@qingfeng/core';
import { type MappedRelease, type MappingOptions, type OcdsProblem, mapRelease } from './ocds-mapping.js';
import { JsonLinesTempFile, importJsonLinesFile } from '../import/records-import.js';

/**
 * OCDS releases imported as three batches, `tender`, `bid` and `contract`, through the same
 * import as any file. The file is JSON Lines; each line is a release (compiled, or the one
 * release of a process), an OCDS record (its `compiledRelease`), a release package or a
 * record package (each of their releases or records). The file is streamed: each release is
 * mapped as it is read (see ocds-mapping.ts) and its rows written to three JSON Lines files
 * in the data folder, which are then imported and deleted. While each line holds one release
 * the tender file keeps the OCDS file's line numbers, so a rejected tender row's number is
 * its release's line; the problems always name the OCDS line.
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
  /** The currency whose amounts are loaded (ISO 4217, default CNY); see ocds-mapping.ts. */
  currency?: string;
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

const refusal = (line: number, ocid: string | null, value: string, reason: LocalisedText): MappedRelease => ({
  tender: null,
  bids: [],
  contracts: [],
  problems: [{ line, ocid, dataset: 'release', path: '', value: value.slice(0, 200), reason }],
});

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The releases one line holds: a release, a record, or a release or record package. */
function releasesOf(json: Record<string, unknown>): unknown[] {
  const fromRecord = (r: unknown) => (isObject(r) && r.compiledRelease !== undefined ? r.compiledRelease : r);
  if (Array.isArray(json.releases) && json.ocid === undefined) return json.releases;
  if (Array.isArray(json.records)) return json.records.map(fromRecord);
  return [fromRecord(json)];
}

function parseLine(text: string, line: number, options: MappingOptions): MappedRelease[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    return [refusal(line, null, text, { zh: `JSON 格式错误：${message}`, en: `invalid JSON: ${message}` })];
  }
  if (!isObject(json)) {
    return [refusal(line, null, text, { zh: '该行不是 JSON 对象', en: 'the line is not a JSON object' })];
  }
  return releasesOf(json).map((release) =>
    isObject(release)
      ? mapRelease(release, line, options)
      : refusal(line, null, JSON.stringify(release) ?? '', {
          zh: '发布不是 JSON 对象',
          en: 'a release is not a JSON object',
        }),
  );
}

/**
 * Imports an OCDS JSON Lines file as a tender, a bid and a contract batch. A second release
 * of a process already read is refused (compile them first); rows are validated like any
 * import (bad rows go to each batch's report, good rows load). If one batch fails, those already loaded are rolled back, so the file lands
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
    const options = { currency: request.currency ?? 'CNY' };
    // Several releases of one process must be compiled into one first; the import does not merge them.
    const seen = new Set<string>();
    const lines = createInterface({ input: createReadStream(request.file, 'utf8'), crlfDelay: Infinity });
    let line = 0;
    for await (const raw of lines) {
      line += 1;
      const text = line === 1 ? raw.replace(/^\uFEFF/, '') : raw;
      const mapped = (text.trim() === '' ? [] : parseLine(text, line, options)).map((m) => {
        const ocid = m.tender?.tender_id as string | undefined;
        if (ocid === undefined) return m;
        if (!seen.has(ocid)) {
          seen.add(ocid);
          return m;
        }
        return refusal(line, ocid, ocid, {
          zh: '同一 ocid 的另一发布：请先汇编（compile）为一个发布',
          en: 'another release of the same ocid: compile the releases into one first',
        });
      });
      // A blank line in the tender file keeps its line numbers those of the OCDS file.
      if (!mapped.some((m) => m.tender)) await temps.tender.write(null);
      for (const m of mapped) {
        if (m.tender) {
          releases += 1;
          await temps.tender.write(m.tender);
        }
        for (const bid of m.bids) await temps.bid.write(bid);
        for (const contract of m.contracts) await temps.contract.write(contract);
        problemCount += m.problems.length;
        if (problems.length < PROBLEM_LIMIT) problems.push(...m.problems.slice(0, PROBLEM_LIMIT - problems.length));
      }
    }
    const batches: Record<OcdsDataset, ImportOutcome | null> = { tender: null, bid: null, contract: null };
    for (const dataset of DATASETS) {
      if (temps[dataset].recordCount === 0) continue;
      const outcome = await importJsonLinesFile(services, actor, temps[dataset], {
        datasetType: dataset,
        fileName: `${fileName} (OCDS ${dataset}, ${options.currency})`,
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
  const lines = [`OCDS: ${outcome.releases} releases`];
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
