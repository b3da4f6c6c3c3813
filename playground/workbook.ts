// The playground's workbook: the real dist/Code.js running in node:vm against the in-memory Apps Script
// services, with HyperFormula computing every formula. The example workbook is set up through the add-on's
// own server functions (saveCriteria, scoreThisSheet, buildSegmentSummary), exactly as a user would.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DetailedCellError } from 'hyperformula';
import { type FakeEnvironment, type FakeSheet, FakeSpreadsheet, fakeAppsScript, typed } from '../emulator/apps-script';
import { SERVER_DA } from '../src/addon/i18n/da';
import { SERVER_DE } from '../src/addon/i18n/de';
import { SERVER_EN } from '../src/addon/i18n/en';
import { TAB_NAMES } from '../src/addon/messages';
import type { FunctionSpec } from '../src/addon/registry';
import { OUTPUT_KEY, TAB_KEY } from '../src/addon/sheets';
import { detectHeaderRow, nameColumn } from '../src/core/account-sheet';
import { type Cell, cellText, columnLetter } from '../src/core/cells';
import { OPERATORS } from '../src/core/criteria';
import { LANGUAGES, type Lang, languageOf } from '../src/core/i18n';
import { DA } from '../src/core/i18n/da';
import { DE } from '../src/core/i18n/de';
import { EN } from '../src/core/i18n/en';
import { normalizeText } from '../src/core/text';
import { loadCode } from '../tools/apps-script-vm.mjs';
import { csvToCells, parseCsv } from '../tools/csv.mjs';
import { Engine } from './engine';

/** The account sheet of the English playground; a German or Danish one calls it as the add-on's template does. */
export const ACCOUNTS = TAB_NAMES.accounts[0];

/** The add-on's yes/no question before scoring a large table (Score this sheet), in every language, numbers aside. */
const LARGE_TABLE = [SERVER_EN, SERVER_DE, SERVER_DA].map(
  (texts) => new RegExp(`^${texts.largeTable_.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace('\\{rows\\}', '[\\d.,\\s]+')}$`),
);

/** Of what an action said, the add-on's question whether to score a large table as values; undefined if none. */
export function largeTableQuestion(alerts: readonly string[]): string | undefined {
  return alerts.find((alert) => LARGE_TABLE.some((asks) => asks.test(alert)));
}

/** How the workbook was set up, for the page to say what to do next. */
export interface SetUp {
  /** Account rows loaded. */
  readonly rows: number;
  /** `example`: the example criteria fit the accounts and were saved, then the sheet scored and summarised. */
  readonly criteria: 'example' | 'none';
  /** The example rules that do not fit the accounts, each with why (the criteria editor's message). */
  readonly unfit: { rule: string; problem: string }[];
  /** What the add-on says when the user scores the sheet as it is (what to do next); '' once scored. */
  readonly next: string;
}

/** A chart the add-on inserted, as data for the page to draw as Sheets would. */
export interface ChartData {
  readonly title: string;
  readonly labels: string[];
  /** Each series with the vertical axis it is drawn against (0 left, 1 right). */
  readonly series: { name: string; values: (number | null)[]; axis: number }[];
  /** The vertical axes by index: title and number format (`percent` or ''). */
  readonly axes: { title: string; format: string }[];
  /** The horizontal axis: its title, and whether its labels are slanted and by how many degrees. */
  readonly hAxis: { title: string; slanted: boolean; angle: number };
  /** The cell its top-left corner sits on (1-based), and its size in pixels, as the add-on placed it. */
  readonly anchor: { row: number; column: number };
  readonly width: number;
  readonly height: number;
}

export type OwnTab = 'criteria' | 'segments' | 'validation' | 'personas';
const OWN_TABS: readonly OwnTab[] = ['criteria', 'segments', 'validation', 'personas'];

export interface ActionResult {
  readonly result?: unknown;
  readonly error?: string;
  readonly alerts: string[];
  readonly toasts: string[];
  readonly active: string;
  /** The yes/no question the action asked and took no for (a large table: scores as values?), to ask the user. */
  readonly confirm?: string;
}

export class Workbook {
  readonly env: FakeEnvironment;
  readonly engine: Engine;
  readonly bundle: ReturnType<typeof loadCode>;
  /** The user's language (the playground's user and spreadsheet share one locale): the page's own texts follow it. */
  readonly language: Lang;
  /** The account sheet's name, in that language: `ICP Accounts`, `ICP-Accounts`, `ICP-virksomheder`. */
  readonly accounts: string;

