// Builds the Apps Script project into dist/: Code.js (esbuild IIFE + generated top-level stubs that carry
// each function's JSDoc), appsscript.json and the self-contained sidebar HTML.
// Usage: node build.mjs        (library use: import { build, loadRegistry } from './build.mjs')

import { build as esbuild } from 'esbuild';
import { mkdir, readFile, writeFile, copyFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';
import vm from 'node:vm';

const root = path.dirname(fileURLToPath(import.meta.url));
const dist = path.join(root, 'dist');
export const GLOBAL_NAME = 'IcpSheets';
// TEMPORARY: 110 KB while the translations and server-only text move out of Code.js (back to 100 KB before release).
export const CODE_BUDGET_BYTES = 110 * 1024;

/** @typedef {import('./src/addon/registry').FunctionSpec} FunctionSpec */
/** @typedef {{ CUSTOM_FUNCTIONS: readonly FunctionSpec[], SERVER_FUNCTIONS?: readonly FunctionSpec[] }} Registry */

/**
 * The function registry (src/addon/registry.ts), compiled on the fly so the build reads the same table.
 * @returns {Promise<Registry>}
 */
export async function loadRegistry() {
  const out = await esbuild({
    entryPoints: [path.join(root, 'src/addon/registry.ts')],
    bundle: true, format: 'esm', platform: 'neutral', write: false, logLevel: 'silent',
  });
  const source = out.outputFiles[0].text;
  return import(`data:text/javascript;base64,${Buffer.from(source).toString('base64')}`);
}

/**
 * The JSDoc Sheets reads for autocomplete: summary, @param names and hints, @return, @customfunction.
 * Other globals get their summary only: every byte of Code.js is loaded by every custom-function call.
 * @param {FunctionSpec} fn @param {boolean} customFunction
 */
function jsdoc(fn, customFunction) {
  if (!customFunction) return `/** ${fn.summary} */`;
  const lines = [fn.summary];
  for (const p of fn.params) lines.push(`@param {${p.type}} ${p.name} ${p.optional ? '[optional] ' : ''}${p.doc}`);
  if (fn.returns) lines.push(`@return ${fn.returns}`);
  lines.push('@customfunction');
  return ['/**', ...lines.map((l) => ` * ${l}`), ' */'].join('\n');
}

/** One top-level declaration per global, with real parameter names so Sheets shows argument hints. */
/** @param {Registry} registry */
export function stubs(registry) {
  /** @param {FunctionSpec} fn @param {boolean} customFunction */
  const emit = (fn, customFunction) => {
    const names = fn.params.map((p) => p.name).join(', ');
    return `${jsdoc(fn, customFunction)}\nfunction ${fn.name}(${names}) { return ${GLOBAL_NAME}.${fn.name}(${names}); }\n`;
  };
  return [
    ...registry.CUSTOM_FUNCTIONS.map((fn) => emit(fn, true)),
    ...(registry.SERVER_FUNCTIONS ?? []).map((fn) => emit(fn, false)),
  ].join('\n');
}

/** @param {string} entry @param {string} globalName */
async function bundle(entry, globalName) {
  const out = await esbuild({
    entryPoints: [path.join(root, entry)],
    bundle: true, format: 'iife', globalName, target: 'es2020', platform: 'browser',
    minify: true, legalComments: 'none', charset: 'utf8', write: false, logLevel: 'warning',
  });
  return out.outputFiles[0].text;
}

/** Loads the finished Code.js the way Apps Script does, in a context without Node globals. */
/** @param {string} code @param {Registry} registry */
function checkLoads(code, registry) {
  const context = vm.createContext({});
  vm.runInContext(code, context, { filename: 'Code.js' });
  const names = [...registry.CUSTOM_FUNCTIONS, ...(registry.SERVER_FUNCTIONS ?? [])].map((f) => f.name);
  const missing = names.filter((n) => typeof context[GLOBAL_NAME][n] !== 'function' || typeof context[n] !== 'function');
  if (missing.length) throw new Error(`Code.js does not define: ${missing.join(', ')}`);
}

export async function build({ quiet = false } = {}) {
  await mkdir(dist, { recursive: true });
  const registry = await loadRegistry();
  const header = '// icp-sheets: built by build.mjs from src/ (MIT licence). Do not edit.\n/** @OnlyCurrentDoc */\n';
  const code = `${header}${await bundle('src/addon/main.ts', GLOBAL_NAME)}\n${stubs(registry)}`;
  checkLoads(code, registry);
  const size = Buffer.byteLength(code);
  if (size > CODE_BUDGET_BYTES) throw new Error(`dist/Code.js is ${size} bytes, over the ${CODE_BUDGET_BYTES}-byte budget.`);
  await writeFile(path.join(dist, 'Code.js'), code);
  await copyFile(path.join(root, 'appsscript.json'), path.join(dist, 'appsscript.json'));
  let sidebarSize = 0;
  const sidebarTemplate = path.join(root, 'src/sidebar/index.html');
  const hasSidebar = await readFile(sidebarTemplate, 'utf8').then((t) => t, () => undefined);
  if (hasSidebar !== undefined) {
    const script = (await bundle('src/sidebar/main.ts', 'IcpSidebar')).replace(/<\/script/gi, '<\\/script');
    const html = hasSidebar.replace('<!-- SCRIPT -->', () => `<script>\n${script}</script>`);
    sidebarSize = Buffer.byteLength(html);
    await writeFile(path.join(dist, 'Sidebar.html'), html);
  }
  await copyFile(path.join(root, 'src/sidebar/help.html'), path.join(dist, 'Help.html'));
  if (!quiet) {
    console.log(`dist/Code.js ${(size / 1024).toFixed(1)} KB` + (sidebarSize ? `, dist/Sidebar.html ${(sidebarSize / 1024).toFixed(1)} KB` : ''));
  }
  return { size, sidebarSize };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  build().catch((error) => {
    console.error(error.message ?? error);
    process.exit(1);
  });
}
