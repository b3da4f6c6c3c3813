// Where an account table sits in a sheet's values: its header row, the columns rules may look at, the column
// that names each account, the first columns free for the add-on's output, each column's frequent values, and
// a starter profile drawn from the columns.

import { type Cell, cellText, isBlank } from './cells';
import { parseNumber, parseRange } from './numbers';
import { METRIC_COLUMNS } from './segments';
import { normalizeText } from './text';
import { words } from './words';

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

const NAME_HEADERS = words('Company|Company / customer|Customer|Account|Name|Firma|Kunde|Unternehmen|Virksomhed|Navn');

/** The column that names each account (Company, Customer, Firma, Virksomhed, …), else the first column. */
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
  return [...tally.values()]
    .sort((a, b) => b.n - a.n)
    .slice(0, count)
    .map((e) => e.text);
}

/** A rule of a starter profile: what it looks at and tests; points and profile are the caller's. */
export interface StarterRule {
  readonly attribute: string;
  readonly operator: 'is' | 'includes' | 'between' | '>=' | 'is not blank';
  readonly value: string;
}

/**
 * Columns a starter profile leaves alone: the economics the segment summary reads and the outcome of a deal,
 * which describe how an account turned out rather than what it is.
 */
const NOT_TRAITS = new Set(
  [
    ...Object.values(METRIC_COLUMNS).flat(),
    ...words('Outcome|Won|Won/Lost|Deal outcome|Status|Stage|Deal value|Deal size|Amount'),
    ...words('Ergebnis|Gewonnen|Abschluss|Auftragswert|Deal-Wert'),
    ...words('Udfald|Resultat|Vundet|Ordreværdi|Beløb'),
  ].map(normalizeText),
);

const MAX_STARTER_RULES = 50;
const URL = /^(https?:\/\/|www\.)\S+$/i;

/**
 * One rule per column that describes accounts, from the rows under the header (`values[0]`): the most
 * frequent value of a category (`is`) or item of a list (`includes`), the middle half of a number column
 * (`between` its quartiles, on rounded edges), or that a link column is filled in (`is not blank`).
 * Skipped, and named in `skipped`: the column naming the accounts, columns whose values are nearly all
 * different (names, IDs, notes), dates, empty columns, and the economics and outcome columns.
 */
export function starterRules(values: readonly Cell[][], width: number): { rules: StarterRule[]; skipped: string[] } {
  const headers = values[0]?.slice(0, width).map((h) => cellText(h).trim()) ?? [];
  const rows = values.slice(1);
  const names = nameColumn(headers);
  const named = NAME_HEADERS.some((n) => normalizeText(n) === normalizeText(headers[names] ?? ''));
  const rules: StarterRule[] = [];
  const skipped: string[] = [];
  headers.forEach((attribute, column) => {
    if (attribute === '') return;
    const rule =
      rules.length < MAX_STARTER_RULES && !(named && column === names) && !NOT_TRAITS.has(normalizeText(attribute))
        ? starterRule(
            attribute,
            rows.map((row) => row[column]).filter((cell) => !isBlank(cell)),
            rows,
            column,
          )
        : undefined;
    if (rule) rules.push(rule);
    else skipped.push(attribute);
  });
  return { rules, skipped };
}

function starterRule(attribute: string, cells: Cell[], rows: readonly Cell[][], column: number): StarterRule | undefined {
  if (cells.length === 0 || cells.every((c) => typeof c === 'object')) return undefined; // empty, or dates
  const texts = cells.map((c) => cellText(c).trim());
  const numbers = cells.map((c) => (typeof c === 'boolean' ? NaN : parseNumber(c))).filter((n) => n === n);
  if (numbers.length >= 0.8 * cells.length) return isCounter(numbers) ? undefined : numberRule(attribute, numbers);
  if (texts.filter((t) => URL.test(t)).length >= 0.8 * cells.length) return { attribute, operator: 'is not blank', value: '' };
  const lists = texts.filter((t) => /[,;|]/.test(t)).length >= 0.3 * cells.length;
  const distinct = new Set(texts.map(normalizeText)).size;
  if (!lists && cells.length >= 5 && distinct > 0.9 * cells.length) return undefined;
  const [top] = frequentValues(rows, column, 1);
  return top === undefined ? undefined : { attribute, operator: lists ? 'includes' : 'is', value: top };
}

/**
 * A row number, rank or index: distinct whole numbers that nearly fill the range between the smallest and
 * the largest (1…100, 0…99). They say where a row stands in the list, not what the account is.
 */
function isCounter(numbers: readonly number[]): boolean {
  if (numbers.length < 5 || !numbers.every(Number.isInteger) || new Set(numbers).size < numbers.length) return false;
  return Math.max(...numbers) - Math.min(...numbers) + 1 <= 1.1 * numbers.length;
}

/**
 * The middle half of the numbers (nearest-rank quartiles), on edges rounded outwards to two digits of the
 * numbers or of the spread between them, whichever is finer: 11,817 → 11,000, but a founding year 1987 stays
 * 1987 where the years span decades, not centuries.
 */
function numberRule(attribute: string, numbers: number[]): StarterRule {
  const sorted = [...numbers].sort((a, b) => a - b);
  const rank = (p: number) => sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)];
  const spread = rank(0.75) - rank(0.25);
  const low = round(rank(0.25), Math.floor, spread);
  const high = round(rank(0.75), Math.ceil, spread);
  const value = `${low}-${high}`;
  const range = low >= 0 && low < high ? parseRange(value) : undefined;
  if (range && range.low === low && range.high === high) return { attribute, operator: 'between', value };
  return { attribute, operator: '>=', value: String(low) };
}

/**
 * `n` rounded to two significant digits in the direction given, 11,817 → 11,000 (floor) or 12,000 (ceil);
 * to two digits of `spread` where that is finer.
 */
function round(n: number, direction: (x: number) => number, spread = 0): number {
  if (n === 0 || !Number.isFinite(n)) return n;
  const digits = (x: number) => 10 ** (Math.floor(Math.log10(Math.abs(x))) - 1);
  const step = spread > 0 && Number.isFinite(spread) ? Math.min(digits(n), digits(spread)) : digits(n);
  return Number((direction(n / step) * step).toPrecision(12));
}
