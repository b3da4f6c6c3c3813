// The criteria model: a table of weighted rules (Profile | Attribute | Operator | Value | Points | Required)
// parsed once into typed profiles. Every message names the criteria row and column at fault.

import { cellText, isBlank, parseFlag, toGrid, type Cell } from './cells';
import { criteriaError, IcpError } from './errors';
import { parseNumber, parseRange } from './numbers';
import { closest, normalizeText, quote, quoteList, splitValues } from './text';

/** The operators in their canonical spelling, as the sidebar and the criteria dropdown offer them. */
export const OPERATORS = [
  'is', 'is not', 'includes', 'contains', 'between', '>=', '<=', '>', '<', 'is blank', 'is not blank',
] as const;
export type Operator = (typeof OPERATORS)[number];

const OPERATOR_SYNONYMS: ReadonlyMap<string, Operator> = new Map(Object.entries({
  is: 'is', '=': 'is', '==': 'is', equals: 'is', 'is one of': 'is', 'one of': 'is', in: 'is', ist: 'is', gleich: 'is',
  'ist eines von': 'is',
  'is not': 'is not', '!=': 'is not', '<>': 'is not', '≠': 'is not', not: 'is not', 'not in': 'is not',
  'none of': 'is not', 'ist nicht': 'is not', nicht: 'is not', ungleich: 'is not',
  includes: 'includes', include: 'includes', has: 'includes', 'has any': 'includes', beinhaltet: 'includes',
  umfasst: 'includes', 'enthalt eines': 'includes',
  contains: 'contains', enthalt: 'contains', like: 'contains',
  between: 'between', range: 'between', zwischen: 'between',
  '>=': '>=', '≥': '>=', '=>': '>=', 'at least': '>=', min: '>=', mindestens: '>=',
  '<=': '<=', '≤': '<=', '=<': '<=', 'at most': '<=', max: '<=', hochstens: '<=', maximal: '<=',
  '>': '>', 'more than': '>', 'greater than': '>', above: '>', 'mehr als': '>', 'grosser als': '>', uber: '>',
  '<': '<', 'less than': '<', 'fewer than': '<', below: '<', 'weniger als': '<', 'kleiner als': '<', unter: '<',
  'is blank': 'is blank', 'is empty': 'is blank', blank: 'is blank', empty: 'is blank', 'ist leer': 'is blank',
  leer: 'is blank',
  'is not blank': 'is not blank', 'is not empty': 'is not blank', 'not blank': 'is not blank',
  'not empty': 'is not blank', exists: 'is not blank', 'ist nicht leer': 'is not blank',
  'nicht leer': 'is not blank', vorhanden: 'is not blank',
} satisfies Record<string, Operator>));

/** Operators that compare numbers and need a numeric value. */
export const NUMERIC_OPERATORS: ReadonlySet<Operator> = new Set(['between', '>=', '<=', '>', '<']);

/** The criteria table's columns, with the header spellings we accept (English and German). */
export const CRITERIA_COLUMNS = {
  profile: ['Profile', 'Profil', 'ICP'],
  attribute: ['Attribute', 'Attribut', 'Merkmal', 'Column', 'Spalte', 'Field', 'Feld', 'Criterion', 'Kriterium'],
  operator: ['Operator', 'Op', 'Condition', 'Bedingung'],
  value: ['Value', 'Values', 'Wert', 'Werte'],
  points: ['Points', 'Punkte', 'Weight', 'Gewicht'],
  required: ['Required', 'Pflicht', 'Must', 'Muss', 'Knock-out', 'Knockout', 'KO'],
} as const;
export type CriteriaColumn = keyof typeof CRITERIA_COLUMNS;

/** The header row the add-on writes. */
export const CRITERIA_HEADER = ['Profile', 'Attribute', 'Operator', 'Value', 'Points', 'Required'];

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
    throw new IcpError('The criteria must be a range with the header row Profile | Attribute | Operator | Value | Points | Required.');
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
  if (byProfile.size === 0) throw new IcpError('The criteria range has no rules under its header row.');
  return { profiles: [...byProfile.values()] };
}

type ColumnIndex = Record<CriteriaColumn, number>;

