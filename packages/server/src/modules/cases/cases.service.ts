import { type CaseRecord, CASE_MACHINE, CASE_ACTION_LABELS, proposeCase, recusePerson } from '@qingfeng/core';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { ValidationError } from '../../http/errors.js';
import { OverdueCursors, type TOverdueQuery } from '../../http/overdue-paging.js';
import type { Platform } from '../../platform/platform.js';
import { type AuditActor, recordAudit } from '../audit/index.js';
import {
  allowedSteps,
  commissionDate,
  commissionTime,
  problemTypeLabels,
  procedureActor,
  storedSubjectFields,
  usersWithin,
} from '../clues/index.js';
import { type CaseViewer, lockCase, openCase } from './case-access.js';
import { announceCaseStep, type CaseServices } from './case-events.js';
import { presentCaseDetail, presentCaseSummary, PROPOSE_ACTION, RECUSAL_ACTION } from './cases.presenter.js';
import { type CaseFilter, CasesRepository } from './cases.repository.js';
import type { TCaseDetail, TCaseQuery, TCaseSummary, TOverdueCasePage, TProposeCase } from './cases.schemas.js';

interface Proposal {
  orgId: number;
  divisionCode: string;
  clueId: number | null;
  problemType: string;
  title: string;
  summary: string;
  /** Whose recommendation the case is: the filing's approver must be someone else. */
  proposedBy: number;
  /** Staff who may not handle it: those recused from the clue it comes from. */
  recusedIds?: readonly string[];
  by: { userId: number; displayName: string };
  actor: AuditActor;
  at: Date;
}

/** Writes a proposed case, its first timeline entry and the audit entry with `trx`; returns its id and record. */
async function insertProposal(trx: Kysely<DB>, p: Proposal): Promise<{ id: number; record: CaseRecord }> {
  const repository = new CasesRepository(trx);
  const at = commissionTime(p.at);
  const placeholder = proposeCase('0', null, String(p.proposedBy), at);
  const id = await repository.insertCase({
    org_id: p.orgId,
    division_code: p.divisionCode,
    clue_id: p.clueId,
    title: p.title,
    summary: p.summary,
    problem_type: p.problemType,
    state: placeholder.state,
    case_year: null,
    case_seq: null,
    case_number: null,
    record: placeholder,
    deadline_step: null,
    deadline_due: null,
    created_by: p.by.userId,
  });
  // The core's record carries the case's own id, known only once the row exists.
  const proposed = proposeCase(String(id), p.clueId === null ? null : String(p.clueId), String(p.proposedBy), at);
  const record = (p.recusedIds ?? []).reduce((r, person) => recusePerson(r, person), proposed);
  await repository.updateCase(
    id,
    { state: record.state, record, deadline_step: record.deadline!.step, deadline_due: record.deadline!.dueOn },
    p.at,
  );
  await repository.appendStep({
    case_id: id,
    action: PROPOSE_ACTION,
    from_state: record.state,
    to_state: record.state,
    actor_id: p.by.userId,
    actor_name: p.by.displayName,
    at: p.at,
    payload: p.clueId === null ? {} : { clueId: p.clueId },
    reason: null,
    attachments: [],
    deadline: record.deadline,
  });
  await recordAudit(trx, p.actor, {
    action: 'case.propose',
    objectType: 'case',
    objectId: id,
    detail: { clueId: p.clueId, problemType: p.problemType, recused: record.recusedIds.map(Number) },
  });
  return { id, record };
}

/**
 * A clue's verification report was approved with a recommendation to file: its case is
 * proposed inside the same transaction, with the clue's facts and subjects (still sealed),
 * proposed by whoever recommended the filing. Whoever was recused from the clue (declared
 * or by kinship) is recused from the case from its first moment.
 */
