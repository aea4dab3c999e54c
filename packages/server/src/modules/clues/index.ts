/** What other modules may use of the clues module. */
export { registerClueRoutes } from './clues.routes.js';
export { listColleagues, problemTypeLabels, registerClue, type ClueViewer } from './clues.service.js';
export type { ClueEvents, ClueServices } from './clue-events.js';
export {
  allowedSteps,
  commissionDate,
  commissionTime,
  numberingAbbreviation,
  procedureActor,
  stepRefused,
} from './clue-procedure.js';
export { presentDeadline, presentTimelineEntry, RECEIVE_ACTION } from './clues.presenter.js';
export { ZDeadline, ZStep, basics } from './clues.schemas.js';
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
