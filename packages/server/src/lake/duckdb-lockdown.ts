import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { LakeError } from './errors.js';

/** Where a DuckDB lake lives and what it may touch. */
export interface DuckDbLakeOptions {
  /** The database file, or ':memory:' for a throwaway lake. */
  file: string;
  /**
   * The only folder the engine may read or write files in: where imports put the copy of a
   * file DuckDB reads itself. Never the data folder: that holds the secret key and the
   * operational store. Created if missing.
   */
  importDir: string;
  /** DuckDB's memory limit (e.g. '512MB'); past it the engine spills to `<file>.tmp`. */
  memoryLimit?: string;
}

/**
 * Opens DuckDB so that no SQL reaching it can touch a file outside `importDir` (and the
 * engine's own spill folder, which DuckDB always allows) or the network, install or load
 * an extension, or change any setting: external access off, extensions neither installed
 * nor loaded on demand (json, parquet and icu are built in), then the configuration
 * locked. The database file and its write-ahead log are opened before the lock, so
 * checkpoints and recovery are unaffected.
 */
export async function openLockedDuckDb(
  options: DuckDbLakeOptions,
): Promise<{ instance: DuckDBInstance; importDir: string }> {
  const importDir = path.resolve(options.importDir);
  if (options.file !== ':memory:' && isInside(path.resolve(options.file), importDir)) {
    throw new LakeError(
      'LAKE_INVALID_DEFINITION',
      'The lake import folder must not hold the lake file: give it a folder of its own (<data folder>/uploads)',
    );
  }
  await mkdir(importDir, { recursive: true });
  const instance = await DuckDBInstance.create(options.file, {
    autoinstall_known_extensions: 'false',
    autoload_known_extensions: 'false',
    ...(options.memoryLimit === undefined ? {} : { memory_limit: options.memoryLimit }),
  });
  try {
    const connection = await instance.connect();
    try {
      // A list setting cannot go through DuckDB's open-time config, so it is set here, by the
      // only connection that exists yet, before the lock makes every setting final.
      await connection.run(`SET allowed_directories = [${quoteLiteral(importDir + path.sep)}]`);
      await connection.run('SET enable_external_access = false');
      await connection.run('SET lock_configuration = true');
    } finally {
      connection.closeSync();
    }
  } catch (error) {
    instance.closeSync();
    throw error;
  }
  return { instance, importDir };
}

function isInside(file: string, dir: string): boolean {
  const relative = path.relative(dir, file);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

function quoteLiteral(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}
