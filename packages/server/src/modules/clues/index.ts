/** What other modules may use of the clues module. */
export { registerClueRoutes } from './clues.routes.js';
export { listProblemTypes, problemTypeLabels, registerClue, type ClueViewer } from './clues.service.js';
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
export { presentClueSummary, presentDeadline, startedClock } from './clues.presenter.js';
export { ZClueSummary } from './clues.schemas.js';
