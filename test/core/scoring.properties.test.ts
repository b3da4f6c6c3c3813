import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Cell } from '../../src/core/cells';
import { parseCriteria } from '../../src/core/criteria';
import * as icp from '../../src/core/icp';
import { compileCriteria, explainRow, scoreRow } from '../../src/core/scoring';
import { readTable } from '../../src/core/table';

const HEADER = ['Profile', 'Attribute', 'Operator', 'Value', 'Points', 'Required'];
const COLUMNS = ['Industry', 'Employees', 'Region', 'Tech stack'];
const industries = ['SaaS', 'Fintech', 'Retail', ''];
const regions = ['DACH', 'US', 'Nordics', ''];

const cellRow = fc.tuple(
  fc.constantFrom(...industries),
  fc.oneof(fc.integer({ min: 0, max: 5000 }), fc.constantFrom('1.200', '50-200', '', 'n/a')),
  fc.constantFrom(...regions),
  fc.constantFrom('Slack, Jira', 'SAP', '', 'HubSpot | Jira'),
) as fc.Arbitrary<Cell[]>;

const rule = fc
  .oneof(
    fc.tuple(fc.constant('Industry'), fc.constantFrom('is', 'is not', 'contains'), fc.constantFrom('SaaS', 'Fintech, Retail')),
    fc
      .tuple(fc.constant('Employees'), fc.constantFrom('>=', '<', 'between'), fc.constantFrom('100', '50-500'))
      .filter(([, op, v]) => (op === 'between') === v.includes('-')),
    fc.tuple(fc.constant('Region'), fc.constantFrom('is', 'is blank', 'is not blank'), fc.constantFrom('DACH', 'US')),
    fc.tuple(fc.constant('Tech stack'), fc.constant('includes'), fc.constantFrom('Jira', 'SAP')),
  )
  .chain(([attribute, operator, value]) =>
    fc.record({
      attribute: fc.constant(attribute),
      operator: fc.constant(operator),
      value: fc.constant(value),
      points: fc.integer({ min: -30, max: 50 }),
      required: fc.integer({ min: 0, max: 4 }).map((n) => n === 0),
    }),
  );

const rules = fc.array(rule, { minLength: 1, maxLength: 8 });
type DraftRule = { attribute: string; operator: string; value: string; points: number; required: boolean };
const toCriteria = (rs: DraftRule[]) => [HEADER, ...rs.map((r) => ['', r.attribute, r.operator, r.value, r.points, r.required ? 'x' : ''])];

describe('scoring properties', () => {
  it('every score is an integer from 0 to 100, or DQ', () => {
    fc.assert(
      fc.property(rules, fc.array(cellRow, { maxLength: 20 }), (rs, rows) => {
        const scored = icp.scoreSheet([COLUMNS, ...rows], toCriteria(rs), '', '', 'P');
        for (const s of scored.scores) expect(Number.isNaN(s) || s === -1 || (Number.isInteger(s) && s >= 0 && s <= 100)).toBe(true);
      }),
    );
  });

  it('adding a positive rule the row matches never lowers its score', () => {
    fc.assert(
      fc.property(rules, cellRow, fc.integer({ min: 1, max: 50 }), (rs, row, points) => {
        const table = readTable([COLUMNS, row]);
        const before = scoreRow(compileCriteria(parseCriteria(toCriteria(rs)), table)[0], row);
        const matched = [...toCriteria(rs), ['', 'Industry', 'is not blank', '', points, '']];
        const after = scoreRow(compileCriteria(parseCriteria(matched), table)[0], row);
        const industryPresent = row[0] !== '';
        fc.pre(industryPresent && before !== -1);
        expect(after).toBeGreaterThanOrEqual(before);
      }),
    );
  });

  it('shuffling rows does not change any row’s result', () => {
    fc.assert(
      fc.property(
        rules,
        fc.array(cellRow, { minLength: 1, maxLength: 20 }).chain((rows) =>
          fc.tuple(
            fc.constant(rows),
            fc.shuffledSubarray(
              rows.map((_, i) => i),
              { minLength: rows.length },
            ),
          ),
        ),
        (rs, [rows, order]) => {
          const criteria = toCriteria(rs);
          const straight = icp.explanations(icp.scoreSheet([COLUMNS, ...rows], criteria, '', '', 'P'));
          const shuffled = icp.explanations(icp.scoreSheet([COLUMNS, ...order.map((i) => rows[i])], criteria, '', '', 'P'));
          order.forEach((original, position) => expect(shuffled[position]).toBe(straight[original]));
        },
      ),
    );
  });

  it('explanation parts add up to the score, with either missing policy', () => {
    fc.assert(
      fc.property(rules, cellRow, fc.constantFrom('zero', 'neutral'), (rs, row, missing) => {
        const table = readTable([COLUMNS, row]);
        const [scorer] = compileCriteria(parseCriteria(toCriteria(rs)), table, '', { missing: missing as 'zero' | 'neutral' });
        const e = explainRow(scorer, row);
        const sum = e.parts.reduce((s, p) => s + p.points, 0) + e.floor;
        expect(sum).toBe(e.score);
        const s = scoreRow(scorer, row);
        expect(e.score).toBe(s === -1 ? 0 : s);
        expect(e.disqualified).toBe(s === -1);
      }),
    );
  });
});
