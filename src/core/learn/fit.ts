// A sparse generalised linear model on binary features (each feature: the rows a candidate rule matches),
// fitted jointly, so two attributes that go together share their weight instead of counting twice. The
// elastic-net path (coordinate descent, one Newton step per coordinate) proposes supports of growing size;
// each support is refitted without the L1 shrinkage, and the support that ranks held-out rows best is kept.

import { concordance } from './concordance';

export type Family = 'logistic' | 'gaussian' | 'poisson';

export interface Problem {
  readonly family: Family;
  /** Per row: 1/0 (logistic, poisson counts) or the response (gaussian). */
  readonly y: Float64Array;
  /** Per row: a fixed part of the linear predictor (log months observed, for poisson). */
  readonly offset?: Float64Array;
  /** Per feature: the rows where it is 1, ascending. */
  readonly features: readonly Int32Array[];
}

export interface Fit {
  readonly intercept: number;
  /** One coefficient per feature, 0 outside the chosen support. */
  readonly coef: Float64Array;
}

// Bound once: in Apps Script (and node:vm) every global lookup in a loop costs a property search.
const { abs, exp, log, max, min, sign, sqrt } = Math;

/** L1 share of the elastic-net penalty: mostly L1 for sparsity, some L2 so near-duplicates share weight. */
const ALPHA = 0.9;
const PATH = 30;
const LAMBDA_MIN_RATIO = 0.005;
/** No coefficient beyond ±8 (odds of 3000:1): separable data would otherwise push it to infinity. */
const BOUND = 8;

interface State {
  /** Per row: the linear predictor, offset included. */
  readonly eta: Float64Array;
  readonly coef: Float64Array;
  intercept: number;
}

/** Folds of the cross-validation that picks how many rules to keep, and at most how many rows it uses. */
const FOLDS = 3;
const CV_ROWS = 3000;
/**
 * The path goes on until this many features more than the rules allowed have joined, each step cut back to
 * the strongest: the first features to join (often several bins of one strong number) are not always the
 * best few, which matters when few rules are allowed.
 */
const BEYOND = 8;

/**
 * The sparse model of at most `maxRules` features that ranks held-out rows best. The elastic-net path runs
 * on two thirds of the rows, three times, and each step is judged by how well its refitted weights rank the
 * other third (the concordance with the outcome: what the points table is judged by); the step that ranks
 * best, the earliest of equals, is then taken on every row and refitted. A criterion such as the (extended)
 * BIC keeps too few rules on a few hundred accounts, and they rank worse than a ridge regression on every
 * candidate. The learner passes rows sorted by their content, outcome first, so folds of every third row
 * get their share of won and lost.
 */
export function fitSparse(p: Problem, maxRules: number): Fit {
  const n = p.y.length;
  const scale: { lambdaMax?: number } = {};
  const full = path(p, maxRules, scale, false);
  let fit = full.next().value as Fit;
  const ranks = new Float64Array(PATH + 1);
  // On many rows, every k-th row is enough to tell which penalty ranks best, and costs far less.
  const every = Math.ceil(n / CV_ROWS);
  for (let f = 0; f < FOLDS; f++) {
    const train: number[] = [];
    const test: number[] = [];
    for (let i = 0; i < n; i += every) ((i / every) % FOLDS === f ? test : train).push(i);
    const held = subset(p, test);
    // The held-out rows ranked by their points: neither the intercept nor the months observed matter.
    const rank = ({ coef }: Fit) => {
      const points = new Float64Array(test.length);
      coef.forEach((c, j) => {
        if (c) for (const i of held.features[j]) points[i] += c;
      });
      return concordance(points, held.y);
    };
    let k = 0;
    let last = fit;
    for (const step of path(subset(p, train), maxRules, scale, true)) ranks[k++] += rank((last = step));
    // A path that ended early (far too many features) keeps its last step.
    for (const r = rank(last); k <= PATH; k++) ranks[k] += r;
  }
  for (let k = ranks.indexOf(max(...ranks)); k > 0; k--) {
    const step = full.next();
    if (step.done) break;
    fit = step.value;
  }
  return refit(p, fit);
}

/**
 * The elastic-net path from the intercept alone down a decreasing penalty, until more than `maxRules` +
 * BEYOND features join: per step, at most `maxRules` of them, refitted without the L1 shrinkage (with
 * `relax`), else as the penalty left them. The first path sets the largest penalty (the smallest that keeps
 * every feature out) in `scale`, and paths on parts of its rows follow it.
 */
