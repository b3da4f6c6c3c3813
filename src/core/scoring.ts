// Scoring: each profile is compiled once against the table's headers into rules, and each rule becomes an
// outcome table over its column's dictionary (src/core/columns.ts): a row then costs one typed-array
// lookup per rule, in a loop that runs rule by rule over the rows. Explanations reuse the same outcomes.

import { type Cell, cellText, isBlank } from './cells';
import { type Codes, type Dictionary, encodeTable, items, keys, numberOf, type Reading } from './columns';
import { type Criteria, describeRule, findProfile, NUMERIC_OPERATORS, type Profile, type Rule } from './criteria';
import { criteriaError } from './errors';
import { compile, T } from './i18n';
import { findColumn, type Table, unknownColumn } from './table';
import { normalizeText, splitList } from './text';

export const MATCH = 1;
export const NO_MATCH = 0;
export const MISSING = -1;
export type Outcome = typeof MATCH | typeof NO_MATCH | typeof MISSING;

/** How rules without data count: `zero` (they earn nothing) or `neutral` (they leave the possible total too). */
export type MissingPolicy = 'zero' | 'neutral';

export interface ScoreOptions {
  readonly missing: MissingPolicy;
}

export const DEFAULT_SCORE_OPTIONS: ScoreOptions = { missing: 'zero' };

/** The score of a disqualified row (it failed or missed a required rule). */
export const DISQUALIFIED = -1;

/**
 * A rule compiled for one table. Here and in Scorer and TableScores, fields end in `_` where nothing outside
 * Code.js reads them (never a payload or a data file), and the build shortens those (MANGLED in build.mjs);
 * the others (`rule`, `profile`, `rules`, `scores`, `codes`) are read by the learning's modules as well.
 */
export interface CompiledRule {
  readonly rule: Rule;
  readonly column_: number;
  /** The rule in words, for explanations. */
  readonly label_: string;
  /** The rule's outcome for one cell. */
  readonly test_: (cell: Cell) => Outcome;
  /** Writes the rule's outcome on every row of an encoded table into `out`. */
  readonly fill_: (codes: Codes, out: Int8Array) => Int8Array;
  /** Adds `points` to `earned` on every row the rule matches: fill and a pass over it, in one loop. */
  readonly add_: (codes: Codes, earned: Float64Array, points: number) => void;
  /** Names how the rule reads its column: rules with the same key have the same outcomes. */
  readonly key_: string;
  /** What the rule reads: its column as numbers, blank flags or dictionary ids. */
  readonly reading_: readonly [number, Reading];
  /** The outcomes on the table last asked about (see ruleOutcomes). */
  last_?: [Codes, Int8Array];
}

/** A profile bound to a table's columns, ready to score rows. */
export interface Scorer {
  readonly profile: Profile;
  readonly rules: readonly CompiledRule[];
  /** Sum of the profile's positive points. */
  readonly possible_: number;
  readonly options_: ScoreOptions;
}

export function compileProfile(profile: Profile, table: Pick<Table, 'headers' | 'keys'>, options = DEFAULT_SCORE_OPTIONS): Scorer {
  const rules = profile.rules.map((rule) => {
    const column = findColumn(table, [rule.attribute]);
    if (column < 0) throw criteriaError(rule.row, 'Attribute', unknownColumn(table, rule.attribute));
    return compileRule(rule, column);
  });
  const possible = profile.rules.reduce((sum, r) => sum + Math.max(0, r.points), 0);
  return { profile, rules, possible_: possible, options_: options };
}

/** Compiles the named profile, or every profile when `name` is blank. */
export function compileCriteria(criteria: Criteria, table: Pick<Table, 'headers' | 'keys'>, name = '', options = DEFAULT_SCORE_OPTIONS): Scorer[] {
  const profiles = name.trim() === '' ? criteria.profiles : [findProfile(criteria, name)];
  return profiles.map((p) => compileProfile(p, table, options));
}

/**
 * Each operator reads a cell one way: numeric rules its number (one Float64Array per column), blank rules
 * whether it is blank, text rules its normalized text or list items, once per distinct cell (an outcome
 * table over the column's dictionary, then one lookup per row).
 */
