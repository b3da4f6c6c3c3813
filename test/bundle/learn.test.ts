// ICP_SUGGEST and ICP_VALIDATE through the built bundle, as Sheets calls them, on the example sheets.

import { beforeAll, describe, expect, it } from 'vitest';
import { dealTable } from '../../bench/data.mjs';
import { bundle, example, plain } from '../helpers';

type Grid = (string | number)[][];

describe('bundle: learning and validating', () => {
  let sheets: ReturnType<typeof bundle>;
  beforeAll(() => {
    sheets = bundle();
  });

  it('ICP_SUGGEST learns criteria from the example deals that ICP_SCORE takes as they stand', () => {
    const accounts = example('accounts.csv', sheets.Date);
    const suggestion = plain(sheets.call('ICP_SUGGEST', accounts, 'Won', 'asof=2026-06-30')) as Grid;
    expect(suggestion[0]).toEqual(['Profile', 'Attribute', 'Operator', 'Value', 'Points', 'Required', 'Accounts', 'Win rate', 'Lift']);
    const rules = suggestion.slice(
      1,
      suggestion.findIndex((r) => r[1] === ''),
    );
    expect(rules.length).toBeGreaterThan(0);
    expect(rules.every((r) => r[0] === 'Learned' && typeof r[4] === 'number' && r[5] === '')).toBe(true);
    const notes = Object.fromEntries(
      suggestion.filter((r) => r[1] === '' && r[6] !== '').map((r) => [`${r[6]}${r[6] === 'Skipped' ? ` ${r[7]}` : ''}`, r.slice(7)]),
    );
    expect(notes['Learned from']).toEqual([37, '14 won and 23 lost accounts in "Won"']);
    expect(notes['Left out']).toEqual([3, 'rows neither won nor lost (open deals)']);
    expect(notes['Skipped Won']).toEqual(['Won', 'the outcome']);
    expect(notes.Warning?.[1]).toMatch(/^Only 14 won accounts: too few to estimate/);
    const scores = plain(sheets.call('ICP_SCORE', accounts, suggestion)) as Grid;
    expect(scores).toHaveLength(accounts.length);
    expect(scores.slice(1).every(([s]) => typeof s === 'number')).toBe(true);
  });

  it('ICP_VALIDATE compares the example criteria with the outcomes, tier by tier, in English and German', () => {
    const accounts = example('accounts.csv', sheets.Date);
    const result = plain(sheets.call('ICP_VALIDATE', accounts, example('criteria.csv'), 'Won', '', example('tiers.csv'))) as Grid;
    expect(result[0]).toEqual(['Tier', 'Accounts', 'Share of accounts', 'Won', 'Win rate', 'Share of wins', 'Lift']);
    expect(result.slice(1, 6).map((r) => r[0])).toEqual(['A', 'B', 'C', 'D', 'DQ']);
    expect(result.slice(1, 6).reduce((n, r) => n + (r[1] as number), 0)).toBe(37);
    const summary = Object.fromEntries(result.filter((r) => (r[0] !== '' && typeof r[1] !== 'string') || r[0] === 'Warning').map((r) => [r[0], r]));
    expect(summary.AUC[1]).toBeGreaterThan(0.5);
    expect(summary['Tiers A+B'][2]).toMatch(/^Tiers A\+B: \d+ % of accounts, \d+ % of wins$/);
    const konten = example('konten.csv', sheets.Date);
    const german = plain(sheets.call('ICP_VALIDATE', konten, example('kriterien.csv'), 'Gewonnen')) as Grid;
    expect(german.slice(1, 6).map((r) => r[0])).toEqual(['A', 'B', 'C', 'D', 'DQ']);
    expect(german.find((r) => r[0] === 'Base rate')?.[2]).toBe('9 won of 23 accounts');
    expect(() => sheets.call('ICP_SUGGEST', konten, 'Gewonnen')).toThrow(
      'ICP_SUGGEST: 9 won and 14 lost accounts in "Gewonnen"; learning needs at least 10 of each.',
    );
  });

  it('learns 2,000 deals, with a cross-validated AUC, and reports bad input as errors', () => {
    const deals = (dealTable(2000, sheets.Date) as unknown[][]).map((r) => r.slice(0, 15));
    const suggestion = plain(sheets.call('ICP_SUGGEST', deals, 'Won', 'max_rules=8')) as Grid;
    const rules = suggestion.slice(
      1,
      suggestion.findIndex((r) => r[1] === ''),
    );
    expect(rules.length).toBeGreaterThan(2);
    expect(rules.length).toBeLessThanOrEqual(8);
    const auc = suggestion.find((r) => r[6] === 'Cross-validated AUC')!;
    expect(auc[7]).toBeGreaterThan(0.6);
    expect(auc[8]).toMatch(/^5 folds \(0\.\d+–0\.\d+\), on accounts the rules were not learned from: the chance that a won account scores above a lost one/);
    expect(() => sheets.call('ICP_SUGGEST', deals, 'Won', 'max_rules=none')).toThrow(
      'ICP_SUGGEST options: max_rules must be a whole number from 1 to 50, not "none".',
    );
    expect(() => sheets.call('ICP_VALIDATE', deals, [['Profile']], 'Won')).toThrow(/Criteria row 1 must be the header row/);
  });
});
