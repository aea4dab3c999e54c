import { type Kysely, sql } from 'kysely';
import type {
  CaseEvidenceRow,
  CasePropertyEntryRow,
  CaseRow,
  CaseStepRow,
  CaseSubjectRow,
  DB,
} from '../../db/schema.js';
import type { OverdueSeek } from '../../http/overdue-paging.js';

/** What the registry filters by, inside a jurisdiction. */
export interface CaseFilter {
  state?: string;
  /** Cases whose running deadline passed before this date (YYYY-MM-DD). */
  overdueOn?: string;
}

export type NewCaseRow = Omit<CaseRow, 'id' | 'created_at' | 'updated_at' | 'deadline_due'> & {
  deadline_due: string | null;
};

/** The columns a step rewrites: the record and what the registry filters on. */
export interface CaseChange {
  state: string;
  record: unknown;
  deadline_step: string | null;
  deadline_due: string | null;
}

export type NewCaseStepRow = Omit<CaseStepRow, 'id'>;
export type NewEvidenceRow = Omit<CaseEvidenceRow, 'id'>;
export type NewPropertyEntryRow = Omit<CasePropertyEntryRow, 'id'>;

const json = (value: unknown) => sql<unknown>`${JSON.stringify(value)}::jsonb`;

/** A case `userId` is not recused from: the core's record lists the recused, and lists leave those cases out for them. */
const notRecused = (userId: number) =>
  sql<boolean>`NOT (record->'recusedIds' @> ${JSON.stringify([String(userId)])}::jsonb)`;

/** The evidence columns a list shows: everything but the bytes. */
const EVIDENCE_COLUMNS = [
  'id',
  'case_id',
  'title',
  'kind',
  'file_name',
  'media_type',
  'size',
  'hash_name',
  'hash',
  'supersedes_id',
  'added_by',
  'added_by_name',
  'added_at',
] as const;
export type EvidenceListRow = Omit<CaseEvidenceRow, 'content'>;

