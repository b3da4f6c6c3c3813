// ICP_SUGGEST's core: learns a points table from the accounts' outcomes. The rows are put in a canonical
// order first (so the result does not depend on row order), read once (src/core/columns.ts), and the whole
// pipeline (candidate rules, sparse fit, whole points judged by the scorer) runs on each cross-validation
// fold to estimate how well the table ranks accounts it has not seen, then once on every row.

import { type Cell, cellText } from '../cells';
import { type Codes, encodeTable, subsetCodes } from '../columns';
import { CRITERIA_HEADER, criteriaHeader, operatorName, parseCriteria } from '../criteria';
import { IcpError } from '../errors';
import { fmt, T } from '../i18n';
import { parseNumber } from '../numbers';
import { compileCriteria, MATCH, ruleOutcomes, scoreTable } from '../scoring';
import { METRIC_COLUMNS } from '../segments';
import { findColumn, type Table } from '../table';
import { quote } from '../text';
import { type Candidate, type ColumnPlan, candidates, planColumns, type Skipped } from './candidates';
import { concordance } from './concordance';
import { type Family, fitSparse } from './fit';
import { learningInput, MIN_ACCOUNTS, type OutcomeKind, outcomeWords, tooFew } from './outcome';
import { type PointRule, toPoints } from './points';
import { leftOutText, round } from './validate';

export interface Evidence {
  /** Accounts the rule matches, among those with an outcome. */
  readonly accounts: number;
  /** Their win rate, mean value, churn rate or monthly churn. */
  readonly rate: number;
  /** `rate` over the base rate. */
  readonly lift: number;
}

export interface SuggestedRule extends PointRule {
  readonly profile: string;
  readonly required: false;
  readonly evidence: Evidence;
}

export interface Suggestion {
  readonly kind: OutcomeKind;
  /** The outcome column's header. */
  readonly outcome: string;
  /** Churn per customer-month (a tenure column was given). */
  readonly perMonth: boolean;
  readonly rules: readonly SuggestedRule[];
  /** Accounts learned from, and how many of them were won (churned; for value: with a value). */
  readonly accounts: number;
  readonly positives: number;
  /** Win rate, mean value, churn rate or monthly churn of all accounts learned from. */
  readonly baseRate: number;
  /** Rows left out for want of an outcome (open deals), and one such outcome for the message. */
  readonly leftOut: number;
  readonly leftOutExample: string;
  readonly skipped: readonly Skipped[];
  /** Mean AUC (concordance for value) of the held-out folds; NaN when there is too little data. */
  readonly cvAuc: number;
  readonly cvRange: readonly [number, number];
  readonly folds: number;
  readonly minSupport: number;
  readonly warnings: readonly string[];
}

// Bound once: in Apps Script (and node:vm) every global lookup in a loop costs a property search.
const { abs, imul, log, log1p, min, sign } = Math;

const FOLDS = 5;
/** Below this many won and lost (churned and retained) accounts, or accounts with a value, nothing is learned. */
const MIN_TO_LEARN = 10;