function locateColumns(header: Cell[]): ColumnIndex {
  const keys = header.map((h) => normalizeText(cellText(h)));
  const index = {} as ColumnIndex;
  const missing: string[] = [];
  for (const [column, names] of Object.entries(CRITERIA_COLUMNS) as [CriteriaColumn, readonly string[]][]) {
    index[column] = names.map(normalizeText).map((n) => keys.indexOf(n)).find((i) => i >= 0) ?? -1;
    if (index[column] < 0 && (column === 'attribute' || column === 'operator' || column === 'points')) {
      missing.push(names[0]);
    }
  }
  if (missing.length) {
    const found = header.map(cellText).filter((h) => h.trim() !== '');
    throw new IcpError(
      `Criteria row 1 must be the header row Profile | Attribute | Operator | Value | Points | Required; ` +
        `${quoteList(missing, 'and')} ${missing.length > 1 ? 'are' : 'is'} missing` +
        (found.length ? ` (found ${quoteList(found, 'and')}).` : '.'),
    );
  }
  return index;
}

function parseRule(line: Cell[], row: number, columns: ColumnIndex): Rule {
  const at = (column: CriteriaColumn): Cell => (columns[column] >= 0 ? line[columns[column]] : '');

  const profile = cellText(at('profile')).trim() || DEFAULT_PROFILE;
  const attribute = cellText(at('attribute')).trim().replace(/\s+/g, ' ');
  if (attribute === '') throw criteriaError(row, 'Attribute', 'name the column this rule looks at.');

  const operatorText = cellText(at('operator')).trim();
  const operator = parseOperator(operatorText);
  if (!operator) {
    const hint = operatorText ? closest(operatorText, [...OPERATOR_SYNONYMS.keys()], 1) : [];
    throw criteriaError(row, 'Operator',
      `${quote(operatorText)} is not an operator` +
        (hint.length ? ` (did you mean ${quoteList(hint)}?)` : '') +
        `. Use one of: ${OPERATORS.join(', ')}.`,
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
    if (!range) throw criteriaError(row, 'Value', `${quote(value)} is not a range; write it like 50-200, 50..200 or 50 to 200.`);
    ({ low, high } = range);
  } else if (NUMERIC_OPERATORS.has(operator)) {
    low = high = parseNumber(rawValue);
    if (Number.isNaN(low)) {
      throw criteriaError(row, 'Value', `${quote(value)} is not a number, and "${operator}" compares numbers.`);
    }
  } else if (operator !== 'is blank' && operator !== 'is not blank') {
    values = splitValues(value);
    if (values.length === 0) throw criteriaError(row, 'Value', `"${operator}" needs a value to compare with.`);
  }
  return { row, profile, attribute, operator, value, values, low, high, points, required };
}

function parseRequired(cell: Cell, row: number): boolean {
  const flag = parseFlag(cell);
  if (flag === undefined) throw criteriaError(row, 'Required', `${quote(cellText(cell))} is neither TRUE nor FALSE (yes/no, ja/nein, x, 1/0).`);
  return flag;
}

function parsePoints(cell: Cell, required: boolean, row: number): number {
  if (isBlank(cell)) {
    if (required) return 0;
    throw criteriaError(row, 'Points', 'give the rule a number of points (negative allowed), or mark it Required.');
  }
  const points = parseNumber(cell);
  if (Number.isNaN(points)) throw criteriaError(row, 'Points', `${quote(cellText(cell))} is not a number.`);
  return points;
}

/** Finds a profile by name (any case); throws a message listing the profiles there are. */
export function findProfile(criteria: Criteria, name: string): Profile {
  const key = normalizeText(name);
  const profile = criteria.profiles.find((p) => normalizeText(p.name) === key);
  if (profile) return profile;
  throw new IcpError(`There is no profile ${quote(name)} in the criteria. Profiles: ${quoteList(criteria.profiles.map((p) => p.name), 'and')}.`);
}

/** A rule in words, e.g. `Employees between 50 and 200`. */
export function describeRule(rule: Rule): string {
  switch (rule.operator) {
    case 'is blank':
    case 'is not blank':
      return `${rule.attribute} ${rule.operator}`;
    case 'between':
      return `${rule.attribute} between ${formatBound(rule.low)} and ${formatBound(rule.high)}`;
    default:
      return `${rule.attribute} ${rule.operator} ${rule.value}`;
  }
}

function formatBound(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 1000) / 1000);
}
