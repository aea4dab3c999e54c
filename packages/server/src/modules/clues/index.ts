/** What other modules may use of the clues module. */
export { registerClueRoutes } from './clues.routes.js';
export { registerClue } from './clues.service.js';
export type { ClueEvents, ClueServices } from './clue-events.js';
export { commissionDate } from './clue-procedure.js';
