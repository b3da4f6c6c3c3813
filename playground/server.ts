// `npm start`: the playground's web server on 127.0.0.1. It serves the grid page and the add-on's own
// sidebar (dist/Sidebar.html with google.script.run wired to /api/run), and answers the routes declared in
// routes.ts from the Workbook. Nothing here reaches beyond this machine, and nothing from another site or
// another host name gets in: it runs on people's machines, beside their browser.

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as z from 'zod/mini';
import type { FunctionSpec } from '../src/addon/registry';
import { type AnswerOf, type PayloadOf, ROUTES, type RouteName, type Routes } from './routes';
import { Workbook } from './workbook';

export interface PlaygroundOptions {
  readonly root: string;
  /** The port to listen on; 0 for any free one. */
  readonly port?: number;
  /** When the port is taken: fail (false, the default) or take any free port (true). */
  readonly anyPortIfTaken?: boolean;
  readonly csv?: string;
  readonly appJs: string;
  /** google.script.run for the sidebar (built from emulator/script-run.ts), injected into its page. */
  readonly scriptRunJs: string;
  readonly pageHtml: string;
  readonly registry: { CUSTOM_FUNCTIONS: readonly FunctionSpec[]; SERVER_FUNCTIONS: readonly FunctionSpec[] };
  readonly locale?: string;
}

export interface Playground {
  readonly url: string;
  readonly port: number;
  /** The port asked for, when it was taken and another one was chosen. */
  readonly movedFrom?: number;
  readonly workbook: Workbook;
  readonly close: () => Promise<void>;
}

/** An answer other than 200, with the message the page shows. */
class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const MB = 1024 * 1024;
const BODY_LIMITS: Partial<Record<RouteName, number>> = { csv: 50 * MB };
const DEFAULT_BODY_LIMIT = 10 * MB;

// English messages for schema errors (zod/mini carries none by default); the page shows them.
z.config(z.locales.en());

