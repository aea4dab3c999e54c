import {
  DEFAULT_DEADLINE_POLICY,
  type ClueRecord,
  type Permission,
  type Role,
  newClue,
  recuseFromClue,
} from '@qingfeng/core';
import { NotFoundError, ValidationError } from '../../http/errors.js';
import { cachedAtRevision } from '../../db/revision-cache.js';
import { OverdueCursors } from '../../http/overdue-paging.js';
import type { Platform } from '../../platform/platform.js';
import { type AuditActor, recordAudit } from '../audit/index.js';
import { isRecusedFrom } from './clue-access.js';
import { keptClueRead, keptProblemTypeLabels, problemTypeLabels } from './clue-reads.js';
import { announceClueEvent, type ClueServices } from './clue-events.js';
import { findFreeConfirmedWarnings } from './clue-warnings.js';
import { findKinshipConflicts, writeKinshipRecusals } from './clue-kinship.js';
import { subjectRows } from './clue-subjects.js';
import { ClueTiesRepository } from './clue-ties.repository.js';
import {
  HANDLING_ROLES,
  allowedClueActions,
  commissionDate,
  commissionTime,
  procedureActor,
} from './clue-procedure.js';
import { presentClueDetail, presentClueSummary, RECEIVE_ACTION } from './clues.presenter.js';
import { clueFilterOf } from './clue-filter.js';
import { CluesRepository } from './clues.repository.js';
import type {
  TClueDetail,
  TClueQuery,
  TClueSummary,
  TOverduePage,
  TOverdueQuery,
  TRegisterClue,
} from './clues.schemas.js';

/** Who is reading or handling clues, and over which divisions. */
export interface ClueViewer {
  jurisdictionPrefix: string;
  userId: number;
  username: string;
  displayName: string;
  role: Role;
  orgId: number;
  permissions: ReadonlySet<Permission>;
  actor: AuditActor;
}

/** The problem types a clue may be filed under. */
export async function listProblemTypes(platform: Platform) {
  const labels = await keptProblemTypeLabels(platform.database);
  return { items: [...labels].map(([code, label]) => ({ code, label })) };
}

/**
 * Receives a clue inside the viewer's jurisdiction: from scratch, or made of confirmed
 * warnings of the jurisdiction that belong to no clue yet (each then shows the clue). The
 * clue, its subjects (identity numbers sealed, with a blind index), its first timeline
 * entry and the audit entry are written in one transaction, in the hands of the viewer.
 * Staff who are a subject or a subject's relative (the lake's kinship data) are recused at
 * once, each with a timeline entry. Returns the new clue's id.
 */
