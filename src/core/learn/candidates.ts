// Candidate rules from the account table's columns: categorical values (`is`), list items (`includes`),
// numeric thresholds at readable edges (`>=`), and `is blank` where data is missing often enough to carry
// signal. Columns that cannot generalise are skipped with the reason, in the users' words.

import { type Cell, cellText, isBlank } from '../cells';
import { type Codes, type Dictionary, keys, numberOf } from '../columns';
import { fmt, T } from '../i18n';
import { parseDate } from '../metrics';
import { parseNumber } from '../numbers';
import { normalizeText, splitList, splitValues } from '../text';

/** A rule to try, as it would be written in the criteria table. */
export interface Candidate {
  readonly column: number;
  readonly attribute: string;
  readonly operator: 'is' | 'includes' | '>=' | 'is blank';
  readonly value: string;
}

export interface Skipped {
  readonly column: string;
  readonly reason: string;
}

/** How a column is read for learning, decided once from all its cells (never from the outcome). */
export interface ColumnPlan {
  readonly column: number;
  readonly attribute: string;
  readonly kind: 'number' | 'list' | 'category' | 'blank only';
}

const URL = /^(https?:\/\/|www\.)\S+$/i;
const ID_HEADER = /(^|[\s_#-])(id|nr|no|key|nummer|number|code|kode|uuid)$/;

/** Plans every column but the excluded ones (the outcome, the tenure); the others are skipped with a reason. */
export function planColumns(
  headers: readonly string[],
  codes: Codes,
  exclude: ReadonlyMap<number, string>,
  minSupport: number,
): { plans: ColumnPlan[]; skipped: Skipped[] } {
  const plans: ColumnPlan[] = [];
  const skipped: Skipped[] = [];
  const n = codes.rows.length;
  codes.read(
    headers.flatMap((_, c) =>
      exclude.has(c)
        ? []
        : ([
            [c, 'ids'],
            [c, 'blanks'],
          ] as const),
    ),
  );
  const seen = new Set<string>();
  headers.forEach((attribute, column) => {
    const skip = (reason: string) => skipped.push({ column: attribute || fmt(T.columnN_, column + 1), reason });
    if (exclude.has(column)) return skip(exclude.get(column)!);
    if (attribute === '') return skip(T.skipNoHeader_);
    // Rules name columns by header: a second column of the same name could not be told apart.
    if (seen.has(normalizeText(attribute))) return skip(T.skipSameHeader_);
    seen.add(normalizeText(attribute));
    const blank = codes.blanks(column);
    let filled = 0;
    for (let r = 0; r < n; r++) filled += 1 - blank[r];
    if (filled === 0) return skip(T.skipNoData_);
    // Whether a blank cell says something (a missing case study, an unknown budget) is worth trying anywhere.
    const blanks = filled >= minSupport && n - filled >= minSupport;
    const orBlank = (reason: string) => {
      skip(blanks ? fmt(T.skipOnlyBlank_, reason) : reason);
      if (blanks) plans.push({ column, attribute, kind: 'blank only' });
    };
    const { dict } = codes.column(column);
    const ids = codes.column(column).ids;
    const count = new Int32Array(dict.cells.length);
    for (let r = 0; r < n; r++) count[ids[r]]++;
    const share = (test: (cell: Cell) => boolean) =>
      dict.cells.reduce<number>((sum, cell, id) => sum + (!isBlank(cell) && test(cell) ? count[id] : 0), 0) / filled;
    if (share((c) => typeof c === 'object' || (typeof c === 'string' && parseDate(c) === parseDate(c))) >= 0.8) {
      return orBlank(T.skipDates_);
    }
    if (share((c) => URL.test(cellText(c).trim())) >= 0.5) return orBlank(T.skipLinks_);
    // Numbers are parsed per distinct cell, and not at all when the first cells are plainly not numbers.
    const filledCells = dict.cells.filter((c) => !isBlank(c));
    const looksNumeric = filledCells.slice(0, 50).filter((c) => numberOf(c) === numberOf(c)).length >= Math.min(25, filledCells.length / 2);
    const distinctNumbers = new Set<number>();
    let parsed = 0;
    if (looksNumeric) {
      dict.cells.forEach((cell, id) => {
        const v = numberOf(cell);
        if (v === v) {
          parsed += count[id];
          distinctNumbers.add(v);
        }
      });
    }
    const key = keys(dict);
    const distinctKeys = new Set(key).size - (key.includes('') ? 1 : 0);
    const idLike = distinctKeys >= 0.9 * filled && filled >= 10;
    if (parsed >= 0.8 * filled && distinctNumbers.size > 5) {
      const sorted = [...distinctNumbers].sort((a, b) => a - b);
      const counting = sorted.every(Number.isInteger) && sorted[sorted.length - 1] - sorted[0] < 1.5 * sorted.length;
      if (idLike && (counting || ID_HEADER.test(normalizeText(attribute)))) return orBlank(T.skipIdNumbers_);
      plans.push({ column, attribute, kind: 'number' });
      if (blanks) plans.push({ column, attribute, kind: 'blank only' });
      return;
    }
    const list = share((c) => splitList(cellText(c)).length > 1) >= 0.2;
    if (idLike && !list) return orBlank(T.skipIdValues_);
    // Values (or list items) too rare to learn from cover most rows: free text, not categories.
    const support = new Map<string, number>();
    const split = parts(dict, list);
    split.forEach((p, id) => p.forEach(([k]) => support.set(k, (support.get(k) ?? 0) + count[id])));
    let covered = 0;
    split.forEach((p, id) => {
      if (p.some(([k]) => support.get(k)! >= minSupport)) covered += count[id];
    });
    if (covered < 0.5 * filled) return orBlank(T.skipFreeText_);
    plans.push({ column, attribute, kind: list ? 'list' : 'category' });
    if (blanks) plans.push({ column, attribute, kind: 'blank only' });
  });
  return { plans, skipped };
}

/** The candidate rules of the planned columns whose support among `rows` (positions) is at least `minSupport`. */
export function candidates(plans: readonly ColumnPlan[], codes: Codes, rows: ArrayLike<number>, minSupport: number): Candidate[] {
  const out: Candidate[] = [];
  const m = rows.length;
  const both = (support: number) => support >= minSupport && m - support >= minSupport;
  for (const { column, attribute, kind } of plans) {
    const add = (operator: Candidate['operator'], value: string) => out.push({ column, attribute, operator, value });
    if (kind === 'blank only') {
      const blank = codes.blanks(column);
      let support = 0;
      for (let i = 0; i < m; i++) support += blank[rows[i]];
      if (both(support)) add('is blank', '');
    } else if (kind === 'number') {
      const all = codes.numbers(column);
      const values: number[] = [];
      for (let i = 0; i < m; i++) if (all[rows[i]] === all[rows[i]]) values.push(all[rows[i]]);
      values.sort((a, b) => a - b);
      const thresholds = new Set<number>();
      for (let q = 1; q < 10; q++) thresholds.add(nice(values[Math.floor((q / 10) * values.length)]));
      let previous = -1;
      for (const t of [...thresholds].sort((a, b) => a - b)) {
        let below = 0;
        for (let hi = values.length; below < hi; ) {
          const mid = (below + hi) >> 1;
          if (values[mid] < t) below = mid + 1;
          else hi = mid;
        }
        // A threshold that splits the rows where the previous one did is the same rule.
        if (below !== previous && both(values.length - below) && below >= minSupport) add('>=', formatNumber(t));
        previous = below;
      }
    } else {
      const { ids, dict } = codes.column(column);
      const count = new Int32Array(dict.cells.length);
      for (let i = 0; i < m; i++) count[ids[rows[i]]]++;
      const split = parts(dict, kind === 'list');
      const support = new Map<string, number>();
      split.forEach((p, id) => {
        if (count[id]) for (const [k] of p) support.set(k, (support.get(k) ?? 0) + count[id]);
      });
      for (const [k] of [...support].filter(([, rows]) => both(rows)).sort(([a], [b]) => (a < b ? -1 : 1))) {
        // Written as most rows spell it, when that reads back as this one key (`is` splits on commas).
        const spellings = new Map<string, number>();
        split.forEach((p, id) => {
          for (const [key, spelling] of p) if (key === k && count[id]) spellings.set(spelling, (spellings.get(spelling) ?? 0) + count[id]);
        });
        const spelling = [...spellings].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))[0][0];
        const value = [spelling, k].find((v) => {
          const vs = splitValues(v);
          return vs.length === 1 && vs[0] === k;
        });
        if (value !== undefined) add(kind === 'list' ? 'includes' : 'is', value);
      }
    }
  }
  return out;
}

