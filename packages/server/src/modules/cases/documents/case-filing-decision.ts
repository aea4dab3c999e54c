import { type CaseRecord, maskIdNumber, watermarkText } from '@qingfeng/core';
import { ConflictError } from '../../../http/errors.js';
import type { Platform } from '../../../platform/platform.js';
import { recordAudit } from '../../audit/index.js';
import { chineseDate, type OfficialForm, placeOf, renderOfficialDocx, usersWithin } from '../../clues/index.js';
import { type CaseViewer, openCase } from '../case-access.js';
import { CasesRepository } from '../cases.repository.js';

/**
 * 立案决定书: the case filing decision, from the stored case and its timeline: the subjects
 * (identity numbers masked), the matter, the clue it came from, the investigators and the
 * leader who approved the filing, dates on the commission's calendar. Only for a case
 * whose filing was approved (409 before); opened as the case page is (404 outside the
 * jurisdiction and for the recused); audited, and watermarked with who and when.
 */
export async function caseFilingDecision(
  platform: Platform,
  viewer: CaseViewer,
  id: number,
): Promise<{ fileName: string; content: Buffer }> {
  const db = platform.database.db;
  const row = await openCase(db, viewer, id);
  const repository = new CasesRepository(db);
  const steps = await repository.findTimeline(id);
  const approval = steps.findLast((s) => s.action === 'approve_filing');
  if (!approval) throw new ConflictError('The case has not been filed yet', 'params.form', 'form_not_ready');
  const record = row.record as CaseRecord;
  const [subjects, commission, place, problemType, clue, investigators] = await Promise.all([
    repository.findSubjects(id),
    repository.findOrganisationName(row.org_id),
    placeOf(platform, row.division_code),
    db.selectFrom('clue_problem_types').select('name_zh').where('code', '=', row.problem_type).executeTakeFirst(),
    row.clue_id === null
      ? undefined
      : db.selectFrom('clues').select('registration_number').where('id', '=', row.clue_id).executeTakeFirst(),
    usersWithin(db, viewer.jurisdictionPrefix, record.investigatorIds.map(Number)),
  ]);
  const people = subjects.map((s) =>
    [
      s.name,
      s.position,
      s.id_number_enc ? `公民身份号码${maskIdNumber(platform.fieldCrypto.decrypt(s.id_number_enc))}` : null,
    ]
      .filter(Boolean)
      .join('，'),
  );
  const names = subjects.map((s) => s.name).join('、') || '（未列明）';
  const matter = problemType?.name_zh ?? '';
  const form: OfficialForm = {
    issuer: commission,
    title: '立案决定书',
    reference: row.case_number ? `编号：${row.case_number}` : null,
    fields: [],
    sections: [
      {
        heading: '审查调查对象',
        paragraphs: people.length > 0 ? people : ['（未列明）'],
      },
      {
        heading: '立案依据',
        paragraphs: [
          `${clue?.registration_number ? `经对${clue.registration_number}号问题线索初步核实，` : ''}${names}涉嫌${matter}问题（${row.title}，涉及${place}），需要追究纪律责任或者法律责任。`,
          row.summary,
          `根据《中国共产党纪律检查机关监督执纪工作规则》和《中华人民共和国监察法》的有关规定，经${approval.actor_name}批准，决定对${names}立案审查调查。`,
          ...(approval.reason ? [approval.reason] : []),
        ],
      },
      {
        heading: '承办人员',
        paragraphs: [investigators.map((u) => u.display_name).join('、') || '（未指定）'],
      },
    ],
    signature: [commission, chineseDate(approval.at)],
    watermark: watermarkText({ username: viewer.username, displayName: viewer.displayName }, platform.clock.now()),
  };
  await recordAudit(db, viewer.actor, {
    action: 'case.document',
    objectType: 'case',
    objectId: id,
    detail: { form: 'filing-decision' },
  });
  return {
    fileName: `${row.case_number ?? `案件${id}`}-立案决定书.docx`,
    content: await renderOfficialDocx(form),
  };
}
