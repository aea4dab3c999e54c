import { type ClueRecord, maskIdNumber, watermarkText } from '@qingfeng/core';
import { ConflictError, ForbiddenError, NotFoundError } from '../../../http/errors.js';
import type { Platform } from '../../../platform/platform.js';
import { recordAudit } from '../../audit/index.js';
import { findPlaceNames, placeNameOf } from '../../organisations/index.js';
import { CluesRepository } from '../clues.repository.js';
import type { ClueViewer } from '../clues.service.js';
import { CLUE_FORM_TITLES, type ClueForm, clueForm } from './clue-forms.js';
import { renderOfficialDocx } from './official-docx.js';

/** A division's place name in Chinese: the village's, else its town's, else its county's. */
export async function placeOf(platform: Platform, division: string): Promise<string> {
  const candidates = [division, `${division.slice(0, 9)}000`, `${division.slice(0, 6)}000000`];
  const places = await findPlaceNames(platform.database.db, candidates);
  for (const code of candidates) {
    const name = placeNameOf(places, code);
    if (name) return name.zh;
  }
  return '（地区未登记）';
}

/**
 * A standard form of a clue as a DOCX file, from its stored record and timeline: inside
 * the viewer's jurisdiction (404 outside, as for an unknown clue), never for a person
 * recused from it (403), 409 while its record does not hold the form yet. The download is
 * audited before the file is made, and the file carries who downloaded it and when.
 */
export async function clueDocument(
  platform: Platform,
  viewer: ClueViewer,
  id: number,
  form: ClueForm,
): Promise<{ fileName: string; content: Buffer }> {
  const db = platform.database.db;
  const repository = new CluesRepository(db);
  const clue = await repository.findClue(viewer.jurisdictionPrefix, id);
  if (!clue) throw new NotFoundError(`Clue ${id}`, 'clue_not_found');
  if ((clue.record as ClueRecord).recusedIds.includes(String(viewer.userId))) {
    throw new ForbiddenError('You are recused from this clue', 'recused');
  }
  const [steps, subjects, problemTypes, commission, office, place] = await Promise.all([
    repository.findSteps(id),
    repository.findSubjects(id),
    repository.findProblemTypes(),
    repository.findOrganisation(clue.org_id),
    clue.responsible_org_id === null ? undefined : repository.findOrganisation(clue.responsible_org_id),
    placeOf(platform, clue.division_code),
  ]);
  const now = platform.clock.now();
  const document = clueForm(form, {
    clue,
    steps,
    subjects: subjects.map((s) => ({
      kind: s.kind,
      name: s.name,
      position: s.position,
      idNumber: s.id_number_enc ? maskIdNumber(platform.fieldCrypto.decrypt(s.id_number_enc)) : null,
    })),
    commission: commission?.name ?? '',
    office: office?.name ?? null,
    place,
    problemType: problemTypes.find((p) => p.code === clue.problem_type)?.name_zh ?? '',
    watermark: watermarkText({ username: viewer.username, displayName: viewer.displayName }, now),
  });
  if (!document)
    throw new ConflictError(`The clue holds no ${CLUE_FORM_TITLES[form]} yet`, 'params.form', 'form_not_ready');
  await recordAudit(db, viewer.actor, {
    action: 'clue.document',
    objectType: 'clue',
    objectId: id,
    detail: { form },
  });
  const content = await renderOfficialDocx(document);
  return { fileName: `${clue.registration_number ?? `线索${id}`}-${CLUE_FORM_TITLES[form]}.docx`, content };
}