function* path(p: Problem, maxRules: number, scale: { lambdaMax?: number }, relax: boolean): Generator<Fit> {
  const n = p.y.length;
  const state = start(p);
  const gradient = (j: number, mu: Float64Array) => {
    const rows = p.features[j];
    let g = 0;
    for (let k = 0; k < rows.length; k++) g += p.y[rows[k]] - mu[rows[k]];
    return g / n;
  };
  let mu = means(p, state.eta);
  const lambdaMax = (scale.lambdaMax ??= max(0, ...p.features.map((_, j) => abs(gradient(j, mu)))) / ALPHA);
  yield { intercept: state.intercept, coef: new Float64Array(p.features.length) };
  const seen = new Map<string, Fit>();
  const active: number[] = [];
  let previous: Fit | undefined;
  let previousL1 = lambdaMax * ALPHA;
  for (let k = 1; k <= PATH && lambdaMax > 0; k++) {
    const lambda = lambdaMax * LAMBDA_MIN_RATIO ** (k / PATH);
    const l1 = lambda * ALPHA;
    const l2 = lambda * (1 - ALPHA);
    // The sequential strong rule: features whose gradient is near the new penalty will likely join, so they
    // join now and the KKT check below rarely has to fit again.
    active.push(...p.features.map((_, j) => j).filter((j) => !active.includes(j) && abs(gradient(j, mu)) > 2 * l1 - previousL1));
    previousL1 = l1;
    for (let round = 0; round < 10; round++) {
      mu = converge(p, state, active, l1, l2);
      // Features outside the active set join when their gradient beats the penalty (the KKT check).
      const joined = p.features.map((_, j) => j).filter((j) => !active.includes(j) && abs(gradient(j, mu)) > l1);
      if (joined.length === 0) break;
      active.push(...joined);
    }
    const support = active.filter((j) => state.coef[j] !== 0);
    if (support.length > maxRules + BEYOND) return;
    const fit = { intercept: state.intercept, coef: state.coef.slice() };
    // Past maxRules, the features with the largest effect (weight times the feature's spread) are kept.
    const effect = (j: number) => abs(fit.coef[j]) * sqrt(p.features[j].length * (n - p.features[j].length));
    for (const j of support.sort((a, b) => effect(b) - effect(a)).splice(maxRules)) fit.coef[j] = 0;
    support.sort((a, b) => a - b);
    const key = support.join();
    if (relax && !seen.has(key)) seen.set(key, (previous = refit(p, fit, previous)));
    yield relax ? seen.get(key)! : fit;
  }
}

/**
 * The support of `fit` refitted without the L1 penalty: the lasso shrinks small effects most, which distorts
 * the relative weights that become points. Warm started from `previous` (a refit on fewer features), which is
 * closer than the shrunken path, for the features it has.
 */
function refit(p: Problem, fit: Fit, previous?: Fit): Fit {
  const coef = fit.coef.slice();
  const support: number[] = [];
  coef.forEach((c, j) => {
    if (c !== 0) {
      support.push(j);
      if (previous?.coef[j]) coef[j] = previous.coef[j];
    }
  });
  const relaxed = withCoef(p, coef, previous ? previous.intercept : fit.intercept);
  converge(p, relaxed, support, 0, 1e-4);
  return { intercept: relaxed.intercept, coef: relaxed.coef };
}

/** The problem on the rows at `rows` (ascending) only. */
function subset(p: Problem, rows: readonly number[]): Problem {
  const at = new Int32Array(p.y.length).fill(-1);
  rows.forEach((r, i) => (at[r] = i));
  const pick = (values: Float64Array) => Float64Array.from(rows, (r) => values[r]);
  return {
    family: p.family,
    y: pick(p.y),
    offset: p.offset && pick(p.offset),
    features: p.features.map((f) =>
      Int32Array.from(
        f.filter((r) => at[r] >= 0),
        (r) => at[r],
      ),
    ),
  };
}

/** A state with the given coefficients and its linear predictor. */
function withCoef(p: Problem, coef: Float64Array, intercept: number): State {
  const eta = new Float64Array(p.y.length);
  for (let i = 0; i < eta.length; i++) eta[i] = intercept + (p.offset ? p.offset[i] : 0);
  coef.forEach((c, j) => {
    if (c !== 0) for (const i of p.features[j]) eta[i] += c;
  });
  return { eta, coef, intercept };
}

function start(p: Problem): State {
  const n = p.y.length;
  const mean = p.y.reduce((a, b) => a + b, 0) / n;
  let intercept = p.family === 'gaussian' ? mean : p.family === 'logistic' ? log(mean / (1 - mean)) : 0;
  if (!Number.isFinite(intercept)) intercept = 0;
  const state: State = { eta: new Float64Array(n), coef: new Float64Array(p.features.length), intercept };
  for (let i = 0; i < n; i++) state.eta[i] = intercept + (p.offset ? p.offset[i] : 0);
  converge(p, state, [], 0, 0);
  return state;
}

/** The mean of each row at its linear predictor. */
function means(p: Problem, eta: Float64Array, mu: Float64Array = new Float64Array(eta.length)): Float64Array {
  if (p.family === 'gaussian') mu.set(eta);
  else if (p.family === 'logistic') for (let i = 0; i < eta.length; i++) mu[i] = 1 / (1 + exp(-eta[i]));
  else for (let i = 0; i < eta.length; i++) mu[i] = exp(eta[i]);
  return mu;
}

