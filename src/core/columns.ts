// One way to read an account table: the columns that rules or the learner use are read in one pass over
// the rows, and what is derived from a cell is computed once per distinct cell. A text column becomes small
// integer ids over a dictionary of its distinct cells (with their text keys and list items, made on first
// use); a numeric column one Float64Array (common text numbers scanned, others parsed once per distinct
// text); presence one Uint8Array.

import { type Cell, cellText, isBlank, isBlankRow } from './cells';
import { parseNumber, scanNumber } from './numbers';
import { normalizeText, splitList } from './text';

/** The distinct cells of a column and what is derived from them, filled on first use. */
export interface Dictionary {
  readonly cells: Cell[];
  keys?: string[];
  items?: string[][];
  /** Per-id results computed from the cells alone (a rule's outcomes), by a caller's key. */
  readonly memo: Map<string, Int8Array>;
}

export interface Column {
  /** The id of each row's cell. */
  readonly ids: Int32Array;
  readonly dict: Dictionary;
}

/** How a column is read: as dictionary ids, as numbers, or as blank flags. */
export type Reading = 'ids' | 'numbers' | 'blanks';

type PerRow = Int8Array | Uint8Array | Float64Array | Int32Array;

/** A table's rows and what has been read from them; everything computed is kept for the next caller. */
export interface Codes {
  readonly rows: readonly Cell[][];
  /** Whether rules' outcomes are kept with the table (for the learner, which scores its rows many times). */
  readonly keep: boolean;
  /** Reads the given columns (those not read yet) in one pass over the rows, with the blank rows. */
  read(columns: readonly (readonly [number, Reading])[]): void;
  /** The column as ids over its distinct cells. */
  column(index: number): Column;
  /**
   * Each row's cell as a number (NaN when it is not one). Numbers cost a type check; text is parsed once
   * per distinct text, so a column of a hundred thousand different numbers needs no dictionary.
   */
  numbers(index: number): Float64Array;
  /** 1 where the row's cell in the column is blank. */
  blanks(index: number): Uint8Array;
  /** 1 for rows that are blank in every cell. */
  blankRows(): Uint8Array;
  /** A per-row array computed once per key, e.g. a rule's outcome on every row. */
  memo(key: string, compute: (codes: Codes) => Int8Array): Int8Array;
}