function compileRule(rule: Rule, column: number): CompiledRule {
  const { operator } = rule;
  const label = describeRule(rule);
  const key = `${column}\u0000${operator}\u0000${rule.low}\u0000${rule.high}\u0000${rule.values.join('\u0000')}`;
  if (NUMERIC_OPERATORS.has(operator)) {
    const { low, high } = rule;
    const lo = operator === '<' || operator === '<=' ? -Infinity : low;
    const hi = operator === '>' || operator === '>=' ? Infinity : operator === 'between' ? high : low;
    const loOpen = operator === '>';
    const hiOpen = operator === '<';
    return {
      rule,
      column_: column,
      label_: label,
      key_: key,
      reading_: [column, 'numbers'],
      test_: (cell) => inside(numberOf(cell), lo, hi, loOpen, hiOpen),
      fill_(codes, out) {
        const n = codes.numbers(column);
        for (let r = 0; r < out.length; r++) out[r] = inside(n[r], lo, hi, loOpen, hiOpen);
        return out;
      },
      add_(codes, earned, points) {
        const n = codes.numbers(column);
        for (let r = 0; r < earned.length; r++) if (inside(n[r], lo, hi, loOpen, hiOpen) === MATCH) earned[r] += points;
      },
    };
  }
  if (operator === 'is blank' || operator === 'is not blank') {
    const match = operator === 'is blank' ? 1 : 0;
    return {
      rule,
      column_: column,
      label_: label,
      key_: key,
      reading_: [column, 'blanks'],
      test_: (cell) => ((isBlank(cell) ? 1 : 0) === match ? MATCH : NO_MATCH),
      fill_(codes, out) {
        const blank = codes.blanks(column);
        for (let r = 0; r < out.length; r++) out[r] = blank[r] === match ? MATCH : NO_MATCH;
        return out;
      },
      add_(codes, earned, points) {
        const blank = codes.blanks(column);
        for (let r = 0; r < earned.length; r++) if (blank[r] === match) earned[r] += points;
      },
    };
  }
  const decide = textDecision(rule);
  const listed = operator === 'includes';
  // Rules that read text the same way share one outcome table per dictionary, whatever their points.
  const signature = `${operator}\u0000${rule.values.join('\u0000')}`;
  const outcomeTable = (dict: Dictionary): Int8Array => {
    let table = dict.memo.get(signature);
    if (!table) {
      const k = keys(dict);
      const l = listed ? items(dict) : undefined;
      table = new Int8Array(k.length);
      for (let id = 0; id < k.length; id++) table[id] = decide(k[id], l ? l[id] : NO_ITEMS);
      dict.memo.set(signature, table);
    }
    return table;
  };
  return {
    rule,
    column_: column,
    label_: label,
    key_: key,
    reading_: [column, 'ids'],
    test_(cell) {
      const text = cellText(cell);
      return decide(normalizeText(text), listed ? splitList(text) : NO_ITEMS);
    },
    fill_(codes, out) {
      const { ids, dict } = codes.column(column);
      const table = outcomeTable(dict);
      for (let r = 0; r < out.length; r++) out[r] = table[ids[r]];
      return out;
    },
    add_(codes, earned, points) {
      const { ids, dict } = codes.column(column);
      const table = outcomeTable(dict);
      for (let r = 0; r < earned.length; r++) if (table[ids[r]] === MATCH) earned[r] += points;
    },
  };
}

const NO_ITEMS: readonly string[] = [];

/** Whether a number is in a numeric rule's interval: `>= 50` is [50, ∞], `< 50` is [-∞, 50); NaN is missing. */
function inside(n: number, lo: number, hi: number, loOpen: boolean, hiOpen: boolean): Outcome {
  return n !== n ? MISSING : (loOpen ? n > lo : n >= lo) && (hiOpen ? n < hi : n <= hi) ? MATCH : NO_MATCH;
}

/** A text rule's outcome from a cell's normalized text (and list items); blank text is missing data. */
function textDecision(rule: Rule): (key: string, list: readonly string[]) => Outcome {
  const values = new Set(rule.values);
  const test: (key: string, list: readonly string[]) => boolean =
    rule.operator === 'is'
      ? (key) => values.has(key)
      : rule.operator === 'is not'
        ? (key) => !values.has(key)
        : // Items are split on the cell as written: normalizing first would fold a newline separator into a space.
          rule.operator === 'includes'
          ? (_, list) => list.some((item) => values.has(item))
          : (key) => rule.values.some((v) => key.includes(v));
  return (key, list) => (key === '' ? MISSING : test(key, list) ? MATCH : NO_MATCH);
}

/** The row's score, 0–100, or DISQUALIFIED. */
export function scoreRow(scorer: Scorer, row: readonly Cell[]): number {
  return scoreOutcomes(
    scorer,
    scorer.rules.map((r) => r.test_(row[r.column_])),
  );
}

function scoreOutcomes(scorer: Scorer, outcomes: readonly Outcome[]): number {
  const neutral = scorer.options_.missing === 'neutral';
  let earned = 0;
  let possible = scorer.possible_;
  for (let i = 0; i < outcomes.length; i++) {
    const { points, required } = scorer.rules[i].rule;
    if (outcomes[i] === MATCH) earned += points;
    else if (required) return DISQUALIFIED;
    else if (outcomes[i] === MISSING && neutral && points > 0) possible -= points;
  }
  return toScore(earned, possible);
}

