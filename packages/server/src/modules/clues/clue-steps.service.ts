import {
  DEFAULT_CLUE_NUMBERING,
  type ClueRecord,
  type CluePayloads,
  type ProcedureCommand,
  acceptMergedClue,
  applyClueAction,
  formatRegistrationNumber,
} from '@qingfeng/core';
import { NotFoundError, ValidationError } from '../../http/errors.js';
import { recordAudit } from '../audit/index.js';
import type { ClueServices } from './clue-events.js';
import { commissionTime, numberingAbbreviation, procedureActor, stepRefused } from './clue-procedure.js';
import { CluesRepository, usersWithin } from './clues.repository.js';
import type { TStepBody } from './clues.schemas.js';
import type { ClueViewer } from './clues.service.js';

/** The registration number of the commission's next clue in `at`'s year, counted once and never reused. */
async function nextRegistrationNumber(repository: CluesRepository, orgId: number, at: string) {
  const org = await repository.findOrganisation(orgId);
  const year = Number(at.slice(0, 4));
  const seq = await repository.nextSequence(orgId, year);
  const number = formatRegistrationNumber(DEFAULT_CLUE_NUMBERING, {
    org: numberingAbbreviation(org?.name ?? ''),
    year,
    sequence: seq,
  });
  return { year, seq, number };
}

/** The clue named by a step (merge, link), locked, if it lies in the viewer's jurisdiction. */
async function otherClue(repository: CluesRepository, viewer: ClueViewer, id: number) {
  const row = await repository.findClue(viewer.jurisdictionPrefix, id, true);
  if (!row) throw new NotFoundError(`Clue ${id}`, 'clue_not_found');
  return row;
}

/**
 * Takes one step of the clue procedure. The core decides; the server loads the clue
 * (locked, 404 outside the viewer's jurisdiction), resolves the ids the payload names,
 * asks the core, and stores the new record, the timeline entry, any link and the audit
 * entry in one transaction, with what those following `clue.stepped` write (a case proposed). A refusal is a 409 (not in this state) or a 422 (not this
 * person, not this payload) carrying the core's reason in both languages.
 */
export async function takeClueStep(
  platform: ClueServices,
  viewer: ClueViewer,
  id: number,
  body: TStepBody,
): Promise<void> {
  const now = platform.clock.now();
  const at = commissionTime(now);
  await platform.database.db.transaction().execute(async (trx) => {
    const repository = new CluesRepository(trx);
    const row = await repository.findClue(viewer.jurisdictionPrefix, id, true);
    if (!row) throw new NotFoundError(`Clue ${id}`, 'clue_not_found');
    const record = row.record as ClueRecord;
    const actor = procedureActor(viewer.userId, viewer.role, viewer.permissions);

    // The payload the core reads: the client's numeric ids become the core's, once checked.
    let payload: Record<string, unknown> = body.payload;
    let summary: Record<string, unknown> = { ...body.payload };
    let registration: { year: number; seq: number; number: string } | null = null;
    let other: Awaited<ReturnType<typeof otherClue>> | null = null;
    if (body.action === 'register') {
      // The number is handed out only if the core then allows the step: a refusal rolls it back.
      registration = await nextRegistrationNumber(repository, row.org_id, at);
      payload = { ...body.payload, registrationNumber: registration.number };
      summary = { registrationNumber: registration.number };
    } else if (body.action === 'merge_into') {
      other = await otherClue(repository, viewer, body.payload.targetClueId);
      payload = { ...body.payload, targetClueId: String(other.id) };
    } else if (body.action === 'link_related') {
      other = await otherClue(repository, viewer, body.payload.clueId);
      payload = { ...body.payload, clueId: String(other.id) };
    } else if (body.action === 'propose_disposal') {
      const ids = [...new Set(body.payload.participantIds)];
      const found = await usersWithin(trx, viewer.jurisdictionPrefix, ids);
      if (found.length !== ids.length) {
        throw new ValidationError('A participant is not a user of your jurisdiction', 'body.payload.participantIds');
      }
      payload = { ...body.payload, participantIds: ids.map(String) };
      // The timeline names who sat on the triage; ids mean nothing to a reader.
      const { participantIds: _ids, ...rest } = body.payload;
      summary = { ...rest, participants: found.map((u) => u.display_name) };
    }
    delete summary.reason;
    delete summary.attachments;

    const command = { action: body.action, actor, at, payload } as ProcedureCommand<CluePayloads>;
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
    await repository.insertStep({
      clue_id: id,
      action: body.action,
      from_state: result.entry.from,
      to_state: result.entry.to,
      actor_id: viewer.userId,
      actor_name: viewer.displayName,
      at: now,
      payload: summary,
      reason: result.entry.reason,
      attachments: result.entry.attachments,
      deadline: result.entry.deadline,
    });
    await recordAudit(trx, viewer.actor, {
      action: 'clue.step',
      objectType: 'clue',
      objectId: id,
      ...(result.entry.reason ? { reason: result.entry.reason } : {}),
      detail: { step: body.action, from: result.entry.from, to: result.entry.to, ...summary },
    });
    await platform.clueEvents.emit('clue.stepped', {
      trx,
      actor: viewer.actor,
      by: { userId: viewer.userId, displayName: viewer.displayName },
      clueId: id,
      action: body.action,
      before: record,
      record: next,
      at: now,
    });
  });
}
