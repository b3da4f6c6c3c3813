// Scoring: each profile is compiled once against the table's headers into per-column tests, then every
// row costs one memoized lookup or one comparison per rule. Explanations reuse the same tests.

import { cellText, isBlank, isBlankRow, type Cell } from './cells';
import { describeRule, findProfile, type Criteria, type Profile, type Rule } from './criteria';
import { parseNumber } from './numbers';
import { criteriaError } from './errors';
import { findColumn, unknownColumn, type Table } from './table';
import { normalizeText, splitList } from './text';

const MATCH = 1;
const NO_MATCH = 0;
const MISSING = -1;
type Outcome = typeof MATCH | typeof NO_MATCH | typeof MISSING;

/** How rules without data count: `zero` (they earn nothing) or `neutral` (they leave the possible total too). */
export type MissingPolicy = 'zero' | 'neutral';

export interface ScoreOptions {
  readonly missing: MissingPolicy;
}

export const DEFAULT_SCORE_OPTIONS: ScoreOptions = { missing: 'zero' };

/** The score of a disqualified row (it failed or missed a required rule). */
export const DISQUALIFIED = -1;

interface CompiledRule {
  readonly rule: Rule;
  readonly column: number;
  readonly test: (cell: Cell) => Outcome;
  /** The rule in words, for explanations. */
  readonly label: string;
}

/** Numbers parsed from text, per column, shared by every rule and profile compiled together. */
type NumberCache = Map<number, Map<Cell, number>>;

/** A profile bound to a table's columns, ready to score rows. */
export interface Scorer {
  readonly profile: Profile;
  readonly rules: readonly CompiledRule[];
  /** Sum of the profile's positive points. */
  readonly possible: number;
  readonly options: ScoreOptions;
}

export function compileProfile(
  profile: Profile, table: Pick<Table, 'headers' | 'keys'>, options = DEFAULT_SCORE_OPTIONS, numbers: NumberCache = new Map(),
): Scorer {
  const rules = profile.rules.map((rule) => {
    const column = findColumn(table, [rule.attribute]);
    if (column < 0) throw criteriaError(rule.row, 'Attribute', unknownColumn(table, rule.attribute));
    let parsed = numbers.get(column);
    if (!parsed) numbers.set(column, (parsed = new Map()));
    return { rule, column, test: compileTest(rule, parsed), label: describeRule(rule) };
  });
  const possible = profile.rules.reduce((sum, r) => sum + Math.max(0, r.points), 0);
  return { profile, rules, possible, options };
}

/** Compiles the named profile, or every profile when `name` is blank. */
export function compileCriteria(criteria: Criteria, table: Pick<Table, 'headers' | 'keys'>, name = '', options = DEFAULT_SCORE_OPTIONS): Scorer[] {
  const profiles = name.trim() === '' ? criteria.profiles : [findProfile(criteria, name)];
  const numbers: NumberCache = new Map();
  return profiles.map((p) => compileProfile(p, table, options, numbers));
}

function compileTest(rule: Rule, parsed: Map<Cell, number>): (cell: Cell) => Outcome {
  const { operator, low, high } = rule;
  switch (operator) {
    case 'is blank':
      return (cell) => (isBlank(cell) ? MATCH : NO_MATCH);
    case 'is not blank':
      return (cell) => (isBlank(cell) ? NO_MATCH : MATCH);
    // One closure per operator keeps each comparison monomorphic on the hot path.
    case 'between':
      return (cell) => { const n = numberIn(cell, parsed); return n !== n ? MISSING : n >= low && n <= high ? MATCH : NO_MATCH; };
    case '>=':
      return (cell) => { const n = numberIn(cell, parsed); return n !== n ? MISSING : n >= low ? MATCH : NO_MATCH; };
    case '<=':
      return (cell) => { const n = numberIn(cell, parsed); return n !== n ? MISSING : n <= low ? MATCH : NO_MATCH; };
    case '>':
      return (cell) => { const n = numberIn(cell, parsed); return n !== n ? MISSING : n > low ? MATCH : NO_MATCH; };
    case '<':
      return (cell) => { const n = numberIn(cell, parsed); return n !== n ? MISSING : n < low ? MATCH : NO_MATCH; };
    case 'is': {
      const values = new Set(rule.values);
      return textTest((key) => values.has(key));
    }
    case 'is not': {
      const values = new Set(rule.values);
      return textTest((key) => !values.has(key));
    }
    case 'includes': {
      const values = new Set(rule.values);
      // Items are split on the cell as written: normalizing first would fold a newline separator into a space.
      return textTest((_, text) => splitList(text).some((item) => values.has(item)));
    }
    case 'contains':
      return textTest((key) => rule.values.some((v) => key.includes(v)));
  }
}

/** A cell as a number (NaN when missing): numbers as they are, text parsed once per distinct value and column. */
function numberIn(cell: Cell, parsed: Map<Cell, number>): number {
  if (typeof cell === 'number') return cell;
  let n = parsed.get(cell);
  if (n === undefined) parsed.set(cell, (n = parseNumber(cell)));
  return n;
}

