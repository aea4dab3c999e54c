/** What other modules may use of the audit module. */
export { actorFromRequest, recordAudit, signedInViewer, systemActor, type AuditActor } from './audit.service.js';
