// The SQL dialects ICP_SQL writes, and every way they differ, in one table: quoting of names and text,
// type names, accent folding, regular expressions, NaN and how the steps keep clear of the table's columns.

import { fmt, T } from '../i18n';
import { quote } from '../text';

/** The dialects by the name a user writes. */
export type DialectName = 'bigquery' | 'postgres' | 'duckdb';

/** Fields end in `_`: the table never leaves the SQL writer, and the build shortens them (MANGLED in build.mjs). */
export interface Dialect {
  /** The product's name, for messages. */
  readonly label_: string;
  /** A quoted identifier (a column or one part of a table path). */
  readonly ident_: (name: string) => string;
  /** A table path such as `project.dataset.accounts`, quoted. */
  readonly table_: (parts: readonly string[]) => string;
  /** A quoted string literal. */
  readonly str_: (text: string) => string;
  /** One character inside a regular expression's brackets, by code point. */
  readonly regexChar_: (code: number) => string;
  /** Type names for CAST: text, double precision, integer. */
  readonly text_: string;
  readonly double_: string;
  readonly int_: string;
  /**
   * Lower case, accents stripped, `ß` as `ss`: the scorer's normalizeText before its spaces are squashed.
   * `marks` is the pattern of the combining marks U+0300–U+036F that the scorer strips after NFD.
   */
  readonly fold_: (sql: string, marks: string) => string;
  /**
   * `number` for a column of a type whose text the engine writes with fractional zeros the sheet does not show
   * (DECIMAL 4.00, DuckDB's DOUBLE 4.0), else `otherwise`. DuckDB decides this once per query.
   */
  readonly byType_?: (sql: string, number: string, otherwise: string) => string;
  /** The fold applied to a literal too, when the dialect's fold is not exactly the scorer's (DuckDB). */
  readonly foldLiteral_?: (sql: string) => string;
  /** Every match of a regular expression replaced (PostgreSQL and DuckDB replace only the first without 'g'). */
  readonly replaceAll_: (sql: string, pattern: string, by: string) => string;
  /** True when the text matches the (anchored) pattern. */
  readonly matches_: (sql: string, pattern: string) => string;
  /** True for a NaN: BigQuery compares NaN as false, PostgreSQL and DuckDB as larger than every number. */
  readonly isNaN_: (sql: string) => string;
  /**
   * The table's row packed into one STRUCT column, for dialects whose steps are a WITH chain: each step then
   * holds that column and the steps' own, never a column of the table beside them. Undefined for PostgreSQL,
   * whose steps are LATERAL joins that read `step.column`.
   */
  readonly row_?: string;
  /** Why a column name cannot exist in this dialect, or undefined when it can. */
  readonly badName_: (name: string) => string | undefined;
}

// BigQuery string literals and quoted identifiers take backslash escapes and no raw new lines.
function bigQueryQuote(quote: string) {
  return (text: string) =>
    quote +
    text.replace(/[\\'"`\x00-\x1f\x7f]/g, (c) => {
      if (c === '\\' || c === quote) return `\\${c}`;
      if (c === '\n') return '\\n';
      if (c === '\r') return '\\r';
      if (c === '\t') return '\\t';
      return c < ' ' || c === '\x7f' ? `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}` : c;
    }) +
    quote;
}

// PostgreSQL and DuckDB double the quote; a backslash is plain text in standard strings, and a PostgreSQL
// server with standard_conforming_strings off is covered by writing such literals as E'…' strings.
const doubled = (quote: string) => (text: string) => quote + text.split(quote).join(quote + quote) + quote;
const sqlString = doubled("'");
const sqlIdent = doubled('"');

const hex = (code: number, digits: number) => code.toString(16).padStart(digits, '0');

// What two dialects spell alike, written once.
const braceEscape = (code: number) => `\\x{${hex(code, 2)}}`;
const quotedPath = (parts: readonly string[]) => parts.map(sqlIdent).join('.');
const replaceEvery = (sql: string, pattern: string, by: string) => `REGEXP_REPLACE(${sql}, ${pattern}, ${by}, 'g')`;

/** The bytes of a name in UTF-8, for PostgreSQL's 63-byte limit (no TextEncoder in Apps Script). */
function utf8Length(text: string): number {
  let bytes = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}