/** Learns criteria from `table` (header row first) and its outcome. `today` is the default as-of date. */
export function suggestCriteria(tableValue: unknown, outcomeSpec: unknown, optionsValue: unknown, today: number, fn = 'ICP_SUGGEST'): Suggestion {
  const { table, options, outcome } = learningInput(tableValue, outcomeSpec, optionsValue, ['min_support', 'max_rules', 'profile'], today, fn);
  const profile = options.get('profile') || T.learnedProfile_;
  const maxRules = whole(options.get('max_rules'), 20, 1, 50, 'max_rules', fn);

  // Canonical order: rows sorted by their content, so a reordered table learns exactly the same table.
  const rows: { row: Cell[]; key: string; y: number; months: number }[] = [];
  table.rows.forEach((row, r) => {
    if (outcome.y[r] === outcome.y[r]) rows.push({ row, key: rowKey(row, outcome.y[r], outcome.months[r]), y: outcome.y[r], months: outcome.months[r] });
  });
  rows.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const n = rows.length;
  const y = Float64Array.from(rows, (r) => r.y);
  const months = Float64Array.from(rows, (r) => r.months);
  const positives = outcome.kind === 'value' ? n : y.reduce((a, b) => a + b, 0);
  if (min(positives, outcome.kind === 'value' ? n : n - positives) < MIN_TO_LEARN) {
    throw new IcpError(
      fmt(outcome.kind === 'value' ? T.learnTooFewValues_ : T.learnTooFew_, fn, learnedFrom(outcome.kind, n, positives, outcome.label), MIN_TO_LEARN),
    );
  }
  const minSupport = whole(options.get('min_support'), Math.max(5, Math.ceil(n / 100)), 1, n, 'min_support', fn);
  const codes = encodeTable(
    rows.map((r) => r.row),
    true,
  );

  // Never learn from the outcome, the tenure, or a churn date (blank exactly when the account stayed).
  const exclude = new Map<number, string>();
  if (outcome.column >= 0) exclude.set(outcome.column, T.skipOutcome_);
  if (outcome.tenure >= 0) exclude.set(outcome.tenure, T.skipTenure_);
  const end = outcome.kind === 'churn' ? findColumn(table, METRIC_COLUMNS.end) : -1;
  if (end >= 0) exclude.set(end, T.skipChurnDate_);
  const { plans, skipped } = planColumns(table.headers, codes, exclude, minSupport);

  const learner: Learner = { table, codes, plans, kind: outcome.kind, perMonth: outcome.tenure >= 0, y, months, minSupport, maxRules, profile };
  const warnings: string[] = [];
  let cvAuc = NaN;
  let cvRange: [number, number] = [NaN, NaN];
  let folds = 0;
  const few = tooFew(outcome.kind, n, positives);
  if (!few) {
    // Folds by a hash of each row's content, not its position, so they survive reordering.
    const fold = rows.map((r) => hash(r.key) % FOLDS);
    const aucs: number[] = [];
    for (let f = 0; f < FOLDS; f++) {
      const train = positionsWhere((i) => fold[i] !== f, n);
      const test = positionsWhere((i) => fold[i] === f, n);
      const auc = ranking(learner, test)(learn(learner, train));
      if (auc === auc) aucs.push(auc);
    }
    if (aucs.length) {
      cvAuc = aucs.reduce((a, b) => a + b, 0) / aucs.length;
      cvRange = [min(...aucs), Math.max(...aucs)];
      folds = aucs.length;
    }
  } else {
    warnings.push(fmt(T.fewToEstimate_, few, MIN_ACCOUNTS));
  }
  const all = positionsWhere(() => true, n);
  const learned = learn(learner, all);
  const base = rate(learner, all);
  const rules = evidence(learner, learned, base, warnings);
  if (rules.length === 0) warnings.push(fmt(T.noRule_, quote(outcome.label)));
  return {
    kind: outcome.kind,
    outcome: outcome.label,
    perMonth: learner.perMonth,
    rules,
    accounts: n,
    positives,
    baseRate: base,
    leftOut: outcome.leftOut,
    leftOutExample: outcome.example,
    skipped,
    cvAuc,
    cvRange,
    folds,
    minSupport,
    warnings,
  };
}

interface Learner {
  readonly table: Table;
  readonly codes: Codes;
  readonly plans: readonly ColumnPlan[];
  readonly kind: OutcomeKind;
  readonly perMonth: boolean;
  /** Per canonical row: the outcome and the months observed. */
  readonly y: Float64Array;
  readonly months: Float64Array;
  readonly minSupport: number;
  readonly maxRules: number;
  readonly profile: string;
}

