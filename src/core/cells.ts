// Cells as Sheets hands them to a custom function, and the coercions every module shares.

import { icpError } from './errors';
import { T } from './i18n';
import { words } from './words';

/** One cell value: blank cells are `""`, dates are `Date`, percentages are decimals. */
export type Cell = string | number | boolean | Date | null | undefined;

/** A range as a custom function receives it. */
export type Grid = Cell[][];

/** True for the cells Sheets shows as empty: `""`, whitespace, null and undefined. */
export function isBlank(cell: Cell): boolean {
  return cell === '' || cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');
}

/** True when every cell of the row is blank (open-ended ranges like `A1:H` end in such rows). */
export function isBlankRow(row: readonly Cell[]): boolean {
  for (let i = 0; i < row.length; i++) if (!isBlank(row[i])) return false;
  return true;
}

/** The text a cell shows, for comparison and messages. Dates become `yyyy-mm-dd`. */
export function cellText(cell: Cell): string {
  // typeof checks only: in Apps Script and node:vm each global lookup (Date, String) costs a property search.
  if (typeof cell === 'string') return cell;
  if (typeof cell === 'number' || typeof cell === 'boolean') return `${cell}`;
  if (cell === null || cell === undefined) return '';
  // Dates are the only objects Sheets passes; anything else (a range where a cell was expected) shows nothing.
  if (typeof cell.getTime !== 'function') return '';
  return cell.getTime() === cell.getTime() ? isoDate(cell) : '';
}

function isoDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

// English, German and Danish: a flag written in any of them reads the same in every spreadsheet.
const TRUE_WORDS = new Set(words('true|yes|y|ja|j|x|1|wahr|sand|✓|✔|required|pflicht|påkrævet|churned|gekundigt|opsagt'));
const FALSE_WORDS = new Set(['', ...words('false|no|n|nein|nej|0|falsch|falsk|-|active|aktiv')]);

/** The most characters Sheets shows in a cell; a custom function's longer text result is refused. */
export const CELL_TEXT_MAX = 50_000;

/** Text cut to what a cell holds, ending in `…` when cut. */
export function fitCell(text: string): string {
  return text.length <= CELL_TEXT_MAX ? text : `${text.slice(0, CELL_TEXT_MAX - 1)}…`;
}

/** A column's letters in A1 notation: 1 → A, 27 → AA. */
export function columnLetter(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** TRUE/yes/ja/x/1 → true, FALSE/no/nein/nej/0/blank → false, anything else → undefined. */
export function parseFlag(cell: Cell): boolean | undefined {
  if (typeof cell === 'boolean') return cell;
  if (typeof cell === 'number') return cell === 1 ? true : cell === 0 ? false : undefined;
  if (cell === null || cell === undefined) return false;
  if (typeof cell !== 'string') return undefined; // a date (of any realm: no instanceof), never a flag
  const key = cell.trim().toLowerCase().replace('ü', 'u');
  if (TRUE_WORDS.has(key)) return true;
  if (FALSE_WORDS.has(key)) return false;
  return undefined;
}

/** A spreadsheet argument as a 2D array: a single cell becomes `[[cell]]`, a missing argument `[]`. */
export function toGrid(value: unknown): Grid {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value.map((row) => (Array.isArray(row) ? (row as Cell[]) : [row as Cell]));
  return [[value as Cell]];
}

/** The first cell of an argument that may be a single value or a range (see scalarArgument to refuse ranges). */
export function firstCell(value: unknown): Cell {
  return toGrid(value)[0]?.[0];
}

/**
 * An argument that is one value: a single cell, or a range of one cell (a named range arrives as an array).
 * Missing is "". A larger range is refused naming the parameter, rather than silently reading one cell.
 */
export function scalarArgument(value: unknown, fn: string, param: string): Cell {
  if (!Array.isArray(value)) return value === undefined || value === null ? '' : (value as Cell);
  const grid = toGrid(value);
  if (grid.length === 0 || (grid.length === 1 && grid[0].length === 0)) return '';
  if (grid.length === 1 && grid[0].length === 1) return Array.isArray(grid[0][0]) ? '' : grid[0][0];
  throw icpError(T.scalarRange_, fn, param, `${grid.length}×${grid[0].length}`);
}
