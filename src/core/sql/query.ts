// The scoring of src/core/scoring.ts as one SQL expression tree, built once from the parsed criteria and
// printed per dialect by print.ts. Each step adds named columns that the next steps read; print.ts keeps them
// apart from the table's own columns, so no column of the table can be mistaken for one of them.

import { type Criteria, findProfile, NUMERIC_OPERATORS, type Rule } from '../criteria';
import { criteriaError, icpError } from '../errors';
import { fmt, T } from '../i18n';
import type { MissingPolicy } from '../scoring';
import { normalizeText, quote } from '../text';
import { DQ_TIER, type Tier } from '../tiers';

/**
 * A SQL expression. `col` is a column of the table, `ref` a column an earlier step computed. `fn` names a
 * function spelled alike in every dialect unless print.ts says otherwise. The fields of the tree and of the
 * query end in `_` (the kind `k` is one letter already): they never leave the SQL writer, which hands out
 * text, and the build shortens them (MANGLED in build.mjs).
 */
export type Expr =
  | { readonly k: 'col'; readonly name_: string }
  | { readonly k: 'ref'; readonly step_: string; readonly name_: string }
  | { readonly k: 'str'; readonly value_: string; readonly folded_?: boolean }
  | { readonly k: 'num'; readonly value_: number }
  | { readonly k: 'null' }
  | { readonly k: 'regex'; readonly pattern_: Pattern }
  | { readonly k: 'op'; readonly op_: string; readonly args_: readonly Expr[] }
  | { readonly k: 'post'; readonly op_: 'IS NULL' | 'IS NOT NULL'; readonly arg_: Expr }
  | { readonly k: 'in'; readonly arg_: Expr; readonly not_: boolean; readonly values_: readonly Expr[] }
  | { readonly k: 'case'; readonly when_: readonly (readonly [Expr, Expr])[]; readonly otherwise_?: Expr }
  | { readonly k: 'fn'; readonly fn_: Fn; readonly args_: readonly Expr[] };

/** Functions: the first eight differ by dialect (dialects.ts), the rest are spelled alike. */
export type Fn =
  | 'text'
  | 'double'
  | 'int'
  | 'fold'
  | 'replaceAll'
  | 'matches'
  | 'isNaN'
  | 'byType'
  | 'COALESCE'
  | 'NULLIF'
  | 'GREATEST'
  | 'LEAST'
  | 'FLOOR'
  | 'STRPOS'
  | 'TRANSLATE'
  | 'LOWER';

/** Regular expressions by meaning; print.ts spells their characters per dialect. */
export type Pattern = 'spaceRuns' | 'ends' | 'itemEdges' | 'plain' | 'zeros';

/** One step of the query: named columns computed from the table and the earlier steps. */
export interface Step {
  readonly name_: string;
  readonly columns_: readonly Column[];
}

export interface Column {
  readonly name_: string;
  readonly expr_: Expr;
  /** The criteria row the column stands for, for a comment in the query. */
  readonly row_?: number;
}

export interface Query {
  readonly table_: readonly string[];
  readonly steps_: readonly Step[];
  readonly outputs_: readonly Column[];
}

export type ColumnNames = 'exact' | 'snake';

export interface QueryOptions {
  /** The table path, e.g. `project.dataset.accounts`. */
  readonly table: string;
  /** One profile by name; blank: every profile, each row keeping its best. */
  readonly profile: string;
  readonly missing: MissingPolicy;
  readonly tiers: readonly Tier[];
  /** How an attribute names its column: `exact` (as written) or `snake` (`Tech stack` → `tech_stack`). */
  readonly columns: ColumnNames;
  /** Why a column name cannot exist in the target dialect, or undefined (the dialect's, see Dialect). */
  readonly badName_?: (name: string) => string | undefined;
  /** The column a rule reads, when the caller knows the table (the terminal does); else named by `columns`. */
  readonly columnOf?: (rule: Rule) => string;
}

