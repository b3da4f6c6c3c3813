// The yardstick for ICP_SUGGEST: an L2-regularised logistic regression on the same candidate rules (or on
// every value and finer numeric bins), fitted by Newton's method, with its penalty chosen by inner
// cross-validation. Shared by `npm run bench -- --learn` and the unit test that keeps the points table close.

import { random } from './random.mjs';

/**
 * The core functions the baseline needs: the bench passes src/core compiled by esbuild, the tests import it.
 * @typedef {{
 *   readTable: (value: unknown) => { headers: string[], keys: string[], rows: any[][] },
 *   encodeTable: (rows: readonly any[][], keep?: boolean) => any,
 *   planColumns: (headers: readonly string[], codes: any, exclude: ReadonlyMap<number, string>, minSupport: number) => { plans: any[] },
 *   candidates: (plans: readonly any[], codes: any, rows: ArrayLike<number>, minSupport: number) => { column: number, attribute: string, operator: string, value: string }[],
 *   compileCriteria: (criteria: any, table: any) => { rules: any[] }[],
 *   parseCriteria: (grid: unknown) => any,
 *   ruleOutcomes: (rule: any, codes: any) => Int8Array,
 *   MATCH: number,
 *   CRITERIA_HEADER: string[],
 * }} Core
 */

/** @typedef {{ attribute: string, operator: string, value: string }} Rule */

/**
 * K folds over the rows, stratified by outcome (each fold gets its share of good and bad rows), seeded.
 * @param {ArrayLike<number>} good 1/0 per row
 * @param {number} k
 * @param {number} seed
 * @returns {Int32Array} the fold of each row
 */
export function stratifiedFolds(good, k, seed) {
  const next = random(seed);
  const fold = new Int32Array(good.length);
  for (const cls of [0, 1]) {
    const rows = [];
    for (let i = 0; i < good.length; i++) if (good[i] === cls) rows.push(i);
    // Fisher–Yates, then deal the shuffled rows round the folds.
    for (let i = rows.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [rows[i], rows[j]] = [rows[j], rows[i]];
    }
    rows.forEach((r, i) => {
      fold[r] = (i + cls) % k;
    });
  }
  return fold;
}

/**
 * The rules to use as features, learned from the training rows only: ICP_SUGGEST's candidates (the same
 * plans, support and readable edges), or with `unrestricted` every value seen twice and twenty exact
 * quantile edges per number.
 * @param {Core} core
 * @param {unknown[][]} train header row first
 * @param {number} outcomeColumn never a feature
 * @param {{ minSupport: number, unrestricted?: boolean }} options
 * @returns {Rule[]}
 */
export function featureRules(core, train, outcomeColumn, { minSupport, unrestricted = false }) {
  const table = core.readTable(train);
  const codes = core.encodeTable(table.rows, true);
  const support = unrestricted ? 2 : minSupport;
  const { plans } = core.planColumns(table.headers, codes, new Map([[outcomeColumn, 'the outcome']]), support);
  const all = Int32Array.from(table.rows.keys());
  /** @type {Rule[]} */
  const rules = core.candidates(plans, codes, all, support);
  if (unrestricted) {
    for (const plan of plans.filter((p) => p.kind === 'number')) {
      const values = Array.from(codes.numbers(plan.column))
        .filter((v) => v === v)
        .sort((a, b) => a - b);
      const edges = new Set();
      for (let q = 1; q < 20; q++) edges.add(values[Math.floor((q / 20) * values.length)]);
      edges.delete(values[0]);
      for (const edge of edges) rules.push({ attribute: plan.attribute, operator: '>=', value: String(edge) });
    }
  }
  return rules;
}

/**
 * Per row, the indices of the rules it matches (as the scorer matches them), ascending.
 * @param {Core} core
 * @param {unknown[][]} table header row first
 * @param {readonly Rule[]} rules
 * @returns {Int32Array[]}
 */
export function ruleMatrix(core, table, rules) {
  const read = core.readTable(table);
  const grid = [core.CRITERIA_HEADER, ...rules.map((r) => ['P', r.attribute, r.operator, r.value, 1, ''])];
  const compiled = core.compileCriteria(core.parseCriteria(grid), read)[0].rules;
  const codes = core.encodeTable(read.rows);
  /** @type {number[][]} */
  const rows = read.rows.map(() => []);
  compiled.forEach((rule, j) => {
    const outcome = core.ruleOutcomes(rule, codes);
    for (let i = 0; i < rows.length; i++) if (outcome[i] === core.MATCH) rows[i].push(j);
  });
  return rows.map((r) => Int32Array.from(r));
}

