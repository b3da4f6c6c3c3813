// The playground page's contract with its server, declared once: each route's method, path, payload schema
// and answer type. The server validates every payload with these schemas before a handler sees it; the page
// and the sidebar's google.script.run call the routes through `request`, typed from the same table.
// zod/mini, not zod: this module is bundled into the page too.

import * as z from 'zod/mini';
import type { Shown } from './engine';
import type { ActionResult, OwnTab, SetUp, Workbook } from './workbook';

export interface Route<Payload extends z.ZodMiniType, Answer> {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  /** GET payloads travel as query parameters (text), POST payloads as a JSON body. */
  readonly payload: Payload;
  /** Type only: what the route answers. */
  readonly answer?: Answer;
}

const route =
  <Answer>() =>
  <P extends z.ZodMiniType>(method: 'GET' | 'POST', path: string, payload: P): Route<P, Answer> => ({ method, path, payload });

/** A whole number from a query parameter: digits only (no `1.5`, no blank), within bounds. */
const queryInt = (min: number, max: number) =>
  z.pipe(z.pipe(z.string().check(z.regex(/^\d{1,9}$/)), z.transform(Number)), z.number().check(z.minimum(min), z.maximum(max)));
/** A whole number in a JSON body. */
const int = (min: number, max: number) => z.number().check(z.int(), z.minimum(min), z.maximum(max));
const sheetName = z.string().check(z.minLength(1), z.maxLength(200));

export interface SheetSummary {
  readonly name: string;
  readonly rows: number;
  readonly columns: number;
  /** The first of the add-on's three result columns (score, tier, Why), 1-based; null when not scored. */
  readonly results: number | null;
  /** Which of the add-on's own tabs this is (never an account table), or null. */
  readonly own: OwnTab | null;
  /** The column that names the accounts (1-based; 1 when none does), which the page keeps in view. */
  readonly names: number;
}
/** What the formula bar shows for a cell: what was typed (value or formula), or the formula it is part of. */
export interface CellInput {
  readonly input: string;
  /** For a cell inside a formula's spilled result: that formula's cell (`M1`) and formula, shown greyed. */
  readonly from?: { readonly cell: string; readonly formula: string };
}
export interface ShownCell extends Shown {
  readonly bg: string | null;
}
export interface GridWindow {
  readonly rows: number;
  readonly columns: number;
  readonly maxRows: number;
  readonly row: number;
  readonly column: number;
  readonly cells: ShownCell[][];
}
export type Chart = ReturnType<Workbook['charts']>[number];

export const ROUTES = {
  sheets: route<{ active: string; sheets: SheetSummary[] }>()('GET', '/api/sheets', z.object({})),
  window: route<GridWindow>()(
    'GET',
    '/api/window',
    z.object({
      sheet: sheetName,
      row: queryInt(0, 1_000_000),
      rows: queryInt(1, 200),
      column: queryInt(0, 1000),
      columns: queryInt(1, 60),
    }),
  ),
  /** How the workbook was set up (`npm start -- my.csv`), while still true, so the first view can say what to do next. */
  setup: route<{ setUp: SetUp | null }>()('GET', '/api/setup', z.object({})),
  charts: route<{ charts: Chart[] }>()('GET', '/api/charts', z.object({ sheet: sheetName })),
  input: route<CellInput>()('GET', '/api/input', z.object({ sheet: sheetName, row: queryInt(1, 1_000_000), column: queryInt(1, 18_278) })),
  cell: route<{ ok: true }>()(
    'POST',
    '/api/cell',
    z.object({ sheet: sheetName, row: int(1, 1_000_000), column: int(1, 18_278), input: z.string().check(z.maxLength(50_000)) }),
  ),
  /** Replaces the accounts of the account sheet (named in the user's language), scores and all. */
  csv: route<{ ok: true; rows: number; sheet: string }>()('POST', '/api/csv', z.object({ csv: z.string() })),
  /** A server function of the add-on (a menu action, or google.script.run from the sidebar). */
  run: route<ActionResult>()(
    'POST',
    '/api/run',
    z.object({
      name: z.string().check(z.regex(/^[A-Za-z]{1,60}$/)),
      args: z.optional(z.array(z.unknown())),
      active: z.optional(sheetName),
      prompt: z.optional(z.string().check(z.maxLength(1000))),
      confirm: z.optional(z.boolean()),
    }),
  ),
} as const;

export type Routes = typeof ROUTES;
export type RouteName = keyof Routes;
export type PayloadOf<R> = R extends Route<infer P, unknown> ? z.output<P> : never;
export type AnswerOf<R> = R extends Route<z.ZodMiniType, infer A> ? A : never;

/** Calls a route from the page: the answer, or an Error with the server's message. */
export async function request<R extends Route<z.ZodMiniType, unknown>>(route: R, payload: PayloadOf<R>): Promise<AnswerOf<R>> {
  const fields = payload as Record<string, unknown>;
  const query = new URLSearchParams(Object.entries(fields).map(([k, v]) => [k, String(v)])).toString();
  const response =
    route.method === 'GET'
      ? await fetch(query ? `${route.path}?${query}` : route.path)
      : await fetch(route.path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(payload) });
  const body = await response.json();
  if (!response.ok || body.error) throw new Error(body.error ?? response.statusText);
  return body as AnswerOf<R>;
}
