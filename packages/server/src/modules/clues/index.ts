/** What other modules may use of the clues module. */
export { registerClueRoutes } from './clues.routes.js';
export { listProblemTypes, registerClue } from './clues.service.js';
export { type ClueAssigned, type ClueEvents, type ClueServices, type ClueStepped } from './clue-events.js';
export { allowedClueActions, commissionDate, procedureActor } from './clue-procedure.js';
export { presentClueSummary } from './clues.presenter.js';
export { ZClueSummary } from './clues.schemas.js';
