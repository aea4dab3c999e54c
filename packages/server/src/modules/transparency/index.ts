/** What other parts of the server may use of the transparency log module. */
export { TransparencyLog, type TransparencyServices } from './transparency-log.js';
