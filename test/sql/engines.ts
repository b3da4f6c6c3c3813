// Real SQL engines for the tests: DuckDB (@duckdb/node-api) and PostgreSQL (PGlite, PostgreSQL compiled to
// WebAssembly), loaded with one typed account table, plus the same table as Sheets would pass it to the bundle.

import { type DuckDBConnection, DuckDBInstance, dateValue, decimalValue } from '@duckdb/node-api';
import { PGlite } from '@electric-sql/pglite';

/** `decimal` is DECIMAL(10,2) in DuckDB and NUMERIC(10,2) in PostgreSQL: two decimals kept, as money columns. */
export type SqlType = 'text' | 'double' | 'decimal' | 'bigint' | 'integer' | 'boolean' | 'date';
export type SqlValue = string | number | boolean | null | { date: [number, number, number] };

export interface TypedColumn {
  readonly name: string;
  readonly type: SqlType;
  /** A collation per engine, e.g. `{ postgres: '"C"' }`, written after the type. */
  readonly collate?: { readonly duckdb?: string; readonly postgres?: string };
}

export interface TypedTable {
  readonly columns: readonly TypedColumn[];
  readonly rows: readonly SqlValue[][];
}

/** One scored row as the engines return it: blank tier and profile as "". */
export interface ScoredRow {
  readonly id: number;
  readonly score: number;
  readonly tier: string;
  readonly profile: string;
}

const PG_TYPES: Record<SqlType, string> = {
  text: 'TEXT',
  double: 'DOUBLE PRECISION',
  decimal: 'NUMERIC(10,2)',
  bigint: 'BIGINT',
  integer: 'INTEGER',
  boolean: 'BOOLEAN',
  date: 'DATE',
};
const DUCK_TYPES: Record<SqlType, string> = {
  text: 'VARCHAR',
  double: 'DOUBLE',
  decimal: 'DECIMAL(10,2)',
  bigint: 'BIGINT',
  integer: 'INTEGER',
  boolean: 'BOOLEAN',
  date: 'DATE',
};

// The loaders quote names themselves (not with the code under test), so a bug in ICP_SQL's quoting cannot
// hide behind the same bug in the fixture.
const quoteName = (name: string) => `"${name.replace(/"/g, '""')}"`;
const pad = (n: number) => String(n).padStart(2, '0');
const definition = (c: TypedColumn, engine: 'duckdb' | 'postgres') =>
  `${quoteName(c.name)} ${(engine === 'duckdb' ? DUCK_TYPES : PG_TYPES)[c.type]}${c.collate?.[engine] ? ` COLLATE ${c.collate[engine]}` : ''}`;

/** The table in DuckDB: a new in-memory database, or `into` an open connection (close() then leaves it open). */
export async function duckdb(table: TypedTable, name = 'accounts', into?: DuckDBConnection) {
  // One thread: the test files run side by side on a small machine.
  const connection = into ?? (await (await DuckDBInstance.create(':memory:', { threads: '1' })).connect());
  await connection.run(`CREATE TABLE ${quoteName(name)} (${table.columns.map((c) => definition(c, 'duckdb')).join(', ')})`);
  const appender = await connection.createAppender(name);
  for (const row of table.rows) {
    row.forEach((value, i) => {
      const type = table.columns[i].type;
      if (value === null) appender.appendNull();
      else if (type === 'text') appender.appendVarchar(value as string);
      else if (type === 'double') appender.appendDouble(value as number);
      else if (type === 'decimal') appender.appendDecimal(decimalValue(BigInt(Math.round((value as number) * 100)), 10, 2));
      else if (type === 'bigint') appender.appendBigInt(BigInt(value as number));
      else if (type === 'integer') appender.appendInteger(value as number);
      else if (type === 'boolean') appender.appendBoolean(value as boolean);
      else {
        const [year, month, day] = (value as { date: [number, number, number] }).date;
        appender.appendDate(dateValue({ year, month, day }));
      }
    });
    appender.endRow();
  }
  appender.closeSync();
  return {
    connection,
    async scored(sql: string): Promise<ScoredRow[]> {
      return toScored((await connection.runAndReadAll(`SELECT * FROM (${sql}) AS scored ORDER BY id`)).getRowObjectsJS());
    },
    async rows(sql: string) {
      return (await connection.runAndReadAll(sql)).getRowObjectsJS();
    },
    close: () => (into ? undefined : connection.closeSync()),
  };
}

export type Duck = Awaited<ReturnType<typeof duckdb>>;
export type { DuckDBConnection };

/** The table in PostgreSQL: a new PGlite, or `into` an open one (close() then leaves it open). */
export async function postgres(table: TypedTable, name = 'accounts', into?: PGlite) {
  const pg = into ?? new PGlite();
  await pg.exec(`CREATE TABLE ${quoteName(name)} (${table.columns.map((c) => definition(c, 'postgres')).join(', ')})`);
  const width = table.columns.length;
  for (let start = 0; start < table.rows.length; start += 500) {
    const batch = table.rows.slice(start, start + 500);
    const params = batch.flatMap((row) =>
      row.map((v) => (v !== null && typeof v === 'object' ? `${v.date[0]}-${pad(v.date[1])}-${pad(v.date[2])}` : typeof v === 'number' ? String(v) : v)),
    );
    const tuples = batch.map((_, r) => `(${Array.from({ length: width }, (_, c) => `$${r * width + c + 1}`).join(', ')})`);
    await pg.query(`INSERT INTO ${quoteName(name)} VALUES ${tuples.join(', ')}`, params);
  }
  return {
    pg,
    async scored(sql: string): Promise<ScoredRow[]> {
      return toScored((await pg.query<Record<string, unknown>>(`SELECT * FROM (${sql}) AS scored ORDER BY id`)).rows);
    },
    async rows(sql: string) {
      return (await pg.query<Record<string, unknown>>(sql)).rows;
    },
    close: () => (into ? undefined : pg.close()),
  };
}

export type Pg = Awaited<ReturnType<typeof postgres>>;

function toScored(rows: readonly Record<string, unknown>[]): ScoredRow[] {
  return rows.map((r) => ({
    id: Number(r.id),
    score: Number(r.icp_score),
    tier: r.icp_tier == null ? '' : String(r.icp_tier),
    profile: r.icp_profile == null ? '' : String(r.icp_profile),
  }));
}

/** The table as Sheets passes it to a custom function: header row first, NULL as "", dates as local dates. */
export function asSheet(table: TypedTable, DateType: DateConstructor): unknown[][] {
  return [
    table.columns.map((c) => c.name),
    ...table.rows.map((row) => row.map((v) => (v === null ? '' : typeof v === 'object' ? new DateType(v.date[0], v.date[1] - 1, v.date[2]) : v))),
  ];
}
