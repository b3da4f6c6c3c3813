// npm run bench -- --sql: 1 and 10 million generated accounts scored by DuckDB through ICP_SQL's query,
// beside the bundle's ICP_SCORE, ICP_TIER and ICP_MATCH on the same rows. The rows are generated in chunks;
// each chunk is appended to DuckDB and scored by the bundle (10 million rows at once would not fit one
// custom-function call anyway), so the JS figure is the sum of the chunks' scoring times.

import vm from 'node:vm';
import { DuckDBInstance, dateValue } from '@duckdb/node-api';
import { loadCode } from '../tools/apps-script-vm.mjs';
import { scoreWithDuckDB } from '../tools/score-duckdb.mjs';
import { CRITERIA, HEADER } from './data.mjs';
import { random } from './random.mjs';

const CHUNK = 250_000;
const INDUSTRIES = ['SaaS', 'Fintech', 'E-commerce', 'Healthcare', 'Manufacturing', 'Logistics', 'Media', 'Education', 'saas ', 'FinTech'];
const MODELS = ['B2B SaaS', 'Marketplace', 'Services', 'B2B2C', 'Hardware'];
const REGIONS = ['DACH', 'US', 'UK', 'Nordics', 'France', 'Benelux', 'Dach'];
const STACKS = ['HubSpot, Slack', 'Salesforce, Slack, Jira', 'Pipedrive | Notion', 'SAP; Excel', 'HubSpot, Jira', 'Salesforce', 'Zoho', ''];
// Column types for DuckDB, in HEADER order; numbers are typed as a warehouse types them.
const TYPES = ['VARCHAR', 'VARCHAR', 'VARCHAR', 'VARCHAR', 'INTEGER', 'DOUBLE', 'VARCHAR', 'VARCHAR', 'DOUBLE', 'BOOLEAN', 'DATE', 'DOUBLE'];

/** @typedef {string | number | boolean | number[] | null} Value */

/**
 * One chunk of rows, as plain values (null for blank), numbers typed, dates as [year, month, day].
 * @param {() => number} next @param {number} from @param {number} count
 */
function chunk(next, from, count) {
  const pick = (/** @type {string[]} */ list) => list[Math.floor(next() * list.length)];
  /** @type {Value[][]} */
  const rows = [];
  for (let i = from; i < from + count; i++) {
    const employees = Math.round(10 + next() * 5000);
    rows.push([
      `Account ${i}`,
      pick(INDUSTRIES),
      pick(MODELS),
      next() < 0.3 ? `https://example.com/case/${i}` : null,
      i % 17 === 0 ? null : employees,
      Math.round(employees * (50_000 + next() * 150_000)),
      pick(REGIONS),
      pick(STACKS),
      Math.round(employees * (5 + next() * 15)),
      next() < 0.2,
      [2020 + Math.floor(next() * 6), 1 + Math.floor(next() * 12), 1],
      i % 5 === 0 ? null : Math.round(2000 + next() * 50_000),
    ]);
  }
  return rows;
}

/** @param {import('@duckdb/node-api').DuckDBAppender} appender @param {Value[][]} rows */
function append(appender, rows) {
  for (const row of rows) {
    row.forEach((v, c) => {
      if (v === null) appender.appendNull();
      else if (TYPES[c] === 'VARCHAR') appender.appendVarchar(/** @type {string} */ (v));
      else if (TYPES[c] === 'INTEGER') appender.appendInteger(/** @type {number} */ (v));
      else if (TYPES[c] === 'DOUBLE') appender.appendDouble(/** @type {number} */ (v));
      else if (TYPES[c] === 'BOOLEAN') appender.appendBoolean(/** @type {boolean} */ (v));
      else {
        const [year, month, day] = /** @type {number[]} */ (v);
        appender.appendDate(dateValue({ year, month, day }));
      }
    });
    appender.endRow();
  }
}

/** Runs the comparison for `total` rows; returns the figures. @param {number} total */
export async function benchSql(total) {
  const context = loadCode();
  const DateType = vm.runInContext('Date', context);
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const threads = (await connection.runAndReadAll("SELECT current_setting('threads') AS t")).getRowObjectsJS()[0].t;
  await connection.run(`CREATE TABLE accounts (${HEADER.map((h, c) => `"${h}" ${TYPES[c]}`).join(', ')})`);
  const appender = await connection.createAppender('accounts');
  const next = random(42);
  let jsMs = 0;
  /** @type {Record<string, number>} */
  const jsTiers = {};
  for (let from = 0; from < total; from += CHUNK) {
    const rows = chunk(next, from, Math.min(CHUNK, total - from));
    append(appender, rows);
    const table = [
      HEADER,
      ...rows.map((r) =>
        r.map((v, c) => {
          if (v === null) return '';
          if (TYPES[c] !== 'DATE') return v;
          const [year, month, day] = /** @type {number[]} */ (v);
          return new DateType(year, month - 1, day);
        }),
      ),
    ];
    const start = process.hrtime.bigint();
    context.ICP_SCORE(table, CRITERIA);
    const tiers = context.ICP_TIER(table, CRITERIA);
    context.ICP_MATCH(table, CRITERIA);
    jsMs += Number(process.hrtime.bigint() - start) / 1e6;
    for (let r = 1; r < tiers.length; r++) jsTiers[tiers[r][0]] = (jsTiers[tiers[r][0]] ?? 0) + 1;
  }
  appender.closeSync();
  const duck = await scoreWithDuckDB({ input: 'accounts', criteria: CRITERIA, connection });
  const agree = duck.tiers.every((t) => jsTiers[String(t.tier)] === t.count) && duck.tiers.reduce((n, t) => n + t.count, 0) === total;
  connection.closeSync();
  return { total, jsMs, duckMs: duck.ms, threads, agree };
}
