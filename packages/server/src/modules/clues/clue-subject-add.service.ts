import { CLUE_TERMINAL_STATES, type ClueRecord, type ClueState, recuseFromClue } from '@qingfeng/core';
import { StepRefusedError } from '../../http/errors.js';
import type { Platform } from '../../platform/platform.js';
import { recordAudit } from '../audit/index.js';
import { openClue } from './clue-access.js';
import { writeKinshipRecusals } from './clue-kinship.js';
import { subjectRows } from './clue-subjects.js';
import { ClueTiesRepository } from './clue-ties.repository.js';
import { ADD_SUBJECT_ACTION } from './clues.presenter.js';
import { CluesRepository } from './clues.repository.js';
import type { ClueViewer } from './clues.service.js';
import type { TSubjectInput } from './clues.schemas.js';
import { decideSubjectAddition } from './subject-addition.js';

/**
 * Adds a person or unit to an open clue of the viewer's jurisdiction (404 outside it or
 * when recused): refused, with the reason in both languages, when the clue is no longer
 * open or already names the subject. The identity number is sealed with its blind index;
 * staff who are the new subject or their relative (the lake's kinship data) are recused at
 * once, as on receipt. Subject, timeline, recusals and audit commit together.
 */
export async function addClueSubject(platform: Platform, viewer: ClueViewer, id: number, input: TSubjectInput) {
  const now = platform.clock.now();
  await platform.database.db.transaction().execute(async (trx) => {
    const repository = new CluesRepository(trx);
    const row = await openClue(repository, viewer, id, true);
    if (CLUE_TERMINAL_STATES.includes(row.state as ClueState)) {
      throw new StepRefusedError(409, 'clue_not_open', {
        zh: '线索已办结或已转立案，不能再添加对象',
        en: 'The clue is no longer open: no subject can be added',
      });
    }
    const before = row.record as ClueRecord;
    const { conflicts, record } = await decideSubjectAddition(
      platform,
      trx,
      {
        divisionCode: row.division_code,
        subjects: await repository.findSubjects(id),
        record: before,
        recuse: recuseFromClue,
      },
      input,
    );
    await repository.insertSubjects(subjectRows(platform.fieldCrypto, id, [input]));
    await repository.insertStep({
      clue_id: id,
      action: ADD_SUBJECT_ACTION,
      from_state: row.state,
      to_state: row.state,
      actor_id: viewer.userId,
      actor_name: viewer.displayName,
      at: now,
      payload: { subject: input.name },
      reason: null,
      attachments: [],
      deadline: null,
    });
    if (record !== before) {
      await repository.updateClue(
        id,
        { state: record.state, record, deadline_step: row.deadline_step, deadline_due: record.deadline?.dueOn ?? null },
        now,
      );
      // A recused holder can take no step: the clue waits, unheld, to be passed on.
      if (record.responsibleId === null && before.responsibleId !== null) {
        await new ClueTiesRepository(trx).setResponsible(id, null, null);
      }
    }
    await writeKinshipRecusals(trx, viewer, id, row.state, conflicts, now);
    await recordAudit(trx, viewer.actor, {
      action: 'clue.subject.add',
      objectType: 'clue',
      objectId: id,
      detail: { kind: input.kind, recusedByKinship: conflicts.map((c) => c.userId) },
    });
  });
}