/** The whole pipeline on the rows at `rows`: candidates, sparse fit, whole points judged by the scorer. */
function learn(l: Learner, rows: Int32Array): PointRule[] {
  const found = candidates(l.plans, l.codes, rows, l.minSupport);
  if (found.length === 0) return [];
  const compiled = compile(l, found);
  const features = compiled.map((rule) => {
    const outcome = ruleOutcomes(rule, l.codes);
    let count = 0;
    for (let i = 0; i < rows.length; i++) if (outcome[rows[i]] === MATCH) count++;
    const matched = new Int32Array(count);
    for (let i = 0, k = 0; i < rows.length; i++) if (outcome[rows[i]] === MATCH) matched[k++] = i;
    return matched;
  });
  const y = Float64Array.from(rows, (r) => (l.kind === 'value' ? sign(l.y[r]) * log1p(abs(l.y[r])) : l.y[r]));
  // Won/lost: logistic. Value: least squares on log(1 + value), since values are skewed and a few large
  // accounts would otherwise decide every weight; the ranking judged is the same for any increasing
  // transform. Churn: Poisson with the months observed as exposure (churn per customer-month, as
  // ICP_SEGMENTS measures it), or logistic on the flag without tenure.
  const family: Family = l.kind === 'won' ? 'logistic' : l.kind === 'value' ? 'gaussian' : l.perMonth ? 'poisson' : 'logistic';
  const offset = family === 'poisson' ? Float64Array.from(rows, (r) => log(l.months[r])) : undefined;
  const fit = fitSparse({ family, y, offset, features }, l.maxRules);
  // Churn is bad: what goes with churning earns negative points.
  const direction = l.kind === 'churn' ? -1 : 1;
  const weighted = found.map((candidate, j) => ({ candidate, weight: direction * fit.coef[j] })).filter((w) => w.weight !== 0);
  const judge = ranking(l, rows);
  return toPoints(weighted, judge);
}

/**
 * How well a points table ranks the rows at `rows`, as ICP_SCORE scores them: the AUC of won (or retained)
 * against lost (churned) accounts, the concordance with value for value.
 */
function ranking(l: Learner, rows: Int32Array): (rules: readonly PointRule[]) => number {
  const subset = subsetCodes(l.codes, rows);
  const good = Float64Array.from(rows, (r) => (l.kind === 'churn' ? 1 - l.y[r] : l.y[r]));
  return (rules) =>
    rules.length === 0
      ? 0.5
      : concordance(scoreTable(subset.rows, compileCriteria(parseCriteria(criteriaGrid(l.profile, rules)), l.table), subset).scores, good);
}

function compile(l: Learner, rules: readonly (Candidate | PointRule)[]) {
  return compileCriteria(parseCriteria(criteriaGrid(l.profile, rules)), l.table)[0].rules;
}

function criteriaGrid(profile: string, rules: readonly (Candidate | PointRule)[]): Cell[][] {
  return [CRITERIA_HEADER, ...rules.map((r) => [profile, r.attribute, r.operator, r.value, 'points' in r ? r.points : 1, ''])];
}

/** Win rate, mean value, churn rate or churned per customer-month of the rows at `rows` (or those matched). */
function rate(l: Learner, rows: ArrayLike<number>): number {
  let sum = 0;
  let over = 0;
  for (let i = 0; i < rows.length; i++) {
    sum += l.y[rows[i]];
    over += l.perMonth ? l.months[rows[i]] : 1;
  }
  return over > 0 ? sum / over : NaN;
}

