// npm start [accounts.csv] [--port N] [--locale de_DE]: builds the playground server and page with esbuild and
// starts it on 127.0.0.1. The server needs dist/ (npm start runs node build.mjs first).

import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadRegistry } from '../build.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Bundles and starts the playground; returns its URL, its workbook and a close function.
 * @returns {Promise<{ url: string, close: () => Promise<void>, workbook: import('./workbook').Workbook }>}
 */
export async function launch({ port = 0, csv, locale } = /** @type {{ port?: number, csv?: string, locale?: string }} */ ({})) {
  const outdir = path.join(root, 'dist/playground');
  await build({
    entryPoints: [path.join(root, 'playground/server.ts')], bundle: true, platform: 'node', format: 'esm', target: 'node20',
    packages: 'external', outfile: path.join(outdir, 'server.mjs'), logLevel: 'warning',
  });
  const client = await build({
    entryPoints: [path.join(root, 'playground/client.ts')], bundle: true, format: 'iife', target: 'es2020', write: false, logLevel: 'warning',
  });
  const { startPlayground } = await import(pathToFileURL(path.join(outdir, 'server.mjs')).href);
  return startPlayground({
    root, port, locale,
    csv: csv ? readFileSync(csv, 'utf8') : undefined,
    appJs: client.outputFiles[0].text,
    pageHtml: readFileSync(path.join(root, 'playground/page.html'), 'utf8'),
    registry: await loadRegistry(),
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const option = (/** @type {string} */ name) => {
    const i = args.indexOf(name);
    return i >= 0 ? args.splice(i, 2)[1] : undefined;
  };
  const port = Number(option('--port') ?? 8080);
  const locale = option('--locale');
  const csv = args.find((a) => !a.startsWith('--'));
  const started = Date.now();
  launch({ port, csv, locale }).then(({ url }) => {
    console.log(`icp-sheets playground: ${url}  (ready in ${Date.now() - started} ms${csv ? `, accounts from ${csv}` : ', example workbook'})`);
    console.log('Everything runs on this machine; press Ctrl+C to stop.');
  }).catch((error) => {
    console.error(error.message ?? error);
    process.exit(1);
  });
}
