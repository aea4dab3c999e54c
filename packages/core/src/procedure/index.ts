// The commission's procedure as data: the clue and case state machines, the deadlines they
// start, the dispositions they end in, and the ledger of money and property (pure, no I/O).
export * from './calendar.js';
export * from './deadlines.js';
export * from './deadline-labels.js';
export * from './numbering.js';
export * from './dispositions.js';
export {
  type Attachment,
  type IndependenceRule,
  type ProcedureActor,
  type ProcedureCommand,
  type ProcedureMachine,
  type ProcedureRecordBase,
  type Rejection,
  type RejectionCode,
  type Requirement,
  type StepBasics,
  type StepResult,
  type TimelineEntry,
  type TransitionRule,
  actionsFrom,
  recusePerson,
} from './engine.js';
export * from './clue-types.js';
export * from './clue-labels.js';
export { CLUE_MACHINE, CLUE_STATE_MACHINE, acceptMergedClue, applyClueAction, newClue } from './clue-machine.js';
export { recuseFromClue } from './clue-assignment-rules.js';
export * from './case-types.js';
export * from './case-labels.js';
export { MEASURE_LABELS, MEASURE_RULES, MEASURE_STATUS_LABELS, isMeasureOpen } from './case-measures.js';
export { CASE_MACHINE, CASE_STATE_MACHINE, applyCaseAction, proposeCase } from './case-machine.js';
export {
  type ProcedureContext,
  type ProcedureEvent,
  type ProcedureStateMachine,
  UNKNOWN_STEP,
  procedureStateMachine,
  snapshotOf,
  stepMachine,
} from './state-machine.js';
export * from './property-ledger.js';
export {
  INDEPENDENCE_LABELS,
  REQUIREMENT_LABELS,
  type StepDescription,
  describeMachine,
  machineDiagram,
  renderProcedureTables,
} from './describe.js';
