export * from './log-hash.js';
export * from './bytes.js';
export * from './ranges.js';
export * from './subtrees.js';
export * from './append.js';
export * from './verify.js';
export * from './jcs.js';
export * from './entry.js';
