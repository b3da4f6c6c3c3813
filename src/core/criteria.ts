// The criteria model: a table of weighted rules (Profile | Attribute | Operator | Value | Points | Required)
// parsed once into typed profiles. Every message names the criteria row and column at fault.

import { type Cell, cellText, isBlank, parseFlag, toGrid } from './cells';
import { criteriaError, IcpError, icpError } from './errors';
import { EN, fmt, T } from './i18n';
import { parseNumber, parseRange } from './numbers';
import { closest, normalizeText, quote, quoteList, splitValues } from './text';
import { words } from './words';

/** The operators in their canonical spelling; operatorNames() gives them in the active language. */
export const OPERATORS = ['is', 'is not', 'includes', 'contains', 'between', '>=', '<=', '>', '<', 'is blank', 'is not blank'] as const;
export type Operator = (typeof OPERATORS)[number];

// Every language's words (English, German, Danish), whatever the spreadsheet's language: a criteria table
// reads the same everywhere (`|` between words). Words are normalized (lower case, no accents; `ø` and `æ` have none to lose).
const SYNONYMS: Readonly<Record<Operator, string>> = {
  is: '=|==|equals|is one of|one of|in|ist|gleich|ist eines von|er|er en af|en af|lig med',
  'is not': '!=|<>|≠|not|not in|none of|ist nicht|nicht|ungleich|er ikke|ikke',
  includes: 'include|has|has any|beinhaltet|umfasst|enthalt eines|omfatter|indeholder en af',
  contains: 'enthalt|like|indeholder',
  between: 'range|zwischen|mellem',
  '>=': '≥|=>|at least|min|mindestens|mindst',
  '<=': '≤|=<|at most|max|hochstens|maximal|højst',
  '>': 'more than|greater than|above|mehr als|grosser als|uber|mere end|større end|over',
  '<': 'less than|fewer than|below|weniger als|kleiner als|unter|mindre end|under',
  'is blank': 'is empty|blank|empty|ist leer|leer|er tom|tom',
  'is not blank': 'is not empty|not blank|not empty|exists|ist nicht leer|nicht leer|vorhanden|er ikke tom|ikke tom|udfyldt',
};

/** Every operator word, canonical ones included, to its operator. A Map: a cell must not find `constructor`. */
const OPERATOR_SYNONYMS: ReadonlyMap<string, Operator> = new Map(
  OPERATORS.flatMap((operator) => [operator, ...words(SYNONYMS[operator])].map((word) => [word, operator] as const)),
);

/** The operators in the active language, in the order of OPERATORS: the criteria tab's dropdown. */
export function operatorNames(): string[] {
  return T.operators_.split('|');
}

/** A canonical operator as the active language writes it (`is` → `ist` in German); other text as it is. */
export function operatorName(operator: string): string {
  return operatorNames()[OPERATORS.indexOf(operator as Operator)] ?? operator;
}

/** Operators that compare numbers and need a numeric value. */
export const NUMERIC_OPERATORS: ReadonlySet<Operator> = new Set(['between', '>=', '<=', '>', '<']);

/** The criteria table's columns, with the header spellings we accept (English, German and Danish). */
export const CRITERIA_COLUMNS = {
  profile: words('Profile|Profil|ICP'),
  attribute: words('Attribute|Attribut|Merkmal|Column|Spalte|Field|Feld|Criterion|Kriterium|Egenskab|Kolonne|Felt|Kriterie'),
  operator: words('Operator|Op|Condition|Bedingung|Betingelse'),
  value: words('Value|Values|Wert|Werte|Værdi|Værdier'),
  points: words('Points|Punkte|Weight|Gewicht|Point|Vægt'),
  required: words('Required|Pflicht|Must|Muss|Knock-out|Knockout|KO|Påkrævet|Obligatorisk|Krav'),
};
export type CriteriaColumn = keyof typeof CRITERIA_COLUMNS;

/** The header row in English, as drafts and learned criteria are read (the criteria tab gets criteriaHeader()). */
// Marked pure, so a bundle that never reads it (the sidebar) carries no English catalog for it.
export const CRITERIA_HEADER = /* @__PURE__ */ EN.criteriaColumns_.split('|');

/** The header row in the active language: `Profil | Merkmal | Operator | Wert | Punkte | Pflicht` in German. */
export function criteriaHeader(): string[] {
  return T.criteriaColumns_.split('|');
}

export const DEFAULT_PROFILE = 'Default';

/** The key profiles are grouped by, in the formulas and the sidebar alike: blank is Default, and case,
 * accents and repeated spaces do not matter (`SaaS  mid-market` is `saas mid-market`). */
export function profileKey(name: string): string {
  return normalizeText(name) || normalizeText(DEFAULT_PROFILE);
}

export interface Rule {
  /** Row within the criteria range, the header row being row 1. */
  readonly row: number;
  readonly profile: string;
  readonly attribute: string;
  readonly operator: Operator;
  /** The value as written, for explanations. */
  readonly value: string;
  /** Normalized values for the text operators. */
  readonly values: readonly string[];
  /** Inclusive numeric bounds for the numeric operators (a threshold sits in both). */
  readonly low: number;
  readonly high: number;
  readonly points: number;
  readonly required: boolean;
}

export interface Profile {
  readonly name: string;
  readonly rules: readonly Rule[];
}

export interface Criteria {
  readonly profiles: readonly Profile[];
}

/** The operator a user wrote, in canonical form; undefined when it is not one we know. */
export function parseOperator(text: string): Operator | undefined {
  const key = normalizeText(text);
  return OPERATOR_SYNONYMS.get(key) ?? OPERATOR_SYNONYMS.get(key.replace(/\s+/g, ''));
}

