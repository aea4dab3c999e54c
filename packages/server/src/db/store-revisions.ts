import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import pg from 'pg';
import type { DB } from './schema.js';

/*
 * The revision of what a kept answer read, without asking the store on every request.
 *
 * Each topic is a set of tables. Every statement that changes one of them advances the
 * topic's sequence and sends a NOTIFY on STORE_CHANGED_CHANNEL with the topic's name
 * (triggers of the migrations 20261213100000 and 20261216180000). PostgreSQL delivers a
 * notice when the change commits, to every process listening, so an answer kept under the
 * count of notices seen holds until that count moves: no round trip per request, and no
 * window between a change's statement and its commit in which a reader keeps the old rows
 * under the new number (which reading the sequence alone had). PGlite delivers the notice
 * in the process itself, as the committing statement returns.
 *
 * While the listening connection is down (PostgreSQL restarted, the network broke), a
 * revision is the sequence read from the store, as before, marked inexact: a kept answer is
 * then also read again after a while (db/revision-cache.ts). Listening again starts a new
 * generation, so nothing kept before is taken for current: notices sent while nobody
 * listened are lost, and the new generation stands for all of them.
 */

export const STORE_CHANGED_CHANNEL = 'qf_store_changed';

/**
 * What the warning list and the overview read; what a session says of its user, and what
 * each role may do (session.service.ts, role-permissions.service.ts); what the clue
 * registry and a clue's page read (modules/clues/clue-reads.ts).
 */
export type RevisionTopic = 'warning_reads' | 'auth_reads' | 'clue_reads';

const SEQUENCES: Record<RevisionTopic, string> = {
  warning_reads: 'warning_reads_revision',
  auth_reads: 'auth_reads_revision',
  clue_reads: 'clue_reads_revision',
};

export interface Revision {
  key: string;
  /** From notices: holds until a change commits. Else read from the sequence (see above). */
  exact: boolean;
}

export class StoreRevisions {
  private generation = 0;
  private listening = false;
  private readonly notices = new Map<string, number>();
  /**
   * The backends of this process's pooled connections, which count their own notices as
   * they commit: the listening connection leaves those to them, so a change counts once.
   */
  readonly ownBackends = new Set<number>();

  constructor(private readonly db: Kysely<DB>) {}

  /** A notice came: the topic's tables changed in a committed transaction. */
  changed(topic: string): void {
    this.notices.set(topic, (this.notices.get(topic) ?? 0) + 1);
  }

  /** Listening (again): what was counted before no longer says anything. */
  listen(): void {
    this.generation += 1;
    this.listening = true;
  }

  /** The listening connection is gone: revisions are read from the sequences until it is back. */
  deaf(): void {
    this.listening = false;
  }

  async read(topic: RevisionTopic): Promise<Revision> {
    if (this.listening) return { key: `n${this.generation}.${this.notices.get(topic) ?? 0}`, exact: true };
    const row = await sql<{ last_value: string | number; is_called: boolean }>`
      SELECT last_value, is_called FROM ${sql.table(SEQUENCES[topic])}`.execute(this.db);
    const current = row.rows[0];
    return { key: current ? `s${current.last_value}/${current.is_called}` : 's', exact: false };
  }
}

/** How the listening connection names itself to the store (pg_stat_activity shows it). */
export const LISTENER_NAME = 'qingfeng store changes';

/** Wait before listening again after the connection failed. */
const RELISTEN_MS = 1_000;

/**
 * Listens for the store's notices on a connection of its own (a pooled one would be
 * handed to queries), reconnecting while the store is away. Returns the stop function.
 */
export function listenOnPostgres(url: string, revisions: StoreRevisions): () => Promise<void> {
  let client: pg.Client | undefined;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;

  const lost = (lostClient: pg.Client) => {
    if (client !== lostClient) return;
    client = undefined;
    revisions.deaf();
    void lostClient.end().catch(() => undefined);
    if (!stopped) timer = setTimeout(() => void connect(), RELISTEN_MS).unref();
  };

  async function connect(): Promise<void> {
    const next = new pg.Client({ connectionString: url, application_name: LISTENER_NAME });
    client = next;
    next.on('notification', (notice) => {
      if (!revisions.ownBackends.has(notice.processId)) revisions.changed(notice.payload ?? '');
    });
    next.on('error', () => lost(next));
    next.on('end', () => lost(next));
    try {
      await next.connect();
      await next.query(`LISTEN ${STORE_CHANGED_CHANNEL}`);
      if (client === next && !stopped) revisions.listen();
      else await next.end();
    } catch {
      lost(next);
    }
  }

  void connect();
  return async () => {
    stopped = true;
    clearTimeout(timer);
    const last = client;
    client = undefined;
    revisions.deaf();
    await last?.end().catch(() => undefined);
  };
}