/** Per feature, the rows where it is 0 when that is the shorter list (a feature most rows have). */
const complements = new WeakMap<Problem, (Int32Array | undefined)[]>();

function complementsOf(p: Problem): (Int32Array | undefined)[] {
  let out = complements.get(p);
  if (!out) {
    const n = p.y.length;
    out = p.features.map((rows) => {
      if (rows.length <= n / 2) return undefined;
      const comp = new Int32Array(n - rows.length);
      for (let i = 0, k = 0, c = 0; i < n; i++) {
        if (k < rows.length && rows[k] === i) k++;
        else comp[c++] = i;
      }
      return comp;
    });
    complements.set(p, out);
  }
  return out;
}

/**
 * Penalised fit of the intercept and `features` by iteratively reweighted least squares: each outer step
 * takes the quadratic approximation of the loss at the current fit (weights w, working residuals), and
 * coordinate descent solves it with a few additions per row; only the outer step evaluates exp. Returns
 * the means at the fit.
 */
function converge(p: Problem, s: State, features: readonly number[], l1: number, l2: number): Float64Array {
  const n = p.y.length;
  const comp = complementsOf(p);
  const { w, res, mu } = scratch(p);
  const h = new Float64Array(p.features.length);
  const gaussian = p.family === 'gaussian';
  const logistic = p.family === 'logistic';
  const y = p.y;
  means(p, s.eta, mu);
  for (let outer = 0; outer < 25; outer++) {
    let h0 = 0;
    let wres = 0;
    for (let i = 0; i < n; i++) {
      const m = mu[i];
      const wi = gaussian ? 1 : max(logistic ? m * (1 - m) : m, 1e-6);
      w[i] = wi;
      res[i] = (y[i] - m) / wi;
      h0 += wi;
      wres += y[i] - m;
    }
    for (const j of features) {
      const rows = comp[j] ?? p.features[j];
      let sum = 0;
      for (let k = 0; k < rows.length; k++) sum += w[rows[k]];
      h[j] = (comp[j] ? h0 - sum : sum) / n;
    }
    // A change that moves every row's residual (the intercept, or a feature most rows have) is kept as one
    // pending shift: the residual of row i is res[i] - shift.
    let shift = 0;
    let moved = 0;
    for (let sweep = 0; sweep < 100; sweep++) {
      const d0 = clip(wres / h0 - shift);
      shift += d0;
      s.intercept += d0;
      let change = (h0 * d0 * d0) / n;
      for (const j of features) {
        // After a full sweep, only features in the model are revisited (the outer KKT check adds others).
        if (sweep > 0 && s.coef[j] === 0) continue;
        const other = comp[j];
        const rows = other ?? p.features[j];
        let sum = 0;
        for (let k = 0; k < rows.length; k++) sum += w[rows[k]] * res[rows[k]];
        const g = (other ? wres - sum : sum) / n - shift * h[j];
        const z = h[j] * s.coef[j] + g;
        const target = max(-BOUND, min(BOUND, (sign(z) * max(abs(z) - l1, 0)) / (h[j] + l2)));
        const d = clip(target - s.coef[j]);
        if (d === 0) continue;
        s.coef[j] += d;
        if (other) {
          // Every row but these moves by -d: shift all, move these back.
          shift += d;
          let back = 0;
          for (let k = 0; k < other.length; k++) {
            res[other[k]] += d;
            back += w[other[k]];
          }
          wres += d * back;
        } else {
          for (let k = 0; k < rows.length; k++) res[rows[k]] -= d;
          wres -= d * h[j] * n;
        }
        change = max(change, h[j] * d * d);
      }
      moved = max(moved, change);
      if (change < 1e-6) break;
    }
    // The new linear predictor: the working response less what is left of the residual.
    let most = 0;
    for (let i = 0; i < n; i++) {
      const eta = s.eta[i] + (y[i] - mu[i]) / w[i] - (res[i] - shift);
      most = max(most, abs(eta - s.eta[i]));
      s.eta[i] = eta;
    }
    means(p, s.eta, mu);
    // Done when the predictions settle, or when the coefficients hardly moved (rows the model separates
    // keep drifting towards certainty without changing any coefficient that matters).
    if (p.family === 'gaussian' || most < 1e-3 || moved < 1e-5) break;
  }
  return mu.slice();
}

const scratches = new WeakMap<Problem, { w: Float64Array; res: Float64Array; mu: Float64Array }>();

/** Per-row work arrays, allocated once per problem rather than once per fit. */
function scratch(p: Problem): { w: Float64Array; res: Float64Array; mu: Float64Array } {
  let out = scratches.get(p);
  const n = p.y.length;
  if (!out) scratches.set(p, (out = { w: new Float64Array(n), res: new Float64Array(n), mu: new Float64Array(n) }));
  return out;
}

function clip(d: number): number {
  return max(-2, min(2, d));
}
