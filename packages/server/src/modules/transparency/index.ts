/** What other parts of the server may use of the transparency log module. */
export { TransparencyLog, type TransparencyServices } from './transparency-log.js';
export { registerTransparencyRoutes } from './transparency.routes.js';
export { verifyLog, type Divergence, type VerifyReport } from './verify-log.js';
export { proveConsistency, proveInclusion } from './transparency.service.js';