/**
 * Parses a criteria range (header row first). Rows whose criteria cells are all blank are skipped, so open
 * ranges like `A1:F` work and notes may sit in other columns (ICP_SUGGEST writes its evidence there).
 */
export function parseCriteria(range: unknown): Criteria {
  const grid = toGrid(range);
  if (grid.length === 0 || !Array.isArray(range)) {
    throw icpError(T.criteriaNotRange_, criteriaHeader().join(' | '));
  }
  const columns = locateColumns(grid[0]);
  const byProfile = new Map<string, { name: string; rules: Rule[] }>();
  for (let i = 1; i < grid.length; i++) {
    const line = grid[i];
    if (Object.values(columns).every((c) => c < 0 || isBlank(line[c]))) continue;
    const rule = parseRule(line, i + 1, columns);
    const key = profileKey(rule.profile);
    let profile = byProfile.get(key);
    if (!profile) byProfile.set(key, (profile = { name: rule.profile, rules: [] }));
    profile.rules.push(rule);
  }
  if (byProfile.size === 0) throw new IcpError(T.criteriaEmpty_);
  return { profiles: [...byProfile.values()] };
}

type ColumnIndex = Record<CriteriaColumn, number>;

function locateColumns(header: Cell[]): ColumnIndex {
  const keys = header.map((h) => normalizeText(cellText(h)));
  const index = {} as ColumnIndex;
  const missing: string[] = [];
  const shown = criteriaHeader();
  (Object.entries(CRITERIA_COLUMNS) as [CriteriaColumn, readonly string[]][]).forEach(([column, names], c) => {
    index[column] =
      names
        .map(normalizeText)
        .map((n) => keys.indexOf(n))
        .find((i) => i >= 0) ?? -1;
    if (index[column] < 0 && (column === 'attribute' || column === 'operator' || column === 'points')) {
      missing.push(shown[c]);
    }
  });
  if (missing.length) {
    const found = header.map(cellText).filter((h) => h.trim() !== '');
    throw icpError(T.criteriaHeader_, shown.join(' | '), quoteList(missing, 'and'), found.length ? fmt(T.criteriaFound_, quoteList(found, 'and')) : '');
  }
  return index;
}

function parseRule(line: Cell[], row: number, columns: ColumnIndex): Rule {
  const at = (column: CriteriaColumn): Cell => (columns[column] >= 0 ? line[columns[column]] : '');

  const profile = cellText(at('profile')).trim() || DEFAULT_PROFILE;
  const attribute = cellText(at('attribute')).trim().replace(/\s+/g, ' ');
  if (attribute === '') throw criteriaError(row, 'Attribute', T.attributeBlank_);

  const operatorText = cellText(at('operator')).trim();
  const operator = parseOperator(operatorText);
  if (!operator) {
    const hint = operatorText ? closest(operatorText, [...OPERATOR_SYNONYMS.keys()], 1) : [];
    throw criteriaError(
      row,
      'Operator',
      fmt(T.notOperator_, quote(operatorText), hint.length ? fmt(T.didYouMean_, quoteList(hint)) : '', operatorNames().join(', ')),
    );
  }

  const required = parseRequired(at('required'), row);
  const points = parsePoints(at('points'), required, row);
  const rawValue = at('value');
  const value = cellText(rawValue).trim();
  let values: string[] = [];
  let low = NaN;
  let high = NaN;
  if (operator === 'between') {
    const range = typeof rawValue === 'string' ? parseRange(rawValue) : undefined;
    if (!range) throw criteriaError(row, 'Value', fmt(T.notRange_, quote(value)));
    ({ low, high } = range);
  } else if (NUMERIC_OPERATORS.has(operator)) {
    low = high = parseNumber(rawValue);
    if (Number.isNaN(low)) {
      throw criteriaError(row, 'Value', fmt(T.notNumberFor_, quote(value), operatorName(operator)));
    }
  } else if (operator !== 'is blank' && operator !== 'is not blank') {
    values = splitValues(value);
    if (values.length === 0) throw criteriaError(row, 'Value', fmt(T.needsValue_, operatorName(operator)));
  }
  return { row, profile, attribute, operator, value, values, low, high, points, required };
}

function parseRequired(cell: Cell, row: number): boolean {
  const flag = parseFlag(cell);
  if (flag === undefined) throw criteriaError(row, 'Required', fmt(T.notFlag_, quote(cellText(cell))));
  return flag;
}

function parsePoints(cell: Cell, required: boolean, row: number): number {
  if (isBlank(cell)) {
    if (required) return 0;
    throw criteriaError(row, 'Points', T.pointsBlank_);
  }
  const points = parseNumber(cell);
  if (Number.isNaN(points)) throw criteriaError(row, 'Points', fmt(T.notNumber_, quote(cellText(cell))));
  return points;
}

/** Finds a profile by name (any case); throws a message listing the profiles there are. */
export function findProfile(criteria: Criteria, name: string): Profile {
  const key = normalizeText(name);
  const profile = criteria.profiles.find((p) => normalizeText(p.name) === key);
  if (profile) return profile;
  throw icpError(
    T.noProfile_,
    quote(name),
    quoteList(
      criteria.profiles.map((p) => p.name),
      'and',
    ),
  );
}

/** A rule in words in the active language, e.g. `Employees between 50 and 200`. */
export function describeRule(rule: Rule): string {
  const operator = operatorName(rule.operator);
  switch (rule.operator) {
    case 'is blank':
    case 'is not blank':
      return `${rule.attribute} ${operator}`;
    case 'between':
      return fmt(T.ruleBetween_, rule.attribute, round(rule.low), round(rule.high));
    default:
      return `${rule.attribute} ${operator} ${rule.value}`;
  }
}

function round(n: number): number {
  return Number.isInteger(n) ? n : Math.round(n * 1000) / 1000;
}
