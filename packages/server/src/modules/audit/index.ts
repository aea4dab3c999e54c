/** What other modules may use of the audit module. */
export { actorFromRequest, recordAudit, systemActor, type AuditActor } from './audit.service.js';
