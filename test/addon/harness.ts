// Drives the built bundle's global handlers in node:vm against the fake Apps Script services, and evaluates
// the formulas the add-on writes by calling the bundle's own custom functions on the ranges they name.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type CellData, type FakeEnvironment, type FakeSheet, fakeAppsScript, spillKey } from '../../emulator/apps-script';
import { loadCode } from '../../tools/apps-script-vm.mjs';
import { example } from '../helpers';

// Paths, not URLs: under happy-dom the global URL is the DOM's, which does not resolve file: URLs.
const dist = (name: string) => readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), '../../dist', name), 'utf8');

export interface Harness extends FakeEnvironment {
  readonly run: (name: string, ...args: unknown[]) => any;
  /** True when the bundle defines a top-level function of that name (what a menu item or google.script.run calls). */
  readonly defines: (name: string) => boolean;
  readonly evaluate: (sheet: FakeSheet, formula: string) => unknown;
}

/** The project's HTML files as clasp pushes them: the sidebar, the help page and the language data. */
export function projectFiles(): Record<string, string> {
  const files: Record<string, string> = { Sidebar: dist('Sidebar.html'), Help: dist('Help.html') };
  for (const lang of ['en', 'de', 'da']) files[`i18n-${lang}`] = dist(`i18n-${lang}.html`);
  return files;
}

/**
 * The bundle on a fresh fake Apps Script. `locale` is the user's and, unless `sheetLocale` differs, the
 * spreadsheet's; `files` replaces the project's HTML files (to leave out a language, say).
 */
export function harness(options: { locale?: string; sheetLocale?: string; files?: Record<string, string> } = {}): Harness {
  const env = fakeAppsScript({ files: options.files ?? projectFiles(), locale: options.locale, sheetLocale: options.sheetLocale });
  const context = loadCode(env.globals);
  const run = (name: string, ...args: unknown[]) => {
    if (typeof context[name] !== 'function') throw new Error(`The bundle has no global ${name}`);
    return context[name](...args);
  };
  const evaluate = (sheet: FakeSheet, formula: string): unknown => {
    const call = /^=([A-Z_]+)\((.*)\)$/s.exec(formula);
    if (!call) throw new Error(`Cannot evaluate ${formula}`);
    const args = splitArgs(call[2]).map((arg) => resolve(env, sheet, arg));
    return run(call[1], ...args);
  };
  const defines = (name: string) => typeof context[name] === 'function';
  env.spreadsheet.calculate = () => calculate(env, evaluate);
  return Object.assign(env, { run, evaluate, defines });
}

/**
 * What Sheets does before SpreadsheetApp.flush() returns, for the add-on's own formulas (`=ICP_…`): each
 * formula cell shows the first value of its result, or `#ERROR!` when the function throws; the rest of an
 * array result spills below and right of it, or, when a cell there holds something, the formula shows
 * `#REF!` and spills nothing. Other formulas (a user's `=ROW()*14`) are left as they are. Two passes, so a
 * summary that reads spilled tiers sees them. The reads it makes are not counted as the add-on's calls.
 */
function calculate(env: FakeEnvironment, evaluate: (sheet: FakeSheet, formula: string) => unknown): void {
  const counts = new Map(env.spreadsheet.calls.counts);
  for (const sheet of env.spreadsheet.sheets) sheet.spilled.clear();
  for (let pass = 0; pass < 2; pass++) {
    for (const sheet of env.spreadsheet.sheets) {
      sheet.rows.forEach((line, r) =>
        line?.forEach((cell, c) => {
          if (!cell || !/^=ICP_[A-Z_]+\(/i.test(cell.formula)) return;
          let result: unknown;
          try {
            result = evaluate(sheet, cell.formula);
          } catch {
            cell.value = '#ERROR!';
            return;
          }
          const grid = (Array.isArray(result) ? result : [[result]]) as unknown[][];
          const spill: [number, unknown][] = [];
          grid.forEach((values, i) =>
            values.forEach((value, j) => {
              if ((i > 0 || j > 0) && value !== '' && value !== undefined) spill.push([spillKey(r + 1 + i, c + 1 + j), value]);
            }),
          );
          const blocked = grid.some((values, i) =>
            values.some((_, j) => {
              if (i === 0 && j === 0) return false;
              const other = sheet.rows[r + i]?.[c + j];
              return r + 1 + i > sheet.maxRows || c + 1 + j > sheet.maxColumns || (other !== undefined && (other.value !== '' || other.formula !== ''));
            }),
          );
          cell.value = blocked ? '#REF!' : ((grid[0]?.[0] ?? '') as CellData['value']);
          if (!blocked) for (const [key, value] of spill) sheet.spilled.set(key, value as CellData['value']);
        }),
      );
    }
  }
  env.spreadsheet.calls.counts.clear();
  for (const [name, n] of counts) env.spreadsheet.calls.counts.set(name, n);
}

function splitArgs(text: string): string[] {
  const args: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    if (ch === ',' && !quoted) {
      args.push(current.trim());
      current = '';
    } else current += ch;
  }
  args.push(current.trim());
  return args;
}

