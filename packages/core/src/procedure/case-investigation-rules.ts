import { LEADER, bad, oneOf, text } from './checks.js';
import { MEASURE_RULES, isMeasureOpen } from './case-measures.js';
import { MEASURE_KINDS, type CaseRecord, type CaseRule, type Measure, type MeasureStatus } from './case-types.js';
import { startDeadline } from './deadlines.js';

const HASH = /^[0-9a-f]{64}$/;

const findMeasure = (r: CaseRecord, id: unknown): Measure | undefined => r.measures.find((m) => m.id === id);
const setMeasure = (r: CaseRecord, id: string, change: Partial<Measure>): CaseRecord => ({
  ...r,
  measures: r.measures.map((m) => (m.id === id ? { ...m, ...change } : m)),
});

const approveFiling: CaseRule<'approve_filing'> = {
  from: ['filing_proposed'],
  to: ['filed'],
  permission: 'case.read',
  roles: LEADER,
  independence: ['not_proposer'],
  requires: [],
  check: (r, p) => {
    const ids = Array.isArray(p.investigatorIds) ? p.investigatorIds : [];
    // Two investigators at least, as every talk and search needs two people present.
    if (new Set(ids).size < 2 || ids.length !== new Set(ids).size || !ids.every((id) => text(id, 100))) {
      return bad('须指定至少两名不重复的审查调查人员', 'Assign at least two different investigators');
    }
    return ids.some((id) => r.recusedIds.includes(id))
      ? bad('已回避人员不能承办本案', 'A recused person cannot investigate the case')
      : null;
  },
  apply: (r, p) => ({ ...r, state: 'filed', proposedBy: null, investigatorIds: [...p.investigatorIds] }),
  starts: { filed: 'investigation_plan' },
};

const rejectFiling: CaseRule<'reject_filing'> = {
  from: ['filing_proposed'],
  to: ['filing_rejected'],
  permission: 'case.read',
  roles: LEADER,
  independence: ['not_proposer'],
  requires: ['reason'],
  apply: (r) => ({ ...r, state: 'filing_rejected', proposedBy: null }),
};

const submitPlan: CaseRule<'submit_investigation_plan'> = {
  from: ['filed'],
  to: ['awaiting_plan_approval'],
  permission: 'case.handle',
  independence: ['investigator'],
  requires: ['attachments'],
  apply: (r, _p, actor) => ({ ...r, state: 'awaiting_plan_approval', proposedBy: actor.id }),
  starts: { awaiting_plan_approval: 'plan_approval' },
};

const approvePlan: CaseRule<'approve_investigation_plan'> = {
  from: ['awaiting_plan_approval'],
  to: ['investigating'],
  permission: 'case.read',
  roles: LEADER,
  independence: ['not_proposer', 'not_investigator'],
  requires: [],
  apply: (r) => ({ ...r, state: 'investigating', proposedBy: null }),
  starts: { investigating: 'investigation' },
};

const returnPlan: CaseRule<'return_investigation_plan'> = {
  from: ['awaiting_plan_approval'],
  to: ['filed'],
  permission: 'case.read',
  roles: LEADER,
  independence: ['not_proposer', 'not_investigator'],
  requires: ['reason'],
  apply: (r) => ({ ...r, state: 'filed', proposedBy: null }),
  starts: { filed: 'investigation_plan' },
};

const proposeMeasure: CaseRule<'propose_measure'> = {
  from: ['investigating'],
  to: 'same',
  permission: 'case.handle',
  independence: ['investigator'],
  requires: ['reason'],
  check: (r, p) =>
    !text(p.measureId, 100)
      ? bad('措施须有编号', 'A measure needs an id')
      : findMeasure(r, p.measureId)
        ? bad('措施编号已存在', 'A measure with this id already exists')
        : !oneOf(MEASURE_KINDS, p.kind)
          ? bad('措施种类无效', 'Not a measure')
          : p.kind === 'detention' && r.measures.some((m) => m.kind === 'detention' && isMeasureOpen(m))
            ? bad('留置措施已在审批或执行中', 'Detention is already proposed or in force')
            : null,
  apply: (r, p, actor, at, policy) => {
    const rule = MEASURE_RULES[p.kind];
    const status: MeasureStatus = rule.needsApproval ? 'awaiting_approval' : rule.lasting ? 'in_force' : 'done';
    const deadline = rule.needsApproval ? startDeadline('measure_approval', at.slice(0, 10), policy) : null;
    const measure: Measure = { id: p.measureId, kind: p.kind, status, proposedBy: actor.id, proposedAt: at, deadline };
    return { ...r, measures: [...r.measures, measure] };
  },
};

const awaitingMeasure = (r: CaseRecord, id: unknown) =>
  findMeasure(r, id)?.status === 'awaiting_approval'
    ? null
    : bad('该措施不在待审批状态', 'That measure is not awaiting approval');

