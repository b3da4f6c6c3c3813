// From model weights to whole points, judged as the scorer applies them. As in FasterRisk, the continuous
// sparse solution is scaled by several multipliers and rounded, and the rounded table that ranks best wins;
// unlike a model's loss, the judge here sees what users get: scores clamped at 0 (rows whose points sum below
// zero tie), rounded to whole percents of the possible points. A negative rule can often say the same as a
// positive `is not` (or `<`, `is not blank`) rule without reaching the floor; each rewrite is kept when it
// ranks better, and each rule is dropped when the ranking does as well without it.

import type { Candidate } from './candidates';

export interface PointRule {
  readonly column: number;
  readonly attribute: string;
  readonly operator: string;
  readonly value: string;
  readonly points: number;
}

/**
 * Largest whole points to try. The best ranking wins; among equals, the table whose points add up closest
 * to 100 (negative ones may yet become positive `is not` rules), so that points read as percents of the
 * score, as in a hand-made table.
 */
const SCALES = [3, 4, 5, 6, 8, 10, 12, 15, 20, 25, 30, 40, 50, 60, 80, 100];

const OPPOSITE: Readonly<Record<string, string>> = { is: 'is not', '>=': '<', 'is blank': 'is not blank' };

/**
 * Whole points for weighted candidates (positive weight: goes with good accounts). `judge` ranks a points
 * table on the training rows (higher is better, e.g. the AUC of the scores).
 */
export function toPoints(weighted: readonly { candidate: Candidate; weight: number }[], judge: (rules: PointRule[]) => number): PointRule[] {
  const top = Math.max(...weighted.map((w) => Math.abs(w.weight)));
  if (!(top > 0)) return [];
  let best: PointRule[] = [];
  let bestScore = -Infinity;
  for (const scale of SCALES) {
    const rules = weighted.map(({ candidate, weight }) => ({ ...candidate, points: Math.round((scale * weight) / top) })).filter((r) => r.points !== 0);
    const score = judge(rules);
    if (score > bestScore || (score === bestScore && distance(rules) < distance(best))) {
      best = rules;
      bestScore = score;
    }
  }
  // Rewrite the strongest negative rules first; keep each rewrite that ranks strictly better.
  const negatives = best.map((_, i) => i).filter((i) => best[i].points < 0 && OPPOSITE[best[i].operator]);
  negatives.sort((a, b) => best[a].points - best[b].points);
  for (const i of negatives) {
    const rule = best[i];
    const tried = best.slice();
    tried[i] = { ...rule, operator: OPPOSITE[rule.operator], points: -rule.points };
    const score = judge(tried);
    if (score > bestScore) {
      best = tried;
      bestScore = score;
    }
  }
  // Drop rules the ranking does not need, smallest first: fewer rules read better and generalise better.
  for (const rule of best.slice().sort((a, b) => Math.abs(a.points) - Math.abs(b.points))) {
    const tried = best.filter((r) => r !== rule);
    const score = judge(tried);
    if (score >= bestScore) {
      best = tried;
      bestScore = score;
    }
  }
  return mergeValues(best);
}

function distance(rules: readonly PointRule[]): number {
  return Math.abs(rules.reduce((sum, r) => sum + Math.abs(r.points), 0) - 100);
}

/** `is A: +10` and `is B: +10` on one column become `is A, B: +10`: a cell has one value, so this is exact. */
function mergeValues(rules: readonly PointRule[]): PointRule[] {
  const out: PointRule[] = [];
  for (const rule of rules) {
    const same = rule.operator === 'is' && out.find((o) => o.operator === 'is' && o.column === rule.column && o.points === rule.points);
    if (same) out[out.indexOf(same)] = { ...same, value: `${same.value}, ${rule.value}` };
    else out.push(rule);
  }
  return out;
}
