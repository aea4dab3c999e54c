/** What other modules may use of the clues module. */
export { registerClueRoutes } from './clues.routes.js';
export { registerClue } from './clues.service.js';
export {
  clueFilterOf,
  clueMatches,
  commissionDayEnd,
  commissionDayStart,
  type ClueFilter,
  type ClueFilterParams,
} from './clue-filter.js';
export { commissionDate } from './clue-procedure.js';
export { RECEIVE_ACTION } from './clues.presenter.js';
