import type { SubtreeId, SubtreeReader } from '@qingfeng/core';
import type { Insertable, Kysely, Selectable } from 'kysely';
import type {
  DB,
  TransparencyEntryTable,
  TransparencyLogTable,
  TransparencySubtreeTable,
  TransparencyTreeHeadTable,
} from '../../db/schema.js';

export type LogState = Selectable<TransparencyLogTable>;
export type StoredEntry = Selectable<TransparencyEntryTable>;
export type StoredTreeHead = Selectable<TransparencyTreeHeadTable>;

/** Both drivers give bytea as bytes (a Buffer on node-postgres); one type from here on. */
const bytes = (value: Uint8Array): Uint8Array => new Uint8Array(value.buffer, value.byteOffset, value.byteLength);

/** All SQL of the transparency log. Entries, subtrees and tree heads are only ever inserted. */
export class TransparencyRepository implements SubtreeReader {
  constructor(private readonly db: Kysely<DB>) {}

  findState(): Promise<LogState | undefined> {
    return this.db.selectFrom('transparency_log').selectAll().executeTakeFirst();
  }

  /** Creates the log's one row if it has none: its hash and origin are fixed from then on. */
  async ensureState(hashName: LogState['hash_name'], origin: string): Promise<void> {
    await this.db
      .insertInto('transparency_log')
      .values({ id: 1, hash_name: hashName, origin })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
  }

  /**
   * The log's row, locked for this transaction; undefined when another transaction holds it
   * (another server's sequencer is appending: this one skips its turn rather than wait).
   */
  lockState(): Promise<LogState | undefined> {
    return this.db.selectFrom('transparency_log').selectAll().forUpdate().skipLocked().executeTakeFirst();
  }

  async setSize(size: number): Promise<void> {
    await this.db.updateTable('transparency_log').set({ size }).where('id', '=', 1).execute();
  }

  /** The oldest queued rows, in the order their transactions queued them (by id). */
  takeQueued(limit: number): Promise<{ id: number; kind: string; sourceId: string }[]> {
    return this.db
      .selectFrom('transparency_queue')
      .select(['id', 'kind', 'source_id as sourceId'])
      .orderBy('id')
      .limit(limit)
      .execute();
  }

  async removeQueued(ids: readonly number[]): Promise<void> {
    if (ids.length === 0) return;
    await this.db
      .deleteFrom('transparency_queue')
      .where('id', 'in', [...ids])
      .execute();
  }

  async countQueued(): Promise<number> {
    const row = await this.db
      .selectFrom('transparency_queue')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .executeTakeFirstOrThrow();
    return Number(row.count);
  }

  /** Which of these sources the log already holds (`kind/source id`). */
  async findLogged(sources: readonly { kind: string; sourceId: string }[]): Promise<Set<string>> {
    const logged = new Set<string>();
    // One `in` list per kind, which the (kind, source_id) unique index answers directly.
    for (const kind of new Set(sources.map((s) => s.kind))) {
      const ids = sources.filter((s) => s.kind === kind).map((s) => s.sourceId);
      const rows = await this.db
        .selectFrom('transparency_entries')
        .select('source_id')
        .where('kind', '=', kind)
        .where('source_id', 'in', ids)
        .execute();
      for (const row of rows) logged.add(`${kind}/${row.source_id}`);
    }
    return logged;
  }

  async insertEntries(entries: readonly Insertable<TransparencyEntryTable>[]): Promise<void> {
    if (entries.length === 0) return;
    await this.db
      .insertInto('transparency_entries')
      .values([...entries])
      .execute();
  }

  async insertSubtrees(subtrees: readonly Insertable<TransparencySubtreeTable>[]): Promise<void> {
    // A few thousand rows at most per statement keeps well below PostgreSQL's 65,535 parameters.
    for (let i = 0; i < subtrees.length; i += 5000) {
      await this.db
        .insertInto('transparency_subtrees')
        .values(subtrees.slice(i, i + 5000))
        .execute();
    }
  }

  /** Stored subtree hashes, in the order asked, in one query; throws if one is missing. */
  async readSubtrees(ids: readonly SubtreeId[]): Promise<readonly Uint8Array[]> {
    if (ids.length === 0) return [];
    const rows = await this.db
      .selectFrom('transparency_subtrees')
      .select(['level', 'idx', 'hash'])
      .where((eb) => eb.or(ids.map((id) => eb.and([eb('level', '=', id.level), eb('idx', '=', id.index)]))))
      .execute();
    const found = new Map(rows.map((row) => [`${row.level}/${Number(row.idx)}`, bytes(row.hash)]));
    return ids.map((id) => {
      const hash = found.get(`${id.level}/${id.index}`);
      if (!hash) throw new Error(`the log has no subtree at level ${id.level}, index ${id.index}`);
      return hash;
    });
  }

  async findEntry(index: number): Promise<StoredEntry | undefined> {
    const row = await this.db
      .selectFrom('transparency_entries')
      .selectAll()
      .where('idx', '=', index)
      .executeTakeFirst();
    return row && { ...row, entry: bytes(row.entry), leaf_hash: bytes(row.leaf_hash) };
  }

  /** The entry that logged a source row (an audit row's id, a batch's id), if it is sequenced. */
  async findEntryBySource(kind: string, sourceId: string): Promise<StoredEntry | undefined> {
    const row = await this.db
      .selectFrom('transparency_entries')
      .selectAll()
      .where('kind', '=', kind)
      .where('source_id', '=', sourceId)
      .executeTakeFirst();
    return row && { ...row, entry: bytes(row.entry), leaf_hash: bytes(row.leaf_hash) };
  }

  /** Entries from `from` on, in index order, `limit` at a time (verify reads the log this way). */
  async findEntries(from: number, limit: number): Promise<StoredEntry[]> {
    const rows = await this.db
      .selectFrom('transparency_entries')
      .selectAll()
      .where('idx', '>=', from)
      .orderBy('idx')
      .limit(limit)
      .execute();
    return rows.map((row) => ({ ...row, entry: bytes(row.entry), leaf_hash: bytes(row.leaf_hash) }));
  }

  async insertTreeHead(head: Insertable<TransparencyTreeHeadTable>): Promise<void> {
    await this.db.insertInto('transparency_tree_heads').values(head).execute();
  }

  async findLatestTreeHead(): Promise<StoredTreeHead | undefined> {
    const row = await this.db
      .selectFrom('transparency_tree_heads')
      .selectAll()
      .orderBy('size', 'desc')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row && { ...row, root_hash: bytes(row.root_hash) };
  }

  async findTreeHeads(): Promise<StoredTreeHead[]> {
    const rows = await this.db.selectFrom('transparency_tree_heads').selectAll().orderBy('id').execute();
    return rows.map((row) => ({ ...row, root_hash: bytes(row.root_hash) }));
  }
}
