/**
 * Moved to models/credentials.ts. This alias keeps modules written against the old path (rules
 * on branches in flight) building; import from './models/credentials.js' in new code.
 */
export * from './models/credentials.js';
