/** What other modules may use of the roles module. */
export { type RoleServices } from './role-permissions.service.js';
export { readSensitiveQueryApproval } from './security-policies.service.js';
