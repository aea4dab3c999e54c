import { ROLE_LABELS } from '../auth/roles.js';
import { code, table } from '../markdown.js';
import type { LocalisedText } from '../standard/result.js';
import { CASE_ACTION_LABELS, CASE_STATE_LABELS } from './case-labels.js';
import { CASE_MACHINE, CASE_STATE_MACHINE } from './case-machine.js';
import { MEASURE_LABELS, MEASURE_RULES } from './case-measures.js';
import { MEASURE_KINDS } from './case-types.js';
import { CLUE_ACTION_LABELS, CLUE_STATE_LABELS } from './clue-labels.js';
import { CLUE_MACHINE, CLUE_STATE_MACHINE } from './clue-machine.js';
import { DEADLINE_STEP_LABELS, DEADLINE_UNIT_LABELS } from './deadline-labels.js';
import { DEADLINE_STEPS, DEFAULT_DEADLINE_POLICY } from './deadlines.js';
import type { IndependenceRule, ProcedureMachine, ProcedureRecordBase, Requirement } from './engine.js';
import { shortestRoutes } from './machine-graph.js';
import type { AnyStateMachine } from 'xstate';

export const INDEPENDENCE_LABELS: Record<IndependenceRule, LocalisedText> = {
  not_proposer: { zh: '不得为提议人', en: 'not the proposer' },
  not_investigator: { zh: '不得为本案审查调查人员', en: "not one of the case's investigators" },
  investigator: { zh: '须为本案审查调查人员', en: "one of the case's investigators" },
};

export const REQUIREMENT_LABELS: Record<Requirement, LocalisedText> = {
  reason: { zh: '理由', en: 'a reason' },
  attachments: { zh: '附件', en: 'attachments' },
};

/** One step of a machine in words: what a screen, a document or a reviewer reads. */
export interface StepDescription {
  readonly action: string;
  readonly label: LocalisedText;
  readonly from: readonly string[];
  readonly to: readonly string[] | 'same';
  readonly permission: string;
  readonly roles: readonly string[];
  readonly independence: readonly IndependenceRule[];
  readonly requires: readonly Requirement[];
  readonly starts: Readonly<Record<string, string>>;
}

/** Every step of `machine`, in declaration order, with the labels given. */
export function describeMachine<S extends string, P extends object, R extends ProcedureRecordBase<S>>(
  machine: ProcedureMachine<S, P, R>,
  actionLabels: Readonly<Record<keyof P & string, LocalisedText>>,
): StepDescription[] {
  return (Object.keys(machine.rules) as (keyof P & string)[]).map((action) => {
    const rule = machine.rules[action];
    return {
      action,
      label: actionLabels[action],
      from: rule.from,
      to: rule.to,
      permission: rule.permission,
      roles: rule.roles ?? [],
      independence: rule.independence,
      requires: rule.requires,
      starts: { ...rule.starts },
    };
  });
}

/** The machine as a mermaid state diagram: one arrow per (from, to, action); steps that stay put are in the tables. */
export function machineDiagram<S extends string, P extends object, R extends ProcedureRecordBase<S>>(
  machine: ProcedureMachine<S, P, R>,
  start: S,
): string {
  const lines = ['stateDiagram-v2', `  [*] --> ${start}`];
  for (const action of Object.keys(machine.rules) as (keyof P & string)[]) {
    const rule = machine.rules[action];
    if (rule.to === 'same') continue;
    for (const from of rule.from) for (const to of rule.to) lines.push(`  ${from} --> ${to} : ${action}`);
  }
  for (const end of machine.terminal) lines.push(`  ${end} --> [*]`);
  return lines.join('\n');
}

const both = (t: LocalisedText) => `${t.zh} ${t.en}`;

function stepRows(steps: readonly StepDescription[], stateLabel: (s: string) => LocalisedText): string[][] {
  return steps.map((s) => [
    `${both(s.label)} (${code(s.action)})`,
    s.from.map((f) => stateLabel(f).zh).join('、'),
    s.to === 'same' ? '（不变）unchanged' : s.to.map((t) => stateLabel(t).zh).join('、'),
    [code(s.permission), ...s.roles.map((r) => ROLE_LABELS[r as keyof typeof ROLE_LABELS].zh)].join(' + '),
    s.independence.map((i) => INDEPENDENCE_LABELS[i].zh).join('；'),
    s.requires.map((r) => REQUIREMENT_LABELS[r].zh).join('、'),
    Object.values(s.starts)
      .map((d) => DEADLINE_STEP_LABELS[d as keyof typeof DEADLINE_STEP_LABELS].zh)
      .join('、'),
  ]);
}

