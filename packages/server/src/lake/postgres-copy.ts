import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type pg from 'pg';
import { LakeError } from './errors.js';
import { describe } from './js-values.js';
import type { LakeRows } from './lake.js';

/*
 * COPY … FROM STDIN without pg-copy-streams: pg's client hands the active query the
 * copy-in phase (`handleCopyInResponse`), and its connection can send CopyData, CopyDone
 * and CopyFail. This is the same small surface pg-copy-streams relies on.
 */

/** The part of pg's (untyped) protocol connection that COPY needs. */
interface CopyConnection {
  query(text: string): void;
  sendCopyFromChunk(chunk: Buffer): void;
  endCopyFrom(): void;
  sendCopyFail(message: string): void;
  stream: NodeJS.WritableStream & { writableNeedDrain?: boolean };
}

// About 64 KiB per CopyData message: large enough to amortise, small enough to stream.
const CHUNK_CHARS = 64 * 1024;
const SPECIAL = /[\\\n\r\t]/;
const SPECIAL_ALL = /[\\\n\r\t]/g;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** One value in COPY text format: \N for null, backslash escapes, input text PostgreSQL casts. */
function encodeValue(value: unknown, column: string): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'string')
    return SPECIAL.test(value) ? value.replace(SPECIAL_ALL, (c) => ESCAPES[c] as string) : value;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (typeof value === 'boolean') return value ? 't' : 'f';
  // For a date column PostgreSQL keeps the day of the ISO text: the UTC day, as DuckDB does.
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString();
  throw new LakeError('LAKE_INVALID_VALUE', `Column "${column}" got an unsupported value (${describe(value)})`);
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

/** A pg Submittable running one COPY FROM STDIN fed from `rows`. */
class CopyFromStdin implements pg.Submittable {
  readonly done: Promise<number>;
  private settle!: (error: unknown, count?: number) => void;
  private serverFailed = false;
  private sourceError: unknown;
  private hasSourceError = false;
  private pumping: Promise<void> = Promise.resolve();
  private wake: (() => void) | undefined;
  private copied = 0;

  constructor(
    private readonly text: string,
    private readonly columns: readonly string[],
    private readonly rows: LakeRows,
  ) {
    this.done = new Promise<number>((resolve, reject) => {
      this.settle = (error, count) => {
        // Resolve only once the pump has stopped, so no input is read after we return.
        void this.pumping.then(() => (error === undefined ? resolve(count ?? 0) : reject(asError(error))));
      };
    });
  }

  submit(connection: pg.Connection): void {
    (connection as unknown as CopyConnection).query(this.text);
  }

  handleCopyInResponse(connection: CopyConnection): void {
    this.pumping = this.pump(connection);
  }

  handleCommandComplete(message: { text?: string }): void {
    this.copied = Number(/^COPY (\d+)/.exec(message.text ?? '')?.[1] ?? 0);
  }

  handleReadyForQuery(): void {
    this.settle(undefined, this.copied);
  }

  handleError(error: unknown): void {
    this.serverFailed = true;
    this.wake?.();
    // When we sent CopyFail, the server's "COPY from stdin failed" just echoes our cause.
    this.settle(this.hasSourceError ? this.sourceError : error);
  }

  // pg calls these on any active query; COPY FROM has no result rows.
  handleRowDescription(): void {}
  handleDataRow(): void {}
  handleEmptyQuery(): void {}
  handlePortalSuspended(): void {}
  handleCopyData(): void {}

  private async pump(connection: CopyConnection): Promise<void> {
    try {
      let buffer = '';
      let count = 0;
      for await (const row of this.rows) {
        if (this.serverFailed) return;
        if (!Array.isArray(row) || row.length !== this.columns.length) {
          throw new LakeError(
            'LAKE_INVALID_VALUE',
            `Row ${count + 1} has ${Array.isArray(row) ? row.length : 'no'} values; expected ${this.columns.length}`,
          );
        }
        buffer += row.map((value: unknown, i) => encodeValue(value, this.columns[i] as string)).join('\t') + '\n';
        count += 1;
        if (buffer.length >= CHUNK_CHARS) {
          await this.send(connection, buffer);
          buffer = '';
        }
      }
      if (buffer.length > 0) await this.send(connection, buffer);
      if (!this.serverFailed) connection.endCopyFrom();
    } catch (error) {
      this.hasSourceError = true;
      this.sourceError = error;
      if (!this.serverFailed)
        connection.sendCopyFail(error instanceof Error ? error.message : 'appendRows input failed');
    }
  }

  private async send(connection: CopyConnection, text: string): Promise<void> {
    if (this.serverFailed) return;
    connection.sendCopyFromChunk(Buffer.from(text, 'utf8'));
    if (connection.stream.writableNeedDrain) {
      // Back-pressure from the socket; an error from the server (or a dead socket) wakes us too.
      await new Promise<void>((resolve) => {
        this.wake = resolve;
        connection.stream.once('drain', resolve);
      });
      connection.stream.removeListener('drain', this.wake as () => void);
      this.wake = undefined;
    } else {
      // Let timers and other sockets run between chunks of a long import.
      await yieldToEventLoop();
    }
  }
}

/**
 * Streams rows into `quotedTable (quotedColumns)` with COPY FROM STDIN on `client`, in
 * whatever transaction the client is in. Resolves with the number of rows copied.
 */
export function copyRows(
  client: pg.PoolClient,
  quotedTable: string,
  columns: readonly string[],
  rows: LakeRows,
): Promise<number> {
  const columnList = columns.map((column) => `"${column}"`).join(', ');
  const copy = new CopyFromStdin(`COPY ${quotedTable} (${columnList}) FROM STDIN`, columns, rows);
  client.query(copy);
  return copy.done;
}