export async function proposeCaseFromClue(
  trx: Kysely<DB>,
  event: {
    clueId: number;
    proposedBy: number;
    recusedIds: readonly string[];
    by: Proposal['by'];
    actor: AuditActor;
    at: Date;
  },
): Promise<number> {
  const clue = await trx
    .selectFrom('clues')
    .select(['org_id', 'division_code', 'problem_type', 'title', 'summary'])
    .where('id', '=', event.clueId)
    .executeTakeFirstOrThrow();
  const { id } = await insertProposal(trx, {
    orgId: clue.org_id,
    divisionCode: clue.division_code,
    problemType: clue.problem_type,
    title: clue.title,
    summary: clue.summary,
    ...event,
  });
  const repository = new CasesRepository(trx);
  const subjects = await repository.findClueSubjects(event.clueId);
  await repository.insertSubjects(subjects.map((s) => ({ ...s, case_id: id })));
  return id;
}

/**
 * After the clue's step that proposed its case has committed: the proposal is announced as
 * the case's first step, taken by whoever recommended the filing (the leader who approved
 * the report may well be the one to approve the filing, and must hear of it).
 */
export async function announceCaseOfClue(services: CaseServices, clueId: number, at: Date) {
  const row = await new CasesRepository(services.database.db).findCaseOfClue('', clueId);
  if (!row) return;
  const record = row.record as CaseRecord;
  announceCaseStep(services, {
    caseId: row.id,
    divisionCode: row.division_code,
    action: PROPOSE_ACTION,
    fromState: row.state,
    record,
    actorUserId: Number(record.proposedBy),
    at,
  });
}

/** A case proposed directly (not from a clue) inside the viewer's jurisdiction, announced once stored; returns its id. */
export async function proposeCaseDirectly(platform: CaseServices, viewer: CaseViewer, input: TProposeCase) {
  if (!input.divisionCode.startsWith(viewer.jurisdictionPrefix)) {
    throw new ValidationError('The division lies outside your jurisdiction', 'body.divisionCode');
  }
  const at = platform.clock.now();
  const { id, record } = await platform.database.db.transaction().execute(async (trx) => {
    if (!(await problemTypeLabels(trx)).has(input.problemType)) {
      throw new ValidationError('Unknown problem type', 'body.problemType');
    }
    const proposal = await insertProposal(trx, {
      orgId: viewer.orgId,
      divisionCode: input.divisionCode,
      clueId: null,
      problemType: input.problemType,
      title: input.title,
      summary: input.summary,
      proposedBy: viewer.userId,
      by: { userId: viewer.userId, displayName: viewer.displayName },
      actor: viewer.actor,
      at,
    });
    await new CasesRepository(trx).insertSubjects(
      input.subjects.map((s) => ({ case_id: proposal.id, ...storedSubjectFields(platform.fieldCrypto, s) })),
    );
    return proposal;
  });
  announceCaseStep(platform, {
    caseId: id,
    divisionCode: input.divisionCode,
    action: PROPOSE_ACTION,
    fromState: record.state,
    record,
    actorUserId: viewer.userId,
    at,
  });
  return id;
}

/** A page of the registry inside the viewer's jurisdiction, newest first, by keyset. */
export async function listCases(
  platform: Platform,
  viewer: CaseViewer,
  query: TCaseQuery,
): Promise<{ items: TCaseSummary[]; nextBefore: number | null }> {
  const db = platform.database.db;
  const today = commissionDate(platform.clock.now());
  const filter: CaseFilter = {
    ...(query.state ? { state: query.state } : {}),
    ...(query.overdue === 'true' ? { overdueOn: today } : {}),
  };
  const rows = await new CasesRepository(db).findCases(
    viewer.jurisdictionPrefix,
    viewer.userId,
    filter,
    query.limit,
    query.before,
  );
  const labels = await problemTypeLabels(db);
  return {
    items: rows.map((r) => presentCaseSummary(r, labels, today)),
    nextBefore: rows.length === query.limit ? rows.at(-1)!.id : null,
  };
}

/** The overdue list's cursors, named apart from the clues' so that one list's cursor is refused by the other. */
const OVERDUE_CURSORS = new OverdueCursors('overdue-cases');

/**
 * A page of the viewer's cases past their deadline, the earliest deadline first (ties by id),
 * by keyset: `after` or `before` a previous page's cursor, else from the start. A cursor this
 * list did not make is a 400 before anything is read; the cases the viewer is recused from
 * are left out.
 */
