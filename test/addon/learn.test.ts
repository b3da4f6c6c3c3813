// learnFromData, the server side of the sidebar's Learn from my data (issue 9), against the built bundle on
// the in-memory Sheets: it reads the account table once, learns exactly what ICP_SUGGEST learns, ranks the
// suggestion and the shown profile of an unsaved draft exactly as ICP_VALIDATE does, and saves nothing.

import { describe, expect, it } from 'vitest';
import { example, plain } from '../helpers';
import { changedCells, draft, filledCells, type Harness, harness, save, withAccounts } from './harness';

type Rule = Parameters<typeof draft>[0][number];

const HEADER = ['Profile', 'Attribute', 'Operator', 'Value', 'Points', 'Required'];
const TIERS: [string, string][] = [
  ['Hot', '70'],
  ['Warm', '30'],
  ['Cold', '0'],
];
const RULES: Rule[] = [
  ['SaaS mid-market', 'Industry', 'is', 'SaaS, Fintech', '30', false],
  ['SaaS mid-market', 'Region', 'is', 'DACH', '20', false],
  ['Enterprise', 'Employees', '>=', '2000', '40', true],
];

function withTable(values = example('accounts.csv')): Harness {
  const h = harness();
  withAccounts(h, values);
  return h;
}

const ask = (h: Harness, outcome: string, profile = '', payload = draft(RULES, TIERS), tenure = '') =>
  plain(h.run('learnFromData', { outcome, tenure, profile }, payload));

/** The rows of a custom function's result whose first cell (or seventh, for ICP_SUGGEST's notes) is `label`. */
const row = (grid: (string | number)[][], label: string, at = 0) => grid.find((r) => r[at] === label)!;

