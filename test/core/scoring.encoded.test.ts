// The encoded scorer (one read of each column, outcome tables per distinct cell, a rule-by-rule loop) must
// score exactly as the row-by-row scorer it replaced. That scorer is kept here, in a few lines, as the oracle.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Cell, cellText, isBlank, isBlankRow } from '../../src/core/cells';
import { encodeTable, subsetCodes } from '../../src/core/columns';
import { parseCriteria, type Rule } from '../../src/core/criteria';
import { parseNumber } from '../../src/core/numbers';
import { compileCriteria, scoreRow, scoreTable } from '../../src/core/scoring';
import { readTable } from '../../src/core/table';
import { normalizeText, splitList } from '../../src/core/text';

/** The outcome of a rule on a cell as the scorer before the encoding computed it: 1 match, 0 no match, -1 missing. */
function oracleOutcome(rule: Rule, cell: Cell): number {
  const { operator: op, low, high } = rule;
  if (op === 'is blank') return isBlank(cell) ? 1 : 0;
  if (op === 'is not blank') return isBlank(cell) ? 0 : 1;
  if (['between', '>=', '<=', '>', '<'].includes(op)) {
    const n = typeof cell === 'number' ? cell : parseNumber(cell);
    if (Number.isNaN(n)) return -1;
    const hit = op === 'between' ? n >= low && n <= high : op === '>=' ? n >= low : op === '<=' ? n <= low : op === '>' ? n > low : n < low;
    return hit ? 1 : 0;
  }
  const text = cellText(cell);
  const key = normalizeText(text);
  if (key === '') return -1;
  const values = new Set(rule.values);
  const hit =
    op === 'is'
      ? values.has(key)
      : op === 'is not'
        ? !values.has(key)
        : op === 'includes'
          ? splitList(text).some((i) => values.has(i))
          : rule.values.some((v) => key.includes(v));
  return hit ? 1 : 0;
}

function oracleScore(rules: readonly Rule[], row: readonly Cell[], columns: readonly number[], neutral: boolean): number {
  let earned = 0;
  let possible = rules.reduce((s, r) => s + Math.max(0, r.points), 0);
  for (let i = 0; i < rules.length; i++) {
    const o = oracleOutcome(rules[i], row[columns[i]]);
    if (o === 1) earned += rules[i].points;
    else if (rules[i].required) return -1;
    else if (o === -1 && neutral && rules[i].points > 0) possible -= rules[i].points;
  }
  if (possible <= 0) return 0;
  return Math.min(100, Math.max(0, Math.round((100 * earned) / possible)));
}

const HEADER = ['Profile', 'Attribute', 'Operator', 'Value', 'Points', 'Required'];
const COLUMNS = ['Industry', 'Employees', 'Region', 'Tech stack', 'Since'];

// Cells of every kind Sheets passes, and a few it does not (NaN, Infinity, -0), in one column or another.
const anyCell: fc.Arbitrary<Cell> = fc.oneof(
  fc.constantFrom('SaaS', 'saas ', 'Fintech', 'Café', 'CAFE', '', '  ', 'n/a', 'Slack, Jira', 'HubSpot | Jira', 'Slack\nJira'),
  fc.constantFrom('1.200', '50-200', '1,5 Mio €', '$10M', '12%', '500+', '2026-01-01'),
  fc.integer({ min: -10, max: 5000 }),
  fc.constantFrom(0, -0, 0.5, 1, NaN, Infinity, true, false, null, undefined),
  fc.constantFrom(new Date(2024, 0, 1), new Date(2024, 0, 1), new Date(2025, 5, 30), new Date(NaN)),
);

const rule = fc
  .record({
    attribute: fc.constantFrom(...COLUMNS),
    operator: fc.constantFrom('is', 'is not', 'includes', 'contains', 'between', '>=', '<=', '>', '<', 'is blank', 'is not blank'),
    value: fc.constantFrom('SaaS', 'Fintech, cafe', 'jira', '1200', '50-200', '0', '1 Mio', '2024-01-01', 'true'),
    points: fc.oneof(fc.integer({ min: -40, max: 60 }), fc.constantFrom(0.5, 2.25, 1 / 3)),
    required: fc.integer({ min: 0, max: 6 }).map((n) => n === 0),
    profile: fc.constantFrom('A', 'B'),
  })
  .filter((r) => (r.operator === 'between') === r.value.includes('-') || !['between', '>=', '<=', '>', '<'].includes(r.operator));

type DraftRule = { attribute: string; operator: string; value: string; points: number; required: boolean; profile: string };

function criteriaOf(rules: DraftRule[]) {
  const grid: Cell[][] = [HEADER, ...rules.map((r) => [r.profile, r.attribute, r.operator, r.value, r.points, r.required ? 'x' : ''])];
  try {
    return parseCriteria(grid);
  } catch {
    return undefined; // e.g. `>= 50-200`: not a criteria table, nothing to compare
  }
}

describe('the encoded scorer', () => {
  it('scores every row as the row-by-row scorer did, with either missing policy and several profiles', () => {
    fc.assert(
      fc.property(
        fc.array(rule, { minLength: 1, maxLength: 10 }),
        fc.array(fc.array(anyCell, { minLength: 5, maxLength: 5 }), { maxLength: 25 }),
        fc.boolean(),
        (rules, rows, neutral) => {
          const criteria = criteriaOf(rules);
          fc.pre(criteria !== undefined);
          const table = readTable([COLUMNS, ...rows]);
          const scorers = compileCriteria(criteria!, table, '', { missing: neutral ? 'neutral' : 'zero' });
          const scored = scoreTable(table.rows, scorers);
          table.rows.forEach((row, r) => {
            const perProfile = scorers.map((s) =>
              oracleScore(
                s.profile.rules,
                row,
                s.rules.map((c) => c.column_),
                neutral,
              ),
            );
            const top = Math.max(...perProfile);
            expect(scored.scores[r]).toBe(isBlankRow(row) ? NaN : top);
            if (!isBlankRow(row)) expect(scored.best_[r]).toBe(perProfile.indexOf(top));
            perProfile.forEach((score, s) => expect(scoreRow(scorers[s], row)).toBe(score));
          });
        },
      ),
      { seed: 20260601, numRuns: 300 },
    );
  });

  it('scores a subset of an encoded table as it scores those rows on their own', () => {
    fc.assert(
      fc.property(
        fc.array(rule, { minLength: 1, maxLength: 6 }),
        fc.array(fc.array(anyCell, { minLength: 5, maxLength: 5 }), { minLength: 1, maxLength: 25 }),
        fc.func(fc.boolean()),
        (rules, rows, keep) => {
          const criteria = criteriaOf(rules);
          fc.pre(criteria !== undefined);
          const table = readTable([COLUMNS, ...rows]);
          const scorers = compileCriteria(criteria!, table);
          const codes = encodeTable(table.rows);
          scoreTable(table.rows, scorers, codes); // fills the parent's caches first
          const positions = table.rows.map((_, i) => i).filter((i) => keep(i));
          const subset = subsetCodes(codes, positions);
          const own = positions.map((p) => table.rows[p]);
          expect([...scoreTable(subset.rows, scorers, subset).scores]).toEqual([...scoreTable(own, scorers).scores]);
        },
      ),
      { seed: 7, numRuns: 150 },
    );
  });
});
