// src/core compiled on the fly with esbuild (as build.mjs reads the registry), for terminal tools that need
// more than the bundle's custom functions: ICP_SQL's generator given the columns a file really has, the
// learner's candidate rules for the baseline of `npm run bench -- --learn`.

import { importTs } from '../build.mjs';

const ENTRY = `
export { assertUnscored, criteriaToSql } from './src/core/sql';
export { parseCriteria, NUMERIC_OPERATORS } from './src/core/criteria';
export { criteriaError, IcpError } from './src/core/errors';
export { findColumn, unknownColumn } from './src/core/table';
export { normalizeText } from './src/core/text';
export { parseTiers } from './src/core/tiers';
`;

/**
 * @param {string} [entry] the exports to compile, as an ES module beside package.json
 * @returns {Promise<any>} the core modules named in ENTRY (or `entry`)
 */
export function loadCore(entry = ENTRY) {
  return importTs(entry);
}
