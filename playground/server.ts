// `npm start`: the playground's web server on 127.0.0.1. It serves the grid page and the add-on's own
// sidebar (dist/Sidebar.html with google.script.run wired to /api/run), and answers the page's requests
// from the Workbook. Nothing here reaches beyond this machine.

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FunctionSpec } from '../src/addon/registry';
import { ACCOUNTS, Workbook } from './workbook';

export interface PlaygroundOptions {
  readonly root: string;
  readonly port?: number;
  readonly csv?: string;
  readonly appJs: string;
  readonly pageHtml: string;
  readonly registry: { CUSTOM_FUNCTIONS: readonly FunctionSpec[]; SERVER_FUNCTIONS: readonly FunctionSpec[] };
  readonly locale?: string;
}

/** google.script.run for the sidebar: each call becomes a POST to /api/run/NAME, then the grid refreshes. */
const SCRIPT_RUN_SHIM = `<script>
(function () {
  function runner(success, failure) {
    return new Proxy({}, { get: function (_, name) {
      if (name === 'withSuccessHandler') return function (f) { return runner(f, failure); };
      if (name === 'withFailureHandler') return function (f) { return runner(success, f); };
      return function () {
        var args = Array.prototype.slice.call(arguments);
        var active = (window.parent && window.parent.icpActiveSheet) || '${ACCOUNTS}';
        fetch('/api/run/' + name, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ args: args, active: active }) })
          .then(function (r) { return r.json(); })
          .then(function (out) {
            if (out.error) { if (failure) failure(new Error(out.error)); return; }
            if (success) success(out.result);
            if (window.parent !== window) window.parent.postMessage({ type: 'icp-workbook-changed', name: name }, '*');
          })
          .catch(function (e) { if (failure) failure(e); });
      };
    } });
  }
  window.google = { script: { run: runner(null, null), host: { close: function () {} } } };
})();
</script>`;

async function body(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 50 * 1024 * 1024) throw new Error('The upload is larger than 50 MB.');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function send(res: ServerResponse, status: number, type: string, content: string): void {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', 'Content-Security-Policy': "default-src 'self' 'unsafe-inline'; connect-src 'self'; img-src 'self' data:" });
  res.end(content);
}

const json = (res: ServerResponse, value: unknown, status = 200) => send(res, status, 'application/json; charset=utf-8', JSON.stringify(value));

export async function startPlayground(options: PlaygroundOptions): Promise<{ url: string; close: () => Promise<void>; workbook: Workbook }> {
  const serverFunctions = options.registry.SERVER_FUNCTIONS.map((f) => f.name);
  const workbook = new Workbook(options.root, serverFunctions, options.registry.CUSTOM_FUNCTIONS, options.locale);
  workbook.setUpExample(options.csv);

  const routes: Record<string, (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<void> | void> = {
    'GET /': (_, res) => send(res, 200, 'text/html; charset=utf-8', options.pageHtml),
    'GET /app.js': (_, res) => send(res, 200, 'text/javascript; charset=utf-8', options.appJs),
    'GET /sidebar': (_, res) => send(res, 200, 'text/html; charset=utf-8', workbook.dist('Sidebar.html').replace('<head>', `<head>\n${SCRIPT_RUN_SHIM}`)),
    'GET /favicon.ico': (_, res) => {
      res.writeHead(204);
      res.end();
    },
    'GET /help': (_, res) => send(res, 200, 'text/html; charset=utf-8', workbook.dist('Help.html')),
    'GET /api/sheets': (_, res) => json(res, {
      active: workbook.spreadsheet.getActiveSheet().name,
      sheets: workbook.spreadsheet.sheets.map((s) => ({ name: s.name, ...workbook.engine.size(s) })),
    }),
    'GET /api/window': (_, res, url) => {
      const sheet = workbook.sheet(url.searchParams.get('sheet') ?? ACCOUNTS);
      const number = (key: string, fallback: number, max: number) => Math.min(max, Math.max(0, Number(url.searchParams.get(key) ?? fallback) || 0));
      const row = number('row', 0, 1_000_000);
      const rows = number('rows', 50, 200);
      const column = number('column', 0, 1000);
      const columns = number('columns', 20, 60);
      const size = workbook.engine.size(sheet);
      const shown = workbook.engine.window(sheet, row, rows, column, columns);
      const backgrounds = workbook.backgrounds(sheet, row, column, shown);
      json(res, { ...size, maxRows: sheet.maxRows, row, column, cells: shown.map((line, r) => line.map((cell, c) => ({ ...cell, bg: backgrounds[r][c] }))) });
    },
    'GET /api/charts': (_, res, url) => json(res, { charts: workbook.charts(url.searchParams.get('sheet') ?? ACCOUNTS) }),
    'GET /api/input': (_, res, url) => json(res, { input: workbook.input(url.searchParams.get('sheet') ?? ACCOUNTS, Number(url.searchParams.get('row')), Number(url.searchParams.get('column'))) }),
    'POST /api/cell': async (req, res) => {
      const { sheet, row, column, input } = JSON.parse(await body(req));
      workbook.edit(String(sheet), Number(row), Number(column), String(input));
      json(res, { ok: true });
    },
    'POST /api/csv': async (req, res) => {
      const rows = workbook.loadAccounts(await body(req));
      json(res, { ok: true, rows });
    },
  };

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const run = /^\/api\/run\/([A-Za-z]+)$/.exec(url.pathname);
    const handler = run && req.method === 'POST'
      ? async () => {
          const { args = [], active = ACCOUNTS, prompt, confirm } = JSON.parse((await body(req)) || '{}');
          json(res, workbook.run(run[1], args, active, { prompt, confirm }));
        }
      : routes[`${req.method} ${url.pathname}`];
    if (!handler) return json(res, { error: 'Not found' }, 404);
    Promise.resolve(handler(req, res, url)).catch((error: Error) => json(res, { error: error.message }, 400));
  });
  const listen = (port: number) => new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  try {
    await listen(options.port ?? 0);
  } catch (error) {
    // The requested port is taken: any free one will do for a local tool.
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    await listen(0);
  }
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    workbook,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
