import type { Insertable, Kysely } from 'kysely';
import type { AuditLogTable, DB } from '../../db/schema.js';
import { AuditRepository } from './audit.repository.js';

/*
 * Audit entries written outside a transaction commit in groups. Every look at a person is
 * an entry, so fifty people opening pages at once made fifty single-row INSERTs, each its
 * own statement, trigger run and commit; on the embedded store those run one after another
 * on the server's own thread. While one group's INSERT is under way, the entries that come
 * wait and go in the next, in one statement and one commit. Nobody waits for a group to
 * fill: an entry that finds no INSERT under way is written at once. Each caller's promise
 * settles when its own entry has committed, so no answer leaves before its entry is stored.
 */

type Entry = Insertable<AuditLogTable>;

interface Waiting {
  entry: Entry;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/** The most entries one INSERT carries (each row binds 15 parameters; PostgreSQL allows 65,535). */
const MAX_GROUP = 500;

class GroupedAuditWriter {
  private waiting: Waiting[] = [];
  private writing = false;

  constructor(private readonly db: Kysely<DB>) {}

  write(entry: Entry): Promise<void> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ entry, resolve, reject });
      if (!this.writing) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.writing = true;
    while (this.waiting.length > 0) {
      const group = this.waiting.splice(0, MAX_GROUP);
      await this.writeGroup(group);
    }
    this.writing = false;
  }

  private async writeGroup(group: Waiting[]): Promise<void> {
    const repository = new AuditRepository(this.db);
    try {
      await repository.insertEntries(group.map((w) => w.entry));
      for (const w of group) w.resolve();
    } catch (error) {
      if (group.length === 1) return group[0]!.reject(error);
      // One bad entry must not lose the others: each is written alone, and fails alone.
      for (const w of group) {
        await repository.insertEntries([w.entry]).then(w.resolve, w.reject);
      }
    }
  }
}

/** One writer per store (tests open many stores in one process). */
const writers = new WeakMap<Kysely<DB>, GroupedAuditWriter>();

/** Writes `entry`: inside the caller's transaction when `executor` is one, else with the entries arriving meanwhile. */
export function writeAuditEntry(executor: Kysely<DB>, entry: Entry): Promise<void> {
  if (executor.isTransaction) return new AuditRepository(executor).insertEntries([entry]);
  let writer = writers.get(executor);
  if (!writer) writers.set(executor, (writer = new GroupedAuditWriter(executor)));
  return writer.write(entry);
}
