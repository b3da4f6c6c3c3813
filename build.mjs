// Builds the Apps Script project into dist/: Code.js (esbuild IIFE + generated top-level stubs that carry
// each function's JSDoc), the language data files (i18n-en.html, i18n-de.html, i18n-da.html), appsscript.json
// and the self-contained sidebar HTML.
// Usage: node build.mjs        (library use: import { build, loadRegistry } from './build.mjs')

import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import vm from 'node:vm';
import { build as esbuild } from 'esbuild';

const root = path.dirname(fileURLToPath(import.meta.url));
const dist = path.join(root, 'dist');
export const CODE_BUDGET_BYTES = 100 * 1024;
export const LANGUAGES = ['en', 'de', 'da'];
/**
 * Catalog keys end in `_`, and so do the fields of objects that never leave Code.js (never a payload, a data
 * file or an argument of Apps Script): esbuild shortens each such property in Code.js, and the data files
 * use the same names.
 */
const MANGLED = /_$/;

/** @typedef {import('./src/addon/registry').FunctionSpec} FunctionSpec */
/** @typedef {{ CUSTOM_FUNCTIONS: readonly FunctionSpec[], SERVER_FUNCTIONS?: readonly FunctionSpec[] }} Registry */

/**
 * TypeScript of the project compiled on the fly and imported: `source` is an ES module as if it stood beside
 * package.json (`export { X } from './src/…'`).
 * @param {string} source
 * @returns {Promise<any>}
 */
export async function importTs(source) {
  const out = await esbuild({
    stdin: { contents: source, resolveDir: root, loader: 'ts' },
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    write: false,
    logLevel: 'silent',
  });
  return import(`data:text/javascript;base64,${Buffer.from(out.outputFiles[0].text).toString('base64')}`);
}

/** One TypeScript module of the project, compiled on the fly and imported. @param {string} entry */
function loadModule(entry) {
  return importTs(`export * from './${entry}';`);
}

/**
 * The function registry (src/addon/registry.ts), compiled on the fly so the build reads the same table.
 * @returns {Promise<Registry>}
 */
export async function loadRegistry() {
  return loadModule('src/addon/registry.ts');
}

/**
 * The JSDoc Sheets reads for autocomplete: summary, @param names and hints, @customfunction. No @return:
 * Sheets' formula helper does not show it (Apps Script's JSDoc guide, "Supported tags and UI limitations"),
 * and every byte of Code.js is loaded by every custom-function call; the README's reference keeps it.
 * @param {FunctionSpec} fn
 */
function jsdoc(fn) {
  const lines = [fn.summary];
  for (const p of fn.params) lines.push(`@param {${p.type}} ${p.name} ${p.optional ? '[optional] ' : ''}${p.doc}`);
  lines.push('@customfunction');
  return ['/**', ...lines.map((l) => ` * ${l}`), ' */'].join('\n');
}

/** The empty declaration of a global that the bundle replaces when it loads (src/addon/main.ts). @param {FunctionSpec} fn */
export const declaration = (fn) => `function ${fn.name}(${fn.params.map((p) => p.name).join(', ')}) {}`;

/**
 * One top-level declaration per global, for Apps Script to find (menus, google.script.run, triggers,
 * custom functions) with its real parameter names. Its body is empty: loading the bundle assigns the
 * implementation over it, so no wrapper per global costs bytes. Custom functions carry the JSDoc Sheets
 * shows; the other globals, which only the script editor would show a comment of, are documented in the
 * registry, and every custom-function call would load their comments for nothing.
 * @param {Registry} registry
 */
export function stubs(registry) {
  return [
    ...registry.CUSTOM_FUNCTIONS.map((fn) => `${jsdoc(fn)}\n${declaration(fn)}\n\n`),
    "// Menu actions, triggers and the sidebar's server functions: see src/addon/registry.ts.\n",
    ...(registry.SERVER_FUNCTIONS ?? []).map((fn) => `${declaration(fn)}\n`),
  ].join('');
}

