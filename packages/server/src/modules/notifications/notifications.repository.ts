import { type Kysely, sql } from 'kysely';
import type { DB, NotificationRow } from '../../db/schema.js';

export interface NewNotification {
  recipient_user_id: number;
  kind: string;
  subject_type: string;
  subject_id: number;
  division_code: string;
  params: unknown;
  occasion: string | null;
  created_at: Date;
}

/** Which of a user's notifications they may see now: inside their jurisdiction, about what their permissions let them read. */
export interface NotificationScope {
  userId: number;
  prefix: string;
  subjects: readonly string[];
}

/** All SQL of notifications: writing a fan-out once per occasion, a user's list, marking read. */
export class NotificationsRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /**
   * Writes the notifications, skipping any whose recipient already has one for the same
   * occasion (a reminder a previous sweep sent); returns the rows written.
   */
  async insertMany(rows: readonly NewNotification[]): Promise<NotificationRow[]> {
    if (rows.length === 0) return [];
    const written: NotificationRow[] = [];
    // A bounded statement size however wide the fan-out.
    for (let i = 0; i < rows.length; i += 500) {
      const chunk = rows.slice(i, i + 500).map((r) => ({ ...r, params: sql`${JSON.stringify(r.params)}::jsonb` }));
      written.push(
        ...(await this.db
          .insertInto('notifications')
          .values(chunk)
          .onConflict((oc) =>
            oc.columns(['recipient_user_id', 'occasion']).where('occasion', 'is not', null).doNothing(),
          )
          .returningAll()
          .execute()),
      );
    }
    return written;
  }

  private scoped(scope: NotificationScope) {
    return this.db
      .selectFrom('notifications')
      .where('recipient_user_id', '=', scope.userId)
      .where('division_code', 'like', `${scope.prefix}%`)
      .where('subject_type', 'in', scope.subjects.length > 0 ? [...scope.subjects] : ['-']);
  }

  /** A page of the user's notifications, newest first, below `before` when given. */
  async findPage(scope: NotificationScope, unreadOnly: boolean, limit: number, before?: number) {
    let query = this.scoped(scope).selectAll();
    if (unreadOnly) query = query.where('read_at', 'is', null);
    if (before !== undefined) query = query.where('id', '<', before);
    return query.orderBy('id', 'desc').limit(limit).execute();
  }

  async countUnread(scope: NotificationScope): Promise<number> {
    const { n } = await this.scoped(scope)
      .where('read_at', 'is', null)
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(n);
  }

  /** Marks the user's own notifications among `ids` read (those already read keep their time). */
  async markRead(userId: number, ids: readonly number[], at: Date): Promise<void> {
    if (ids.length === 0) return;
    await this.db
      .updateTable('notifications')
      .set({ read_at: at })
      .where('recipient_user_id', '=', userId)
      .where('id', 'in', [...ids])
      .where('read_at', 'is', null)
      .execute();
  }

  /** Marks every notification the reader can see read. */
  async markAllRead(scope: NotificationScope, at: Date): Promise<void> {
    await this.db
      .updateTable('notifications')
      .set({ read_at: at })
      .where('recipient_user_id', '=', scope.userId)
      .where('division_code', 'like', `${scope.prefix}%`)
      .where('subject_type', 'in', scope.subjects.length > 0 ? [...scope.subjects] : ['-'])
      .where('read_at', 'is', null)
      .execute();
  }

  /** Every enabled user with their role and organisation: who a notification may go to. */
  async findStaff(): Promise<{ id: number; role: string; org_id: number; division_code: string }[]> {
    return this.db
      .selectFrom('users as u')
      .innerJoin('organisations as o', 'o.id', 'u.org_id')
      .select(['u.id', 'u.role', 'u.org_id', 'o.division_code'])
      .where('u.disabled', '=', false)
      .orderBy('u.id')
      .execute();
  }

  /** What a clue's notifications say of it and who holds it. */
  async findClueFacts(id: number) {
    return this.db
      .selectFrom('clues')
      .select(['id', 'title', 'registration_number', 'division_code', 'responsible_user_id', 'responsible_org_id'])
      .where('id', '=', id)
      .executeTakeFirst();
  }

  /** What a case's notifications say of it and where it lies. */
  async findCaseFacts(id: number) {
    return this.db
      .selectFrom('cases')
      .select(['id', 'title', 'case_number', 'division_code'])
      .where('id', '=', id)
      .executeTakeFirst();
  }

  /** The clues whose running deadline falls on or before `until` (an index range): the sweep's candidates. */
  async findCluesDueBy(until: string) {
    return this.db
      .selectFrom('clues')
      .select([
        'id',
        'title',
        'registration_number',
        'division_code',
        'record',
        'responsible_user_id',
        'responsible_org_id',
      ])
      .where('deadline_due', 'is not', null)
      .where('deadline_due', '<=', until)
      .orderBy('deadline_due')
      .orderBy('id')
      .execute();
  }

  /** The cases whose running deadline falls on or before `until`. */
  async findCasesDueBy(until: string) {
    return this.db
      .selectFrom('cases')
      .select(['id', 'title', 'case_number', 'division_code', 'record'])
      .where('deadline_due', 'is not', null)
      .where('deadline_due', '<=', until)
      .orderBy('deadline_due')
      .orderBy('id')
      .execute();
  }
}
