// The outcome to learn from or validate against, one value per account: won/lost (1/0), a value (CLV,
// MRR, deal size), or churned (1/0), optionally with the months each account was observed. Rows without an
// outcome (open deals) are left out and counted.

import { type Cell, cellText, isBlank, isBlankRow } from '../cells';
import { IcpError } from '../errors';
import { fmt, T } from '../i18n';
import { MONTH_MS, parseDate } from '../metrics';
import { parseNumber } from '../numbers';
import { parseOptions } from '../options';
import { METRIC_COLUMNS } from '../segments';
import { findColumn, readTable, requireColumn, type Table } from '../table';
import { normalizeText, quote, quoteList } from '../text';

export type OutcomeKind = 'won' | 'value' | 'churn';

export interface Outcome {
  readonly kind: OutcomeKind;
  /** The outcome column's header (or the range's first cell). */
  readonly label: string;
  /** The outcome's column in the table, -1 when it came as a separate range. */
  readonly column: number;
  /** The tenure column (churn per customer-month), -1 without one. */
  readonly tenure: number;
  /** Per table row: 1/0 for won and churn, the value for value; NaN where the row is left out. */
  readonly y: Float64Array;
  /** Per table row: months observed (churn with tenure), else 1. */
  readonly months: Float64Array;
  /** Rows with data but no usable outcome, and one of their outcome cells for the message. */
  readonly leftOut: number;
  readonly example: string;
}

export interface OutcomeOptions {
  readonly kind?: string;
  readonly tenure?: string;
  /** The date start dates are measured to (ms). */
  readonly asOf: number;
}

/** Below this many won (churned) or lost (retained) accounts, or accounts with a value, rates and AUCs are rough. */
export const MIN_ACCOUNTS = 30;

/**
 * What ICP_SUGGEST and ICP_VALIDATE read alike: the table, their options (outcome, tenure, asof and `extra`)
 * and the outcome. `today` is the as-of date when none is given.
 */
export function learningInput(tableValue: unknown, spec: unknown, optionsValue: unknown, extra: readonly string[], today: number, fn: string) {
  const table = readTable(tableValue);
  const options = parseOptions(optionsValue, ['outcome', 'tenure', 'asof', ...extra], fn);
  const asOfText = options.get('asof');
  const asOf = asOfText ? parseDate(asOfText) : today;
  if (asOf !== asOf) throw new IcpError(fmt(T.asofNotDate_, fn, quote(asOfText!)));
  return { table, options, outcome: readOutcome(table, spec, { kind: options.get('outcome'), tenure: options.get('tenure'), asOf }, fn) };
}

/** "Only 14 won accounts" when the smaller side of the outcome has fewer than MIN_ACCOUNTS; '' otherwise. */
export function tooFew(kind: OutcomeKind, accounts: number, positives: number): string {
  const negatives = accounts - positives;
  const [count, text] =
    kind === 'value'
      ? [accounts, T.fewValue_]
      : positives <= negatives
        ? [positives, kind === 'won' ? T.fewWon_ : T.fewChurned_]
        : [negatives, kind === 'won' ? T.fewLost_ : T.fewRetained_];
  return count < MIN_ACCOUNTS ? fmt(text, count) : '';
}

const YES = 'true|yes|y|ja|j|x|1|wahr|sand|✓|✔';
const NO = 'false|no|n|nein|nej|0|falsch|falsk';
const WORDS: Record<'won' | 'churn', [string, string]> = {
  won: [
    `${YES}|won|win|closed won|closed-won|gewonnen|vundet|abgeschlossen gewonnen`,
    `${NO}|lost|loss|closed lost|closed-lost|verloren|tabt|abgeschlossen verloren`,
  ],
  churn: [
    `${YES}|churned|churn|cancelled|canceled|lost|gekundigt|abgewandert|verloren|opsagt|tabt`,
    `${NO}|active|aktiv|retained|current|customer|kunde|bestand`,
  ],
};
// Made on first use: every custom-function call loads the bundle, most never read an outcome.
let sets: Record<string, [Set<string>, Set<string>]> | undefined;

/** 1, 0, or NaN when the cell is not one of the kind's words. */
function flag(cell: Cell, kind: 'won' | 'churn'): number {
  if (typeof cell === 'boolean') return cell ? 1 : 0;
  const key = normalizeText(cellText(cell));
  sets ??= {
    won: [new Set(WORDS.won[0].split('|')), new Set(WORDS.won[1].split('|'))],
    churn: [new Set(WORDS.churn[0].split('|')), new Set(WORDS.churn[1].split('|'))],
  };
  const [yes, no] = sets[kind];
  return yes.has(key) ? 1 : no.has(key) ? 0 : NaN;
}

/**
 * Finds the outcome (a header, or a one-column range as tall as the table) and reads it. The kind is the
 * option `outcome=` or detected: a churn header or `tenure=` means churn, won/lost words mean won, numbers
 * mean value.
 */
