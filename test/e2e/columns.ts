// Where things are on a sheet, asked of the playground's server the way the page asks it: the browser tests
// find the add-on's score, tier and Why columns and the account columns by header, never by a fixed letter,
// so a column added to the example accounts moves nothing in them.

import type { Page } from 'playwright-core';
import type { GridWindow, SheetSummary } from '../../playground/routes';
import { OUTPUT_LABELS } from '../../src/addon/sheets';
import { columnLetter } from '../../src/core/cells';

/** A GET route of the playground, fetched from inside the page (same origin, as the page itself does). */
async function get<T>(page: Page, url: string): Promise<T> {
  return page.evaluate(async (at) => {
    const response = await fetch(at);
    const body = await response.json();
    if (!response.ok) throw new Error(`${at}: ${body.error ?? response.status}`);
    return body;
  }, url);
}

/** What /api/sheets says about a sheet: its size, and the first result column (null when not scored). */
export async function summary(page: Page, sheet: string): Promise<SheetSummary> {
  const { sheets } = await get<{ sheets: SheetSummary[] }>(page, '/api/sheets');
  const found = sheets.find((s) => s.name === sheet);
  if (!found) throw new Error(`There is no sheet ${sheet}: ${sheets.map((s) => s.name).join(', ')}`);
  return found;
}

/** The header row of a sheet as it shows, up to its last header that is not blank. */
export async function headers(page: Page, sheet: string): Promise<string[]> {
  const query = new URLSearchParams({ sheet, row: '0', rows: '1', column: '0', columns: '60' });
  const { cells } = await get<GridWindow>(page, `/api/window?${query}`);
  const texts = (cells[0] ?? []).map((cell) => cell.text);
  // The sheet's size counts columns that formulas elsewhere only refer to (the segment summary's range).
  while (texts.length && texts.at(-1) === '') texts.pop();
  return texts;
}

/** The letter of the one column headed `header` (exactly as shown); an error when there is none or several. */
export async function columnOf(page: Page, sheet: string, header: string): Promise<string> {
  const row = await headers(page, sheet);
  const at = row.flatMap((text, i) => (text === header ? [i + 1] : []));
  if (at.length !== 1) throw new Error(`${sheet} has ${at.length} columns headed "${header}": ${row.join(' | ')}`);
  return columnLetter(at[0]);
}

export interface Results {
  /** The letters of the add-on's three result columns. */
  readonly score: string;
  readonly tier: string;
  readonly why: string;
  /** The score column, 1-based, as /api/sheets gives it. */
  readonly column: number;
  /** The letter of the account table's last column, left of the results (the `L` of `A1:L`). */
  readonly last: string;
}

/**
 * Where the add-on put its results on a scored sheet: the column /api/sheets reports (the add-on's own
 * marker), checked against the headers the add-on writes there (in any of its languages).
 */
export async function results(page: Page, sheet: string): Promise<Results> {
  const column = (await summary(page, sheet)).results;
  if (column === null) throw new Error(`${sheet} is not scored`);
  const shown = (await headers(page, sheet)).slice(column - 1, column + 2);
  // The labels are the spreadsheet's language: ICP score, ICP-Score, ICP-score, …
  if (!shown.every((text, i) => OUTPUT_LABELS[i].includes(text))) throw new Error(`${sheet}: the results at ${columnLetter(column)} read ${shown.join(' | ')}`);
  return { score: columnLetter(column), tier: columnLetter(column + 1), why: columnLetter(column + 2), column, last: columnLetter(column - 1) };
}
