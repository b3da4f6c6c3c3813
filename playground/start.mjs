// npm start [accounts.csv] [--port N] [--locale de_DE]: builds the playground server and page with esbuild and
// starts it on 127.0.0.1. The server needs dist/ (npm start runs node build.mjs first). Without --port it
// listens on 8080, or on a free port (and says so) when 8080 is taken; a --port that is taken is an error.

import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadRegistry } from '../build.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Bundles and starts the playground; returns its URL, its workbook and a close function.
 * @returns {Promise<import('./server').Playground>}
 */
export async function launch({ port = 0, anyPortIfTaken = false, csv, locale } = /** @type {{ port?: number, anyPortIfTaken?: boolean, csv?: string, locale?: string }} */ ({})) {
  const outdir = path.join(root, 'dist/playground');
  await build({
    entryPoints: [path.join(root, 'playground/server.ts')], bundle: true, platform: 'node', format: 'esm', target: 'node20',
    packages: 'external', outfile: path.join(outdir, 'server.mjs'), logLevel: 'warning',
  });
  const page = (/** @type {string} */ entry) => build({
    entryPoints: [path.join(root, entry)], bundle: true, format: 'iife', target: 'es2020', write: false, logLevel: 'warning', minify: true,
  }).then((out) => out.outputFiles[0].text);
  const [appJs, scriptRunJs] = await Promise.all([page('playground/client.ts'), page('playground/script-run-page.ts')]);
  const { startPlayground } = await import(pathToFileURL(path.join(outdir, 'server.mjs')).href);
  return startPlayground({
    root, port, anyPortIfTaken, locale,
    csv: csv ? readFileSync(csv, 'utf8') : undefined,
    appJs,
    scriptRunJs,
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
  const asked = option('--port');
  const port = Number(asked ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port ${asked}: give a port number from 0 to 65535 (0 for any free port).`);
    process.exit(1);
  }
  const locale = option('--locale');
  const csv = args.find((a) => !a.startsWith('--'));
  const started = Date.now();
  launch({ port, anyPortIfTaken: asked === undefined, csv, locale }).then(({ url, movedFrom }) => {
    if (movedFrom !== undefined) console.log(`Port ${movedFrom} is in use, so the playground took a free one.`);
    console.log(`icp-sheets playground: ${url}  (ready in ${Date.now() - started} ms${csv ? `, accounts from ${csv}` : ', example workbook'})`);
    console.log('Everything runs on this machine; press Ctrl+C to stop.');
  }).catch((error) => {
    console.error(error.message ?? error);
    process.exit(1);
  });
}
