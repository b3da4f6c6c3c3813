// src/core compiled on the fly with esbuild (as build.mjs reads the registry), for terminal tools that need
// more than the bundle's custom functions: ICP_SQL's generator given the columns a file really has, the
// learner's candidate rules for the baseline of `npm run bench -- --learn`.

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');

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
export async function loadCore(entry = ENTRY) {
  const out = await build({
    stdin: { contents: entry, resolveDir: root, loader: 'ts' },
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    write: false,
    logLevel: 'silent',
  });
  return import(`data:text/javascript;base64,${Buffer.from(out.outputFiles[0].text).toString('base64')}`);
}
