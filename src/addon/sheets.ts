// The Apps Script side of reading and writing sheets: the account table with one getValues, the add-on's
// own output columns and tabs found by their markers, and the one function every written cell goes through.

import { attributeHeaders, detectHeaderRow, tableWidth } from '../core/account-sheet';
import { type Cell, cellText, columnLetter } from '../core/cells';
import { LANGUAGES, type Lang, T } from '../core/i18n';
import { normalizeText } from '../core/text';
import { TAB_NAMES, type Tab } from './messages';

export { columnLetter };

export const ACCOUNT_SHEET_PROPERTY = 'icp.accountSheet';

/** The developer-metadata key on each tab the add-on creates; its value is the tab's kind (`criteria`, …). */
export const TAB_KEY = 'icp-sheets.tab';
/** The add-on's own tabs, never scored as account tables. */
const OWN_TABS: readonly Tab[] = ['criteria', 'segments', 'validation', 'personas'];
const OWN_NAMES = OWN_TABS.flatMap((tab) => TAB_NAMES[tab]).map(normalizeText);

/** The name a new tab gets in `lang`: `ICP Criteria`, `ICP-Kriterien`, `ICP-kriterier`. */
export function tabName(tab: Tab, lang: Lang): string {
  return TAB_NAMES[tab][LANGUAGES.indexOf(lang)];
}

/**
 * One of the add-on's tabs: the one it marked, else one named as the add-on names it in any language (a tab
 * made before tabs were marked, or in another language). A user's tab is never renamed.
 */
export function findTab(ss: Spreadsheet, tab: Tab): Sheet | null {
  for (const mark of ss.createDeveloperMetadataFinder().withKey(TAB_KEY).withValue(tab).find()) {
    const sheet = mark.getLocation().getSheet();
    if (sheet) return sheet;
  }
  for (const name of TAB_NAMES[tab]) {
    const sheet = ss.getSheetByName(name);
    if (sheet) return sheet;
  }
  return null;
}

/** Creates a tab of this kind under a free name in `lang` (`ICP Segments 2`, …), marked as the add-on's. */
export function insertTab(ss: Spreadsheet, tab: Tab, lang: Lang): Sheet {
  const sheet = ss.insertSheet(freeSheetName(ss, tabName(tab, lang)));
  markTab(sheet, tab);
  return sheet;
}

// Functions, not constants: SpreadsheetApp may not be touched while the bundle loads (custom functions
// load it too, and onOpen in AuthMode.NONE).

/** The open spreadsheet. */
export function activeSpreadsheet(): Spreadsheet {
  return SpreadsheetApp.getActiveSpreadsheet();
}

/** The spreadsheet's user interface: menus, alerts, prompts, the sidebar. */
export function spreadsheetUi(): GoogleAppsScript.Base.Ui {
  return SpreadsheetApp.getUi();
}

type ValidationBuilder = GoogleAppsScript.Spreadsheet.DataValidationBuilder;

/**
 * Gives `rows` cells of a column from row 2 the data validation `rule` sets up; an entry that breaks it is
 * kept with a warning, never refused.
 */
export function validateColumn(sheet: Sheet, column: number, rows: number, rule: (builder: ValidationBuilder) => ValidationBuilder): void {
  sheet.getRange(2, column, rows, 1).setDataValidation(rule(SpreadsheetApp.newDataValidation().setAllowInvalid(true)).build());
}

/** Row 1 of a new tab, `width` columns wide, as its header: bold and frozen. */
export function boldHeader(sheet: Sheet, width: number): void {
  sheet.getRange(1, 1, 1, width).setFontWeight('bold');
  sheet.setFrozenRows(1);
}

/** Marks a sheet as the add-on's tab of this kind. */
export function markTab(sheet: Sheet, tab: Tab): void {
  mark(sheet, TAB_KEY, tab);
}

/**
 * Puts the add-on's marker on a sheet or a range. DOCUMENT visibility, not PROJECT: a PROJECT mark is seen
 * only by the Cloud project that wrote it, so moving the script to a standard project (as publishing needs)
 * would hide the marks and double the columns. The keys are namespaced, so other scripts' metadata does not
 * collide with them.
 */