/**
 * The states table: each state in both languages with a shortest route to it from the start,
 * found by walking the xstate machine's own definition (so an unreachable state shows).
 */
function stateRows<S extends string>(
  states: readonly S[],
  stateLabel: Readonly<Record<S, LocalisedText>>,
  machine: AnyStateMachine,
  actionLabel: (action: string) => LocalisedText,
): string[][] {
  const routes = shortestRoutes(machine);
  return states.map((s) => {
    const route = routes.get(s);
    return [
      code(s),
      stateLabel[s].zh,
      stateLabel[s].en,
      !route
        ? '不可达 unreachable'
        : route.length === 0
          ? '（起点）start'
          : route.map((a) => actionLabel(a).zh).join(' → '),
    ];
  });
}

const STATE_HEADER = ['State', '状态', 'English', 'Shortest route from the start 最短路径'];

const STEP_HEADER = ['Step 步骤', 'From 从', 'To 到', 'Who 谁', 'Independence 独立性', 'Needs 须有', 'Starts 启动时限'];

/**
 * The generated part of docs/procedure.md: the diagrams, every step of both machines, the
 * measures and the default deadlines, all read from the machines themselves so the
 * document cannot drift from the code (a test compares them).
 */
export function renderProcedureTables(): string {
  const policy = DEFAULT_DEADLINE_POLICY;
  const lines = [
    '### Clue states and steps',
    '',
    '```mermaid',
    machineDiagram(CLUE_MACHINE, 'received'),
    '```',
    '',
    ...table(
      STATE_HEADER,
      stateRows(
        CLUE_MACHINE.states,
        CLUE_STATE_LABELS,
        CLUE_STATE_MACHINE,
        (a) => CLUE_ACTION_LABELS[a as keyof typeof CLUE_ACTION_LABELS],
      ),
    ),
    '',
    ...table(
      STEP_HEADER,
      stepRows(
        describeMachine(CLUE_MACHINE, CLUE_ACTION_LABELS),
        (s) => CLUE_STATE_LABELS[s as keyof typeof CLUE_STATE_LABELS],
      ),
    ),
    '',
    '### Case states and steps',
    '',
    '```mermaid',
    machineDiagram(CASE_MACHINE, 'filing_proposed'),
    '```',
    '',
    ...table(
      STATE_HEADER,
      stateRows(
        CASE_MACHINE.states,
        CASE_STATE_LABELS,
        CASE_STATE_MACHINE,
        (a) => CASE_ACTION_LABELS[a as keyof typeof CASE_ACTION_LABELS],
      ),
    ),
    '',
    ...table(
      STEP_HEADER,
      stepRows(
        describeMachine(CASE_MACHINE, CASE_ACTION_LABELS),
        (s) => CASE_STATE_LABELS[s as keyof typeof CASE_STATE_LABELS],
      ),
    ),
    '',
    '### Measures',
    '',
    ...table(
      ['Measure 措施', 'Needs its own approval 单独审批', 'Stays in force 持续', 'Term 期限'],
      MEASURE_KINDS.map((k) => {
        const rule = MEASURE_RULES[k];
        return [
          both(MEASURE_LABELS[k]),
          rule.needsApproval ? '是 yes' : '否 no',
          rule.lasting ? '是 yes' : '否 no',
          rule.clock ? DEADLINE_STEP_LABELS[rule.clock].zh : '',
        ];
      }),
    ),
    '',
    '### Default deadlines',
    '',
    ...table(
      ['Step 环节', 'Code', 'Term 期限', 'Reminders (days before) 提前提醒（日）'],
      DEADLINE_STEPS.map((step) => {
        const rule = policy.steps[step];
        const unit = DEADLINE_UNIT_LABELS[rule.unit];
        const en = rule.length === 1 ? unit.en.replace(/s$/, '') : unit.en;
        return [
          both(DEADLINE_STEP_LABELS[step]),
          code(step),
          `${rule.length} ${unit.zh} (${rule.length} ${en})`,
          rule.remindBefore.join(', '),
        ];
      }),
    ),
  ];
  return lines.join('\n') + '\n';
}