  constructor(
    readonly root: string,
    readonly serverFunctions: readonly string[],
    customFunctions: readonly FunctionSpec[],
    readonly locale = 'en_US',
  ) {
    this.language = languageOf(locale);
    this.accounts = TAB_NAMES.accounts[LANGUAGES.indexOf(this.language)];
    const files = {
      Sidebar: this.dist('Sidebar.html'),
      Help: this.dist('Help.html'),
      ...Object.fromEntries(LANGUAGES.map((l) => [`i18n-${l}`, this.dist(`i18n-${l}.html`)])),
    };
    this.env = fakeAppsScript({ files, locale, spreadsheet: new FakeSpreadsheet(this.accounts, locale) });
    this.bundle = loadCode(this.env.globals, this.dist('Code.js'));
    this.engine = new Engine(this.env.spreadsheet, this.bundle as never, customFunctions);
    this.env.spreadsheet.calculate = () => this.calculate();
  }

  /** How setUpExample left the workbook; null before it ran. */
  setUp: SetUp | null = null;
  /** CSVs loaded into the account sheet, the set-up's own included; and which of them the set-up loaded. */
  private loads = 0;
  private setUpLoad = -1;

  /**
   * How the workbook was set up, while that still describes it (the page says it on every load): the
   * accounts the set-up loaded are still there, and, when no example rule fitted them, there is still no
   * criteria tab and nothing is scored. Null once it is no longer true.
   */
  currentSetUp(): SetUp | null {
    const setUp = this.setUp;
    if (!setUp || this.loads !== this.setUpLoad) return null;
    if (setUp.criteria === 'none') {
      const criteria = this.spreadsheet.sheets.some((s) => this.ownTab(s.name) === 'criteria');
      if (criteria || this.resultColumn(this.sheet(this.accounts)) !== null) return null;
    }
    return setUp;
  }

  /**
   * What Sheets does before SpreadsheetApp.flush() returns, so an action can read what its formulas show:
   * the engine recalculates (even inside the action's batch) and every formula cell gets its value, an
   * error as the text Sheets' getValues gives (`#ERROR!`; a blocked spill is `#REF!` in Sheets).
   */
  private calculate(): void {
    const { hf } = this.engine;
    // Inside an action's batch the engine is suspended: resume it to calculate and read, then suspend again.
    const suspended = hf.isEvaluationSuspended();
    if (suspended) hf.resumeEvaluation();
    for (const sheet of this.spreadsheet.sheets) {
      const id = hf.getSheetId(sheet.name);
      if (id === undefined) continue;
      sheet.rows.forEach((line, r) =>
        line?.forEach((cell, c) => {
          if (!cell?.formula) return;
          const value = hf.getCellValue({ sheet: id, row: r, col: c });
          if (value instanceof DetailedCellError) cell.value = value.value === '#SPILL!' ? '#REF!' : value.value;
          else cell.value = value === null || typeof value === 'object' ? '' : value;
        }),
      );
    }
    if (suspended) hf.suspendEvaluation();
  }

  dist(name: string): string {
    return readFileSync(path.join(this.root, 'dist', name), 'utf8');
  }

  get spreadsheet(): FakeSpreadsheet {
    return this.env.spreadsheet;
  }

  sheet(name: string): FakeSheet {
    const sheet = this.spreadsheet.getSheetByName(name);
    if (!sheet) throw new Error(`There is no sheet named ${name}`);
    return sheet;
  }

  /**
   * Replaces the account sheet's content with a CSV export (comma or semicolon separated), read as Sheets'
   * import reads it in the spreadsheet's locale: `2,100,000` a number shown with its separators, `5.1%` a
   * percentage.
   */
  loadAccounts(csv: string): number {
    const { values, formats } = csvToCells(csv, Date, this.locale);
    if (values.length === 0 || values[0].every((h) => String(h).trim() === '')) throw new Error('The CSV has no header row.');
    const sheet = this.sheet(this.accounts);
    sheet.clear();
    sheet.maxRows = Math.max(1000, values.length + 100);
    sheet.maxColumns = Math.max(26, values[0].length + 6);
    sheet.load(values); // one setSheetContent in the engine, not a write per cell
    for (const [r, row] of formats.entries()) {
      for (const [c, format] of row.entries()) if (format) sheet.cell(r + 1, c + 1).format = format;
    }
    this.spreadsheet.setActiveSheet(sheet as never);
    this.loads++;
    return values.length - 1;
  }

