/** What other modules may use of the auth module. */
export { type AuthServices } from './auth-services.js';
export { hashPassword } from './password-hasher.js';