/** The columns the query adds to the table's: score, tier and, with several profiles, the best profile. */
export const OUTPUT_COLUMNS = ['icp_score', 'icp_tier', 'icp_profile'] as const;

const [TEXT, RULES, SUMS, SCORES] = ['icp_text', 'icp_rules', 'icp_sums', 'icp_scores'];

const col = (name: string): Expr => ({ k: 'col', name_: name });
const ref = (step: string, name: string): Expr => ({ k: 'ref', step_: step, name_: name });
const str = (value: string, folded = false): Expr => ({ k: 'str', value_: value, folded_: folded });
const num = (value: number): Expr => ({ k: 'num', value_: value });
const NULL: Expr = { k: 'null' };
// Shared, as every node is immutable.
const ZERO = num(0);
const ONE = num(1);
const COMMA = str(',');
const op = (o: string, ...args: Expr[]): Expr => ({ k: 'op', op_: o, args_: args });
const fn = (f: Fn, ...args: Expr[]): Expr => ({ k: 'fn', fn_: f, args_: args });
const isNull = (arg: Expr): Expr => ({ k: 'post', op_: 'IS NULL', arg_: arg });
const notNull = (arg: Expr): Expr => ({ k: 'post', op_: 'IS NOT NULL', arg_: arg });
const cases = (pairs: (readonly [Expr, Expr])[], otherwise?: Expr): Expr => ({ k: 'case', when_: pairs, otherwise_: otherwise });
const regex = (pattern: Pattern): Expr => ({ k: 'regex', pattern_: pattern });
const replaceAll = (text: Expr, pattern: Pattern, by: string): Expr => fn('replaceAll', text, regex(pattern), str(by));
const anyOf = (tests: Expr[]): Expr => (tests.length === 1 ? tests[0] : op('OR', ...tests));

/** Fold, then squash whitespace runs to one space: the scorer's normalizeText but for trimming. */
const squashed = (text: Expr): Expr => replaceAll(fn('fold', text), 'spaceRuns', ' ');
// Printable ASCII words with single spaces, the common case, normalize to their lower case, as in the
// scorer; one pattern test spares the folding and two replacements (twice as fast in DuckDB).
const plainOr = (raw: Expr, fast: Expr, full: Expr): Expr => cases([[fn('matches', raw, regex('plain')), fast]], full);

