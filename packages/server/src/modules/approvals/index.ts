/** What other modules may use of the approvals module. */
export { type ApprovalViewer, requireApproval } from './approvals.service.js';
export { registerApprovalRoutes } from './approvals.routes.js';