/** The rows of a table, read on demand; `keep` keeps each rule's outcomes for the next caller. */
export function encodeTable(rows: readonly Cell[][], keep = false): Codes {
  const read = { ids: new Map<number, Column>(), numbers: new Map<number, Float64Array>(), blanks: new Map<number, Uint8Array>() };
  const memo = new Map<string, Int8Array>();
  let blankRows: Uint8Array | undefined;
  const codes: Codes = {
    rows,
    keep,
    read(columns) {
      const todo = columns.filter(([c, how]) => !read[how].has(c));
      if (todo.length === 0 && blankRows) return;
      const wanted = (how: Reading) => [...new Set(todo.filter((t) => t[1] === how).map((t) => t[0]))];
      const numeric = wanted('numbers');
      const text = wanted('ids');
      const presence = wanted('blanks');
      const n = rows.length;
      const blank = blankRows ? undefined : new Uint8Array(n);
      const values = numeric.map(() => new Float64Array(n));
      const parsed = numeric.map(() => new Map<string, number>());
      const ids = text.map(() => new Int32Array(n));
      const dicts = text.map((): Dictionary => ({ cells: [], memo: new Map() }));
      const byValue = text.map(() => new Map<Cell, number>());
      // Dates are distinct objects: they are keyed by their time, so equal dates share an id.
      const byTime = text.map(() => new Map<number, number>());
      const blanks = presence.map(() => new Uint8Array(n));
      // Row by row, with no call per cell: a row's cells are read while they are in the CPU cache, which
      // costs a fraction of reading the rows again for every column.
      for (let r = 0; r < n; r++) {
        const row = rows[r];
        if (blank && isBlankRow(row)) blank[r] = 1;
        for (let k = 0; k < numeric.length; k++) {
          const cell = row[numeric[k]];
          if (typeof cell === 'number') values[k][r] = cell;
          else if (typeof cell !== 'string' || cell === '') values[k][r] = NaN;
          else {
            // Common shapes are scanned outright, cheaper than hashing the text; others parsed once each.
            let v = scanNumber(cell);
            if (v === undefined) {
              v = parsed[k].get(cell);
              if (v === undefined) parsed[k].set(cell, (v = parseNumber(cell)));
            }
            values[k][r] = v;
          }
        }
        for (let k = 0; k < text.length; k++) {
          const cell = row[text[k]];
          const date = typeof cell === 'object' && cell !== null;
          let id = date ? byTime[k].get(cell.getTime()) : byValue[k].get(cell);
          if (id === undefined) {
            const { cells } = dicts[k];
            id = cells.length;
            cells.push(cell);
            if (date) byTime[k].set(cell.getTime(), id);
            else byValue[k].set(cell, id);
          }
          ids[k][r] = id;
        }
        for (let k = 0; k < presence.length; k++) if (isBlank(row[presence[k]])) blanks[k][r] = 1;
      }
      numeric.forEach((c, k) => read.numbers.set(c, values[k]));
      text.forEach((c, k) => read.ids.set(c, { ids: ids[k], dict: dicts[k] }));
      presence.forEach((c, k) => read.blanks.set(c, blanks[k]));
      blankRows ??= blank;
    },
    column(index) {
      codes.read([[index, 'ids']]);
      return read.ids.get(index)!;
    },
    numbers(index) {
      codes.read([[index, 'numbers']]);
      return read.numbers.get(index)!;
    },
    blanks(index) {
      codes.read([[index, 'blanks']]);
      return read.blanks.get(index)!;
    },
    blankRows() {
      codes.read([]);
      return blankRows!;
    },
    memo(key, compute) {
      let value = memo.get(key);
      if (!value) memo.set(key, (value = compute(codes)));
      return value;
    },
  };
  return codes;
}

/**
 * The rows at `positions` of a read table, sharing its dictionaries and picking from its per-row arrays,
 * so the folds of a cross-validation are scored without reading any cell again.
 */
export function subsetCodes(codes: Codes, positions: ArrayLike<number>): Codes {
  const picked = new Map<string, PerRow>();
  const pick = <T extends PerRow>(key: string, all: () => T): T => {
    let out = picked.get(key) as T | undefined;
    if (!out) {
      const from = all();
      out = new (from.constructor as new (n: number) => T)(positions.length);
      for (let i = 0; i < positions.length; i++) out[i] = from[positions[i]];
      picked.set(key, out);
    }
    return out;
  };
  return {
    rows: Array.from(positions, (p) => codes.rows[p]),
    keep: codes.keep,
    read: (columns) => codes.read(columns),
    column: (index) => ({ ids: pick(`i${index}`, () => codes.column(index).ids), dict: codes.column(index).dict }),
    numbers: (index) => pick(`n${index}`, () => codes.numbers(index)),
    blanks: (index) => pick(`b${index}`, () => codes.blanks(index)),
    blankRows: () => pick('r', () => codes.blankRows()),
    memo: (key, compute) => pick(`m${key}`, () => codes.memo(key, compute)),
  };
}

/** A cell as a number: numbers as they are, anything else parsed (NaN when it is not a number). */
export function numberOf(cell: Cell): number {
  return typeof cell === 'number' ? cell : parseNumber(cell);
}

/** Each distinct cell's normalized text (`""` for blanks). */
export function keys(dict: Dictionary): string[] {
  return (dict.keys ??= dict.cells.map((c) => normalizeText(cellText(c))));
}

/** Each distinct cell's list items, split on the text as written (a newline separates items too). */
export function items(dict: Dictionary): string[][] {
  return (dict.items ??= dict.cells.map((c) => splitList(cellText(c))));
}
