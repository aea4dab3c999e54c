import { maskIdNumber } from '@qingfeng/core';
import { NotFoundError, ValidationError } from '../../http/errors.js';
import type { Platform } from '../../platform/platform.js';
import { peopleOfWarnings, type WarningPerson } from '../warnings/index.js';
import type { ClueServices } from './clue-events.js';
import { CluesRepository } from './clues.repository.js';
import type { TWarningSubjects } from './clue-warning-subjects.schemas.js';
import type { TRegisterClue, TSubjectInput } from './clues.schemas.js';
import { type ClueViewer, registerClue } from './clues.service.js';

/** The people the warnings `ids` name, inside the viewer's jurisdiction; another county's warning is a 404. */
async function peopleOf(platform: Platform, viewer: ClueViewer, ids: readonly number[]): Promise<WarningPerson[]> {
  const warnings = await new CluesRepository(platform.database.db).findWarningSubjectKeys(
    viewer.jurisdictionPrefix,
    ids,
  );
  const missing = ids.find((id) => !warnings.some((w) => w.id === id));
  if (missing !== undefined) throw new NotFoundError(`Warning ${missing}`, 'warning_not_found');
  return peopleOfWarnings(platform, viewer.jurisdictionPrefix, warnings);
}

/**
 * The people confirmed warnings name, offered to the handler making a clue of them as
 * subjects to confirm, never added by themselves (a warning's subject may be, say, a
 * deceased beneficiary rather than the official the clue is about). Names as the rows of
 * the jurisdiction give them; identity numbers masked.
 */
export async function suggestWarningSubjects(
  platform: Platform,
  viewer: ClueViewer,
  warningIds: readonly number[],
): Promise<TWarningSubjects> {
  const people = await peopleOf(platform, viewer, warningIds);
  return {
    items: people.map((p) => ({
      warningId: p.warningId,
      subjectKey: p.subjectKey,
      primary: p.primary,
      name: p.name,
      idNumber: maskIdNumber(p.idNumber),
    })),
  };
}

/**
 * Receives a clue (registerClue), its subjects being those typed in and the warnings'
 * people the handler confirmed (`warningSubjects`), each resolved here from the warning's
 * subject index: the client names them by warning and subject key, never by a number it
 * cannot see. One the warning does not name (or the jurisdiction's rows do not) is a 400;
 * a person named twice is stored once.
 */
export async function receiveClue(platform: ClueServices, viewer: ClueViewer, input: TRegisterClue): Promise<number> {
  const { warningSubjects = [], ...clue } = input;
  if (warningSubjects.length === 0) return registerClue(platform, viewer, clue);
  const people = await peopleOf(platform, viewer, [...new Set(warningSubjects.map((p) => p.warningId))]);
  const subjects: TSubjectInput[] = [...clue.subjects];
  warningSubjects.forEach((pick, i) => {
    const person = people.find((p) => p.warningId === pick.warningId && p.subjectKey === pick.subjectKey);
    if (!person) throw new ValidationError('The warning names no such person', `body.warningSubjects.${i}`);
    if (subjects.some((s) => s.idNumber === person.idNumber)) return;
    subjects.push({
      kind: 'official',
      name: person.name,
      idNumber: person.idNumber,
      ...(pick.position ? { position: pick.position } : {}),
    });
  });
  return registerClue(platform, viewer, { ...clue, subjects });
}
