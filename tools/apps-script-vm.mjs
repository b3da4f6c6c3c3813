// Loads dist/Code.js the way Apps Script does: one script in a fresh V8 context that has no Node globals,
// only what the caller passes in (fake SpreadsheetApp and friends).

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

export const CODE_PATH = path.join(path.dirname(fileURLToPath(import.meta.url)), '../dist/Code.js');

/**
 * @param {Record<string, unknown>} [globals] services to expose, e.g. { SpreadsheetApp, HtmlService }
 * @param {string} [code] the bundle's source; read from dist/Code.js when omitted
 * @returns {vm.Context & Record<string, any>}
 */
export function loadCode(globals = {}, code = readFileSync(CODE_PATH, 'utf8')) {
  const context = vm.createContext({ ...globals });
  vm.runInContext(code, context, { filename: 'Code.js' });
  return context;
}