function resolve(env: FakeEnvironment, sheet: FakeSheet, arg: string): unknown {
  if (arg.startsWith('"')) return arg.slice(1, -1).replace(/""/g, '"');
  const named = env.spreadsheet.getRangeByName(arg);
  if (named) return named.getValues();
  const ref = /^(?:'((?:[^']|'')+)'!)?([A-Z]+\d*(?::[A-Z]+\d*)?)$/.exec(arg);
  if (!ref) throw new Error(`Cannot resolve argument ${arg}`);
  const target = ref[1] ? env.spreadsheet.getSheetByName(ref[1].replace(/''/g, "'"))! : sheet;
  return target.getRange(ref[2]).getValues();
}

/** A spreadsheet whose first sheet is `ICP Accounts` holding the example accounts (or `rows` synthetic ones). */
export function withAccounts(h: Harness, values = example('accounts.csv')): FakeSheet {
  const sheet = h.spreadsheet.sheets[0];
  sheet.name = 'ICP Accounts';
  sheet.load(values);
  return sheet;
}

/** A sidebar payload as the sidebar sends it. */
export function draft(
  rules: [string, string, string, string, string, boolean][],
  tiers: [string, string][] = [
    ['A', '80'],
    ['B', '60'],
    ['C', '40'],
    ['D', '0'],
  ],
) {
  return {
    rules: rules.map(([profile, attribute, operator, value, points, required]) => ({ profile, attribute, operator, value, points, required })),
    tiers: tiers.map(([label, min]) => ({ label, min })),
  };
}

/** Saves a draft as the sidebar does: only while the criteria tab still reads as the sidebar last saw it. */
export function save(h: Harness, payload: unknown) {
  return h.run('saveCriteria', payload, h.defines('getSidebarStatus') ? h.run('getSidebarStatus').version : undefined);
}

type Stored = Pick<CellData, 'value' | 'formula'>;
export type Snapshot = Map<FakeSheet, (Stored | undefined)[][]>;

/** Every cell that holds something (a value or a formula), sheet by sheet. */
export function filledCells(h: Harness): Snapshot {
  const snapshot: Snapshot = new Map();
  for (const sheet of h.spreadsheet.sheets) {
    snapshot.set(
      sheet,
      sheet.rows.map((line) =>
        (line ?? []).map((cell) => (cell && (cell.value !== '' || cell.formula !== '') ? { value: cell.value, formula: cell.formula } : undefined)),
      ),
    );
  }
  return snapshot;
}

const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]'; // from either realm
const same = (a: unknown, b: unknown) => (isDate(a) || isDate(b) ? isDate(a) && isDate(b) && a.getTime() === b.getTime() : Object.is(a, b));

/** The cells of `before` that are not exactly as they were, as `Sheet!R2C3: before → after`. */
export function changedCells(before: Snapshot, h: Harness): string[] {
  const changed: string[] = [];
  for (const [sheet, rows] of before) {
    const gone = !h.spreadsheet.sheets.includes(sheet);
    rows.forEach((line, r) =>
      line.forEach((cell, c) => {
        if (!cell) return;
        const now = gone ? undefined : sheet.rows[r]?.[c];
        if (now && same(now.value, cell.value) && now.formula === cell.formula) return;
        const shown = now && { value: now.value, formula: now.formula };
        changed.push(`${sheet.name}!R${r + 1}C${c + 1}: ${JSON.stringify(cell)} → ${JSON.stringify(shown ?? null)}`);
      }),
    );
  }
  return changed;
}
