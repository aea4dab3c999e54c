/** What other modules may use of the clues module. */
export { registerClueRoutes } from './clues.routes.js';
export { registerClueSubjectRoutes } from './clue-subject.routes.js';
export { candidateOf, duplicateSubject, storedSubjectFields } from './clue-subjects.js';
export { findKinshipConflicts, type KinshipConflict } from './clue-kinship.js';
export { decideSubjectAddition, type SubjectHolder } from './subject-addition.js';
export { listColleagues, listProblemTypes, registerClue, type ClueViewer } from './clues.service.js';
export { keptClueRead, keptProblemTypeLabels, problemTypeLabels } from './clue-reads.js';
export { type ClueAssigned, type ClueEvents, type ClueServices, type ClueStepCommitted } from './clue-events.js';
export {
  allowedClueActions,
  allowedSteps,
  commissionDate,
  commissionTime,
  numberingAbbreviation,
  procedureActor,
  stepRefused,
} from './clue-procedure.js';
export {
  presentClueSummary,
  presentDeadline,
  presentTimelineEntry,
  ADD_SUBJECT_ACTION,
  KINSHIP_RECUSAL_ACTION,
  RECEIVE_ACTION,
  startedClock,
} from './clues.presenter.js';
export { ZAddedSubject, ZClueSummary, type TSubjectInput } from './clues.schemas.js';
export {
  basics,
  keysetPageFields,
  procedureSummaryFields,
  ZDeadline,
  ZRecordId,
  ZStep,
  ZText,
} from './procedure.schemas.js';
export { usersWithin } from './clues.repository.js';
export {
  clueFilterOf,
  clueMatches,
  commissionDayEnd,
  commissionDayStart,
  type ClueFilter,
  type ClueFilterParams,
} from './clue-filter.js';
export { placeOf } from './documents/clue-documents.service.js';
export { chineseDate } from './documents/clue-forms.js';
export { renderOfficialDocx, type OfficialForm } from './documents/official-docx.js';