/**
 * The catalogs (src/core/i18n, src/addon/i18n), compiled on the fly like the registry.
 * @returns {Promise<{ core: Record<string, Record<string, string>>, server: Record<string, Record<string, unknown>> }>}
 */
export async function loadCatalogs() {
  const entry = [
    "export { EN as core_en } from './src/core/i18n/en';",
    "export { DE as core_de } from './src/core/i18n/de';",
    "export { DA as core_da } from './src/core/i18n/da';",
    "export { SERVER_EN as server_en } from './src/addon/i18n/en';",
    "export { SERVER_DE as server_de } from './src/addon/i18n/de';",
    "export { SERVER_DA as server_da } from './src/addon/i18n/da';",
  ].join('\n');
  const m = await importTs(entry);
  return {
    core: Object.fromEntries(LANGUAGES.map((l) => [l, m[`core_${l}`]])),
    server: Object.fromEntries(LANGUAGES.map((l) => [l, m[`server_${l}`]])),
  };
}

/** The names of a text's placeholders in the order they first appear. @param {string} text */
export function placeholders(text) {
  return [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))];
}

/**
 * A text with its placeholders numbered by their place in the English text (`{0}`, `{1}`): Code.js fills
 * them in whatever order a language puts them, and numbers are shorter than the names translators read.
 * @param {string} key @param {string} english @param {string} text
 */
function positional(key, english, text) {
  const names = placeholders(english);
  return text.replace(/\{(\w+)\}/g, (_, name) => {
    const i = names.indexOf(name);
    if (i < 0) throw new Error(`i18n: ${key} has the placeholder {${name}}, which the English text does not have.`);
    return `{${i}}`;
  });
}

/**
 * One data file per language: the server's texts and, but for English (in Code.js), the custom functions'
 * texts, under the names Code.js reads them by. JSON inside an .html file, the kind of project file both
 * custom functions and server functions can read (HtmlService).
 * @param {Record<string, string | false>} mangled @param {Awaited<ReturnType<typeof loadCatalogs>>} catalogs
 */
function dataFiles(mangled, catalogs) {
  const shared = Object.keys(catalogs.server.en).filter((key) => key in catalogs.core.en);
  if (shared.length) throw new Error(`i18n: ${shared.join(', ')} is a key of both catalogs; one file holds both.`);
  /** @type {Record<string, string>} */
  const files = {};
  for (const lang of LANGUAGES) {
    /** @type {Record<string, unknown>} */
    const data = {};
    const add = (/** @type {Record<string, unknown>} */ catalog, /** @type {Record<string, unknown>} */ english) => {
      for (const [key, value] of Object.entries(catalog)) {
        const name = mangled[key];
        if (typeof name !== 'string') throw new Error(`i18n: ${key} is not used in Code.js; remove it from the catalogs.`);
        data[name] = typeof value === 'string' ? positional(key, /** @type {string} */ (english[key]), value) : value;
      }
    };
    if (lang !== 'en') add(catalogs.core[lang], catalogs.core.en);
    add(catalogs.server[lang], catalogs.server.en);
    // `<`, `>` and `&` escaped, so the file reads as the same JSON whatever HTML processing it meets.
    files[`i18n-${lang}.html`] = JSON.stringify(data).replace(/[<>&]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  }
  return files;
}

/**
 * The English catalog as Code.js holds it: each text's placeholders numbered (`{0}`), as in the data files.
 * @type {import('esbuild').Plugin}
 */
const positionalEnglish = {
  name: 'positional-english',
  setup(build) {
    build.onLoad({ filter: /[\\/]src[\\/]core[\\/]i18n[\\/]en\.ts$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const contents = source.replace(/'(?:[^'\\\n]|\\.)*'/g, (literal) => positional(literal, literal, literal));
      return { contents, loader: 'ts' };
    });
  },
};

