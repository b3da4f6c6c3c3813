// Scores a CSV or Parquet file of any size with DuckDB through the query ICP_SQL writes, matching the
// criteria to the file's real columns as the sheet matches headers, and refusing numeric rules on text columns
// and files that already hold icp_score, icp_tier or icp_profile columns.

import path from 'node:path';
import { DuckDBInstance, DuckDBPendingResultState } from '@duckdb/node-api';
import { loadCore } from './icp-core.mjs';

const DUCK_NUMERIC = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|DOUBLE|DECIMAL)/;

/** A DuckDB string literal (file names are the only text this tool writes into SQL itself). */
const literal = (/** @type {string} */ text) => `'${text.replace(/'/g, "''")}'`;

/** The file as a relation: Parquet by its extension, anything else as CSV (delimiter and types detected). */
export function reader(/** @type {string} */ file) {
  return /\.parquet$/i.test(file) ? `read_parquet(${literal(file)})` : `read_csv(${literal(file)})`;
}

/**
 * @param {object} job
 * @param {string} job.input CSV or Parquet file, or a DuckDB relation when `connection` is given
 * @param {unknown[][]} job.criteria the criteria grid (header row first)
 * @param {unknown[][] | ''} [job.tiers] a tiers grid, or '' for the defaults
 * @param {string} [job.profile]
 * @param {'zero' | 'neutral'} [job.missing]
 * @param {string} [job.out] where to write the scored rows: .parquet or .csv; omitted: a temporary table
 * @param {(done: { percentage: number, rows: number, total: number }) => void} [job.progress]
 * @param {import('@duckdb/node-api').DuckDBConnection} [job.connection] an open connection whose `accounts` to use
 */
export async function scoreWithDuckDB(job) {
  const core = await loadCore();
  const connection = job.connection ?? (await (await DuckDBInstance.create(':memory:')).connect());
  if (!job.connection) await connection.run(`CREATE VIEW accounts AS SELECT * FROM ${reader(job.input)}`);
  const described = (await connection.runAndReadAll('DESCRIBE accounts')).getRowObjectsJS();
  const headers = described.map((c) => String(c.column_name));
  const table = { headers, keys: headers.map(core.normalizeText) };
  const name = job.connection ? 'the table' : path.basename(job.input);
  core.assertUnscored(headers, name);

  const columnOf = (/** @type {{ row: number, attribute: string, operator: string }} */ rule) => {
    const index = core.findColumn(table, [rule.attribute]);
    if (index < 0) throw core.criteriaError(rule.row, 'Attribute', core.unknownColumn(table, rule.attribute));
    const type = String(described[index].column_type);
    if (core.NUMERIC_OPERATORS.has(rule.operator) && !DUCK_NUMERIC.test(type)) {
      throw core.criteriaError(
        rule.row,
        'Attribute',
        `"${headers[index]}" is ${type} in ${name}, and "${rule.operator}" compares numbers. In SQL numeric rules need a ` +
          'numeric column: write the numbers plainly (1200, not 1.200 or 1,2 Tsd), or score with the default JS engine, which reads them.',
      );
    }
    return headers[index];
  };

  const sql = core.criteriaToSql(job.criteria, {
    dialect: 'duckdb',
    table: 'accounts',
    profile: job.profile ?? '',
    missing: job.missing ?? 'zero',
    tiers: core.parseTiers(job.tiers ?? ''),
    columnOf,
  });

  await connection.run('SET enable_progress_bar = true; SET enable_progress_bar_print = false; SET progress_bar_time = 0');
  const format = job.out && /\.parquet$/i.test(job.out) ? 'FORMAT parquet' : 'FORMAT csv, HEADER';
  const statement = job.out ? `COPY (${sql}) TO ${literal(job.out)} (${format})` : `CREATE OR REPLACE TEMP TABLE scored AS ${sql}`;
  const started = Date.now();
  const pending = await connection.start(statement);
  let shown = 0;
  for (;;) {
    const state = pending.runTask();
    if (state === DuckDBPendingResultState.RESULT_READY) break;
    if (job.progress && Date.now() - shown > 250) {
      shown = Date.now();
      const p = connection.progress;
      if (p.percentage >= 0) job.progress({ percentage: p.percentage, rows: Number(p.rows_processed), total: Number(p.total_rows_to_process) });
    }
    if (state === DuckDBPendingResultState.NO_TASKS_AVAILABLE) await new Promise((resolve) => setTimeout(resolve, 10));
  }
  await pending.getResult();
  const ms = Date.now() - started;
  const source = job.out ? reader(job.out) : 'scored';
  const summary = (
    await connection.runAndReadAll(`SELECT icp_tier AS tier, count(*) AS n FROM ${source} GROUP BY icp_tier ORDER BY icp_tier`)
  ).getRowObjectsJS();
  const rows = summary.reduce((total, r) => total + Number(r.n), 0);
  return { sql, ms, rows, tiers: summary.map((r) => ({ tier: r.tier ?? '', count: Number(r.n) })), connection };
}
