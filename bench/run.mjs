// npm run bench: throughput of the built bundle in node:vm on 100,000 synthetic accounts, against one bare
// pass over the same cells; cold load time and size of dist/Code.js. Prints figures; asserts nothing.
// npm run bench -- --sql adds 1 and 10 million rows through DuckDB beside the bundle (a few minutes);
// npm run bench -- --learn how well ICP_SUGGEST's table ranks held-out accounts against a logistic regression.

import { readFileSync, statSync } from 'node:fs';
import vm from 'node:vm';
import { CODE_PATH, loadCode } from '../tools/apps-script-vm.mjs';
import { accountTable, CRITERIA, dealTable } from './data.mjs';

const ROWS = 100_000;
const RUNS = 7;

/** @param {number[]} values */
function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/**
 * @template T
 * @param {() => T} fn
 * @returns {{ ms: number, result: T | undefined }}
 */
function time(fn, runs = RUNS) {
  const samples = [];
  let result;
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    result = fn();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return { ms: median(samples), result };
}

const code = readFileSync(CODE_PATH, 'utf8');
const context = loadCode({}, code);
const table = accountTable(ROWS, vm.runInContext('Date', context));

// One pass that reads every cell once: the floor any scoring must pay.
const bare = time(() => {
  let filled = 0;
  for (let r = 1; r < table.length; r++) {
    const row = table[r];
    for (let c = 0; c < row.length; c++) if (row[c] !== '') filled++;
  }
  return filled;
});

/** @type {Record<string, { ms: number }>} */
const results = {};
for (const name of ['ICP_SCORE', 'ICP_TIER', 'ICP_MATCH', 'ICP_EXPLAIN']) {
  results[name] = time(() => context[name](table, CRITERIA), name === 'ICP_EXPLAIN' ? 3 : RUNS);
}
const segments = typeof context.ICP_SEGMENTS === 'function' ? time(() => context.ICP_SEGMENTS(table, 'Industry, Region', 'asof=2026-06-30')) : undefined;

// Learning: a fresh context per call, as Apps Script loads the bundle for every custom-function call, on
// deals with 15 columns (known drivers, an ID, free text, dates and noise; see dealTable).
/** @type {Record<string, { ms: number, rules: number }>} */
const learning = {};
for (const [rows, runs] of [
  [10_000, 3],
  [50_000, 1],
]) {
  const fresh = loadCode({}, code);
  const deals = dealTable(rows, vm.runInContext('Date', fresh)).map((row) => row.slice(0, 15));
  let rules = 0;
  const { ms } = time(() => {
    const result = loadCode({}, code).ICP_SUGGEST(deals, 'Won', 'asof=2026-06-30');
    rules = result.findIndex((/** @type {unknown[]} */ row) => row[1] === '') - 1;
  }, runs);
  learning[`ICP_SUGGEST ${fmtRows(rows)} deals`] = { ms, rules };
}
const validate = typeof context.ICP_VALIDATE === 'function' ? time(() => context.ICP_VALIDATE(table, CRITERIA, 'Churned'), 3) : undefined;

const loads = [];
for (let i = 0; i < 30; i++) {
  const start = process.hrtime.bigint();
  vm.runInContext(code, vm.createContext({}), { filename: `Code-${i}.js` });
  loads.push(Number(process.hrtime.bigint() - start) / 1e6);
}

// Run with --expose-gc (npm run bench does) so both readings follow a full collection.
const collect = /** @type {() => void} */ (globalThis.gc ?? (() => {}));
// Held while the result is referenced, less after it is dropped: garbage the runs above left behind is
// collected in both readings, so it cannot make the figure negative.
let kept = context.ICP_SCORE(table, CRITERIA);
const keptRows = kept.length;
collect();
const heapWith = process.memoryUsage().heapUsed;
kept = null;
collect();
const heapWithout = process.memoryUsage().heapUsed;

/** @param {number} n */
function fmtRows(n) {
  return n.toLocaleString('en-US');
}

/** @param {number} n */
const fmt = (n, digits = 1) => n.toLocaleString('en-US', { maximumFractionDigits: digits });
console.log(`icp-sheets benchmark: ${fmt(ROWS, 0)} rows × ${table[0].length} columns × ${CRITERIA.length - 1} rules (2 profiles), node ${process.version}`);
console.log(`  bare pass over every cell     ${fmt(bare.ms, 2)} ms`);
for (const [name, { ms }] of Object.entries(results)) {
  console.log(`  ${name.padEnd(28)}  ${fmt(ms, 1)} ms  ${fmt((ROWS / ms) * 1000, 0)} rows/s  ${fmt(ms / bare.ms, 1)}× bare pass`);
}
if (segments) console.log(`  ${'ICP_SEGMENTS (Industry, Region)'.padEnd(28)}  ${fmt(segments.ms, 1)} ms`);
if (validate) console.log(`  ${'ICP_VALIDATE (churn)'.padEnd(28)}  ${fmt(validate.ms, 1)} ms`);
for (const [name, { ms, rules }] of Object.entries(learning)) {
  console.log(`  ${name.padEnd(28)}  ${fmt(ms / 1000, 2)} s (cold, 5-fold cross-validation included; ${rules} rules)`);
}
console.log(`  cold load of dist/Code.js     ${fmt(median(loads), 2)} ms (median of ${loads.length})`);
console.log(`  size of dist/Code.js          ${fmt(statSync(CODE_PATH).size / 1024, 1)} KB`);
console.log(`  heap held by one ICP_SCORE result  ${fmt((heapWith - heapWithout) / 1024 / 1024, 2)} MB (${keptRows} rows)`);

if (process.argv.includes('--sql')) {
  const { benchSql } = await import('./sql.mjs');
  console.log(`ICP_SQL on DuckDB beside the bundle (score + tier + best profile of every row; the bundle in chunks of 250,000 rows):`);
  for (const total of [1_000_000, 10_000_000]) {
    const r = await benchSql(total);
    const rate = (/** @type {number} */ ms) => `${fmt((total / ms) * 1000, 0)} rows/s`;
    console.log(
      `  ${fmt(total, 0).padStart(10)} rows  DuckDB (${r.threads} threads) ${fmt(r.duckMs / 1000, 1)} s, ${rate(r.duckMs)}` +
        `  ·  bundle ICP_SCORE+ICP_TIER+ICP_MATCH ${fmt(r.jsMs / 1000, 1)} s, ${rate(r.jsMs)}  ·  tier counts agree: ${r.agree ? 'yes' : 'NO'}`,
    );
  }
}

if (process.argv.includes('--learn')) {
  const { benchLearn } = await import('./learn.mjs');
  await benchLearn();
}
