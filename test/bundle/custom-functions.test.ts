// The built dist/Code.js, loaded in node:vm as Apps Script loads it, called with the shapes Sheets passes.

import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadRegistry } from '../../build.mjs';
import { bundle, example, plain } from '../helpers';

const CRITERIA = [
  ['Profile', 'Attribute', 'Operator', 'Value', 'Points', 'Required'],
  ['', 'Industry', 'is', 'SaaS', 50, ''],
  ['', 'Employees', 'between', '50-500', 30, ''],
  ['', 'Customer since', 'is not blank', '', 20, ''],
  ['', '', '', '', '', ''],
];

describe('bundle: custom functions', () => {
  const code = readFileSync(new URL('../../dist/Code.js', import.meta.url), 'utf8');
  let sheets: ReturnType<typeof bundle>;
  let table: unknown[][];
  beforeAll(() => {
    sheets = bundle();
    table = [
      ['Company', 'Industry', 'Employees', 'Customer since', 'Active'],
      ['Acme', 'SaaS', 120, new sheets.Date(2023, 0, 1), true],
      ['Globex', 'saas ', '1.200', '', false],
      ['', '', '', '', ''],
      ['Initech', 'Retail', '80', new sheets.Date(2024, 5, 1), ''],
      ['', '', '', '', ''],
    ];
  });

  it('stays within budget, has no import/export and declares every registry function at top level with JSDoc', async () => {
    expect(code.length).toBeLessThanOrEqual(100 * 1024);
    expect(code).not.toMatch(/^(import|export)\b/m);
    const registry = await loadRegistry();
    for (const fn of registry.CUSTOM_FUNCTIONS) {
      const params = fn.params.map((p) => p.name).join(', ');
      expect(code).toContain(`function ${fn.name}(${params}) {`);
      const doc = code.slice(code.lastIndexOf('/**', code.indexOf(`function ${fn.name}(`)), code.indexOf(`function ${fn.name}(`));
      expect(doc).toContain('@customfunction');
      for (const p of fn.params) expect(doc).toContain(`} ${p.name} `);
      expect(typeof sheets.context[fn.name]).toBe('function');
      expect(sheets.context[fn.name].length).toBe(fn.params.length);
    }
  });

  it('ICP_SCORE spills a labelled column aligned with the table, blank rows blank', () => {
    expect(plain(sheets.call('ICP_SCORE', table, CRITERIA))).toEqual([['ICP score'], [100], [50], [''], [50], ['']]);
  });

  it('ICP_TIER, ICP_EXPLAIN and ICP_MATCH return their labelled columns', () => {
    expect(plain(sheets.call('ICP_TIER', table, CRITERIA))).toEqual([['ICP tier'], ['A'], ['C'], [''], ['C'], ['']]);
    const why = plain(sheets.call('ICP_EXPLAIN', table, CRITERIA)) as string[][];
    expect(why[0]).toEqual(['Why']);
    expect(why[1][0]).toBe('100 = +50 Industry is SaaS · +30 Employees between 50 and 500 · +20 Customer since is not blank');
    expect(why[2][0]).toBe('50 = +50 Industry is SaaS · 0 Employees between 50 and 500 (1.200) · 0 Customer since is not blank (blank)');
    expect(plain(sheets.call('ICP_MATCH', table, CRITERIA))).toEqual([['Best profile'], ['Default'], ['Default'], [''], ['Default'], ['']]);
  });

  it('takes the tiers range and options the way Sheets passes them', () => {
    const tiers = [
      ['Tier', 'Min'],
      ['Hot', 0.9 * 100],
      ['Warm', 50],
      ['Cold', 0],
    ];
    expect(plain(sheets.call('ICP_TIER', table, CRITERIA, '', tiers))).toEqual([['ICP tier'], ['Hot'], ['Warm'], [''], ['Warm'], ['']]);
    const hooli = [table[0], ['Hooli', 'SaaS', '', new sheets.Date(2024, 0, 1), '']];
    expect(plain(sheets.call('ICP_SCORE', hooli, CRITERIA))).toEqual([['ICP score'], [70]]);
    expect(plain(sheets.call('ICP_SCORE', hooli, CRITERIA, '', 'missing=neutral'))).toEqual([['ICP score'], [100]]);
    expect(plain(sheets.call('ICP_SCORE', hooli, CRITERIA, '', [['missing', 'neutral']]))).toEqual([['ICP score'], [100]]);
  });

  it('scores one row in the per-row form: score, tier or why', () => {
    expect(sheets.call('ICP_ROW', [table[0]], [table[1]], CRITERIA)).toBe(100);
    expect(sheets.call('ICP_ROW', [table[0]], [table[1]], CRITERIA, 'score')).toBe(100);
    expect(sheets.call('ICP_ROW', [table[0]], [table[4]], CRITERIA, 'Tier')).toBe('C');
    expect(
      sheets.call('ICP_ROW', [table[0]], [table[4]], CRITERIA, 'tier', '', [
        ['Hot', 50],
        ['Cold', 0],
      ]),
    ).toBe('Hot');
    expect(sheets.call('ICP_ROW', [table[0]], [table[2]], CRITERIA, 'why')).toMatch(/^50 = \+50 Industry is SaaS/);
    expect(() => sheets.call('ICP_ROW', [table[0]], [table[2]], CRITERIA, 'rank')).toThrow('ICP_ROW: show must be "score", "tier" or "why", not "rank".');
  });

  it('refuses a table where the per-row form expects one row, so the two forms cannot be confused', () => {
    expect(() => sheets.call('ICP_ROW', table.slice(0, 1), table.slice(1, 3), CRITERIA)).toThrow(/ICP_ROW scores one row/);
    expect(() => sheets.call('ICP_ROW', [table[0]], [table[1].slice(0, 2)], CRITERIA)).toThrow('ICP_ROW: the header has 5 columns but the row has 2.');
  });

  it('throws messages Sheets shows on the cell', () => {
    expect(() => sheets.call('ICP_SCORE', 'Acme', CRITERIA)).toThrow('The table must be a range with its header row, e.g. A1:L200.');
    expect(() => sheets.call('ICP_SCORE', table, [CRITERIA[0], ['', 'Industy', 'is', 'SaaS', 1, '']])).toThrow(
      'Criteria row 2, Attribute: "Industy" is not a column of the table. Closest: "Industry"',
    );
    expect(() => sheets.call('ICP_SCORE', table, [CRITERIA[0], ['', 'Industry', 'like to be', 'SaaS', 1, '']])).toThrow(
      /Criteria row 2, Operator: "like to be" is not an operator.*Use one of: is, is not/,
    );
    expect(() => sheets.call('ICP_SCORE', table, CRITERIA, 'Enterprise')).toThrow('There is no profile "Enterprise" in the criteria. Profiles: "Default".');
  });

  it('scores the example sheets, English and German', () => {
    const accounts = example('accounts.csv', sheets.Date);
    const scores = plain(sheets.call('ICP_SCORE', accounts, example('criteria.csv'))) as (string | number)[][];
    expect(scores).toHaveLength(accounts.length);
    expect(scores.slice(1).every(([s]) => typeof s === 'number' && s >= 0 && s <= 100)).toBe(true);
    const match = plain(sheets.call('ICP_MATCH', accounts, example('criteria.csv'))) as string[][];
    expect(new Set(match.slice(1).map(([m]) => m))).toEqual(new Set(['SaaS mid-market', 'Enterprise']));
    const konten = example('konten.csv', sheets.Date);
    const tiers = plain(sheets.call('ICP_TIER', konten, example('kriterien.csv'), '', example('tiers.csv'))) as string[][];
    expect(tiers).toHaveLength(konten.length);
    expect(tiers.slice(1).some(([t]) => t === 'DQ')).toBe(true);
    expect(tiers.slice(1).some(([t]) => t === 'A' || t === 'B')).toBe(true);
  });
});