export async function registerClue(platform: ClueServices, viewer: ClueViewer, input: TRegisterClue): Promise<number> {
  const now = platform.clock.now();
  const idNumbers = input.subjects.flatMap((s) => (s.idNumber ? [s.idNumber] : []));
  const { id, division, responsible } = await platform.database.db.transaction().execute(async (trx) => {
    const repository = new CluesRepository(trx);
    if (!(await problemTypeLabels(trx)).has(input.problemType)) {
      throw new ValidationError('Unknown problem type', 'body.problemType');
    }
    // Another county's warning is answered like one that does not exist.
    const warnings = await findFreeConfirmedWarnings(repository, viewer.jurisdictionPrefix, input.warningIds);
    const division = input.divisionCode ?? warnings[0]!.division_code;
    if (!division.startsWith(viewer.jurisdictionPrefix)) {
      throw new ValidationError('The division lies outside your jurisdiction', 'body.divisionCode');
    }

    const conflicts = await findKinshipConflicts(platform, trx, division, idNumbers);
    const at = commissionTime(now);
    const placeholder = newClue('0', input.source, at);
    const id = await repository.insertClue({
      org_id: viewer.orgId,
      division_code: division,
      source: input.source,
      problem_type: input.problemType,
      title: input.title,
      summary: input.summary,
      state: placeholder.state,
      registration_year: null,
      registration_seq: null,
      registration_number: null,
      record: placeholder,
      deadline_step: placeholder.deadline?.step ?? null,
      deadline_due: placeholder.deadline?.dueOn ?? null,
      responsible_org_id: viewer.orgId,
      responsible_user_id: viewer.userId,
      created_by: viewer.userId,
    });
    // The core's record carries the clue's own id, known only once the row exists.
    const received = newClue(String(id), input.source, at, DEFAULT_DEADLINE_POLICY, String(viewer.userId));
    const record = conflicts.reduce((r, c) => recuseFromClue(r, String(c.userId)), received);
    await repository.updateClue(
      id,
      { state: record.state, record, deadline_step: record.deadline!.step, deadline_due: record.deadline!.dueOn },
      now,
    );
    if (record.responsibleId === null) await new ClueTiesRepository(trx).setResponsible(id, null, null);
    await repository.insertSubjects(subjectRows(platform.fieldCrypto, id, input.subjects));
    await repository.attachWarnings(id, input.warningIds);
    await repository.insertStep({
      clue_id: id,
      action: RECEIVE_ACTION,
      from_state: record.state,
      to_state: record.state,
      actor_id: viewer.userId,
      actor_name: viewer.displayName,
      at: now,
      payload: input.warningIds.length > 0 ? { warningIds: input.warningIds } : {},
      reason: null,
      attachments: [],
      deadline: record.deadline,
    });
    // Found by the server as the viewer received the clue: the entries name them as its occasion.
    await writeKinshipRecusals(trx, viewer, id, record.state, conflicts, now);
    await recordAudit(trx, viewer.actor, {
      action: 'clue.register',
      objectType: 'clue',
      objectId: id,
      detail: {
        source: input.source,
        problemType: input.problemType,
        warningIds: input.warningIds,
        recusedByKinship: conflicts.map((c) => c.userId),
      },
    });
    return { id, division, responsible: record.responsibleId !== null };
  });
  // The person who received the clue holds it until it is passed on (unless kinship recused them).
  if (responsible) {
    announceClueEvent(platform, 'clue.assigned', {
      clueId: id,
      divisionCode: division,
      responsibleUserId: viewer.userId,
      responsibleOrgId: viewer.orgId,
      at: now.toISOString(),
    });
  }
  return id;
}

/** A page of the registry inside the viewer's jurisdiction, newest first, by keyset. */
export async function listClues(
  platform: Platform,
  viewer: ClueViewer,
  query: TClueQuery,
): Promise<{ items: TClueSummary[]; nextBefore: number | null }> {
  const today = commissionDate(platform.clock.now());
  const { before, limit, ...params } = query;
  const filter = clueFilterOf(params, today);
  const key = ['registry', viewer.jurisdictionPrefix, today, query];
  return keptClueRead(platform.database, viewer, key, async (hidden) => {
    const rows = await new CluesRepository(platform.database.db).findClues(
      viewer.jurisdictionPrefix,
      { ...filter, hidden },
      limit,
      before,
    );
    const labels = await keptProblemTypeLabels(platform.database);
    return {
      items: rows.map((r) => presentClueSummary(r, labels, today)),
      nextBefore: rows.length === limit ? rows.at(-1)!.id : null,
    };
  });
}

/** The enabled people of the viewer's jurisdiction holding one of `roles`, by name (cases pick their staff here too). */
export async function listColleagues(platform: Platform, viewer: ClueViewer, roles: readonly Role[]) {
  const rows = await new CluesRepository(platform.database.db).findColleagues(viewer.jurisdictionPrefix, roles);
  return { items: rows.map((r) => ({ id: r.id, name: r.display_name, role: r.role })) };
}

/** The people of the viewer's jurisdiction who may sit on a collective triage, by name. */
export const listParticipants = (platform: Platform, viewer: ClueViewer) =>
  listColleagues(platform, viewer, HANDLING_ROLES);

/** The overdue list's cursors; `overdue` is what its cursors have always named, so links made before stay good. */
const OVERDUE_CURSORS = new OverdueCursors('overdue');

/**
 * A page of the viewer's clues past their deadline, the earliest deadline first (ties by id), by
 * keyset: `after` or `before` a previous page's cursor, else from the start. A cursor this
 * list did not make is a 400 before anything is read.
 */