// Bound once: in Apps Script (and node:vm) every global lookup on the hot path costs a property search.
const { floor, round } = Math;

function toScore(earned: number, possible: number): number {
  if (possible <= 0) return 0;
  const score = round((100 * earned) / possible);
  return score < 0 ? 0 : Math.min(score, 100);
}

/** The best profile for each row: results per row, blank rows left undefined. */
export interface TableScores {
  readonly scorers_: readonly Scorer[];
  /** 0–100, DISQUALIFIED, or NaN for a blank row. */
  readonly scores: Float64Array;
  /** Index into `scorers` of the best profile, -1 for a blank row. */
  readonly best_: Int32Array;
  /** The encoded rows, for explanations. */
  readonly codes: Codes;
}

/** Scores every row with every scorer and keeps the best (ties go to the earlier profile). */
export function scoreTable(rows: readonly Cell[][], scorers: readonly Scorer[], codes: Codes = encodeTable(rows)): TableScores {
  const n = rows.length;
  const scores = new Float64Array(n).fill(-2);
  const best = new Int32Array(n);
  codes.read(scorers.flatMap((s) => s.rules.map((r) => r.reading_)));
  // One work array for every profile: large typed arrays are costly to allocate and to collect.
  const earned = new Float64Array(n);
  scorers.forEach((scorer, s) => {
    const own = profileScores(scorer, codes, earned);
    for (let r = 0; r < n; r++) {
      if (own[r] > scores[r]) {
        scores[r] = own[r];
        best[r] = s;
      }
    }
  });
  const blank = codes.blankRows();
  for (let r = 0; r < n; r++) {
    if (blank[r]) {
      scores[r] = NaN;
      best[r] = -1;
    }
  }
  return { scorers_: scorers, scores, best_: best, codes };
}

/**
 * One profile's score for every row, DISQUALIFIED included, written over `earned`. Rule by rule over the
 * rows, adding in criteria order as scoreRow does, so both give the same sums to the last bit.
 */
export function profileScores(scorer: Scorer, codes: Codes, earned = new Float64Array(codes.rows.length)): Float64Array {
  const n = earned.length;
  const neutral = scorer.options_.missing === 'neutral';
  earned.fill(0);
  const possible = neutral ? new Float64Array(n).fill(scorer.possible_) : undefined;
  const out = scorer.rules.some((r) => r.rule.required) ? new Uint8Array(n) : undefined;
  let scratch: Int8Array | undefined;
  for (const r of scorer.rules) {
    const { points, required } = r.rule;
    if (!required && !(possible && points > 0)) {
      // Only matches count: the rule adds its points as it tests, unless the table keeps outcomes anyway.
      if (!codes.keep) r.add_(codes, earned, points);
      else {
        const outcomes = ruleOutcomes(r, codes);
        for (let i = 0; i < n; i++) if (outcomes[i] === MATCH) earned[i] += points;
      }
      continue;
    }
    const outcomes = codes.keep ? ruleOutcomes(r, codes) : r.fill_(codes, (scratch ??= new Int8Array(n)));
    for (let i = 0; i < n; i++) {
      const o = outcomes[i];
      if (o === MATCH) earned[i] += points;
      else if (required) out![i] = 1;
      else if (o === MISSING) possible![i] -= points;
    }
  }
  for (let i = 0; i < n; i++) earned[i] = out?.[i] ? DISQUALIFIED : toScore(earned[i], possible ? possible[i] : scorer.possible_);
  return earned;
}

/** The outcome of each of the scorer's rules for one row of an encoded table. */
export function outcomesAt(scorer: Scorer, codes: Codes, row: number): Outcome[] {
  return scorer.rules.map((r) => ruleOutcomes(r, codes)[row] as Outcome);
}

/** A rule's outcome on every row of an encoded table, kept with the table for the next caller. */
export function ruleOutcomes(rule: CompiledRule, codes: Codes): Int8Array {
  // The rule keeps its last table's outcomes: explanations ask for them once per row.
  if (rule.last_?.[0] !== codes) rule.last_ = [codes, codes.memo(rule.key_, (all) => rule.fill_(all, new Int8Array(all.rows.length)))];
  return rule.last_[1];
}

export type PartStatus = 'match' | 'no match' | 'missing' | 'failed required' | 'missing required';

/** One rule's share of a row's score. */
export interface Part {
  readonly rule: Rule;
  /** The rule in words. */
  readonly label: string;
  readonly status: PartStatus;
  /** The cell as the row has it. */
  readonly cell: string;
  /** Whole score points this rule contributed; the parts add up to the score (with `floor`). */
  readonly points: number;
}