  /**
   * The example workbook: accounts, the criteria tab with two profiles, live scores and a segment summary.
   * With a user's own accounts the example criteria are saved only when every rule fits their columns;
   * otherwise there is no criteria tab, and the result names the rules that do not fit and what the add-on
   * says to do next.
   */
  setUpExample(accountsCsv?: string): SetUp {
    const rows = this.loadAccounts(accountsCsv ?? readFileSync(path.join(this.root, 'examples/accounts.csv'), 'utf8'));
    this.setUpLoad = this.loads;
    const criteria = parseCsv(readFileSync(path.join(this.root, 'examples/criteria.csv'), 'utf8')).slice(1);
    const tiers = parseCsv(readFileSync(path.join(this.root, 'examples/tiers.csv'), 'utf8')).slice(1);
    // The example's operators as the user's language writes them, as the criteria tab's dropdown offers them.
    const words = { en: EN, de: DE, da: DA }[this.language].operators_.split('|');
    const operatorIn = (operator: string) => words[OPERATORS.indexOf(operator as (typeof OPERATORS)[number])] ?? operator;
    const draft = {
      rules: criteria.map(([profile, attribute, operator, value, points, required]) => ({
        profile,
        attribute,
        operator: operatorIn(operator),
        value,
        points,
        required: /^(true|x|yes|ja|1)$/i.test(required),
      })),
      tiers: tiers.map(([label, min]) => ({ label, min })),
    };
    const saved = this.run('saveCriteria', [draft], this.accounts).result as
      | { ok: boolean; errors?: { scope: string; index: number; message: string }[] }
      | undefined;
    if (!saved?.ok) {
      // A user's own table without the example's columns: no criteria that would fill it with #ERROR!.
      const unfit = (saved?.errors ?? [])
        .filter((e) => e.scope === 'rule')
        .map((e) => {
          const rule = draft.rules[e.index];
          return { rule: `${[rule.attribute, rule.operator, rule.value].filter((t) => t).join(' ')} (${rule.profile})`, problem: e.message };
        });
      const next = this.run('scoreThisSheet', [], this.accounts).alerts.join('\n');
      this.spreadsheet.setActiveSheet(this.sheet(this.accounts) as never);
      return (this.setUp = { rows, criteria: 'none', unfit, next });
    }
    this.run('scoreThisSheet', [], this.accounts);
    this.run('buildSegmentSummary', [], this.accounts, { prompt: 'Industry' });
    this.spreadsheet.setActiveSheet(this.sheet(this.accounts) as never);
    return (this.setUp = { rows, criteria: 'example', unfit: [], next: '' });
  }

  /** Calls one of the add-on's server functions with `active` as the active sheet, as Sheets would. */
  run(name: string, args: unknown[], active: string, answers: { prompt?: string; confirm?: boolean } = {}): ActionResult {
    if (!this.serverFunctions.includes(name)) throw new Error(`${name} is not a server function of the add-on.`);
    const { ui, spreadsheet } = this.env;
    const alerts = ui.alerts.length;
    const toasts = spreadsheet.toasts.length;
    spreadsheet.setActiveSheet(this.sheet(active) as never);
    if (answers.prompt !== undefined) ui.promptAnswers = [{ text: answers.prompt, button: 'OK' }];
    ui.alertAnswers = answers.confirm === undefined ? [] : [answers.confirm ? 'YES' : 'NO'];
    let result: unknown;
    let error: string | undefined;
    try {
      // Arguments cross as JSON, as through google.script.run.
      result = this.engine.batch(() => this.bundle[name](...JSON.parse(JSON.stringify(args))));
    } catch (e) {
      error = (e as Error).message;
    }
    ui.promptAnswers = [];
    ui.alertAnswers = [];
    const said = ui.alerts.slice(alerts);
    const question = answers.confirm === undefined ? largeTableQuestion(said) : undefined;
    return {
      result: result === undefined ? undefined : JSON.parse(JSON.stringify(result)),
      error,
      alerts: said,
      toasts: spreadsheet.toasts.slice(toasts),
      active: spreadsheet.getActiveSheet().name,
      ...(question ? { confirm: question } : {}),
    };
  }

  /** A user typing into a cell (1-based row and column): `=…` is a formula, the rest a value. */
  edit(sheetName: string, row: number, column: number, input: string): void {
    const sheet = this.sheet(sheetName);
    if (row > sheet.maxRows || column > sheet.maxColumns) throw new Error('That cell is outside the sheet.');
    this.engine.batch(() => sheet.write(row, column, typed(input)));
  }

  /** What the formula bar shows for a cell: its formula, or the value as typed. */
  input(sheetName: string, row: number, column: number): string {
    const cell = this.sheet(sheetName).rows[row - 1]?.[column - 1];
    if (!cell) return '';
    if (cell.formula) return cell.formula;
    return cellText(cell.value);
  }

  /**
   * What the formula bar shows for a cell: its formula or typed value; for a cell inside a formula's
   * spilled result, that formula and its cell, as Sheets shows it greyed.
   */
  cellInput(sheetName: string, row: number, column: number): { input: string; from?: { cell: string; formula: string } } {
    const input = this.input(sheetName, row, column);
    const origin = input === '' ? this.engine.spillOrigin(this.sheet(sheetName), row, column) : undefined;
    if (!origin) return { input };
    return { input, from: { cell: `${columnLetter(origin.column)}${origin.row}`, formula: this.input(sheetName, origin.row, origin.column) } };
  }