export async function listOverdueClues(
  platform: Platform,
  viewer: ClueViewer,
  query: TOverdueQuery,
): Promise<TOverduePage> {
  const seek = OVERDUE_CURSORS.seekOf(query);
  const today = commissionDate(platform.clock.now());
  const key = ['overdue', viewer.jurisdictionPrefix, today, query];
  return keptClueRead(platform.database, viewer, key, async (hidden) => {
    // One row more than the page, which tells whether another lies beyond it.
    const read = await new CluesRepository(platform.database.db).findOverdue(
      viewer.jurisdictionPrefix,
      today,
      query.limit + 1,
      hidden,
      seek,
    );
    const { rows, nextCursor, prevCursor } = OVERDUE_CURSORS.pageOf(read, query.limit, seek);
    const labels = await keptProblemTypeLabels(platform.database);
    return { items: rows.map((r) => presentClueSummary(r, labels, today)), nextCursor, prevCursor };
  });
}

/**
 * A look at a clue's page: its detail, and an audit entry, since the page names people
 * (every look is on the trail, kept page or not). The detail a step answers with is part of
 * the step and its entry.
 */
export async function lookAtClue(platform: Platform, viewer: ClueViewer, id: number): Promise<TClueDetail> {
  const detail = await getClueDetail(platform, viewer, id);
  await recordAudit(platform.database.db, viewer.actor, {
    action: 'clue.read',
    objectType: 'clue',
    objectId: id,
    detail: { subjects: detail.subjects.length },
  });
  return detail;
}

/**
 * One clue with its timeline and the steps the viewer may take; 404 outside the jurisdiction
 * or to a recused reader. What every reader of the jurisdiction sees alike is kept; the
 * steps this viewer may take are worked out for each request.
 */
export async function getClueDetail(platform: Platform, viewer: ClueViewer, id: number): Promise<TClueDetail> {
  const today = commissionDate(platform.clock.now());
  const kept = await cachedAtRevision(
    platform.database,
    'clue_reads',
    JSON.stringify(['clue', viewer.jurisdictionPrefix, today, id]),
    () => readClueDetail(platform, viewer.jurisdictionPrefix, today, id),
  );
  if (!kept || isRecusedFrom(kept.row, viewer.userId)) throw new NotFoundError(`Clue ${id}`, 'clue_not_found');
  const actor = procedureActor(viewer.userId, viewer.role, viewer.permissions);
  return { ...kept.detail, allowedActions: allowedClueActions(kept.row.record as ClueRecord, actor) };
}

/** A clue inside `prefix` with its parts, presented as every reader sees it; undefined if there is none. */
async function readClueDetail(platform: Platform, prefix: string, today: string, id: number) {
  const db = platform.database.db;
  const repository = new CluesRepository(db);
  const row = await repository.findClue(prefix, id);
  if (!row) return undefined;
  const [subjects, steps, links, warningIds, problemTypes, responsible] = await Promise.all([
    repository.findSubjects(id),
    repository.findSteps(id),
    repository.findLinks(id),
    repository.findWarningIds(id),
    keptProblemTypeLabels(platform.database),
    row.responsible_user_id === null
      ? undefined
      : new ClueTiesRepository(db).findResponsible(row.responsible_user_id, row.responsible_org_id),
  ]);
  const detail = presentClueDetail(row, {
    problemTypes,
    today,
    subjects,
    reveal: (sealed) => platform.fieldCrypto.decrypt(sealed),
    steps,
    links,
    warningIds,
    responsible: responsible ?? null,
    allowedActions: [],
  });
  return { row, detail };
}

/** The clue a warning became or joined, if the viewer may see it. */
export async function findClueOfWarning(platform: Platform, viewer: ClueViewer, warningId: number) {
  const repository = new CluesRepository(platform.database.db);
  const clueId = await repository.findClueOfWarning(warningId);
  if (clueId === null) return { clueId: null };
  const row = await repository.findClue(viewer.jurisdictionPrefix, clueId);
  return { clueId: row && !isRecusedFrom(row, viewer.userId) ? clueId : null };
}
