// npm run bench -- --learn: how well ICP_SUGGEST's whole-point table ranks accounts it has not seen (with the
// default 20 rules at most, and with max_rules=8), against an L2-regularised logistic regression on the same
// candidate rules and on every value (bench/baseline.mjs).
// The same stratified folds for every method; the table is learned by the built bundle and applied by its
// ICP_SCORE (whole points, the floor at 0, whole percents), the regression scores with its probabilities;
// both are judged by the core's concordance (ties count half). A public data set is read from
// $ICP_BENCH_DATA when it is there (see PUBLIC below); it is never committed.

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { loadCode } from '../tools/apps-script-vm.mjs';
import { csvToValues } from '../tools/csv.mjs';
import { loadCore } from '../tools/icp-core.mjs';
import { featureRules, fitLogisticCV, predict, ruleMatrix, stratifiedFolds } from './baseline.mjs';
import { dealTable, driverTable } from './data.mjs';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const ENTRY = `
export { readTable } from './src/core/table';
export { encodeTable } from './src/core/columns';
export { candidates, planColumns } from './src/core/learn/candidates';
export { concordance } from './src/core/learn/concordance';
export { learningInput } from './src/core/learn/outcome';
export { compileCriteria, ruleOutcomes, MATCH } from './src/core/scoring';
export { CRITERIA_HEADER, parseCriteria } from './src/core/criteria';
`;
const AS_OF = Date.UTC(2026, 5, 30);
const FOLDS = 5;

/**
 * IBM's Telco customer churn sample (7,043 customers, 26.5 % churned), as published on Kaggle and copied into
 * many public repositories as WA_Fn-UseC_-Telco-Customer-Churn.csv. Its licence is not stated plainly, so it
 * stays outside the repository: put the file in the folder $ICP_BENCH_DATA names.
 */
const PUBLIC = { file: 'WA_Fn-UseC_-Telco-Customer-Churn.csv', name: 'IBM Telco churn', outcome: 'Churn', options: 'outcome=churn' };

/**
 * A data set, drawn once per seed (synthetic sets; the others ignore it), each draw cross-validated `repeats`
 * times with fresh folds.
 * @typedef {{ name: string, table: (DateType: DateConstructor, seed: number) => unknown[][], outcome: string, options: string, seeds: number[], repeats: number }} DataSet
 * @typedef {{ name: string, rows: number, positives: number, table: number, eight: number, same: number, every: number, rules: number[], seconds: number[], draws: number[] }} Result
 */

/** @returns {DataSet[]} */
function dataSets() {
  const deals = (/** @type {number} */ rows) => (/** @type {DateConstructor} */ DateType, /** @type {number} */ seed) =>
    dealTable(rows, DateType, seed).map((row) => row.slice(0, 15));
  const drivers = (/** @type {number} */ rows) => (/** @type {DateConstructor} */ _, /** @type {number} */ seed) => driverTable(rows, seed);
  // A few hundred accounts vary from draw to draw more than the methods differ: five draws, each twice.
  const few = [21, 22, 23, 24, 25];
  /** @type {DataSet[]} */
  const sets = [
    {
      name: 'examples/accounts.csv',
      table: (DateType) => csvToValues(readFileSync(path.join(root, 'examples/accounts.csv'), 'utf8'), DateType),
      outcome: 'Won',
      options: 'asof=2026-06-30',
      seeds: [0],
      repeats: 20,
    },
    { name: 'deals, 300', table: deals(300), outcome: 'Won', options: 'asof=2026-06-30', seeds: few, repeats: 2 },
    { name: 'deals, 2,000', table: deals(2000), outcome: 'Won', options: 'asof=2026-06-30', seeds: [12], repeats: 1 },
    { name: 'deals, 10,000', table: deals(10_000), outcome: 'Won', options: 'asof=2026-06-30', seeds: [13], repeats: 1 },
    { name: 'drivers both ways, 300', table: drivers(300), outcome: 'Won', options: '', seeds: few, repeats: 2 },
    { name: 'drivers both ways, 2,000', table: drivers(2000), outcome: 'Won', options: '', seeds: [22], repeats: 1 },
    { name: 'drivers both ways, 10,000', table: drivers(10_000), outcome: 'Won', options: '', seeds: [23], repeats: 1 },
  ];
  const folder = process.env.ICP_BENCH_DATA;
  const file = folder ? path.join(folder, PUBLIC.file) : '';
  if (file && existsSync(file)) {
    sets.push({
      name: PUBLIC.name,
      table: (DateType) => csvToValues(readFileSync(file, 'utf8'), DateType),
      outcome: PUBLIC.outcome,
      options: PUBLIC.options,
      seeds: [0],
      repeats: 1,
    });
  } else {
    console.log(`  (${PUBLIC.name} skipped: put ${PUBLIC.file} in the folder ICP_BENCH_DATA names${folder ? `; not found in ${folder}` : ''})`);
  }
  return sets;
}

/**
 * Runs the data sets (those whose name matches `only`) and prints one line each as it finishes.
 * @param {RegExp} [only]
 * @returns {Promise<Result[]>}
 */