/**
 * @param {string} entry
 * @param {string} [globalName] the global the IIFE's exports become; Code.js has none: its entry assigns
 *   the globals itself (src/addon/main.ts)
 * @param {boolean} [main] Code.js: shortened keys, numbered placeholders
 */
async function bundle(entry, globalName, main = false) {
  const out = await esbuild({
    entryPoints: [path.join(root, entry)],
    bundle: true,
    format: 'iife',
    globalName,
    target: 'es2020',
    platform: 'browser',
    minify: true,
    legalComments: 'none',
    charset: 'utf8',
    write: false,
    logLevel: 'warning',
    ...(main ? { mangleProps: MANGLED, mangleCache: {}, plugins: [positionalEnglish] } : {}),
  });
  return { code: out.outputFiles[0].text, mangled: out.mangleCache ?? {} };
}

/**
 * Loads the finished Code.js the way Apps Script does, in a context without Node globals, and checks that
 * every declared global is a function and no longer the empty declaration.
 * @param {string} code @param {Registry} registry
 */
function checkLoads(code, registry) {
  const context = vm.createContext({});
  vm.runInContext(code, context, { filename: 'Code.js' });
  const fns = [...registry.CUSTOM_FUNCTIONS, ...(registry.SERVER_FUNCTIONS ?? [])];
  const missing = fns.filter((fn) => typeof context[fn.name] !== 'function' || String(context[fn.name]) === declaration(fn)).map((fn) => fn.name);
  if (missing.length) throw new Error(`Code.js does not define: ${missing.join(', ')}`);
}

export async function build({ quiet = false } = {}) {
  await mkdir(dist, { recursive: true });
  const registry = await loadRegistry();
  const header = '// icp-sheets: built by build.mjs from src/ (MIT licence). Do not edit.\n/** @OnlyCurrentDoc */\n';
  const main = await bundle('src/addon/main.ts', undefined, true);
  const code = `${header}${main.code}\n// What Apps Script and Sheets read; the code above replaces each on load.\n\n${stubs(registry)}`;
  checkLoads(code, registry);
  const size = Buffer.byteLength(code);
  if (size > CODE_BUDGET_BYTES) throw new Error(`dist/Code.js is ${size} bytes, over the ${CODE_BUDGET_BYTES}-byte budget.`);
  await writeFile(path.join(dist, 'Code.js'), code);
  for (const [name, text] of Object.entries(dataFiles(main.mangled, await loadCatalogs()))) await writeFile(path.join(dist, name), text);
  await copyFile(path.join(root, 'appsscript.json'), path.join(dist, 'appsscript.json'));
  let sidebarSize = 0;
  const sidebarTemplate = path.join(root, 'src/sidebar/index.html');
  const hasSidebar = await readFile(sidebarTemplate, 'utf8').then(
    (t) => t,
    () => undefined,
  );
  if (hasSidebar !== undefined) {
    const script = (await bundle('src/sidebar/main.ts', 'IcpSidebar')).code.replace(/<\/script/gi, '<\\/script');
    const html = hasSidebar.replace('<!-- SCRIPT -->', () => `<script>\n${script}</script>`);
    sidebarSize = Buffer.byteLength(html);
    await writeFile(path.join(dist, 'Sidebar.html'), html);
  }
  // The help page in every language, written from the registry and the catalogs (src/sidebar/help.ts).
  const { helpPage } = await loadModule('src/sidebar/help.ts');
  await writeFile(path.join(dist, 'Help.html'), helpPage());
  if (!quiet) {
    console.log(`dist/Code.js ${(size / 1024).toFixed(1)} KB${sidebarSize ? `, dist/Sidebar.html ${(sidebarSize / 1024).toFixed(1)} KB` : ''}`);
  }
  return { size, sidebarSize };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  build().catch((error) => {
    console.error(error.message ?? error);
    process.exit(1);
  });
}