/** All SQL of cases: the registry, one case with its parts, evidence, the ledger, and the writes a step makes. */
export class CasesRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** A page of cases inside `prefix` that `viewerId` is not recused from, highest id first, below `before` when given. */
  async findCases(
    prefix: string,
    viewerId: number,
    filter: CaseFilter,
    limit: number,
    before?: number,
  ): Promise<CaseRow[]> {
    let query = this.db
      .selectFrom('cases')
      .selectAll()
      .where('division_code', 'like', `${prefix}%`)
      .where(notRecused(viewerId));
    if (filter.state) query = query.where('state', '=', filter.state);
    if (filter.overdueOn) query = query.where('deadline_due', '<', filter.overdueOn);
    if (before !== undefined) query = query.where('id', '<', before);
    return query.orderBy('id', 'desc').limit(limit).execute();
  }

  /**
   * A page of the cases inside `prefix` whose running deadline passed before `today`, the
   * earliest deadline first (due date, then id), but those `viewerId` is recused from: from
   * the start, or on the seek's side of its case. Each row comes with its due date as text,
   * to make the next page's cursor from.
   */
  async findOverdue(
    prefix: string,
    viewerId: number,
    today: string,
    limit: number,
    seek?: OverdueSeek,
  ): Promise<(CaseRow & { due_on: string })[]> {
    // Reading back from a position, the cases before it come nearest first, then turn round.
    const reverse = seek !== undefined && !seek.after;
    const direction = reverse ? 'desc' : 'asc';
    let query = this.db
      .selectFrom('cases')
      .selectAll()
      .select(sql<string>`cast(cases.deadline_due as text)`.as('due_on'))
      .where('division_code', 'like', `${prefix}%`)
      .where('deadline_due', '<', today)
      .where(notRecused(viewerId));
    // At or below a county, the county-led index (cases_overdue_county_idx) reads its rows alone, in order.
    if (prefix.length >= 6) query = query.where(sql<string>`left(cases.division_code, 6)`, '=', prefix.slice(0, 6));
    if (seek) {
      const side = seek.after ? sql.raw('>') : sql.raw('<');
      query = query.where(
        sql<boolean>`(cases.deadline_due, cases.id) ${side} (cast(${seek.dueOn} as date), ${seek.id})`,
      );
    }
    const rows = await query.orderBy('deadline_due', direction).orderBy('id', direction).limit(limit).execute();
    return reverse ? rows.reverse() : rows;
  }

  /** One case, only if it lies inside `prefix`; `forUpdate` locks it for the step being taken. */
  async findCase(prefix: string, id: number, forUpdate = false): Promise<CaseRow | undefined> {
    let query = this.db
      .selectFrom('cases')
      .selectAll()
      .where('id', '=', id)
      .where('division_code', 'like', `${prefix}%`);
    if (forUpdate) query = query.forUpdate();
    return query.executeTakeFirst();
  }

  /** The case proposed from a clue, if any, inside `prefix`. */
  async findCaseOfClue(prefix: string, clueId: number): Promise<CaseRow | undefined> {
    return this.db
      .selectFrom('cases')
      .selectAll()
      .where('clue_id', '=', clueId)
      .where('division_code', 'like', `${prefix}%`)
      .executeTakeFirst();
  }

  async insertCase(row: NewCaseRow): Promise<number> {
    const { id } = await this.db
      .insertInto('cases')
      .values({ ...row, record: json(row.record) })
      .returning('id')
      .executeTakeFirstOrThrow();
    return id;
  }

  async updateCase(id: number, change: CaseChange, at: Date): Promise<void> {
    await this.db
      .updateTable('cases')
      .set({ ...change, record: json(change.record), updated_at: at })
      .where('id', '=', id)
      .execute();
  }

  async setCaseNumber(id: number, year: number, seq: number, number: string): Promise<void> {
    await this.db
      .updateTable('cases')
      .set({ case_year: year, case_seq: seq, case_number: number })
      .where('id', '=', id)
      .execute();
  }

  /** The next case number of the commission's year; the upsert's row lock serialises callers. */
  async nextCaseSequence(orgId: number, year: number): Promise<number> {
    const { last_seq } = await this.db
      .insertInto('case_number_counters')
      .values({ org_id: orgId, year, last_seq: 1 })
      .onConflict((oc) =>
        oc.columns(['org_id', 'year']).doUpdateSet({ last_seq: sql`case_number_counters.last_seq + 1` }),
      )
      .returning('last_seq')
      .executeTakeFirstOrThrow();
    return last_seq;
  }

  async appendStep(step: NewCaseStepRow): Promise<void> {
    const { payload, attachments, deadline } = step;
    await this.db
      .insertInto('case_steps')
      .values({
        ...step,
        payload: json(payload),
        attachments: json(attachments),
        deadline: deadline === null ? null : json(deadline),
      })
      .execute();
  }

  async findTimeline(caseId: number): Promise<CaseStepRow[]> {
    return this.db.selectFrom('case_steps').selectAll().where('case_id', '=', caseId).orderBy('id').execute();
  }

  async insertSubjects(rows: Omit<CaseSubjectRow, 'id'>[]): Promise<void> {
    if (rows.length > 0) await this.db.insertInto('case_subjects').values(rows).execute();
  }

  async findSubjects(caseId: number): Promise<CaseSubjectRow[]> {
    return this.db.selectFrom('case_subjects').selectAll().where('case_id', '=', caseId).orderBy('id').execute();
  }

  /** A clue's subjects, copied to the case proposed from it. */
  async findClueSubjects(clueId: number): Promise<Omit<CaseSubjectRow, 'id' | 'case_id'>[]> {
    return this.db
      .selectFrom('clue_subjects')
      .select(['kind', 'name', 'position', 'id_number_enc', 'id_number_hash', 'credit_code'])
      .where('clue_id', '=', clueId)
      .orderBy('id')
      .execute();
  }

  async insertEvidence(row: NewEvidenceRow): Promise<number> {
    const { id } = await this.db.insertInto('case_evidence').values(row).returning('id').executeTakeFirstOrThrow();
    return id;
  }

  async findEvidenceList(caseId: number): Promise<EvidenceListRow[]> {
    return this.db
      .selectFrom('case_evidence')
      .select(EVIDENCE_COLUMNS)
      .where('case_id', '=', caseId)
      .orderBy('id')
      .execute();
  }

  async findEvidence(caseId: number, id: number): Promise<CaseEvidenceRow | undefined> {
    return this.db
      .selectFrom('case_evidence')
      .selectAll()
      .where('case_id', '=', caseId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  async appendPropertyEntry(row: NewPropertyEntryRow): Promise<void> {
    await this.db
      .insertInto('case_property_entries')
      .values({ ...row, entry: json(row.entry) })
      .execute();
  }

  async findPropertyEntries(caseId: number): Promise<CasePropertyEntryRow[]> {
    return this.db
      .selectFrom('case_property_entries')
      .selectAll()
      .where('case_id', '=', caseId)
      .orderBy('id')
      .execute();
  }

  async findOrganisationName(id: number): Promise<string> {
    const row = await this.db.selectFrom('organisations').select('name').where('id', '=', id).executeTakeFirst();
    return row?.name ?? '';
  }
}
