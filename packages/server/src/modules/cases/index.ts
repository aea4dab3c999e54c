/** What other modules may use of the cases module. */
export { registerCaseRoutes } from './cases.routes.js';
export { registerCaseFileRoutes } from './case-files.routes.js';
export { announceCaseOfClue, proposeCaseDirectly, proposeCaseFromClue } from './cases.service.js';
export { type CaseEvents, type CaseServices, type CaseStepCommitted } from './case-events.js';
export { presentCaseSummary } from './cases.presenter.js';
export { ZCaseSummary } from './cases.schemas.js';
export { registerCaseDocumentRoutes } from './documents/case-documents.routes.js';