function mark(target: Sheet | GoogleAppsScript.Spreadsheet.Range, key: string, value: string): void {
  target.addDeveloperMetadata(key, value, SpreadsheetApp.DeveloperMetadataVisibility.DOCUMENT);
}

/** The add-on's markers on the sheet's output columns. */
function outputMarks(sheet: Sheet): GoogleAppsScript.Spreadsheet.DeveloperMetadata[] {
  return sheet.createDeveloperMetadataFinder().withKey(OUTPUT_KEY).find();
}

/** The labels the output columns spill as, in the active language: score, tier, why. */
export function outputLabels(): string[] {
  return [T.scoreLabel_, T.tierLabel_, T.whyLabel_];
}
/** The labels of the output columns in every language, for scores written as values in any of them. */
export const OUTPUT_LABELS = [
  ['ICP score', 'ICP-Score', 'ICP-score'],
  ['ICP tier', 'ICP-Stufe', 'ICP-niveau'],
  ['Why', 'Begründung', 'Begrundelse'],
];
/** What the header cell of each output column holds while it shows live formulas. */
const OUTPUT_FORMULAS = [/^=ICP_SCORE\(/i, /^=ICP_TIER\(/i, /^=ICP_EXPLAIN\(/i];
/** The developer-metadata key on each output column; its value is the column's role. */
export const OUTPUT_KEY = 'icp-sheets.output';
const OUTPUT_ROLES = ['score', 'tier', 'why'];

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * A value as setValues must receive it so that Sheets stores exactly this value. Sheets reads written text
 * as if typed (`=…` and `-…` become formulas, `TRUE`, `1/2` and `12%` change type, one leading `'` is
 * dropped), so every text gets Sheets' text prefix `'`; numbers, booleans and dates go as they are.
 * Every cell the add-on writes goes through here.
 */
export function asCell(value: Cell): Cell {
  return typeof value === 'string' && value !== '' ? `'${value}` : (value ?? '');
}

/** A sheet name that is free: `name`, else `name 2`, `name 3`, … (existing sheets are never replaced). */
export function freeSheetName(ss: Spreadsheet, name: string): string {
  let candidate = name;
  for (let n = 2; ss.getSheetByName(candidate); n++) candidate = `${name} ${n}`;
  return candidate;
}

/** A sheet name inside a formula: `'ICP Accounts'!`. */
export function sheetRef(sheet: Sheet): string {
  return `'${sheet.getName().replace(/'/g, "''")}'!`;
}

/** Text inside a formula as a string literal: `"Industry, ""Size"" band"`. */
export function formulaText(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/**
 * Where the add-on's three output columns are (1-based first column) and whether they hold live formulas.
 * Fields end in `_`, as AccountTable's.
 */
export interface OutputColumns {
  readonly column_: number;
  readonly live_: boolean;
  /** False for columns an earlier version wrote before it marked them. */
  readonly marked_: boolean;
}

/** Fields end in `_`: an account table never leaves Code.js, and the build shortens them (MANGLED in build.mjs). */
export interface AccountTable {
  readonly sheet_: Sheet;
  /** 1-based row of the header. */
  readonly headerRow_: number;
  readonly headers_: string[];
  /** The header row and every row under it, as getValues returned them. */
  readonly values_: Cell[][];
  /** How many columns the score formulas read: up to the last header before the add-on's output columns. */
  readonly width_: number;
  /** The headers a rule can look at. */
  readonly attributes_: string[];
  /** The add-on's own output columns, when the sheet has them as the add-on left them. */
  readonly output_: OutputColumns | null;
}

/** The account sheet a menu action last worked on, remembered in the document; null when there is none. */
export function rememberedSheet(ss: Spreadsheet): Sheet | null {
  const name = PropertiesService.getDocumentProperties().getProperty(ACCOUNT_SHEET_PROPERTY);
  return name ? ss.getSheetByName(name) : null;
}

export function rememberSheet(sheet: Sheet): void {
  PropertiesService.getDocumentProperties().setProperty(ACCOUNT_SHEET_PROPERTY, sheet.getName());
}

/** The sheet holding the accounts: the active one unless it is ours or empty, else the remembered one, else ICP Accounts. */
export function accountSheet(ss: Spreadsheet): Sheet | null {
  const active = ss.getActiveSheet();
  if (active && !isOwnSheet(active) && active.getLastRow() > 0) return active;
  return rememberedSheet(ss) ?? findTab(ss, 'accounts') ?? ss.getSheets().find((s) => !isOwnSheet(s)) ?? null;
}

/** True for the add-on's own tabs (criteria, segments, validation, personas) by name in any language or by marker. */
export function isOwnSheet(sheet: Sheet): boolean {
  if (OWN_NAMES.includes(normalizeText(sheet.getName()))) return true;
  return sheet.getDeveloperMetadata().some((mark) => mark.getKey() === TAB_KEY && OWN_TABS.includes(mark.getValue() as Tab));
}

/** Reads the sheet's data region with one getValues and finds its header row; null when it is empty. */
export function readAccountTable(sheet: Sheet): AccountTable | null {
  if (sheet.getLastRow() === 0) return null;
  const all = sheet.getDataRange().getValues() as Cell[][];
  const headerIndex = detectHeaderRow(all);
  if (headerIndex < 0) return null;
  const values = all.slice(headerIndex);
  const headers = values[0].map((h) => cellText(h).trim());
  const output = outputColumns(sheet, headerIndex + 1);
  const width = Math.max(1, tableWidth(headers, output ? output.column_ - 1 : headers.length));
  return {
    sheet_: sheet,
    headerRow_: headerIndex + 1,
    headers_: headers,
    values_: values,
    width_: width,
    attributes_: attributeHeaders(headers, width),
    output_: output,
  };
}

/**
 * The add-on's output columns, found by the marker it put on them: three adjacent columns (score, tier,
 * why) whose header cells still hold the add-on's formulas, or its labels when scores were written as
 * values. A user can name a column `ICP score` or `Why`; only the marker makes a column the add-on's, and a
 * column whose header the user typed over is the user's again.
 */
function outputColumns(sheet: Sheet, headerRow: number): OutputColumns | null {
  const marks = outputMarks(sheet).map((mark) => ({ role: mark.getValue(), column: mark.getLocation().getColumn()?.getColumn() ?? 0 }));
  if (marks.length === 0) return unmarkedFormulas(sheet, headerRow);
  const first = marks.find((m) => m.role === OUTPUT_ROLES[0])?.column ?? 0;
  const adjacent = marks.length === 3 && OUTPUT_ROLES.every((role, i) => marks.some((m) => m.role === role && m.column === first + i));
  if (!adjacent || first + 2 > sheet.getMaxColumns()) return null;
  const header = sheet.getRange(headerRow, first, 1, 3);
  const formulas = header.getFormulas()[0];
  if (formulas.every((f, i) => OUTPUT_FORMULAS[i].test(f))) return { column_: first, live_: true, marked_: true };
  const labels = header.getValues()[0];
  if (formulas.every((f) => f === '') && labels.every((v, i) => OUTPUT_LABELS[i].includes(v as string))) return { column_: first, live_: false, marked_: true };
  return null;
}

/**
 * Output columns an earlier version wrote before it marked them: the add-on's three formulas side by side
 * in the header row. They are adopted (and marked on the next run) rather than doubled.
 */
function unmarkedFormulas(sheet: Sheet, headerRow: number): OutputColumns | null {
  const width = sheet.getLastColumn();
  if (width < 3) return null;
  const formulas = sheet.getRange(headerRow, 1, 1, width).getFormulas()[0];
  const first = formulas.findIndex((_, c) => OUTPUT_FORMULAS.every((pattern, i) => pattern.test(formulas[c + i] ?? '')));
  return first >= 0 ? { column_: first + 1, live_: true, marked_: false } : null;
}

/** Marks three columns from `column` as the add-on's output, forgetting any earlier marks on the sheet. */
export function markOutputColumns(sheet: Sheet, column: number): void {
  for (const old of outputMarks(sheet)) old.remove();
  OUTPUT_ROLES.forEach((role, i) => {
    const letter = columnLetter(column + i);
    mark(sheet.getRange(`${letter}:${letter}`), OUTPUT_KEY, role);
  });
}
