// ICP_SUGGEST's whole-point table against the yardstick of bench/learn.mjs: an L2 logistic regression on the
// same candidate rules. Both are learned on the same training folds and judged on the held-out ones, the
// table as ICP_SCORE applies it; the table may fall behind by at most the stated margin.

import { describe, expect, it } from 'vitest';
import { type Core, featureRules, fitLogisticCV, predict, ruleMatrix, stratifiedFolds } from '../../bench/baseline.mjs';
import { dealTable, driverTable } from '../../bench/data.mjs';
import type { Cell } from '../../src/core/cells';
import { encodeTable } from '../../src/core/columns';
import { CRITERIA_HEADER, parseCriteria } from '../../src/core/criteria';
import * as icp from '../../src/core/icp';
import { candidates, planColumns } from '../../src/core/learn/candidates';
import { concordance } from '../../src/core/learn/concordance';
import { learningInput } from '../../src/core/learn/outcome';
import { suggestCriteria, suggestionTable } from '../../src/core/learn/suggest';
import { compileCriteria, MATCH, ruleOutcomes } from '../../src/core/scoring';
import { readTable } from '../../src/core/table';

const core = { readTable, encodeTable, planColumns, candidates, compileCriteria, parseCriteria, ruleOutcomes, MATCH, CRITERIA_HEADER } as unknown as Core;
const AS_OF = Date.UTC(2026, 5, 30);

/** Mean held-out AUC of the points table and of the regression over k stratified folds of each table. */
function heldOut(tables: Cell[][][], k: number): { table: number; regression: number } {
  let table = 0;
  let regression = 0;
  let folds = 0;
  for (const all of tables) {
    // Open deals (no outcome) are left out, as the learner leaves them out.
    const { outcome } = learningInput(all, 'Won', '', [], AS_OF, 'TEST');
    const t = all.filter((_, r) => r === 0 || outcome.y[r - 1] === outcome.y[r - 1]);
    const rows = t.slice(1);
    const won = outcome.y.filter((y) => y === y);
    const fold = stratifiedFolds(won, k, 1);
    const part = (f: number, held: boolean) => [t[0], ...rows.filter((_, i) => (fold[i] === f) === held)];
    const outcomes = (f: number, held: boolean) => Float64Array.from(won.filter((_, i) => (fold[i] === f) === held));
    for (let f = 0; f < k; f++) {
      const [train, test] = [part(f, false), part(f, true)];
      const suggestion = suggestCriteria(train, 'Won', '', AS_OF);
      // No rule scores every account alike: a coin toss (ICP_SCORE refuses criteria without rules).
      const scores =
        suggestion.rules.length === 0 ? test.slice(1).map(() => 0) : icp.scores(icp.scoreSheet(test, suggestionTable(suggestion), '', '', 'TEST')).map(Number);
      table += concordance(scores, outcomes(f, true));
      const features = featureRules(core, train, outcome.column, { minSupport: Math.max(5, Math.ceil((train.length - 1) / 100)) });
      const { beta } = fitLogisticCV(ruleMatrix(core, train, features), outcomes(f, false), features.length);
      regression += concordance(predict(ruleMatrix(core, test, features), beta), outcomes(f, true));
      folds++;
    }
  }
  return { table: table / folds, regression: regression / folds };
}

describe('the learned points table against a logistic regression on the same candidates', () => {
  it('ranks held-out deals within 0.02 AUC of it on 2,000 deals whose drivers pull both ways', () => {
    const { table, regression } = heldOut([driverTable(2000, 22) as Cell[][]], 3);
    expect(regression).toBeGreaterThan(0.7);
    expect(table).toBeGreaterThan(regression - 0.02);
  }, 60_000);

  it('ranks held-out deals within 0.03 AUC of it on a few hundred deals (three draws of 300)', () => {
    const tables = [31, 32, 33].flatMap((seed) => [driverTable(300, seed) as Cell[][], (dealTable(300, Date, seed) as Cell[][]).map((r) => r.slice(0, 15))]);
    const { table, regression } = heldOut(tables, 5);
    expect(regression).toBeGreaterThan(0.6);
    expect(table).toBeGreaterThan(regression - 0.03);
  }, 60_000);
});