const approveMeasure: CaseRule<'approve_measure'> = {
  from: ['investigating'],
  to: 'same',
  permission: 'case.read',
  roles: LEADER,
  independence: ['not_proposer', 'not_investigator'],
  requires: [],
  proposerOf: (r, p) => findMeasure(r, p.measureId)?.proposedBy ?? null,
  check: (r, p) => awaitingMeasure(r, p.measureId),
  apply: (r, p, _a, at, policy) => {
    const rule = MEASURE_RULES[findMeasure(r, p.measureId)!.kind];
    return setMeasure(r, p.measureId, {
      status: rule.lasting ? 'in_force' : 'done',
      deadline: rule.clock ? startDeadline(rule.clock, at.slice(0, 10), policy) : null,
    });
  },
};

const rejectMeasure: CaseRule<'reject_measure'> = {
  ...approveMeasure,
  requires: ['reason'],
  apply: (r, p) => setMeasure(r, p.measureId, { status: 'rejected', deadline: null }),
};

const liftMeasure: CaseRule<'lift_measure'> = {
  from: ['investigating', 'awaiting_trial', 'in_trial', 'awaiting_decision', 'decided'],
  to: 'same',
  permission: 'case.handle',
  independence: ['investigator'],
  requires: ['reason'],
  check: (r, p) =>
    findMeasure(r, p.measureId)?.status === 'in_force' ? null : bad('该措施未在执行中', 'That measure is not in force'),
  apply: (r, p) => setMeasure(r, p.measureId, { status: 'lifted', deadline: null }),
};

const addEvidence: CaseRule<'add_evidence'> = {
  from: ['investigating'],
  to: 'same',
  permission: 'case.handle',
  independence: ['investigator'],
  requires: [],
  check: (r, p) => {
    if (!text(p.evidenceId, 100) || !text(p.title, 500))
      return bad('证据须有编号和名称', 'Evidence needs an id and a title');
    if (typeof p.hash !== 'string' || !HASH.test(p.hash))
      return bad('证据摘要须为64位十六进制', 'The hash must be 64 hexadecimal digits');
    if (r.evidence.some((e) => e.id === p.evidenceId))
      return bad('证据不能覆盖，只能以新证据替代', 'Evidence is never replaced: add it under a new id');
    const same = r.evidence.find((e) => e.hash === p.hash);
    if (same)
      return bad(`相同文件已作为证据“${same.title}”入卷`, `The same file is already in the record as "${same.title}"`);
    if (p.supersedes === undefined) return null;
    const old = r.evidence.find((e) => e.id === p.supersedes);
    return !old
      ? bad('被替代的证据不存在', 'The evidence to supersede does not exist')
      : old.supersededBy
        ? bad('该证据已被替代', 'That evidence has already been superseded')
        : null;
  },
  apply: (r, p, actor, at) => ({
    ...r,
    evidence: [
      ...r.evidence.map((e) => (e.id === p.supersedes ? { ...e, supersededBy: p.evidenceId } : e)),
      {
        id: p.evidenceId,
        title: p.title.trim(),
        hash: p.hash,
        addedAt: at,
        addedBy: actor.id,
        supersedes: p.supersedes ?? null,
        supersededBy: null,
      },
    ],
  }),
};

const submitReport: CaseRule<'submit_investigation_report'> = {
  from: ['investigating'],
  to: ['awaiting_trial'],
  permission: 'case.handle',
  independence: ['investigator'],
  requires: ['reason', 'attachments'],
  check: (r) =>
    r.evidence.length === 0
      ? bad('尚无任何证据', 'No evidence has been added')
      : r.measures.some((m) => m.status === 'awaiting_approval')
        ? bad('仍有措施待审批', 'A measure still awaits approval')
        : null,
  apply: (r, _p, actor) => ({ ...r, state: 'awaiting_trial', proposedBy: actor.id }),
  starts: { awaiting_trial: 'trial_acceptance' },
};

// Nothing found that calls for a sanction: the leader withdraws the filing (撤销案件).
const revokeFiling: CaseRule<'revoke_filing'> = {
  from: ['investigating'],
  to: ['revoked'],
  permission: 'case.read',
  roles: LEADER,
  independence: ['not_investigator'],
  requires: ['reason'],
  check: (r) =>
    r.measures.some(isMeasureOpen) ? bad('须先解除全部在用措施', 'Lift every measure in force first') : null,
  apply: (r) => ({ ...r, state: 'revoked', proposedBy: null }),
};

/** The steps from filing through the investigation to its report. */
export const CASE_INVESTIGATION_RULES = {
  approve_filing: approveFiling,
  reject_filing: rejectFiling,
  submit_investigation_plan: submitPlan,
  approve_investigation_plan: approvePlan,
  return_investigation_plan: returnPlan,
  propose_measure: proposeMeasure,
  approve_measure: approveMeasure,
  reject_measure: rejectMeasure,
  lift_measure: liftMeasure,
  add_evidence: addEvidence,
  submit_investigation_report: submitReport,
  revoke_filing: revokeFiling,
};
