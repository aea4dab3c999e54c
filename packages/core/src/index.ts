export * from './auth/permissions.js';
export * from './auth/roles.js';
export * from './divisions/division-code.js';
export * from './masking/mask.js';
export * from './standard/index.js';
export * from './models/index.js';
export * from './auth/password-policy.js';