export const DIALECTS: Readonly<Record<DialectName, Dialect>> = {
  bigquery: {
    label_: 'BigQuery',
    ident_: bigQueryQuote('`'),
    // One pair of backticks may hold the whole path, which keeps project ids with dashes readable.
    table_: (parts) => bigQueryQuote('`')(parts.join('.')),
    str_: bigQueryQuote("'"),
    regexChar_: braceEscape,
    text_: 'STRING',
    double_: 'FLOAT64',
    int_: 'INT64',
    fold_: (sql, marks) => `REPLACE(REGEXP_REPLACE(NORMALIZE(LOWER(${sql}), NFD), ${marks}, ''), 'ß', 'ss')`,
    replaceAll_: (sql, pattern, by) => `REGEXP_REPLACE(${sql}, ${pattern}, ${by})`,
    matches_: (sql, pattern) => `REGEXP_CONTAINS(${sql}, ${pattern})`,
    isNaN_: (sql) => `IS_NAN(${sql})`,
    // A table's range variable is its row as a STRUCT, and it wins over a column of the same name.
    row_: 'account',
    // Flexible column names allow spaces and most marks, but not these characters, and at most 300 characters.
    badName_: (name) => {
      const bad = /[!"$()*,./;?@[\\\]^`{}~\x00-\x1f\x7f]/.exec(name);
      if (bad) return fmt(T.sqlBigQueryChar_, quote(bad[0]));
      return name.length > 300 ? T.sqlBigQueryLength_ : undefined;
    },
  },
  postgres: {
    label_: 'PostgreSQL',
    ident_: sqlIdent,
    table_: quotedPath,
    str_: (text) => (text.includes('\\') ? `E${sqlString(text.split('\\').join('\\\\'))}` : sqlString(text)),
    regexChar_: (code) => (code > 0xffff ? `\\U${hex(code, 8)}` : `\\u${hex(code, 4)}`),
    text_: 'TEXT',
    double_: 'DOUBLE PRECISION',
    int_: 'INTEGER',
    // LOWER follows the collation's ctype, and a "C" ctype folds ASCII only: decomposing and dropping the marks
    // first leaves É, Ö, Å as ASCII letters there (Ø and Æ still need a UTF-8 ctype), and changes nothing under one.
    fold_: (sql, marks) => `REPLACE(LOWER(REGEXP_REPLACE(NORMALIZE(${sql}, NFD), ${marks}, '', 'g')), 'ß', 'ss')`,
    replaceAll_: replaceEvery,
    matches_: (sql, pattern) => `${sql} ~ ${pattern}`,
    // Only NUMERIC keeps its scale in text; DOUBLE PRECISION and REAL print as JavaScript does (4, 5.5).
    byType_: (sql, number, otherwise) => `CASE WHEN PG_TYPEOF(${sql}) = CAST('numeric' AS REGTYPE) THEN ${number} ELSE ${otherwise} END`,
    isNaN_: (sql) => `${sql} = CAST('NaN' AS DOUBLE PRECISION)`,
    badName_: (name) => (utf8Length(name) > 63 ? T.sqlPostgresLength_ : undefined),
  },
  duckdb: {
    label_: 'DuckDB',
    ident_: sqlIdent,
    table_: quotedPath,
    str_: sqlString,
    regexChar_: braceEscape,
    text_: 'VARCHAR',
    double_: 'DOUBLE',
    int_: 'INTEGER',
    // DuckDB has no NFD: strip_accents removes every combining mark and recomposes, so literals are folded
    // by the same function and both sides of a comparison agree.
    fold_: (sql) => `REPLACE(STRIP_ACCENTS(LOWER(${sql})), 'ß', 'ss')`,
    foldLiteral_: (sql) => `STRIP_ACCENTS(${sql})`,
    byType_: (sql, number, otherwise) =>
      `CASE WHEN TYPEOF(${sql}) IN ('DOUBLE', 'FLOAT') OR TYPEOF(${sql}) LIKE 'DECIMAL%' THEN ${number} ELSE ${otherwise} END`,
    replaceAll_: replaceEvery,
    matches_: (sql, pattern) => `REGEXP_MATCHES(${sql}, ${pattern})`,
    isNaN_: (sql) => `ISNAN(${sql})`,
    // DuckDB binds a column named like the table's alias before the alias, so the row is packed from its columns.
    row_: 'STRUCT_PACK(*COLUMNS(account.*))',
    badName_: () => undefined,
  },
};