  /** The first of the add-on's result columns on a sheet (found by its marker, as the add-on finds it), or null. */
  resultColumn(sheet: FakeSheet): number | null {
    const score = sheet.metadata.find((m) => m.key === OUTPUT_KEY && m.value === 'score');
    return score ? score.column : null;
  }

  /**
   * The column that names the accounts (1-based), found as the add-on finds it for its preview: a header
   * such as Company, Name, Firma or Virksomhed, else the first column. The page keeps it in view as frozen.
   */
  nameColumn(sheet: FakeSheet): number {
    if (this.ownTab(sheet.name) !== null) return 1;
    const rows = Math.min(10, sheet.getLastRow());
    const columns = sheet.getLastColumn();
    const top: Cell[][] = Array.from({ length: rows }, (_, r) => Array.from({ length: columns }, (_, c) => sheet.peek(r + 1, c + 1).value as Cell));
    const header = detectHeaderRow(top);
    return header < 0 ? 1 : nameColumn(top[header].map((cell) => cellText(cell).trim())) + 1;
  }

  /**
   * Which of the add-on's own tabs a sheet is, as the add-on tells: by its marker, else by its name in any
   * language, numbered copies included (`ICP Segments 2`); null for any other sheet.
   */
  ownTab(name: string): OwnTab | null {
    const marked = this.env.spreadsheet.getSheetByName(name)?.metadata.find((m) => m.column === 0 && m.key === TAB_KEY)?.value;
    const own = OWN_TABS.find((tab) => tab === marked);
    if (own) return own;
    const base = normalizeText(name).replace(/ \d+$/, '');
    return OWN_TABS.find((tab) => TAB_NAMES[tab].some((n) => normalizeText(n) === base)) ?? null;
  }

  /**
   * The sheet's charts as data: the first range gives the labels, each other range one series (header
   * first); the axes come from the chart's options (`series.N.targetAxisIndex`, `vAxes`, `hAxis`).
   */
  charts(sheetName: string): ChartData[] {
    const sheet = this.sheet(sheetName);
    return sheet.charts.map((chart) => {
      const options = chart.options as {
        series?: Record<number, { targetAxisIndex?: number }>;
        vAxes?: Record<number, { title?: string; format?: string }>;
        hAxis?: { title?: string; slantedText?: boolean; slantedTextAngle?: number };
      };
      const columns = chart.ranges.map((range) => this.engine.window(range.sheet, range.row - 1, range.numRows, range.column - 1, 1).map(([cell]) => cell));
      const [labels, ...series] = columns;
      const used = labels.findIndex((cell, i) => i > 0 && cell.text === '');
      const end = used < 0 ? labels.length : used;
      return {
        title: String(chart.options.title ?? ''),
        labels: labels.slice(1, end).map((c) => c.text),
        series: series.map((column, i) => ({
          name: column[0].text,
          values: column.slice(1, end).map((c) => (typeof c.value === 'number' ? c.value : null)),
          axis: options.series?.[i]?.targetAxisIndex ?? 0,
        })),
        axes: [0, 1]
          .filter((i) => i === 0 || options.vAxes?.[i])
          .map((i) => ({ title: options.vAxes?.[i]?.title ?? '', format: options.vAxes?.[i]?.format ?? '' })),
        hAxis: {
          title: options.hAxis?.title ?? '',
          slanted: options.hAxis?.slantedText === true,
          angle: options.hAxis?.slantedText ? (options.hAxis.slantedTextAngle ?? 30) : 0,
        },
        anchor: { row: chart.position[0] ?? 1, column: chart.position[1] ?? 1 },
        // Sheets' default size for an inserted chart when the add-on sets none.
        width: typeof chart.options.width === 'number' ? chart.options.width : 600,
        height: typeof chart.options.height === 'number' ? chart.options.height : 371,
      };
    });
  }

  /** Backgrounds from the sheet's conditional formatting rules for a window of shown text (0-based start). */
  backgrounds(sheet: FakeSheet, row: number, column: number, shown: { text: string }[][]): (string | null)[][] {
    return shown.map((line, r) =>
      line.map((cell, c) => {
        const hit = sheet.conditionalRules.find((rule) => {
          const inside = rule.ranges.some(
            (range) =>
              row + r + 1 >= range.row &&
              row + r + 1 < range.row + range.numRows &&
              column + c + 1 >= range.column &&
              column + c + 1 < range.column + range.numColumns,
          );
          if (!inside || cell.text === '') return false;
          if (rule.condition === 'TEXT_EQUAL_TO') return cell.text === rule.value;
          if (rule.condition === 'TEXT_CONTAINS') return cell.text.includes(rule.value);
          return cell.text.startsWith(rule.value);
        });
        return hit?.background ?? null;
      }),
    );
  }
}