/** The rules with their evidence on every row, best points first; warns about rules that look too good. */
function evidence(l: Learner, rules: readonly PointRule[], base: number, warnings: string[]): SuggestedRule[] {
  if (rules.length === 0) return [];
  const compiled = compile(l, rules);
  const n = l.y.length;
  return rules
    .map((rule, k) => {
      const outcome = ruleOutcomes(compiled[k], l.codes);
      const matched = positionsWhere((i) => outcome[i] === MATCH, n);
      const r = rate(l, matched);
      if (l.kind !== 'value' && (r === 0 || r === 1) && matched.length >= Math.max(MIN_ACCOUNTS, n / 10)) {
        const described = `${rule.attribute} ${operatorName(rule.operator)} ${rule.value}`.trim();
        const outcome = T.outcomes_.split('|')[(l.kind === 'won' ? 0 : 2) + (r === 1 ? 0 : 1)];
        warnings.push(fmt(T.allSame_, described, outcome, quote(rule.attribute)));
      }
      return { ...rule, profile: l.profile, required: false as const, evidence: { accounts: matched.length, rate: r, lift: base > 0 ? r / base : NaN } };
    })
    .sort((a, b) => b.points - a.points);
}

function positionsWhere(test: (i: number) => boolean, n: number): Int32Array {
  const out: number[] = [];
  for (let i = 0; i < n; i++) if (test(i)) out.push(i);
  return Int32Array.from(out);
}

/** A row's content as one string, to sort by and to hash into a fold. */
function rowKey(row: readonly Cell[], y: number, months: number): string {
  return `${y}\u0001${months}\u0001${row.map((c) => (typeof c === 'object' && c !== null ? `d${c.getTime()}` : `${typeof c}${cellText(c)}`)).join('\u0001')}`;
}

/** FNV-1a: a stable hash of a string. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function whole(text: string | undefined, fallback: number, min: number, max: number, name: string, fn: string): number {
  if (text === undefined || text === '') return fallback;
  const n = parseNumber(text);
  if (!Number.isInteger(n) || n < min || n > max) throw new IcpError(fmt(T.wholeOption_, fn, name, min, max, quote(text)));
  return n;
}

/** `14 won and 23 lost accounts in "Won"`, `40 accounts with a value in "Deal value"`. */
function learnedFrom(kind: OutcomeKind, accounts: number, positives: number, label: string): string {
  if (kind === 'value') return fmt(T.learnedValue_, accounts, quote(label));
  return fmt(kind === 'won' ? T.learnedWon_ : T.learnedChurn_, positives, accounts - positives, quote(label));
}

/**
 * The suggestion as a table that spills and works as criteria as it stands: the criteria columns and the
 * evidence per rule, then (criteria cells blank, so the criteria reader skips them) label | number | note.
 */
export function suggestionTable(s: Suggestion): (string | number)[][] {
  const words = outcomeWords(s.kind, s.perMonth);
  const note = (label: string, value: string | number, text = ''): (string | number)[] => ['', '', '', '', '', '', label, value, text];

  const auc =
    s.cvAuc === s.cvAuc
      ? note(T.cvAuc_, round(s.cvAuc, 3), fmt(T.cvNote_, s.folds, round(s.cvRange[0], 2), round(s.cvRange[1], 2), words.auc))
      : note(T.cvAuc_, '', T.cvNone_);
  const base = s.kind === 'won' ? T.baseWon_ : s.kind === 'value' ? T.baseValue_ : s.perMonth ? T.baseChurnMonthly_ : T.baseChurn_;
  return [
    [...criteriaHeader(), T.colAccounts_, words.rate, T.colLift_],
    ...s.rules.map((r) => [
      r.profile,
      r.attribute,
      operatorName(r.operator),
      r.value,
      r.points,
      '',
      r.evidence.accounts,
      round(r.evidence.rate, 4),
      round(r.evidence.lift, 2),
    ]),
    note('', ''),
    note(T.learnedFrom_, s.accounts, learnedFrom(s.kind, s.accounts, s.positives, s.outcome)),
    note(T.baseRate_, round(s.baseRate, 4), fmt(base, s.accounts)),
    auc,
    ...(s.leftOut ? [note(T.leftOut_, s.leftOut, leftOutText(s.kind, s.leftOutExample))] : []),
    ...s.skipped.map((k) => note(T.skipped_, k.column, k.reason)),
    ...s.warnings.map((w) => note(T.warning_, '', w)),
  ];
}
