import { createReadStream } from 'node:fs';
import { pipeline, Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip } from 'node:zlib';
import { BackupError } from './backup-error.js';
import { BACKUP_FORMAT_VERSION, type BackupManifest, type BackupRecord, RowSetHash } from './backup-format.js';
import type { LakeTableDef } from '../lake/index.js';
import { openSealedChunks, type SealedFileInfo } from './sealed-chunks.js';

/** One line of a backup's plaintext: a row's JSON, or a record. */
export type BackupLine = { row: string } | { record: BackupRecord };

/**
 * Yields the lines of a backup file, each chunk opened (its tag checked) before any of its
 * bytes are decompressed. Errors of the seal (wrong passphrase, altered or cut-off file)
 * surface as BackupErrors.
 */
export async function* readBackupLines(
  file: string,
  passphrase: string,
  onHeader?: (info: SealedFileInfo) => void,
): AsyncGenerator<BackupLine> {
  const gunzip = createGunzip();
  // The callback form passes the seal's error on to gunzip, so the loop below throws it.
  pipeline(Readable.from(openSealedChunks(createReadStream(file), passphrase, onHeader)), gunzip, () => undefined);
  const decoder = new StringDecoder('utf8');
  let rest = '';
  for await (const piece of gunzip as AsyncIterable<Buffer>) {
    rest += decoder.write(piece);
    let start = 0;
    for (let end = rest.indexOf('\n'); end >= 0; end = rest.indexOf('\n', start)) {
      yield parseLine(rest.slice(start, end));
      start = end + 1;
    }
    rest = rest.slice(start);
  }
  rest += decoder.end();
  if (rest !== '') throw new BackupError('The backup ends in the middle of a line: it is damaged');
}

function parseLine(line: string): BackupLine {
  if (line.startsWith('R')) return { row: line.slice(1) };
  if (line.startsWith('H')) return { record: JSON.parse(line.slice(1)) as BackupRecord };
  throw new BackupError('The backup holds a line of an unknown kind: it is damaged');
}

/** Lines of a backup read one at a time, with a look at the next. */
export class BackupLineReader {
  private readonly lines: AsyncGenerator<BackupLine>;
  private peeked: BackupLine | null | undefined;

  constructor(lines: AsyncGenerator<BackupLine>) {
    this.lines = lines;
  }

  async peek(): Promise<BackupLine | null> {
    if (this.peeked === undefined) {
      const step = await this.lines.next();
      this.peeked = step.done === true ? null : step.value;
    }
    return this.peeked;
  }

  async next(): Promise<BackupLine | null> {
    const line = await this.peek();
    this.peeked = undefined;
    return line;
  }

  /** The next line, which must be a record. */
  async nextRecord(): Promise<BackupRecord> {
    const line = await this.next();
    if (line === null || !('record' in line)) throw malformed();
    return line.record;
  }

  async close(): Promise<void> {
    await this.lines.return(undefined);
  }
}

/** What a checked backup holds. */
export interface CheckedBackup {
  manifest: BackupManifest;
  /** The lake tables' definitions, which a restore creates before it fills them. */
  lakeDefs: LakeTableDef[];
  cipher: SealedFileInfo['cipher'];
}

/**
 * Reads a whole backup without writing anything: every chunk's tag, the structure, and every
 * table's row count and hash against its closing record and against the manifest. A restore
 * runs this first, so a wrong passphrase or an altered byte is found before the first write.
 */
export async function checkBackup(file: string, passphrase: string): Promise<CheckedBackup> {
  let cipher: SealedFileInfo['cipher'] | undefined;
  const reader = new BackupLineReader(readBackupLines(file, passphrase, (info) => (cipher = info.cipher)));
  const seen: { store: 'operational' | 'lake'; name: string; rows: number; hash: string }[] = [];
  const lakeDefs: LakeTableDef[] = [];
  let sequences = 0;
  let manifest: BackupManifest | undefined;
  for (let line = await reader.next(); line !== null; line = await reader.next()) {
    if (manifest !== undefined || !('record' in line)) throw malformed();
    const record = line.record;
    switch (record.kind) {
      case 'operational-table':
      case 'lake-table': {
        if (record.kind === 'lake-table') lakeDefs.push(record.def);
        const name = record.kind === 'lake-table' ? record.def.name : record.name;
        const hash = new RowSetHash();
        for (let row = await reader.peek(); row !== null && 'row' in row; row = await reader.peek()) {
          hash.add(row.row);
          await reader.next();
        }
        const end = await reader.nextRecord();
        if (end.kind !== 'table-end' || end.rows !== hash.rows || end.hash !== hash.digest()) {
          throw new BackupError(`The backup's table ${name} does not match its own count and hash: it is damaged`);
        }
        seen.push({
          store: record.kind === 'lake-table' ? 'lake' : 'operational',
          name,
          rows: hash.rows,
          hash: end.hash,
        });
        break;
      }
      case 'sequence':
        sequences += 1;
        break;
      case 'manifest':
        manifest = record.manifest;
        break;
      case 'table-end':
        throw malformed();
    }
  }
  if (manifest === undefined || cipher === undefined) throw malformed();
  if (manifest.formatVersion !== BACKUP_FORMAT_VERSION) {
    throw new BackupError(`Backup format ${manifest.formatVersion} is not one this version restores`);
  }
  const listed = [
    ...manifest.operational.tables.map((t) => ({ store: 'operational', ...t })),
    ...manifest.lake.tables.map((t) => ({ store: 'lake', ...t })),
  ];
  const matches =
    listed.length === seen.length &&
    sequences === manifest.operational.sequences &&
    listed.every((t, i) => {
      const s = seen[i];
      return s !== undefined && s.store === t.store && s.name === t.name && s.rows === t.rows && s.hash === t.hash;
    });
  if (!matches) throw new BackupError('The backup does not match its manifest: it is damaged');
  return { manifest, lakeDefs, cipher };
}

function malformed(): BackupError {
  return new BackupError('The backup is not laid out as a backup should be: it is damaged');
}
