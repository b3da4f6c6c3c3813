// The account table: a header row, then one row per account. Columns are found by header name.

import { type Cell, cellText, isBlankRow } from './cells';
import { IcpError } from './errors';
import { fmt, T } from './i18n';
import { closest, normalizeText, quote, quoteList } from './text';

export interface Table {
  /** Header names as written. */
  readonly headers: string[];
  /** Header names normalized for lookup. */
  readonly keys: string[];
  /** The rows under the header, blank rows included so results stay aligned. */
  readonly rows: Cell[][];
}

/** Reads a range that includes its header row. */
export function readTable(value: unknown): Table {
  if (!Array.isArray(value) || value.length === 0 || !Array.isArray(value[0])) throw new IcpError(T.tableNotRange_);
  // Sheets always passes rows as arrays, so the rows are used as they are: no per-row copy or check.
  const grid = value as Cell[][];
  const headers = grid[0].map((h) => cellText(h).trim());
  if (isBlankRow(headers)) throw new IcpError(T.headerBlank_);
  return { headers, keys: headers.map(normalizeText), rows: grid.slice(1) };
}

/** The index of the first column whose header is one of `names` (any spelling), or -1. */
export function findColumn(table: Pick<Table, 'keys'>, names: readonly string[]): number {
  for (const name of names) {
    const index = table.keys.indexOf(normalizeText(name));
    if (index >= 0) return index;
  }
  return -1;
}

/** The index of the column named `name`; throws a message with the closest headers when there is none. */
export function requireColumn(table: Pick<Table, 'keys' | 'headers'>, name: string, where: string): number {
  const index = findColumn(table, [name]);
  if (index >= 0) return index;
  throw new IcpError(`${where}: ${unknownColumn(table, name)}`);
}

/** `"Industy" is not a column of the table. Closest: "Industry".` */
export function unknownColumn(table: Pick<Table, 'headers'>, name: string): string {
  const near = closest(name, table.headers);
  return fmt(T.notColumn_, quote(name), near.length ? fmt(T.closest_, quoteList(near)) : '');
}