async function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new HttpError(413, `The request is larger than ${limit / MB} MB.`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

const HEADERS = {
  'Cache-Control': 'no-store',
  'Content-Security-Policy': "default-src 'self' 'unsafe-inline'; connect-src 'self'; img-src 'self' data:; frame-ancestors 'self'",
  'X-Content-Type-Options': 'nosniff',
};

function send(res: ServerResponse, status: number, type: string, content: string): void {
  res.writeHead(status, { ...HEADERS, 'Content-Type': type });
  res.end(content);
}

const json = (res: ServerResponse, value: unknown, status = 200) => send(res, status, 'application/json; charset=utf-8', JSON.stringify(value));

/**
 * Why a request is refused, or undefined. The Host header must name this server (a foreign name means DNS
 * rebinding: another site's page resolved to 127.0.0.1); a request from a page of another origin is
 * refused, whatever it asks; a POST must be JSON, which a cross-site form or `text/plain` fetch cannot send
 * without a preflight that this server never allows.
 */
function refusal(req: IncomingMessage, port: number): HttpError | undefined {
  const hosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  if (!hosts.includes(req.headers.host ?? '')) return new HttpError(403, 'The playground answers only to 127.0.0.1 and localhost.');
  const origin = req.headers.origin;
  if (origin !== undefined && !hosts.some((h) => origin === `http://${h}`)) return new HttpError(403, 'Requests from other sites are refused.');
  const site = req.headers['sec-fetch-site'];
  if (site === 'cross-site' || site === 'same-site') return new HttpError(403, 'Requests from other sites are refused.');
  if (req.method === 'POST' && (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase() !== 'application/json') {
    return new HttpError(415, 'Send the request as application/json.');
  }
  return undefined;
}

type Handlers = { [K in RouteName]: (payload: PayloadOf<Routes[K]>) => AnswerOf<Routes[K]> };

/** Parses and validates a route's payload: the query of a GET, the JSON body of a POST. */
async function payloadOf(name: RouteName, req: IncomingMessage, url: URL): Promise<unknown> {
  const route = ROUTES[name];
  let raw: unknown;
  if (route.method === 'GET') {
    raw = Object.fromEntries(url.searchParams);
  } else {
    const text = await readBody(req, BODY_LIMITS[name] ?? DEFAULT_BODY_LIMIT);
    try {
      raw = JSON.parse(text);
    } catch {
      throw new HttpError(400, 'The request body is not JSON.');
    }
  }
  const parsed = route.payload.safeParse(raw);
  if (!parsed.success) throw new HttpError(400, `Invalid request to ${route.path}: ${z.prettifyError(parsed.error).replace(/\n+/g, ' ')}`);
  return parsed.data;
}

/**
 * Listens on 127.0.0.1:port. A taken port is an error naming the way out, unless `anyPortIfTaken`: then
 * any free port is taken and the requested one returned, so the caller can say so.
 */
export async function listen(server: Server, port: number, anyPortIfTaken: boolean): Promise<number | undefined> {
  const attempt = (at: number) =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(at, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  try {
    await attempt(port);
    return undefined;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    if (!anyPortIfTaken) throw new Error(`Port ${port} is in use. Stop what uses it, or choose another with --port N (--port 0 for any free port).`);
    await attempt(0);
    return port;
  }
}

export async function startPlayground(options: PlaygroundOptions): Promise<Playground> {
  const serverFunctions = options.registry.SERVER_FUNCTIONS.map((f) => f.name);
  const workbook = new Workbook(options.root, serverFunctions, options.registry.CUSTOM_FUNCTIONS, options.locale);
  workbook.setUpExample(options.csv);

  const sheetOf = (name: string) => {
    const sheet = workbook.spreadsheet.getSheetByName(name);
    if (!sheet) throw new HttpError(404, `There is no sheet named ${name}.`);
    return sheet;
  };

  const handlers: Handlers = {
    sheets: () => ({
      active: workbook.spreadsheet.getActiveSheet().name,
      sheets: workbook.spreadsheet.sheets.map((s) => ({
        name: s.name,
        ...workbook.engine.size(s),
        results: workbook.resultColumn(s),
        own: workbook.ownTab(s.name),
        names: workbook.nameColumn(s),
      })),
    }),
    setup: () => ({ setUp: workbook.currentSetUp() }),
    window: ({ sheet: name, row, rows, column, columns }) => {
      const sheet = sheetOf(name);
      const shown = workbook.engine.window(sheet, row, rows, column, columns);
      const backgrounds = workbook.backgrounds(sheet, row, column, shown);
      return {
        ...workbook.engine.size(sheet),
        maxRows: sheet.maxRows,
        row,
        column,
        cells: shown.map((line, r) => line.map((cell, c) => ({ ...cell, bg: backgrounds[r][c] }))),
      };
    },
    charts: ({ sheet }) => ({ charts: workbook.charts(sheetOf(sheet).name) }),
    input: ({ sheet, row, column }) => workbook.cellInput(sheetOf(sheet).name, row, column),
    cell: ({ sheet, row, column, input }) => {
      const target = sheetOf(sheet);
      if (row > target.maxRows || column > target.maxColumns) throw new HttpError(400, 'That cell is outside the sheet.');
      workbook.edit(target.name, row, column, input);
      return { ok: true };
    },
    csv: ({ csv }) => ({ ok: true, rows: workbook.loadAccounts(csv), sheet: workbook.accounts }),
    run: ({ name, args = [], active = workbook.accounts, prompt, confirm }) => {
      if (!serverFunctions.includes(name)) throw new HttpError(400, `${name} is not a server function of the add-on.`);
      return workbook.run(name, args, sheetOf(active).name, { prompt, confirm });
    },
  };

  // The page and the help speak the user's language: they read it from <html lang>, before any request.
  const speaking = (html: string) => html.replace(/<html( lang="[^"]*")?>/, () => `<html lang="${workbook.language}">`);
  // A Map, not an object: the path comes from the request, and `/__proto__` must find nothing.
  const pages = new Map<string, () => [string, string]>([
    ['/', () => ['text/html; charset=utf-8', speaking(options.pageHtml)]],
    ['/app.js', () => ['text/javascript; charset=utf-8', options.appJs]],
    // A replacer function: in a replacement string, `$&` or `$'` in the minified script would be patterns.
    ['/sidebar', () => ['text/html; charset=utf-8', workbook.dist('Sidebar.html').replace('<head>', () => `<head>\n<script>${options.scriptRunJs}</script>`)]],
    ['/help', () => ['text/html; charset=utf-8', speaking(workbook.dist('Help.html'))]],
  ]);
  const routeAt = new Map(Object.entries(ROUTES).map(([name, r]) => [`${r.method} ${r.path}`, name as RouteName]));
  let port = 0;

  async function answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const refused = refusal(req, port);
    if (refused) throw refused;
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    if (req.method === 'GET' && url.pathname === '/favicon.ico') {
      res.writeHead(204, HEADERS);
      res.end();
      return;
    }
    const page = req.method === 'GET' ? pages.get(url.pathname) : undefined;
    if (page) {
      send(res, 200, ...page());
      return;
    }
    const name = routeAt.get(`${req.method} ${url.pathname}`);
    if (!name) throw new HttpError(404, 'Not found');
    const payload = await payloadOf(name, req, url);
    const handler = handlers[name] as (payload: unknown) => unknown;
    json(res, await handler(payload));
  }

  const server = createServer((req, res) => {
    // Every failure becomes an answer: a handler's error must never take the server down.
    answer(req, res).catch((error: unknown) => {
      // Errors thrown on purpose carry a message for the user (a bad CSV); anything else is a bug.
      const status = error instanceof HttpError ? error.status : error instanceof Error && error.constructor === Error ? 400 : 500;
      const message = error instanceof Error ? error.message : String(error);
      if (res.headersSent) res.destroy();
      else {
        if (status === 413) res.setHeader('Connection', 'close');
        json(res, { error: message }, status);
      }
      if (status === 413) res.once('finish', () => req.destroy());
    });
  });
  const movedFrom = await listen(server, options.port ?? 0, options.anyPortIfTaken ?? false);
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    movedFrom,
    workbook,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