describe('learnFromData, the sidebar’s Learn from my data', () => {
  it('lists every column with the outcome kind ICP_SUGGEST reads it as, and without an outcome learns nothing', () => {
    const h = withTable();
    const answer = ask(h, '');
    expect(answer).toEqual({ sheet: 'ICP Accounts', columns: expect.any(Array) });
    const values = example('accounts.csv');
    expect(answer.columns.map(([header]: [string]) => header)).toEqual(values[0]);
    for (const [header, kind] of answer.columns as [string, string][]) {
      let read = '';
      try {
        const rate = plain(h.run('ICP_SUGGEST', values, header))[0][7];
        read = { 'Win rate': 'won', 'Mean value': 'value', 'Churn rate': 'churn' }[rate as string] ?? rate;
      } catch (error) {
        // Too few accounts to learn from still names the kind it read; any other error means no outcome.
        const message = (error as Error).message;
        read = /won and \d+ lost/.test(message) ? 'won' : /with a value/.test(message) ? 'value' : /churned and/.test(message) ? 'churn' : '';
      }
      expect([header, kind]).toEqual([header, read]);
    }
    expect(Object.fromEntries(answer.columns)).toMatchObject({ Won: 'won', 'Deal value': 'value', Churned: 'churn', Industry: '', Company: '' });
  });

  it('learns exactly the rules ICP_SUGGEST learns, with their evidence, and the same notes', () => {
    const h = withTable();
    const values = example('accounts.csv');
    const { suggestion } = ask(h, 'Won', 'SaaS mid-market');
    const grid = plain(h.run('ICP_SUGGEST', values, 'Won')) as (string | number)[][];
    const rules = grid.slice(1).filter((r) => r[1] !== '');
    expect(
      suggestion.rules.map(
        (r: {
          profile: string;
          attribute: string;
          operator: string;
          value: string;
          points: number;
          evidence: { accounts: number; rate: number; lift: number };
        }) => [
          r.profile,
          r.attribute,
          r.operator,
          r.value,
          r.points,
          '',
          r.evidence.accounts,
          Math.round(r.evidence.rate * 1e4) / 1e4,
          Math.round(r.evidence.lift * 100) / 100,
        ],
      ),
    ).toEqual(rules);
    expect([suggestion.accounts, suggestion.positives, suggestion.leftOut]).toEqual([row(grid, 'Learned from', 6)[7], 14, row(grid, 'Left out', 6)[7]]);
    expect(suggestion.baseRate).toBeCloseTo(row(grid, 'Base rate', 6)[7] as number, 4);
    // Too little data: no AUC (NaN crosses the bridge as null), and the warning.
    expect(suggestion.cvAuc).toBeNull();
    expect(row(grid, 'Cross-validated AUC', 6)[7]).toBe('');
    expect(suggestion.warnings[0]).toBe(row(grid, 'Warning', 6)[8]);
  });

  it('ranks the suggestion and the shown profile of the unsaved draft, with its tiers, as ICP_VALIDATE does', () => {
    const h = withTable();
    const values = example('accounts.csv');
    const answer = ask(h, 'Won', 'SaaS mid-market');
    const validate = (criteria: unknown[][], profile: string) => plain(h.run('ICP_VALIDATE', values, criteria, 'Won', profile, TIERS)) as (string | number)[][];
    const current = validate([HEADER, ...RULES], 'SaaS mid-market');
    expect(answer.current.auc).toBeCloseTo(row(current, 'AUC')[1] as number, 3);
    expect(answer.current.headline.text).toBe(row(current, 'Tiers Hot+Warm')[2]);
    const learned = validate(plain(h.run('ICP_SUGGEST', values, 'Won')), '');
    expect(answer.suggested.auc).toBeCloseTo(row(learned, 'AUC')[1] as number, 3);
    expect(answer.suggested.headline.text).toBe(row(learned, 'Tiers Hot+Warm')[2]);
    expect(answer.problem).toBe('');
    // The other profile gives another ranking.
    const enterprise = ask(h, 'Won', 'Enterprise');
    expect(enterprise.current.auc).toBeCloseTo(row(validate([HEADER, ...RULES], 'Enterprise'), 'AUC')[1] as number, 3);
    expect(enterprise.current.auc).not.toBeCloseTo(answer.current.auc, 3);
  });

  it('says why the shown profile was not compared, and learns all the same', () => {
    const h = withTable();
    const broken = draft([['', 'Sector', 'is', 'SaaS', '10', false]]);
    const answer = ask(h, 'Won', 'Default', broken);
    expect(answer.current).toBeNull();
    expect(answer.problem).toMatch(/"Sector" is not a column of the table/);
    expect(answer.suggestion.rules.length).toBeGreaterThan(0);
    expect(ask(h, 'Won', '').problem).toBe('');
    expect(ask(h, 'Won', '').current).toBeNull();
  });

  it('says why nothing was learned, in the learner’s words', () => {
    const h = withTable();
    expect(ask(h, 'Industry').error).toMatch(/^Learning: "Industry" is neither won\/lost \(.*\) nor a number \(it holds .*\)\. Name another column/);
    expect(ask(h, 'Sector').error).toMatch(/"Sector" is not a column of the table/);
    const few = example('accounts.csv').slice(0, 12);
    expect(ask(withTable(few), 'Won').error).toMatch(/^Learning: \d+ won and \d+ lost accounts in "Won"; learning needs at least 10 of each\.$/);
  });

  it('learns churn per customer-month with the tenure column', () => {
    const h = withTable();
    const { suggestion } = ask(h, 'Churned', '', draft(RULES, TIERS), 'Customer since');
    expect([suggestion.kind, suggestion.perMonth]).toEqual(['churn', true]);
    expect(suggestion.skipped).toContainEqual({ column: 'Customer since', reason: 'the tenure' });
  });

  it('reads the account table with one getValues, whatever its size, and writes nothing', () => {
    const counts = [200, 2000].map((rows) => {
      const values: (string | number)[][] = [['Company', 'Industry', 'Employees', 'Won']];
      for (let i = 0; i < rows; i++)
        values.push([`Co ${i}`, ['SaaS', 'Retail', 'Health'][i % 3], 10 + ((i * 37) % 900), (i * 7) % 10 < (i % 3 === 0 ? 7 : 3) ? 'Won' : 'Lost']);
      const h = withTable(values);
      const saas = draft([['', 'Industry', 'is', 'SaaS', '10', false]]);
      expect(save(h, saas).ok).toBe(true);
      const before = filledCells(h);
      const sheets = h.spreadsheet.sheets.length;
      h.spreadsheet.calls.reset();
      const answer = ask(h, 'Won', 'Default', saas);
      expect(answer.suggestion.rules.length).toBeGreaterThan(0);
      expect(answer.current.auc).toBeGreaterThan(0.5);
      expect(changedCells(before, h)).toEqual([]);
      expect(h.spreadsheet.sheets.length).toBe(sheets);
      return h.spreadsheet.calls.snapshot();
    });
    expect(counts[1]).toEqual(counts[0]);
    expect(counts[0]['Range.getValues']).toBe(1);
    expect(Object.keys(counts[0]).filter((name) => /set|insert|clear|add/i.test(name))).toEqual([]);
  });

  it('answers null without an account table', () => {
    const h = harness();
    expect(h.run('learnFromData', { outcome: 'Won', tenure: '', profile: '' }, draft([]))).toBeNull();
  });
});