export interface Explanation {
  readonly profile: string;
  readonly score: number;
  readonly disqualified: boolean;
  readonly parts: readonly Part[];
  /** Points added because the score cannot fall below 0. */
  readonly floor: number;
}

/**
 * Why a row scores what it scores: every rule's contribution, in criteria order, summing to the score.
 * `outcomes` are the rules' outcomes for the row when the table is already encoded (see outcomesAt).
 */
export function explainRow(scorer: Scorer, row: readonly Cell[], outcomes?: readonly Outcome[]): Explanation {
  const neutral = scorer.options_.missing === 'neutral';
  let possible = scorer.possible_;
  let earned = 0;
  let disqualified = false;
  const statuses = scorer.rules.map((r, i): PartStatus => {
    const outcome = outcomes ? outcomes[i] : r.test_(row[r.column_]);
    if (outcome === MATCH) {
      earned += r.rule.points;
      return 'match';
    }
    if (r.rule.required) {
      disqualified = true;
      return outcome === MISSING ? 'missing required' : 'failed required';
    }
    if (outcome === MISSING) {
      if (neutral && r.rule.points > 0) possible -= r.rule.points;
      return 'missing';
    }
    return 'no match';
  });
  const exact = statuses.map((status, i) => (status === 'match' && !disqualified && possible > 0 ? (100 * scorer.rules[i].rule.points) / possible : 0));
  const score = disqualified ? 0 : toScore(earned, possible);
  const unclamped = disqualified || possible <= 0 ? 0 : round((100 * earned) / possible);
  const shares = apportion(exact, unclamped);
  const parts = scorer.rules.map((r, i) => ({
    rule: r.rule,
    label: r.label_,
    status: statuses[i],
    cell: cellText(row[r.column_]),
    points: shares[i],
  }));
  return { profile: scorer.profile.name, score, disqualified, parts, floor: score - unclamped };
}

/** Rounds each share so that the rounded shares add up to `total` (largest remainder method). */
function apportion(exact: readonly number[], total: number): number[] {
  const shares = exact.map(floor);
  let deficit = total - shares.reduce((a, b) => a + b, 0);
  const order = exact
    .map((x, i) => ({ i, remainder: x - floor(x) }))
    .filter((x) => x.remainder > 0)
    .sort((a, b) => b.remainder - a.remainder);
  for (const { i } of order) {
    if (deficit <= 0) break;
    shares[i] += 1;
    deficit -= 1;
  }
  return shares;
}

/** Fields end in `_`: they never leave the module, and the build shortens them (see MANGLED in build.mjs). */
interface Phrases {
  readonly noMatch_: (rule: string, cell: string) => string;
  readonly missing_: (rule: string) => string;
  readonly failed_: (rule: string, cell: string) => string;
  readonly missingRequired_: (rule: string) => string;
  readonly floor_: (points: string) => string;
  readonly blank_: string;
}

let phrasesOf: typeof T | undefined;
let compiled: Phrases | undefined;

/** The phrases of explanations in the active language, compiled once per language: they are filled in per row. */
function phrases(): Phrases {
  if (phrasesOf !== T) {
    phrasesOf = T;
    compiled = {
      noMatch_: compile(T.explainNoMatch_),
      missing_: compile(T.explainMissing_),
      failed_: compile(T.explainFailed_),
      missingRequired_: compile(T.explainMissingRequired_),
      floor_: compile(T.explainFloor_),
      blank_: T.blankCell_,
    };
  }
  return compiled!;
}

/** The explanation as one line of text for a cell, in the active language. */
export function formatExplanation(e: Explanation, withProfile = false): string {
  const say = phrases();
  const head = (withProfile ? `[${e.profile}] ` : '') + (e.disqualified ? 'DQ' : String(e.score));
  const quoteCell = (text: string) => (text.trim() === '' ? say.blank_ : text.length > 40 ? `${text.slice(0, 37)}…` : text);
  const parts = e.parts.map((p) => {
    const rule = p.label;
    switch (p.status) {
      case 'match':
        return `${signed(p.points)} ${rule}`;
      case 'no match':
        return say.noMatch_(rule, quoteCell(p.cell));
      case 'missing':
        return say.missing_(rule);
      case 'failed required':
        return say.failed_(rule, quoteCell(p.cell));
      case 'missing required':
        return say.missingRequired_(rule);
    }
  });
  if (e.floor !== 0) parts.push(say.floor_(signed(e.floor)));
  return `${head} = ${parts.join(' · ')}`;
}

function signed(n: number): string {
  return n > 0 ? `+${n}` : String(n);
}