export async function listOverdueCases(
  platform: Platform,
  viewer: CaseViewer,
  query: TOverdueQuery,
): Promise<TOverdueCasePage> {
  const seek = OVERDUE_CURSORS.seekOf(query);
  const db = platform.database.db;
  const today = commissionDate(platform.clock.now());
  // One row more than the page, which tells whether another lies beyond it.
  const read = await new CasesRepository(db).findOverdue(
    viewer.jurisdictionPrefix,
    viewer.userId,
    today,
    query.limit + 1,
    seek,
  );
  const { rows, nextCursor, prevCursor } = OVERDUE_CURSORS.pageOf(read, query.limit, seek);
  const labels = await problemTypeLabels(db);
  return { items: rows.map((r) => presentCaseSummary(r, labels, today)), nextCursor, prevCursor };
}

/**
 * A look at a case's page: its detail, and an audit entry, since the page names people
 * (every look is on the trail). The detail a step answers with is part of the step's entry.
 */
export async function lookAtCase(platform: Platform, viewer: CaseViewer, id: number): Promise<TCaseDetail> {
  const detail = await getCaseDetail(platform, viewer, id);
  await recordAudit(platform.database.db, viewer.actor, {
    action: 'case.read',
    objectType: 'case',
    objectId: id,
    detail: { subjects: detail.subjects.length },
  });
  return detail;
}

/** One case with everything its reader needs and the steps the viewer may take; 404 outside the jurisdiction or when recused. */
export async function getCaseDetail(platform: Platform, viewer: CaseViewer, id: number): Promise<TCaseDetail> {
  const db = platform.database.db;
  const row = await openCase(db, viewer, id);
  const repository = new CasesRepository(db);
  const record = row.record as CaseRecord;
  const [subjects, steps, evidence, problemTypes] = await Promise.all([
    repository.findSubjects(id),
    repository.findTimeline(id),
    repository.findEvidenceList(id),
    problemTypeLabels(db),
  ]);
  const people = [
    ...record.investigatorIds,
    ...record.trialReviewerIds,
    ...(record.decision ? [record.decision.decidedBy] : []),
  ];
  const names = await usersWithin(db, viewer.jurisdictionPrefix, [...new Set(people)].map(Number));
  const actor = procedureActor(viewer.userId, viewer.role, viewer.permissions);
  return presentCaseDetail(row, {
    problemTypes,
    today: commissionDate(platform.clock.now()),
    subjects,
    reveal: (sealed) => platform.fieldCrypto.decrypt(sealed),
    steps,
    evidence,
    names: new Map(names.map((u) => [String(u.id), u.display_name])),
    allowedActions: allowedSteps(CASE_MACHINE, CASE_ACTION_LABELS, record, actor),
  });
}

/** The case a clue led to, if the viewer may open it. */
export async function findCaseOfClue(platform: Platform, viewer: CaseViewer, clueId: number) {
  const row = await new CasesRepository(platform.database.db).findCaseOfClue(viewer.jurisdictionPrefix, clueId);
  const open = row && !(row.record as CaseRecord).recusedIds.includes(String(viewer.userId));
  return { caseId: open ? row.id : null };
}

/**
 * The viewer declares a conflict of interest (回避): the core's record lists them as
 * recused, the timeline and the audit say so, and from now on they cannot open the case.
 */
export async function declareRecusal(platform: Platform, viewer: CaseViewer, id: number, reason: string) {
  const now = platform.clock.now();
  await platform.database.db.transaction().execute(async (trx) => {
    const row = await lockCase(trx, viewer, id);
    const repository = new CasesRepository(trx);
    const record = recusePerson(row.record as CaseRecord, String(viewer.userId));
    await repository.updateCase(
      id,
      { state: record.state, record, deadline_step: row.deadline_step, deadline_due: record.deadline?.dueOn ?? null },
      now,
    );
    await repository.appendStep({
      case_id: id,
      action: RECUSAL_ACTION,
      from_state: record.state,
      to_state: record.state,
      actor_id: viewer.userId,
      actor_name: viewer.displayName,
      at: now,
      payload: {},
      reason,
      attachments: [],
      deadline: null,
    });
    await recordAudit(trx, viewer.actor, { action: 'case.recuse', objectType: 'case', objectId: id, reason });
  });
}