/**
 * L2-regularised logistic regression by Newton's method: minimises the summed log-loss plus (λ/2)‖β‖²,
 * the intercept unpenalised. Features are binary, given per row as the indices that are 1.
 * @param {readonly Int32Array[]} x
 * @param {ArrayLike<number>} y 1/0
 * @param {number} p number of features
 * @param {number} lambda
 * @param {Float64Array} [start] coefficients to start from (a warm start along the penalty grid)
 * @returns {Float64Array} the p coefficients, then the intercept
 */
export function fitLogistic(x, y, p, lambda, start) {
  const d = p + 1;
  const beta = start ? start.slice() : new Float64Array(d);
  for (let iteration = 0; iteration < 50; iteration++) {
    // Gradient and Hessian (lower triangle) of the penalised log-likelihood.
    const g = new Float64Array(d);
    const h = new Float64Array(d * d);
    for (let j = 0; j < p; j++) {
      g[j] = -lambda * beta[j];
      h[j * d + j] = lambda;
    }
    h[p * d + p] = 1e-9;
    for (let i = 0; i < x.length; i++) {
      const f = x[i];
      let eta = beta[p];
      for (let a = 0; a < f.length; a++) eta += beta[f[a]];
      const mu = 1 / (1 + Math.exp(-eta));
      const w = Math.max(mu * (1 - mu), 1e-12);
      const r = y[i] - mu;
      g[p] += r;
      h[p * d + p] += w;
      for (let a = 0; a < f.length; a++) {
        const row = f[a] * d;
        g[f[a]] += r;
        h[p * d + f[a]] += w;
        for (let b = 0; b <= a; b++) h[row + f[b]] += w;
      }
    }
    const step = solve(h, g, d);
    let most = 0;
    for (let j = 0; j < d; j++) most = Math.max(most, Math.abs(step[j]));
    // A damped step far from the optimum: pure Newton can overshoot where the data nearly separate.
    const scale = most > 4 ? 4 / most : 1;
    for (let j = 0; j < d; j++) beta[j] += scale * step[j];
    if (most < 1e-7) break;
  }
  return beta;
}

/**
 * Solves H s = g for a symmetric positive definite H given by its lower triangle (Cholesky).
 * @param {Float64Array} h d×d, row-major, lower triangle filled
 * @param {Float64Array} g
 * @param {number} d
 */
function solve(h, g, d) {
  const l = new Float64Array(d * d);
  for (let i = 0; i < d; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = h[i * d + j];
      for (let k = 0; k < j; k++) sum -= l[i * d + k] * l[j * d + k];
      l[i * d + j] = i === j ? Math.sqrt(Math.max(sum, 1e-12)) : sum / l[j * d + j];
    }
  }
  const z = new Float64Array(d);
  for (let i = 0; i < d; i++) {
    let sum = g[i];
    for (let k = 0; k < i; k++) sum -= l[i * d + k] * z[k];
    z[i] = sum / l[i * d + i];
  }
  for (let i = d - 1; i >= 0; i--) {
    let sum = z[i];
    for (let k = i + 1; k < d; k++) sum -= l[k * d + i] * z[k];
    z[i] = sum / l[i * d + i];
  }
  return z;
}

/**
 * The linear predictor of each row.
 * @param {readonly Int32Array[]} x
 * @param {Float64Array} beta
 */
export function predict(x, beta) {
  const p = beta.length - 1;
  return Float64Array.from(x, (f) => f.reduce((eta, j) => eta + beta[j], beta[p]));
}

const LAMBDAS = [300, 100, 30, 10, 3, 1, 0.3];

/**
 * Fits on `x`, `y` with the penalty from LAMBDAS that has the lowest held-out log-loss in a stratified
 * 3-fold cross-validation inside these rows.
 * @param {readonly Int32Array[]} x
 * @param {ArrayLike<number>} y
 * @param {number} p
 * @returns {{ beta: Float64Array, lambda: number }}
 */
export function fitLogisticCV(x, y, p, seed = 1) {
  const fold = stratifiedFolds(y, 3, seed);
  const loss = new Float64Array(LAMBDAS.length);
  for (let f = 0; f < 3; f++) {
    const inTrain = [...x.keys()].filter((i) => fold[i] !== f);
    const inTest = [...x.keys()].filter((i) => fold[i] === f);
    /** @type {Float64Array | undefined} */
    let beta;
    LAMBDAS.forEach((lambda, k) => {
      beta = fitLogistic(
        inTrain.map((i) => x[i]),
        inTrain.map((i) => y[i]),
        p,
        lambda,
        beta,
      );
      const eta = predict(
        inTest.map((i) => x[i]),
        beta,
      );
      inTest.forEach((i, t) => {
        loss[k] += Math.log1p(Math.exp(-Math.abs(eta[t]))) + Math.max(eta[t], 0) - y[i] * eta[t];
      });
    });
  }
  const best = loss.indexOf(Math.min(...loss));
  return { beta: fitLogistic(x, y, p, LAMBDAS[best]), lambda: LAMBDAS[best] };
}
