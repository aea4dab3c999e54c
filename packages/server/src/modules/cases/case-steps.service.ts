import {
  type CasePayloads,
  type CaseRecord,
  type CaseState,
  DEFAULT_CASE_NUMBERING,
  type ProcedureCommand,
  type StepResult,
  applyCaseAction,
  formatRegistrationNumber,
} from '@qingfeng/core';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { ValidationError } from '../../http/errors.js';
import { recordAudit } from '../audit/index.js';
import { commissionTime, numberingAbbreviation, procedureActor, stepRefused, usersWithin } from '../clues/index.js';
import { type CaseViewer, lockCase } from './case-access.js';
import { announceCaseStep, type CaseServices } from './case-events.js';
import { CasesRepository } from './cases.repository.js';
import type { TCaseStepBody } from './cases.schemas.js';

/** Asks the core to take `action` on the locked case; a refusal becomes the API's 409 or 422. */
export function askCore(
  viewer: CaseViewer,
  record: CaseRecord,
  action: string,
  payload: Record<string, unknown>,
  now: Date,
): Extract<StepResult<CaseState, CaseRecord>, { ok: true }> {
  const actor = procedureActor(viewer.userId, viewer.role, viewer.permissions);
  const command = { action, actor, at: commissionTime(now), payload } as ProcedureCommand<CasePayloads>;
  const result = applyCaseAction(record, command);
  if (!result.ok) throw stepRefused(result.rejection);
  return result;
}

/** Stores a step the core allowed: the new record, its timeline entry and the audit entry, with `trx`. */
export async function storeCaseStep(
  trx: Kysely<DB>,
  viewer: CaseViewer,
  caseId: number,
  result: Extract<StepResult<CaseState, CaseRecord>, { ok: true }>,
  summary: Record<string, unknown>,
  now: Date,
): Promise<void> {
  const repository = new CasesRepository(trx);
  const { record, entry } = result;
  await repository.updateCase(
    caseId,
    {
      state: record.state,
      record,
      deadline_step: record.deadline?.step ?? null,
      deadline_due: record.deadline?.dueOn ?? null,
    },
    now,
  );
  await repository.appendStep({
    case_id: caseId,
    action: entry.action,
    from_state: entry.from,
    to_state: entry.to,
    actor_id: viewer.userId,
    actor_name: viewer.displayName,
    at: now,
    payload: summary,
    reason: entry.reason,
    attachments: entry.attachments,
    deadline: entry.deadline,
  });
  await recordAudit(trx, viewer.actor, {
    action: 'case.step',
    objectType: 'case',
    objectId: caseId,
    ...(entry.reason ? { reason: entry.reason } : {}),
    detail: { step: entry.action, from: entry.from, to: entry.to, ...summary },
  });
}

/** Staff of the viewer's jurisdiction named by a step, as the core's ids, with their names for the timeline. */
async function staffOf(trx: Kysely<DB>, viewer: CaseViewer, ids: readonly number[], field: string) {
  const unique = [...new Set(ids)];
  const found = await usersWithin(trx, viewer.jurisdictionPrefix, unique);
  if (found.length !== unique.length) throw new ValidationError('Not a user of your jurisdiction', field);
  return { ids: ids.map(String), names: found.map((u) => u.display_name) };
}

/**
 * Takes one step of the case procedure. The core decides; the server loads the case
 * (locked, 404 outside the viewer's jurisdiction or when recused), turns the client's
 * numeric ids into the core's, asks the core, and stores the new record, the timeline
 * entry, a case number on filing and the audit entry in one transaction. After the commit
 * the step is announced (the notifications tell whoever must act next).
 */
export async function takeCaseStep(platform: CaseServices, viewer: CaseViewer, id: number, body: TCaseStepBody) {
  const now = platform.clock.now();
  const committed = await platform.database.db.transaction().execute(async (trx) => {
    const row = await lockCase(trx, viewer, id);
    const record = row.record as CaseRecord;
    const repository = new CasesRepository(trx);
    const { reason: _reason, attachments: _attachments, ...fields } = body.payload;
    let payload: Record<string, unknown> = body.payload;
    let summary: Record<string, unknown> = { ...fields };
    let numbered: { year: number; seq: number; number: string } | null = null;

    if (body.action === 'approve_filing') {
      const staff = await staffOf(trx, viewer, body.payload.investigatorIds, 'body.payload.investigatorIds');
      payload = { ...body.payload, investigatorIds: staff.ids };
      // The number is handed out only if the core then allows the step: a refusal rolls it back.
      const year = Number(commissionTime(now).slice(0, 4));
      const seq = await repository.nextCaseSequence(row.org_id, year);
      const org = numberingAbbreviation(await repository.findOrganisationName(row.org_id));
      numbered = { year, seq, number: formatRegistrationNumber(DEFAULT_CASE_NUMBERING, { org, year, sequence: seq }) };
      summary = { caseNumber: numbered.number, investigators: staff.names };
    } else if (body.action === 'accept_for_trial') {
      const staff = await staffOf(trx, viewer, body.payload.reviewerIds, 'body.payload.reviewerIds');
      payload = { ...body.payload, reviewerIds: staff.ids };
      summary = { reviewers: staff.names };
    } else if (body.action === 'propose_measure') {
      const measureId = `M${record.measures.length + 1}`;
      payload = { ...body.payload, measureId };
      summary = { measure: body.payload.kind, measureId };
    } else if (body.action === 'conclude_trial') {
      const subjects = await repository.findSubjects(id);
      const named = body.payload.dispositions.map((d) => subjects.find((s) => s.id === d.subjectId));
      if (named.some((s) => !s)) throw new ValidationError('Not a subject of this case', 'body.payload.dispositions');
      payload = {
        ...body.payload,
        dispositions: body.payload.dispositions.map((d) => ({ ...d, subjectId: String(d.subjectId) })),
      };
      summary = { dispositions: named.map((s) => s!.name) };
    }

    const result = askCore(viewer, record, body.action, payload, now);
    if (numbered) await repository.setCaseNumber(id, numbered.year, numbered.seq, numbered.number);
    await storeCaseStep(trx, viewer, id, result, summary, now);
    return { divisionCode: row.division_code, fromState: row.state, record: result.record };
  });
  announceCaseStep(platform, { caseId: id, action: body.action, actorUserId: viewer.userId, at: now, ...committed });
}
