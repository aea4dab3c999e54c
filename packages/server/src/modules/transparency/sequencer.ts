import {
  appendedSubtrees,
  appendNeighbours,
  encodeEntry,
  hashLeaf,
  logHashByName,
  type LogHashName,
  perfectSubtrees,
} from '@qingfeng/core';
import type { Insertable, Kysely } from 'kysely';
import type { DB, TransparencyEntryTable, TransparencySubtreeTable } from '../../db/schema.js';
import { readQueuedEntries } from './entry-bodies.js';
import { TransparencyRepository } from './transparency.repository.js';

export interface SequenceOptions {
  /** The deployment's hash; the log keeps the one it was created with, and refuses to go on under another. */
  readonly hashName: LogHashName;
  readonly origin: string;
  /** Queued rows appended per pass (one transaction). */
  readonly batchSize?: number;
}

export class LogHashMismatchError extends Error {
  constructor(stored: string, configured: string) {
    super(
      `the transparency log hashes with ${stored} since its first entry; this deployment is configured for ${configured}` +
        ' (QF_GM_ALGORITHMS): a log cannot change its hash',
    );
  }
}

/**
 * One pass of the sequencer: appends the oldest queued rows to the log, in queue order, in one
 * transaction (entries, the perfect subtrees they complete, the new size, the queue rows gone),
 * so a row is logged exactly once or stays queued. The log's row is locked for the pass; a
 * server that finds it locked skips its turn. Returns how many entries were appended.
 */
export async function sequenceOnce(db: Kysely<DB>, options: SequenceOptions): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const repository = new TransparencyRepository(trx);
    const queued = await repository.takeQueued(1);
    if (queued.length === 0) return 0;
    await repository.ensureState(options.hashName, options.origin);
    const state = await repository.lockState();
    if (!state) return 0;
    if (state.hash_name !== options.hashName) throw new LogHashMismatchError(state.hash_name, options.hashName);
    // Taken again under the lock: what another server appended meanwhile is gone from the queue.
    const batch = await repository.takeQueued(options.batchSize ?? 1000);
    const sourced = await readQueuedEntries(trx, batch);
    const hash = logHashByName(state.hash_name);

    // The right edge of the tree: the perfect subtrees of the current size, by level. Appending
    // pairs a new leaf only with these, so a pass reads them once and keeps them up to date.
    let size = Number(state.size);
    const edgeIds = perfectSubtrees({ start: 0, end: size });
    const edge = new Map<number, Uint8Array>();
    (await repository.readSubtrees(edgeIds)).forEach((h, i) => edge.set((edgeIds[i] as { level: number }).level, h));

    const entries: Insertable<TransparencyEntryTable>[] = [];
    const subtrees: Insertable<TransparencySubtreeTable>[] = [];
    const seen = await repository.findLogged(batch);
    for (const item of sourced) {
      // A source row gone (never so for the append-only audit trail) or queued twice is skipped.
      if (!item || seen.has(`${item.kind}/${item.sourceId}`)) continue;
      seen.add(`${item.kind}/${item.sourceId}`);
      const bytes = encodeEntry(item.entry);
      const leaf = hashLeaf(hash, bytes);
      const neighbours = appendNeighbours(size).map((id) => edge.get(id.level) as Uint8Array);
      const added = appendedSubtrees(hash, size, leaf, neighbours);
      for (const subtree of added) subtrees.push({ level: subtree.level, idx: subtree.index, hash: subtree.hash });
      for (let level = 0; level < added.length - 1; level++) edge.delete(level);
      const top = added[added.length - 1] as { level: number; hash: Uint8Array };
      edge.set(top.level, top.hash);
      entries.push({
        idx: size,
        kind: item.kind,
        source_id: item.sourceId,
        division_code: item.divisionCode,
        entry: bytes,
        leaf_hash: leaf,
      });
      size++;
    }
    await repository.insertEntries(entries);
    await repository.insertSubtrees(subtrees);
    await repository.setSize(size);
    await repository.removeQueued(batch.map((q) => q.id));
    return entries.length;
  });
}

/** Runs passes until the queue is empty (what was queued when it started, and what arrives meanwhile). */
export async function sequenceAll(db: Kysely<DB>, options: SequenceOptions): Promise<number> {
  let total = 0;
  for (;;) {
    const appended = await sequenceOnce(db, options);
    total += appended;
    if (appended === 0 && (await new TransparencyRepository(db).countQueued()) === 0) return total;
    if (appended === 0) await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
