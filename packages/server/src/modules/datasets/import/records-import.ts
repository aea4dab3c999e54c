import { once } from 'node:events';
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { LocalisedText } from '@qingfeng/core';
import { parse } from 'csv-parse';
import type { DatasetServices } from '../batches/batch-events.js';
import type { ImportMode } from '../../../db/schema.js';
import { ValidationError } from '../../../http/errors.js';
import type { AuditActor } from '../../audit/index.js';
import { type ImportOutcome, importDatasetFile } from './import.service.js';
import { uploadPath } from './stale-uploads.js';
import { isKeptOutcome } from './rejected-report.js';

/**
 * Imports of records that do not arrive as a file (API pushes, OCDS releases mapped to
 * rows): the records are written to a JSON Lines file in the data folder and imported
 * through `importDatasetFile`, so they get the same validation, batch, duplicate check and
 * report as an upload. The file is deleted afterwards.
 */

/** A JSON Lines file being written under `<dataDir>/uploads`, one record per line. */
export class JsonLinesTempFile {
  private readonly stream: WriteStream;
  private records = 0;

  private constructor(readonly file: string) {
    this.stream = createWriteStream(file, { flags: 'wx' });
  }

  /** Creates an empty file; `tag` only helps a human reading the folder. */
  static async create(dataDir: string, tag: string): Promise<JsonLinesTempFile> {
    await mkdir(path.join(dataDir, 'uploads'), { recursive: true });
    return new JsonLinesTempFile(uploadPath(dataDir, `${tag}-`, '.jsonl'));
  }

  /** Records written so far (blank lines not counted). */
  get recordCount(): number {
    return this.records;
  }

  /**
   * Writes one record as a line, or a blank line for null, which the reader skips but
   * counts, so that line numbers can follow another file's. A record nested too deeply to
   * write as text is a 400 on `rows`.
   */
  async write(record: Record<string, unknown> | null): Promise<void> {
    if (record !== null) this.records += 1;
    await this.writeText(record === null ? '\n' : `${jsonLine(record, this.records)}\n`);
  }

  /** Writes text as it is (already JSON Lines). */
  async writeText(text: string): Promise<void> {
    if (!this.stream.write(text)) await once(this.stream, 'drain');
  }

  async close(): Promise<void> {
    if (this.stream.writableFinished) return;
    this.stream.end();
    await once(this.stream, 'finish');
  }

  /** Closes and deletes the file; safe to call twice. */
  async discard(): Promise<void> {
    if (!this.stream.closed) {
      this.stream.end();
      await once(this.stream, 'close');
    }
    await rm(this.file, { force: true });
  }
}

function jsonLine(record: Record<string, unknown>, n: number): string {
  try {
    return JSON.stringify(record);
  } catch (error) {
    // JSON.stringify recurses: a value nested thousands deep overflows the stack.
    if (!(error instanceof RangeError)) throw error;
    throw new ValidationError(`rows: record ${n} is nested too deeply`, 'rows', 'record_too_deep');
  }
}

/** Where the records go: like a file import, minus what only files have. */
export interface RecordsImportRequest {
  datasetType: string;
  /** The name the batch is listed under. */
  fileName: string;
  departmentCode: string | null;
  mode?: ImportMode;
  force?: boolean;
}

/** Imports a finished JSON Lines temp file as one batch, then deletes it whatever happens. */
export async function importJsonLinesFile(
  services: DatasetServices,
  actor: AuditActor,
  temp: JsonLinesTempFile,
  request: RecordsImportRequest,
): Promise<ImportOutcome> {
  try {
    await temp.close();
    return await importDatasetFile(services, actor, {
      datasetType: request.datasetType,
      file: temp.file,
      fileName: request.fileName,
      departmentCode: request.departmentCode,
      format: 'jsonl',
      ...(request.mode ? { mode: request.mode } : {}),
      ...(request.force !== undefined ? { force: request.force } : {}),
    });
  } finally {
    await temp.discard();
  }
}

/** One line of a batch's rejected-rows report. */
export interface RejectedRow {
  row: number;
  column: string;
  field: string;
  value: string;
  reason: LocalisedText;
  /** The row was loaded with this cell empty (an optional field's unreadable value), not refused. */
  kept: boolean;
}

/**
 * Reads the first `limit` lines of a rejected-rows report (the CSV the import wrote), and
 * whether there were more, for answers that list the problems inline.
 */
export async function readRejectedRows(
  reportPath: string | null,
  limit: number,
): Promise<{ rows: RejectedRow[]; truncated: boolean }> {
  if (reportPath === null) return { rows: [], truncated: false };
  const rows: RejectedRow[] = [];
  const parser = createReadStream(reportPath).pipe(parse({ bom: true, from_line: 2, relax_column_count: true }));
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      if (rows.length === limit) return { rows, truncated: true };
      const [rowNo = '0', column = '', field = '', value = '', zh = '', en = '', outcome] = record;
      rows.push({ row: Number(rowNo), column, field, value, reason: { zh, en }, kept: isKeptOutcome(outcome) });
    }
  } finally {
    parser.destroy();
  }
  return { rows, truncated: false };
}