/** Text outcomes depend only on the cell, so each distinct value is normalized and tested once. */
function textTest(accept: (key: string, text: string) => boolean): (cell: Cell) => Outcome {
  const outcomes = new Map<unknown, Outcome>();
  return (cell) => {
    // The only objects Sheets passes are dates; `typeof` avoids a global lookup per cell.
    const memoKey = typeof cell === 'object' && cell !== null ? `\u0000date:${cell.getTime()}` : cell;
    let outcome = outcomes.get(memoKey);
    if (outcome === undefined) {
      const text = cellText(cell);
      const key = normalizeText(text);
      outcome = key === '' ? MISSING : accept(key, text) ? MATCH : NO_MATCH;
      outcomes.set(memoKey, outcome);
    }
    return outcome;
  };
}

/** The row's score, 0–100, or DISQUALIFIED. This is the hot path: no allocation. */
export function scoreRow(scorer: Scorer, row: readonly Cell[]): number {
  const neutral = scorer.options.missing === 'neutral';
  let earned = 0;
  let possible = scorer.possible;
  const rules = scorer.rules;
  for (let i = 0; i < rules.length; i++) {
    const r = rules[i];
    const outcome = r.test(row[r.column]);
    if (outcome === MATCH) earned += r.rule.points;
    else if (r.rule.required) return DISQUALIFIED;
    else if (outcome === MISSING && neutral && r.rule.points > 0) possible -= r.rule.points;
  }
  return toScore(earned, possible);
}

// Bound once: in Apps Script (and node:vm) every global lookup on the hot path costs a property search.
const round = Math.round;

function toScore(earned: number, possible: number): number {
  if (possible <= 0) return 0;
  const score = round((100 * earned) / possible);
  return score < 0 ? 0 : score > 100 ? 100 : score;
}

/** The best profile for each row: results per row, blank rows left undefined. */
export interface TableScores {
  readonly scorers: readonly Scorer[];
  /** 0–100, DISQUALIFIED, or NaN for a blank row. */
  readonly scores: Float64Array;
  /** Index into `scorers` of the best profile, -1 for a blank row. */
  readonly best: Int32Array;
}

/** Scores every row with every scorer and keeps the best (ties go to the earlier profile). */
export function scoreTable(rows: readonly Cell[][], scorers: readonly Scorer[]): TableScores {
  const scores = new Float64Array(rows.length);
  const best = new Int32Array(rows.length);
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (isBlankRow(row)) {
      scores[r] = NaN;
      best[r] = -1;
      continue;
    }
    let top = -2;
    let topIndex = 0;
    for (let s = 0; s < scorers.length; s++) {
      const score = scoreRow(scorers[s], row);
      if (score > top) {
        top = score;
        topIndex = s;
      }
    }
    scores[r] = top;
    best[r] = topIndex;
  }
  return { scorers, scores, best };
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

/** Why a row scores what it scores: every rule's contribution, in criteria order, summing to the score. */
export function explainRow(scorer: Scorer, row: readonly Cell[]): Explanation {
  const neutral = scorer.options.missing === 'neutral';
  let possible = scorer.possible;
  let earned = 0;
  let disqualified = false;
  const statuses = scorer.rules.map((r): PartStatus => {
    const outcome = r.test(row[r.column]);
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
  const exact = statuses.map((status, i) =>
    status === 'match' && !disqualified && possible > 0 ? (100 * scorer.rules[i].rule.points) / possible : 0,
  );
  const score = disqualified ? 0 : toScore(earned, possible);
  const unclamped = disqualified || possible <= 0 ? 0 : Math.round((100 * earned) / possible);
  const shares = apportion(exact, unclamped);
  const parts = scorer.rules.map((r, i) => ({
    rule: r.rule,
    label: r.label,
    status: statuses[i],
    cell: cellText(row[r.column]),
    points: shares[i],
  }));
  return { profile: scorer.profile.name, score, disqualified, parts, floor: score - unclamped };
}

/** Rounds each share so that the rounded shares add up to `total` (largest remainder method). */
function apportion(exact: readonly number[], total: number): number[] {
  const shares = exact.map(Math.floor);
  let deficit = total - shares.reduce((a, b) => a + b, 0);
  const order = exact
    .map((x, i) => ({ i, remainder: x - Math.floor(x) }))
    .filter((x) => x.remainder > 0)
    .sort((a, b) => b.remainder - a.remainder);
  for (const { i } of order) {
    if (deficit <= 0) break;
    shares[i] += 1;
    deficit -= 1;
  }
  return shares;
}

/** The explanation as one line of text for a cell. */
export function formatExplanation(e: Explanation, withProfile = false): string {
  const head = (withProfile ? `[${e.profile}] ` : '') + (e.disqualified ? 'DQ' : String(e.score));
  const parts = e.parts.map((p) => {
    const rule = p.label;
    switch (p.status) {
      case 'match':
        return `${signed(p.points)} ${rule}`;
      case 'no match':
        return `0 ${rule} (${quoteCell(p.cell)})`;
      case 'missing':
        return `0 ${rule} (no data)`;
      case 'failed required':
        return `✗ required: ${rule} (${quoteCell(p.cell)})`;
      case 'missing required':
        return `✗ required: ${rule} (no data)`;
    }
  });
  if (e.floor !== 0) parts.push(`${signed(e.floor)} floor at 0`);
  return `${head} = ${parts.join(' · ')}`;
}

function signed(n: number): string {
  return n > 0 ? `+${n}` : String(n);
}

function quoteCell(text: string): string {
  if (text.trim() === '') return 'blank';
  return text.length > 40 ? `${text.slice(0, 37)}…` : text;
}