export function readOutcome(table: Table, spec: unknown, options: OutcomeOptions, fn: string): Outcome {
  let label: string;
  let column = -1;
  let cells: Cell[];
  if (Array.isArray(spec) && (spec.length > 1 || (Array.isArray(spec[0]) && spec[0].length > 1))) {
    const grid = spec as Cell[][];
    if (grid.some((row) => !Array.isArray(row) || row.length !== 1)) {
      throw new IcpError(fmt(T.outcomeShape_, fn, `${grid.length}×${(grid[0] as Cell[])?.length ?? 1}`));
    }
    const headed = grid.length === table.rows.length + 1;
    if (!headed && grid.length !== table.rows.length) {
      throw new IcpError(fmt(T.outcomeRows_, fn, grid.length, table.rows.length + 1));
    }
    label = headed ? cellText(grid[0][0]).trim() : T.outcomeDefault_;
    cells = grid.slice(headed ? 1 : 0).map((row) => row[0]);
    // The outcome must never be learned from: a range that is one of the table's columns is that column.
    column = headed ? findColumn(table, [label]) : -1;
    if (column < 0) column = table.headers.findIndex((_, c) => table.rows.every((row, r) => cellText(row[c]) === cellText(cells[r])));
  } else {
    label = cellText(Array.isArray(spec) ? (spec as Cell[][])[0]?.[0] : (spec as Cell)).trim();
    if (label === '') throw new IcpError(fmt(T.outcomeName_, fn));
    column = requireColumn(table, label, `${fn}, outcome`);
    label = table.headers[column];
    cells = table.rows.map((row) => row[column]);
  }
  const tenure = options.tenure ? requireColumn(table, options.tenure, fmt(T.optionWhere_, fn, 'tenure')) : -1;
  const kind = outcomeKind(options.kind, label, tenure, cells, table, fn);
  const y = new Float64Array(cells.length).fill(NaN);
  const months = new Float64Array(cells.length).fill(1);
  const end = tenure >= 0 ? findColumn(table, METRIC_COLUMNS.end) : -1;
  let leftOut = 0;
  let example = '';
  cells.forEach((cell, r) => {
    const row = table.rows[r];
    if (isBlankRow(row) && isBlank(cell)) return;
    let v = kind === 'value' ? parseNumber(cell) : flag(cell, kind);
    if (tenure >= 0 && v === v) {
      months[r] = monthsObserved(row[tenure], v === 1 && end >= 0 ? parseDate(row[end]) : NaN, options.asOf);
      if (!(months[r] > 0)) v = NaN;
    }
    if (v === v) y[r] = v;
    else {
      leftOut++;
      if (!example && !isBlank(cell)) example = cellText(cell).slice(0, 40);
    }
  });
  return { kind, label, column, tenure, y, months, leftOut, example };
}

function outcomeKind(option: string | undefined, label: string, tenure: number, cells: Cell[], table: Table, fn: string): OutcomeKind {
  if (option) {
    const kind = option.toLowerCase();
    if (kind === 'won' || kind === 'value' || kind === 'churn') return kind;
    throw new IcpError(fmt(T.outcomeKind_, fn, quote(option)));
  }
  const kind = tenure >= 0 ? 'churn' : detectOutcome(label, cells, table.rows);
  if (kind) return kind;
  const sample = [...new Set(cells.filter((c, r) => !isBlank(c) && !isBlankRow(table.rows[r])).map((c) => cellText(c).slice(0, 30)))].slice(0, 3);
  throw new IcpError(fmt(T.outcomeUnknown_, fn, quote(label), sample.length ? fmt(T.outcomeHolds_, quoteList(sample, 'and')) : T.outcomeEmpty_));
}

/**
 * The kind of outcome a column holds, as the learner detects it without `outcome=`: a churn header (Churned,
 * Gekündigt, …) means churn, won/lost words in half the filled cells mean won, numbers in four of five mean
 * value; undefined for anything else. `rows` are the table's rows (a blank row is no account).
 */
export function detectOutcome(label: string, cells: readonly Cell[], rows: readonly Cell[][]): OutcomeKind | undefined {
  if (METRIC_COLUMNS.churned.some((h) => normalizeText(h) === normalizeText(label))) return 'churn';
  const filled = cells.filter((c, r) => !isBlank(c) && !isBlankRow(rows[r]));
  const share = (test: (c: Cell) => boolean) => filled.filter(test).length / filled.length;
  if (filled.length > 0 && share((c) => flag(c, 'won') === flag(c, 'won')) >= 0.5) return 'won';
  if (filled.length > 0 && share((c) => parseNumber(c) === parseNumber(c)) >= 0.8) return 'value';
  return undefined;
}

/** Months from a start date (or a number of months) to the churn date or the as-of date. */
function monthsObserved(cell: Cell, churnDate: number, asOf: number): number {
  if (isBlank(cell)) return NaN;
  const start = parseDate(cell);
  if (start !== start) return parseNumber(cell);
  return ((churnDate === churnDate ? churnDate : asOf) - start) / MONTH_MS;
}

/**
 * How results name the outcome, in the active language: the count, rate and share columns, what the AUC
 * means, and which rows are left out. Each is a whole phrase per kind: words do not compose across languages.
 */
export function outcomeWords(kind: OutcomeKind, perMonth: boolean) {
  const won = kind === 'won';
  const value = kind === 'value';
  return {
    count: won ? T.countWon_ : value ? T.countValue_ : T.countChurn_,
    rate: won ? T.rateWon_ : value ? T.rateValue_ : perMonth ? T.rateChurnMonthly_ : T.rateChurn_,
    share: won ? T.shareWon_ : value ? T.shareValue_ : T.shareChurn_,
    auc: won ? T.aucWon_ : value ? T.aucValue_ : T.aucChurn_,
    left: won ? T.leftWon_ : value ? T.leftValue_ : T.leftChurn_,
  };
}