/** `Tech stack` → `tech_stack`, `Region (HQ)` → `region_hq`, `Größe` → `grosse`. */
export function snakeCase(name: string): string {
  return normalizeText(name)
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

function finite(value: number, row: number, column: string): number {
  if (Number.isFinite(value)) return value;
  throw criteriaError(row, column, T.sqlNumberTooLarge_);
}

/** Builds the query that scores every row of the table as ICP_SCORE, ICP_TIER and ICP_MATCH would. */
export function buildQuery(criteria: Criteria, options: QueryOptions): Query {
  const profiles = options.profile.trim() === '' ? criteria.profiles : [findProfile(criteria, options.profile)];
  const neutral = options.missing === 'neutral';

  // Columns are matched as the sheet matches headers (any case, accents, spaces); the first spelling names it.
  const columnNames = new Map<string, { name: string; text?: string; list?: string }>();
  const columnOf = (rule: Rule) => {
    const key = normalizeText(rule.attribute);
    const given = options.columnOf?.(rule); // asked for every rule: the caller may check each against its table
    let column = columnNames.get(key);
    if (!column) {
      const name = given ?? (options.columns === 'snake' ? snakeCase(rule.attribute) : rule.attribute);
      const problem = name === '' ? T.sqlNoLetters_ : name.includes('\0') ? T.sqlNul_ : options.badName_?.(name);
      if (problem) {
        const snake = snakeCase(rule.attribute);
        const hint = options.columns === 'exact' && snake && !options.badName_?.(snake) ? fmt(T.sqlSnakeHint_, snake) : T.sqlRename_;
        throw criteriaError(rule.row, 'Attribute', fmt(T.sqlBadColumn_, quote(rule.attribute), problem, hint));
      }
      columnNames.set(key, (column = { name }));
    }
    return column;
  };

  const text: Column[] = [];
  const rules: Column[] = [];
  const ruleNames = new Set<string>();
  const textOf = (rule: Rule, list: boolean): Expr => {
    const column = columnOf(rule);
    const field = list ? 'list' : 'text';
    let name = column[field];
    if (name === undefined) {
      name = column[field] = `${list ? 'l' : 't'}${text.length + 1}`;
      const raw = fn('text', col(column.name));
      // The text of a list cell, items normalized one by one and joined as `,a,b,`; the scorer splits the
      // raw text, so its separators (, ; | new line) become commas before normalizing (a new line would fold
      // into a space), and the spaces around each comma, the ends included, go after.
      const commas = fn('TRANSLATE', raw, str(';|\n'), str(',,,'));
      const expr = list
        ? replaceAll(op('||', COMMA, plainOr(raw, fn('LOWER', commas), squashed(commas)), COMMA), 'itemEdges', ',')
        : fn('NULLIF', plainOr(raw, fn('LOWER', raw), replaceAll(squashed(raw), 'ends', '')), str(''));
      // A number cell shows as JavaScript writes it (4, 12.1): engines that write 4.00 or 4.0 lose the zeros.
      const number = replaceAll(raw, 'zeros', '\\1');
      text.push({ name_: name, expr_: fn('byType', col(column.name), list ? op('||', COMMA, number, COMMA) : number, expr) });
    }
    return ref(TEXT, name);
  };

  const outcome = (rule: Rule): Expr => {
    if (rule.operator === 'is blank' || rule.operator === 'is not blank') {
      const x = col(columnOf(rule).name);
      const blank = op('OR', isNull(x), op('=', replaceAll(fn('text', x), 'spaceRuns', ''), str('')));
      return rule.operator === 'is blank' ? cases([[blank, ONE]], ZERO) : cases([[blank, ZERO]], ONE);
    }
    if (NUMERIC_OPERATORS.has(rule.operator)) {
      const x = col(columnOf(rule).name);
      const low = num(finite(rule.low, rule.row, 'Value'));
      const high = num(finite(rule.high, rule.row, 'Value'));
      const test = rule.operator === 'between' ? op('AND', op('>=', x, low), op('<=', x, high)) : op(rule.operator, x, low);
      return cases([
        [fn('isNaN', x), NULL],
        [test, ONE],
        [notNull(x), ZERO],
      ]);
    }
    // Text operators: NULL (missing) for a blank cell, which `text` already is.
    if (rule.value.includes('\0')) throw criteriaError(rule.row, 'Value', T.sqlValueNul_);
    const key = textOf(rule, false);
    const values = rule.values.map((v) => str(v, true));
    let test: Expr;
    if (rule.operator === 'is' || rule.operator === 'is not') test = { k: 'in', arg_: key, not_: rule.operator === 'is not', values_: values };
    else if (rule.operator === 'contains') test = anyOf(rule.values.map((v) => op('>', fn('STRPOS', key, str(v, true)), ZERO)));
    else {
      const list = textOf(rule, true);
      test = anyOf(rule.values.map((v) => op('>', fn('STRPOS', list, str(`,${v},`, true)), ZERO)));
    }
    return cases([
      [test, ONE],
      [notNull(key), ZERO],
    ]);
  };

  const sums: Column[] = [];
  const scores: Column[] = [];
  profiles.forEach((profile, i) => {
    const n = i + 1;
    const outcomes = profile.rules.map((rule) => {
      const name = `r${rule.row}`;
      if (!ruleNames.has(name)) {
        ruleNames.add(name);
        rules.push({ name_: name, expr_: outcome(rule), row_: rule.row });
      }
      return { rule, r: ref(RULES, name), points: finite(rule.points, rule.row, 'Points') };
    });
    // Sums in criteria order, as the scorer adds them: adding 0 for the other rules changes no float. The sum
    // starts from a double, so points in the billions add as JavaScript adds them, not as 32-bit integers.
    const earned = op('+', fn('double', ZERO), ...outcomes.filter((o) => o.points !== 0).map((o) => op('*', fn('COALESCE', o.r, ZERO), num(o.points))));
    const required = outcomes.filter((o) => o.rule.required).map((o) => op('=', fn('COALESCE', o.r, ZERO), ZERO));
    // A required rule failed or without data disqualifies: earned is NULL then.
    sums.push({ name_: `e${n}`, expr_: required.length ? cases([[anyOf(required), NULL]], earned) : earned });
    // The sum of the positive points, added in criteria order as the scorer does.
    const total = profile.rules.reduce((t, r) => t + Math.max(0, r.points), 0);
    const leaving = neutral ? outcomes.filter((o) => o.points > 0 && !o.rule.required).map((o) => cases([[isNull(o.r), num(o.points)]], ZERO)) : [];
    let possible: Expr = num(total);
    if (leaving.length) {
      sums.push({ name_: `p${n}`, expr_: op('-', possible, ...leaving) });
      possible = ref(SUMS, `p${n}`);
    }
    const e = ref(SUMS, `e${n}`);
    // Math.round rounds halves up; FLOOR(x + 0.5) does too in every dialect (PostgreSQL's ROUND on a double
    // rounds halves to even). They differ only for 0.49999999999999994, which no points table produces.
    const rounded = fn('FLOOR', op('+', op('/', op('*', num(100), e), possible), num(0.5)));
    const score = fn('GREATEST', ZERO, fn('LEAST', num(100), rounded));
    const scored =
      possible.k !== 'num'
        ? cases(
            [
              [isNull(e), num(-1)],
              [op('<=', possible, ZERO), ZERO],
            ],
            score,
          )
        : cases([[isNull(e), num(-1)]], total > 0 ? score : ZERO);
    scores.push({ name_: `s${n}`, expr_: scored });
  });

  // The best profile: the highest score, ties to the earlier profile; -1 when every profile disqualifies.
  const steps: Step[] = [
    { name_: TEXT, columns_: text },
    { name_: RULES, columns_: rules },
    { name_: SUMS, columns_: sums },
    { name_: SCORES, columns_: scores },
  ];
  let best = ref(SCORES, 's1');
  if (profiles.length > 1) {
    steps.push({ name_: 'icp_best', columns_: [{ name_: 'best', expr_: fn('GREATEST', ...scores.map((s) => ref(SCORES, s.name_))) }] });
    best = ref('icp_best', 'best');
  }
  const tiers = [...options.tiers].sort((a, b) => b.min - a.min);
  const outputs: Column[] = [
    { name_: OUTPUT_COLUMNS[0], expr_: fn('int', fn('GREATEST', best, ZERO)) },
    {
      name_: OUTPUT_COLUMNS[1],
      expr_: cases([[op('<', best, ZERO), str(DQ_TIER)], ...tiers.map((t) => [op('>=', best, num(finiteTier(t))), str(t.label)] as const)]),
    },
  ];
  if (profiles.length > 1) {
    outputs.push({
      name_: OUTPUT_COLUMNS[2],
      expr_: cases([[op('<', best, ZERO), NULL], ...scores.map((s, i) => [op('=', ref(SCORES, s.name_), best), str(profiles[i].name)] as const)]),
    });
  }
  return { table_: tablePath(options.table), steps_: steps.filter((s) => s.columns_.length > 0), outputs_: outputs };
}

function finiteTier(tier: Tier): number {
  if (Number.isFinite(tier.min)) return tier.min;
  throw icpError(T.sqlTierTooLarge_, quote(tier.label));
}

function tablePath(table: string): string[] {
  const parts = table.split('.').map((p) => p.trim());
  if (parts.some((p) => p === '')) {
    throw icpError(T.sqlTable_, quote(table));
  }
  return parts;
}
