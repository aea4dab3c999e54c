import { CASE_TERMINAL_STATES, type CaseRecord, type CaseState, recusePerson } from '@qingfeng/core';
import { StepRefusedError } from '../../http/errors.js';
import type { Platform } from '../../platform/platform.js';
import { recordAudit } from '../audit/index.js';
import {
  ADD_SUBJECT_ACTION,
  KINSHIP_RECUSAL_ACTION,
  type TSubjectInput,
  decideSubjectAddition,
  storedSubjectFields,
} from '../clues/index.js';
import { type CaseViewer, lockCase } from './case-access.js';
import { CasesRepository } from './cases.repository.js';

/**
 * Adds a person or unit to a case of the viewer's jurisdiction that is not yet closed (404
 * outside it or when recused): refused, with the reason in both languages, when the case
 * already names the subject. The identity number is sealed with its blind index; staff who
 * are the new subject or their relative (the lake's kinship data) are recused from the case
 * at once, as a clue's are on receipt, so they can no longer open it nor find it in a list.
 * Subject, timeline, recusals and audit commit together.
 */
export async function addCaseSubject(platform: Platform, viewer: CaseViewer, id: number, input: TSubjectInput) {
  const now = platform.clock.now();
  const crypto = platform.fieldCrypto;
  await platform.database.db.transaction().execute(async (trx) => {
    const row = await lockCase(trx, viewer, id);
    if (CASE_TERMINAL_STATES.includes(row.state as CaseState)) {
      throw new StepRefusedError(409, 'case_not_open', {
        zh: '案件已结案或已终止，不能再添加对象',
        en: 'The case is no longer open: no subject can be added',
      });
    }
    const repository = new CasesRepository(trx);
    const before = row.record as CaseRecord;
    const { conflicts, record } = await decideSubjectAddition(
      platform,
      trx,
      {
        divisionCode: row.division_code,
        subjects: await repository.findSubjects(id),
        record: before,
        recuse: recusePerson,
      },
      input,
    );
    await repository.insertSubjects([{ case_id: id, ...storedSubjectFields(crypto, input) }]);
    const entry = { case_id: id, from_state: row.state, to_state: row.state, at: now, reason: null, deadline: null };
    const by = { actor_id: viewer.userId, actor_name: viewer.displayName, attachments: [] };
    await repository.appendStep({ ...entry, ...by, action: ADD_SUBJECT_ACTION, payload: { subject: input.name } });
    if (record !== before) {
      await repository.updateCase(
        id,
        { state: record.state, record, deadline_step: row.deadline_step, deadline_due: record.deadline?.dueOn ?? null },
        now,
      );
    }
    // Found by the server on the occasion of the viewer's addition: each entry names the person recused.
    for (const conflict of conflicts) {
      await repository.appendStep({
        ...entry,
        ...by,
        action: KINSHIP_RECUSAL_ACTION,
        payload: { person: conflict.name },
      });
    }
    await recordAudit(trx, viewer.actor, {
      action: 'case.subject.add',
      objectType: 'case',
      objectId: id,
      detail: { kind: input.kind, recusedByKinship: conflicts.map((c) => c.userId) },
    });
  });
}
