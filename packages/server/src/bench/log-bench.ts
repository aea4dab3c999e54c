/**
 * The transparency log's benchmark: how fast the sequencer appends (entries a second, through
 * the real path: audit rows queued by their trigger, sequenced in batches), then, on that log,
 * how long an inclusion and a consistency proof take to build from the stored subtrees, and how
 * big they are, and how long `qingfeng verify` takes over the whole log.
 */
import { sql } from 'kysely';
import { proveConsistency, proveInclusion } from '../modules/transparency/index.js';
import { openTemporaryPlatform } from './bench-platform.js';

export interface LogBenchOptions {
  /** Entries in the log (the issue asks for 1,000,000). */
  readonly entries: number;
}

const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;

/** Prints appends a second, proof times and sizes at `entries` entries (PGlite). */
export async function runLogBench(options: LogBenchOptions): Promise<void> {
  const platform = await openTemporaryPlatform();
  try {
    const { services } = platform;
    const db = services.database.db;
    process.stdout.write(`\nTransparency log (PGlite, SHA-256), ${options.entries.toLocaleString('en')} entries\n`);
    // Audit rows in bulk, 100,000 a statement: each queued by the same trigger a request's row is.
    let queueMs = 0;
    for (let done = 0; done < options.entries; done += 100_000) {
      const n = Math.min(100_000, options.entries - done);
      const start = process.hrtime.bigint();
      await sql`insert into audit_log (username, action, outcome, detail)
        select 'bench', 'bench.append', 'allowed', jsonb_build_object('n', g) from generate_series(1, ${n}) g`.execute(
        db,
      );
      queueMs += ms(start);
    }
    const start = process.hrtime.bigint();
    const appended = await services.transparency.sequence();
    const sequenceMs = ms(start);
    process.stdout.write(
      `  audit rows written and queued: ${queueMs.toFixed(0)} ms\n` +
        `  sequenced: ${appended.toLocaleString('en')} entries in ${(sequenceMs / 1000).toFixed(1)} s = ` +
        `${Math.round(appended / (sequenceMs / 1000)).toLocaleString('en')} appends a second (batches of 1,000, one transaction each)\n`,
    );
    const signStart = process.hrtime.bigint();
    const head = await services.transparency.signNow(true);
    process.stdout.write(`  signed tree head at ${Number(head?.size)}: ${ms(signStart).toFixed(1)} ms\n`);

    const size = Number(head?.size);
    const rounds = 200;
    let inclusionMs = 0;
    let inclusionHashes = 0;
    for (let i = 0; i < rounds; i++) {
      const index = Math.floor(Math.random() * size);
      const t = process.hrtime.bigint();
      const proof = await proveInclusion(services, index, size, '');
      inclusionMs += ms(t);
      inclusionHashes = Math.max(inclusionHashes, proof.proof.length);
    }
    let consistencyMs = 0;
    let consistencyHashes = 0;
    for (let i = 0; i < rounds; i++) {
      const first = 1 + Math.floor(Math.random() * (size - 1));
      const t = process.hrtime.bigint();
      const proof = await proveConsistency(services, first, size);
      consistencyMs += ms(t);
      consistencyHashes = Math.max(consistencyHashes, proof.proof.length);
    }
    process.stdout.write(
      `  inclusion proof: ${(inclusionMs / rounds).toFixed(2)} ms on average (${rounds} random entries, one query each), ` +
        `at most ${inclusionHashes} hashes = ${inclusionHashes * 32} bytes\n` +
        `  consistency proof to ${size}: ${(consistencyMs / rounds).toFixed(2)} ms on average, ` +
        `at most ${consistencyHashes} hashes = ${consistencyHashes * 32} bytes\n`,
    );
    const verifyStart = process.hrtime.bigint();
    const report = await services.transparency.verify();
    process.stdout.write(
      `  qingfeng verify: ${report.entries.toLocaleString('en')} entries and ${report.treeHeads} tree heads in ` +
        `${(ms(verifyStart) / 1000).toFixed(1)} s, ${report.divergence ? `DIVERGES: ${report.divergence.what}` : 'intact'}\n`,
    );
  } finally {
    await platform.close();
  }
}