export async function benchLearn(only) {
  const core = await loadCore(ENTRY);
  const code = readFileSync(path.join(root, 'dist/Code.js'), 'utf8');
  const sheets = loadCode({}, code);
  const SheetsDate = vm.runInContext('Date', sheets);
  /** @type {Result[]} */
  const results = [];
  console.log(`ICP_SUGGEST against a logistic regression: mean AUC over held-out folds (${FOLDS} folds, stratified, the same for every method)`);
  console.log(
    `  ${'data set'.padEnd(26)} ${'rows'.padStart(6)} ${'won/ch'.padStart(6)}  table  LR same rules  LR every value  table−LR  rules  ≤8 rules  s (table/LR)`,
  );
  for (const set of dataSets().filter((s) => !only || only.test(s.name))) {
    const sums = { table: 0, eight: 0, same: 0, every: 0, folds: 0, rows: 0, positives: 0 };
    /** @type {number[]} */
    const rules = [];
    /** @type {number[]} */
    const draws = [];
    const seconds = [0, 0];
    for (const seed of set.seeds) {
      const hostTable = set.table(Date, seed);
      const sheetTable = set.table(SheetsDate, seed);
      const { outcome } = core.learningInput(hostTable, set.outcome, set.options, ['min_support', 'max_rules', 'profile'], AS_OF, 'ICP_SUGGEST');
      const labelled = [...hostTable.keys()].slice(1).filter((r) => outcome.y[r - 1] === outcome.y[r - 1]);
      // Good: won, or retained for churn; the table's points go with good accounts.
      const good = Float64Array.from(labelled, (r) => (outcome.kind === 'churn' ? 1 - outcome.y[r - 1] : outcome.y[r - 1]));
      sums.rows += labelled.length / set.seeds.length;
      sums.positives += labelled.reduce((sum, r) => sum + outcome.y[r - 1], 0) / set.seeds.length;
      const before = sums.table - sums.same;
      let folds = 0;
      for (let repeat = 0; repeat < set.repeats; repeat++) {
        const fold = stratifiedFolds(good, FOLDS, 1000 + repeat);
        for (let f = 0; f < FOLDS; f++) {
          const train = labelled.filter((_, i) => fold[i] !== f);
          const test = labelled.filter((_, i) => fold[i] === f);
          const testGood = Float64Array.from(labelled.flatMap((_, i) => (fold[i] === f ? [good[i]] : [])));
          const trainGood = Float64Array.from(labelled.flatMap((_, i) => (fold[i] !== f ? [good[i]] : [])));
          const rowsOf = (/** @type {unknown[][]} */ t, /** @type {number[]} */ at) => [t[0], ...at.map((r) => t[r])];

          // (a) The whole-point table, learned and applied by the bundle as a sheet would; then with 8 rules at most.
          let start = process.hrtime.bigint();
          for (const options of [set.options, [set.options, 'max_rules=8'].filter(Boolean).join('; ')]) {
            const suggestion = sheets.ICP_SUGGEST(rowsOf(sheetTable, train), set.outcome, options);
            const end = suggestion.findIndex((/** @type {unknown[]} */ row) => row[1] === '');
            // No rule (nothing beat chance on these rows) scores every account alike: a coin toss.
            const scores =
              end <= 1
                ? new Float64Array(test.length)
                : Float64Array.from(sheets.ICP_SCORE(rowsOf(sheetTable, test), suggestion).slice(1), (/** @type {unknown[]} */ row) => Number(row[0]));
            if (options === set.options) {
              rules.push(end - 1);
              sums.table += core.concordance(scores, testGood);
            } else sums.eight += core.concordance(scores, testGood);
          }
          seconds[0] += Number(process.hrtime.bigint() - start) / 1e9;

          // (b) and (c): the regression on the same candidates, and on every value and finer bins.
          start = process.hrtime.bigint();
          const minSupport = Math.max(5, Math.ceil(train.length / 100));
          for (const unrestricted of [false, true]) {
            const features = featureRules(core, rowsOf(hostTable, train), outcome.column, { minSupport, unrestricted });
            const { beta } = fitLogisticCV(ruleMatrix(core, rowsOf(hostTable, train), features), trainGood, features.length);
            const auc = core.concordance(predict(ruleMatrix(core, rowsOf(hostTable, test), features), beta), testGood);
            if (unrestricted) sums.every += auc;
            else sums.same += auc;
          }
          seconds[1] += Number(process.hrtime.bigint() - start) / 1e9;
          sums.folds++;
          folds++;
        }
      }
      draws.push((sums.table - sums.same - before) / folds);
    }
    const result = {
      name: set.name,
      rows: Math.round(sums.rows),
      positives: Math.round(sums.positives),
      table: sums.table / sums.folds,
      eight: sums.eight / sums.folds,
      same: sums.same / sums.folds,
      every: sums.every / sums.folds,
      rules,
      seconds,
      draws,
    };
    results.push(result);
    const fmt = (/** @type {number} */ x) => x.toFixed(3);
    const signed = (/** @type {number} */ x) => (fmt(Math.abs(x)) === fmt(0) ? ' ' : x > 0 ? '+' : '−') + fmt(Math.abs(x));
    const sorted = [...rules].sort((a, b) => a - b);
    const range = sorted[0] === sorted[sorted.length - 1] ? `${sorted[0]}` : `${sorted[0]}–${sorted[sorted.length - 1]}`;
    const runs = [set.seeds.length > 1 ? `${set.seeds.length} draws` : '', set.repeats > 1 ? `${set.repeats}×` : ''].filter(Boolean).join(' × ');
    const spread = draws.length > 1 ? `; table−LR per draw ${signed(Math.min(...draws))} to ${signed(Math.max(...draws))}` : '';
    console.log(
      `  ${set.name.padEnd(26)} ${String(result.rows).padStart(6)} ${String(result.positives).padStart(6)}  ${fmt(result.table)}  ${fmt(result.same).padStart(13)}  ${fmt(result.every).padStart(14)}  ${signed(result.table - result.same).padStart(8)}  ${range.padStart(5)}  ${fmt(result.eight).padStart(8)}  ${seconds[0].toFixed(1)}/${seconds[1].toFixed(1)}${runs ? ` (${runs} ${FOLDS} folds${spread})` : ''}`,
    );
  }
  return results;
}
