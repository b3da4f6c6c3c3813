// Reading the account table and writing cells safely: one getValues per read, text that can never turn
// into a formula, and the names of the tabs the add-on owns.

import { detectHeaderRow } from '../core/account-sheet';
import { cellText, type Cell } from '../core/cells';

export { columnLetter } from '../core/cells';
import { normalizeText } from '../core/text';

export const CRITERIA_SHEET = 'ICP Criteria';
export const ACCOUNTS_SHEET = 'ICP Accounts';
export const SEGMENTS_SHEET = 'ICP Segments';
export const PERSONAS_SHEET = 'Personas';
export const ACCOUNT_SHEET_PROPERTY = 'icp.accountSheet';
const OWN_SHEETS = [CRITERIA_SHEET, SEGMENTS_SHEET, PERSONAS_SHEET].map(normalizeText);

/** The columns Score this sheet adds, with the label each formula spills as its header. */
export const OUTPUT_COLUMNS = ['ICP score', 'ICP tier', 'Why'] as const;

/**
 * The headers a rule can look at: those of the columns the score formulas read, which end where the
 * add-on's output columns begin.
 */
export function attributeHeaders(headers: readonly string[]): string[] {
  const end = headers.findIndex((h) => (OUTPUT_COLUMNS as readonly string[]).includes(h));
  return (end >= 0 ? headers.slice(0, end) : headers).filter((h) => h !== '');
}

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Text as a cell value that Sheets stores as text: `=1+1`, `+49 30…`, `-x`, `@name` get a leading apostrophe. */
export function asText(value: string): string {
  return /^[=+\-@]/.test(value) ? `'${value}` : value;
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

export interface AccountTable {
  readonly sheet: Sheet;
  /** 1-based row of the header. */
  readonly headerRow: number;
  readonly headers: string[];
  /** The header row and every row under it, as getValues returned them. */
  readonly values: Cell[][];
}

/** The sheet holding the accounts: the active one unless it is ours or empty, else the remembered one, else ICP Accounts. */
export function accountSheet(ss: Spreadsheet, remembered: string | null): Sheet | null {
  const active = ss.getActiveSheet();
  if (active && !isOwnSheet(active) && active.getLastRow() > 0) return active;
  const byName = remembered ? ss.getSheetByName(remembered) : null;
  if (byName) return byName;
  return ss.getSheetByName(ACCOUNTS_SHEET) ?? ss.getSheets().find((s) => !isOwnSheet(s)) ?? null;
}

/** True for the add-on's own tabs, which are never scored as account tables. */
export function isOwnSheet(sheet: Sheet): boolean {
  return OWN_SHEETS.includes(normalizeText(sheet.getName()));
}

/** Reads the sheet's data region with one getValues and finds its header row; null when it is empty. */
export function readAccountTable(sheet: Sheet): AccountTable | null {
  if (sheet.getLastRow() === 0) return null;
  const all = sheet.getDataRange().getValues() as Cell[][];
  const headerIndex = detectHeaderRow(all);
  if (headerIndex < 0) return null;
  const values = all.slice(headerIndex);
  return { sheet, headerRow: headerIndex + 1, headers: values[0].map((h) => cellText(h).trim()), values };
}