const partsOf = new WeakMap<Dictionary, Map<boolean, [string, string][][]>>();

/** Per distinct cell, its text key (or list items) with the spelling as written, computed once. */
function parts(dict: Dictionary, list: boolean): [string, string][][] {
  let byKind = partsOf.get(dict);
  if (!byKind) partsOf.set(dict, (byKind = new Map()));
  let out = byKind.get(list);
  if (!out) {
    const key = keys(dict);
    out = dict.cells.map((cell, id): [string, string][] => {
      if (key[id] === '') return [];
      if (!list) return [[key[id], typeof cell === 'boolean' ? String(cell).toUpperCase() : cellText(cell).trim().replace(/\s+/g, ' ')]];
      return cellText(cell)
        .split(/[,;|\n]/)
        .map((part): [string, string] => [normalizeText(part), part.trim().replace(/\s+/g, ' ')])
        .filter(([k]) => k !== '');
    });
    byKind.set(list, out);
  }
  return out;
}

const MANTISSAS = [1, 1.5, 2, 2.5, 3, 4, 5, 6, 7.5, 8, 10];

/** The closest readable number: 1, 1.5, 2, 2.5, 3, 4, 5, 6, 7.5 or 8 times a power of ten. */
export function nice(x: number): number {
  if (x === 0 || !Number.isFinite(x)) return x;
  if (x < 0) return -nice(-x);
  const power = 10 ** Math.floor(Math.log10(x));
  const m = MANTISSAS.reduce((best, c) => (Math.abs(c * power - x) < Math.abs(best * power - x) ? c : best));
  return Number((m * power).toPrecision(6));
}

/** A threshold as users write it (`250k`, `2.5M`), when that reads back as the same number. */
export function formatNumber(n: number): string {
  const abs = Math.abs(n);
  const [unit, size] = abs >= 1e9 ? ['bn', 1e9] : abs >= 1e6 ? ['M', 1e6] : abs >= 1e4 ? ['k', 1e3] : ['', 1];
  const short = `${Number((n / size).toPrecision(6))}${unit}`;
  return parseNumber(short) === n ? short : String(n);
}
