// Where an account table sits in a sheet's values: its header row, the columns rules may look at, the column
// that names each account, the first columns free for the add-on's output, and each column's frequent values.

import { cellText, isBlank, type Cell } from './cells';
import { normalizeText } from './text';

/** The first of the top rows whose filled cells are all text and at least half as many as the widest row's. */
export function detectHeaderRow(values: readonly Cell[][]): number {
  const top = values.slice(0, 10);
  const filled = top.map((row) => row.filter((c) => !isBlank(c)).length);
  const widest = Math.max(0, ...filled);
  if (widest === 0) return -1;
  const index = top.findIndex((row, i) => filled[i] >= Math.max(2, widest / 2) && row.every((c) => isBlank(c) || typeof c === 'string'));
  return index >= 0 ? index : filled.findIndex((n) => n > 0);
}

/**
 * How many columns the score formulas read: up to the last header before `end` (where the add-on's own
 * output columns begin, when it has any). Unlabelled columns after the last header are not part of it.
 */
export function tableWidth(headers: readonly string[], end = headers.length): number {
  let width = Math.min(end, headers.length);
  while (width > 0 && headers[width - 1] === '') width--;
  return width;
}

/** The headers a rule can look at: the labelled columns among the first `width`. */
export function attributeHeaders(headers: readonly string[], width = headers.length): string[] {
  return headers.slice(0, width).filter((h) => h !== '');
}

/**
 * The first column (0-based, at `from` or right of it) that starts `count` columns holding nothing in any of
 * `rows` (a space is something) and none of the `taken` ones: where the add-on may write without touching
 * a cell of the user's. Past the widest row every column is free.
 */
export function freeColumns(rows: readonly Cell[][], from: number, count: number, taken: ReadonlySet<number> = new Set()): number {
  const used = new Set(taken);
  for (const row of rows) {
    for (let c = from; c < row.length; c++) if (row[c] !== '' && row[c] !== null && row[c] !== undefined) used.add(c);
  }
  let start = from;
  for (let c = from; c < start + count; c++) if (used.has(c)) start = c + 1;
  return start;
}

const NAME_HEADERS = ['Company', 'Company / customer', 'Customer', 'Account', 'Name', 'Firma', 'Kunde', 'Unternehmen'];

/** The column that names each account (Company, Customer, Firma, …), else the first column. */
export function nameColumn(headers: readonly string[]): number {
  const keys = headers.map(normalizeText);
  for (const name of NAME_HEADERS) {
    const index = keys.indexOf(normalizeText(name));
    if (index >= 0) return index;
  }
  return 0;
}

/** The most frequent values of a column, as text, for the sidebar's suggestions. */
export function frequentValues(rows: readonly Cell[][], column: number, count = 8): string[] {
  const tally = new Map<string, { text: string; n: number }>();
  for (const row of rows) {
    const cell = row[column];
    if (isBlank(cell) || typeof cell === 'object') continue;
    for (const part of typeof cell === 'string' && /[,;|]/.test(cell) ? cell.split(/[,;|]/) : [cellText(cell)]) {
      const text = part.trim();
      if (text === '') continue;
      const key = normalizeText(text);
      const entry = tally.get(key);
      if (entry) entry.n++;
      else tally.set(key, { text, n: 1 });
    }
  }
  return [...tally.values()].sort((a, b) => b.n - a.n).slice(0, count).map((e) => e.text);
}
