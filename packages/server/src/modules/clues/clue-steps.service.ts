import {
  type ClueRecord,
  type CluePayloads,
  type NumberingScheme,
  type ProcedureCommand,
  acceptMergedClue,
  applyClueAction,
  formatRegistrationNumber,
} from '@qingfeng/core';
import { recordAudit } from '../audit/index.js';
import { openClue } from './clue-access.js';
import { announceClueEvent, type ClueServices } from './clue-events.js';
import { commissionTime, numberingAbbreviation, procedureActor, stepRefused } from './clue-procedure.js';
import { resolveStep } from './clue-step-payload.js';
import { ClueTiesRepository } from './clue-ties.repository.js';
import { CluesRepository } from './clues.repository.js';
import type { TStepBody } from './clues.schemas.js';
import type { ClueViewer } from './clues.service.js';

/** The registration number of the commission's next clue in `at`'s year, counted once and never reused. */
async function nextRegistrationNumber(repository: CluesRepository, scheme: NumberingScheme, orgId: number, at: string) {
  const org = await repository.findOrganisation(orgId);
  const year = Number(at.slice(0, 4));
  const seq = await repository.nextSequence(orgId, year);
  const number = formatRegistrationNumber(scheme, { org: numberingAbbreviation(org?.name ?? ''), year, sequence: seq });
  return { year, seq, number };
}

/** How a recusal came about, by the step that made it. */
const RECUSAL_SOURCE = { declare_conflict: 'declared', recuse_person: 'decided' } as const;

/**
 * Takes one step of the clue procedure. The core decides; the server loads the clue
 * (locked, 404 outside the viewer's jurisdiction or when they are recused), resolves the ids
 * the payload names, asks the core, and stores the new record, the timeline entry, any link,
 * recusal or assignment and the audit entry in one transaction. A refusal is a 409 (not in
 * this state) or a 422 (not this person, not this payload) carrying the core's reason in both
 * languages. Those following `clue.stepped` write inside the transaction (a case proposed);
 * the step and any reassignment (`clue.assigned`) are announced once it has committed.
 */
export async function takeClueStep(
  services: ClueServices,
  viewer: ClueViewer,
  id: number,
  body: TStepBody,
): Promise<{ record: ClueRecord }> {
  const now = services.clock.now();
  const at = commissionTime(now);
  const scheme: NumberingScheme = { pattern: services.config.clueNumbering };
  const done = await services.database.db.transaction().execute(async (trx) => {
    const repository = new CluesRepository(trx);
    const ties = new ClueTiesRepository(trx);
    const row = await openClue(repository, viewer, id, true);
    const record = row.record as ClueRecord;
    const actor = procedureActor(viewer.userId, viewer.role, viewer.permissions);
    const step = await resolveStep(repository, ties, viewer, body);
    let registration: { year: number; seq: number; number: string } | null = null;
    if (body.action === 'register') {
      // The number is handed out only if the core then allows the step: a refusal rolls it back.
      registration = await nextRegistrationNumber(repository, scheme, row.org_id, at);
      step.payload = { ...body.payload, registrationNumber: registration.number };
      step.summary = { registrationNumber: registration.number };
    }

    const command = { action: body.action, actor, at, payload: step.payload } as ProcedureCommand<CluePayloads>;
    const result = applyClueAction(record, command);
    if (!result.ok) throw stepRefused(result.rejection);
    const next = result.record;
    await repository.updateClue(
      id,
      {
        state: next.state,
        record: next,
        deadline_step: next.deadline?.step ?? null,
        deadline_due: next.deadline?.dueOn ?? null,
      },
      now,
    );
    if (registration) await repository.setRegistration(id, registration.year, registration.seq, registration.number);
    const { other } = step;
    if (other && body.action === 'merge_into') {
      const target = acceptMergedClue(other.record as ClueRecord, String(id));
      await repository.updateClue(
        other.id,
        {
          state: target.state,
          record: target,
          deadline_step: other.deadline_step,
          deadline_due: target.deadline?.dueOn ?? null,
        },
        now,
      );
      await repository.linkClues(id, other.id, 'merged');
    } else if (other) {
      await repository.linkClues(id, other.id, 'related');
    }
    if (step.assignee) await ties.setResponsible(id, step.assignee.userId, step.assignee.orgId);
    if (step.recused !== null && (body.action === 'declare_conflict' || body.action === 'recuse_person')) {
      await ties.insertRecusals(id, [step.recused], RECUSAL_SOURCE[body.action]);
      // The core leaves a recused person responsible for nothing: the columns follow.
      if (next.responsibleId === null && record.responsibleId !== null) await ties.setResponsible(id, null, null);
    }
    await repository.insertStep({
      clue_id: id,
      action: body.action,
      from_state: result.entry.from,
      to_state: result.entry.to,
      actor_id: viewer.userId,
      actor_name: viewer.displayName,
      at: now,
      payload: step.summary,
      reason: result.entry.reason,
      attachments: result.entry.attachments,
      deadline: result.entry.deadline,
    });
    await recordAudit(trx, viewer.actor, {
      action: 'clue.step',
      objectType: 'clue',
      objectId: id,
      ...(result.entry.reason ? { reason: result.entry.reason } : {}),
      detail: { step: body.action, from: result.entry.from, to: result.entry.to, ...step.summary },
    });
    await services.clueEvents.emit('clue.stepped', {
      trx,
      actor: viewer.actor,
      by: { userId: viewer.userId, displayName: viewer.displayName },
      clueId: id,
      action: body.action,
      before: record,
      record: next,
      at: now,
    });
    return { record: next, assignee: step.assignee, divisionCode: row.division_code };
  });
  const { divisionCode } = done;
  announceClueEvent(services, 'clue.step-committed', {
    clueId: id,
    divisionCode,
    action: body.action,
    record: done.record,
    actorUserId: viewer.userId,
    at: now,
  });
  if (done.assignee) {
    announceClueEvent(services, 'clue.assigned', {
      clueId: id,
      divisionCode,
      responsibleUserId: done.assignee.userId,
      responsibleOrgId: done.assignee.orgId,
      at: now.toISOString(),
    });
  }
  return { record: done.record };
}
