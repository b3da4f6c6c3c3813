// ICP_SQL: the criteria as a SQL query that scores a warehouse table exactly as ICP_SCORE, ICP_TIER and
// ICP_MATCH score the sheet. criteriaToSql is the pure entry for any caller (sidebar, terminal).

import { cellText, firstCell } from '../cells';
import { parseCriteria, type Rule } from '../criteria';
import { IcpError, icpError } from '../errors';
import { T } from '../i18n';
import { parseOptions } from '../options';
import type { MissingPolicy } from '../scoring';
import { quote, quoteList } from '../text';
import { DEFAULT_TIERS, parseTiers, type Tier } from '../tiers';
import { DIALECTS, type DialectName } from './dialects';
import { printQuery } from './print';
import { buildQuery, type ColumnNames, OUTPUT_COLUMNS } from './query';

export type { DialectName } from './dialects';
export { OUTPUT_COLUMNS } from './query';

export interface SqlOptions {
  /** `bigquery` (default), `postgres` or `duckdb`. */
  readonly dialect?: DialectName;
  /** The table path, e.g. `project.dataset.accounts`; default `accounts`. */
  readonly table?: string;
  /** One profile by name; blank (default): every profile, each row keeping its best. */
  readonly profile?: string;
  readonly missing?: MissingPolicy;
  /** Tier thresholds; default A 80, B 60, C 40, D 0. */
  readonly tiers?: readonly Tier[];
  /** How an attribute names its column: `exact` (default, as written) or `snake` (`Tech stack` → `tech_stack`). */
  readonly columns?: ColumnNames;
  /** The column a rule reads, for callers that know the table's columns (the terminal reads them from the file). */
  readonly columnOf?: (rule: Rule) => string;
}

/** A sheet holds at most 50,000 characters in a cell. */
export const CELL_LIMIT = 50_000;

/** The query for a criteria range (header row first) as the criteria tab holds it. */
export function criteriaToSql(criteria: unknown, options: SqlOptions = {}): string {
  const dialect = options.dialect ?? 'bigquery';
  const query = buildQuery(parseCriteria(criteria), {
    table: options.table ?? 'accounts',
    profile: options.profile ?? '',
    missing: options.missing ?? 'zero',
    tiers: options.tiers ?? DEFAULT_TIERS,
    columns: options.columns ?? 'exact',
    badName_: DIALECTS[dialect].badName_,
    columnOf: options.columnOf,
  });
  return printQuery(query, dialect);
}

/**
 * Refuses a table that already has a column the scores go to (names compared ignoring case, as DuckDB and
 * BigQuery compare them), for callers that can see its columns: its old values must not pass for new scores,
 * and dropping them would lose what the table holds. The query itself fails on such a table in every engine.
 */
export function assertUnscored(headers: readonly string[], table: string): void {
  const taken = headers.filter((h) => (OUTPUT_COLUMNS as readonly string[]).includes(h.toLowerCase()));
  if (taken.length === 0) return;
  const [them, those] = taken.length > 1 ? ['them', 'those columns'] : ['it', 'that column'];
  throw new IcpError(
    `${table} already has ${taken.length > 1 ? 'the columns' : 'the column'} ${quoteList(taken, 'and')}, where the scores go ` +
      `(was it scored before?). Score the table without ${them}: remove or rename ${those}.`,
  );
}

const DIALECT_NAMES: ReadonlyMap<string, DialectName> = new Map(
  Object.entries({
    '': 'bigquery',
    bigquery: 'bigquery',
    bq: 'bigquery',
    postgres: 'postgres',
    postgresql: 'postgres',
    pg: 'postgres',
    duckdb: 'duckdb',
  } as const),
);

/** ICP_SQL's arguments as Sheets passes them. */
export function icpSql(criteria: unknown, profile: unknown, dialect: unknown, options: unknown, tiers: unknown): string {
  const dialectText = cellText(firstCell(dialect)).trim();
  const name = DIALECT_NAMES.get(dialectText.toLowerCase());
  if (!name) throw icpError(T.sqlDialect_, quote(dialectText));
  const parsed = parseOptions(options, ['table', 'missing', 'columns'], 'ICP_SQL');
  // Every rule writes more than 100 characters, so past 500 rules the query cannot fit: say so before writing it.
  const rules = parseCriteria(criteria).profiles.reduce((n, p) => n + p.rules.length, 0);
  if (rules > 500) throw icpError(T.sqlTooManyRules_, rules, CELL_LIMIT);
  const sql = criteriaToSql(criteria, {
    dialect: name,
    table: parsed.get('table') || 'accounts',
    profile: cellText(firstCell(profile)),
    missing: choice(parsed, 'missing', ['zero', 'neutral'] as const),
    tiers: parseTiers(tiers),
    columns: choice(parsed, 'columns', ['exact', 'snake'] as const),
  });
  if (sql.length > CELL_LIMIT) {
    throw icpError(T.sqlTooLong_, sql.length, CELL_LIMIT);
  }
  return sql;
}

function choice<V extends string>(options: Map<string, string>, key: string, allowed: readonly V[]): V {
  const value = (options.get(key) || allowed[0]).toLowerCase();
  if (allowed.includes(value as V)) return value as V;
  throw icpError(T.sqlChoice_, key, quoteList(allowed), quote(value));
}
