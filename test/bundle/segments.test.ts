// ICP_SEGMENTS and the unit-economics helpers through the built bundle, as Sheets calls them.

import { beforeAll, describe, expect, it } from 'vitest';
import { loadRegistry } from '../../build.mjs';
import { bundle, example, plain } from '../helpers';

describe('bundle: segment functions', () => {
  let sheets: ReturnType<typeof bundle>;
  beforeAll(() => {
    sheets = bundle();
  });

  it('ICP_SEGMENTS spills a header, one row per segment and All', () => {
    const accounts = example('accounts.csv', sheets.Date);
    const result = plain(sheets.call('ICP_SEGMENTS', accounts, 'Size band', 'asof=2026-06-30; margin=80%')) as (string | number)[][];
    expect(result[0]).toEqual(['Segment', 'Accounts', 'Churned', 'Monthly churn', 'ARPA', 'CLV', 'CAC', 'CLV:CAC', 'CAC payback (months)', 'Health']);
    expect(result.map((r) => r[0])).toEqual(['Segment', 'SMB', 'Mid-market', 'Enterprise', 'All']);
    expect(result.slice(1, -1).reduce((n, r) => n + (r[1] as number), 0)).toBe(accounts.length - 1);
    expect(result.at(-1)?.[1]).toBe(accounts.length - 1);
    for (const row of result.slice(1)) {
      expect(typeof row[3]).toBe('number');
      expect(row[9]).toMatch(/CLV:CAC .* payback .* churn/);
    }
  });

  it('gives the registry example’s figures for the example accounts, at full precision', async () => {
    const { CUSTOM_FUNCTIONS } = await loadRegistry();
    const { formula, result } = CUSTOM_FUNCTIONS.find((f) => f.name === 'ICP_SEGMENTS')!.example!;
    const [, by, options] = /"([^"]*)", "([^"]*)"\)$/.exec(formula)!;
    const rows = plain(sheets.call('ICP_SEGMENTS', example('accounts.csv', sheets.Date), by, options)) as (string | number)[][];
    const documented = result.split(' | ');
    const row = rows.find((r) => r[0] === documented[0])!;
    documented.forEach((shown, i) => {
      // `0.0093431…` documents the leading digits of a figure that goes on.
      if (shown.endsWith('…')) expect(String(row[i]).startsWith(shown.slice(0, -1))).toBe(true);
      else expect(String(row[i])).toBe(shown);
    });
  });

  it('reads the German example by its German headers', () => {
    const konten = example('konten.csv', sheets.Date);
    const result = plain(sheets.call('ICP_SEGMENTS', konten, 'Branche', 'asof=2026-06-30')) as (string | number)[][];
    const all = result.at(-1)!;
    expect(all[0]).toBe('All');
    expect(all[1]).toBe(konten.length - 1);
    expect(all[2]).toBe(konten.slice(1).filter((r) => r[8] === 'ja').length);
    expect(all[4]).toBeGreaterThan(0);
  });

  it('applies the helpers element-wise over ranges and broadcasts single values', () => {
    expect(sheets.call('ICP_CLV', 1000, 0.02, 0.8)).toBeCloseTo(40_000);
    expect(plain(sheets.call('ICP_CLV', [[1000], [500]], [[0.02], [0]], '80%'))).toEqual([[40_000], ['']]);
    expect(sheets.call('ICP_PAYBACK', 9600, 1000, 0.8)).toBeCloseTo(12);
    expect(sheets.call('ICP_CHURN', 3, 150)).toBeCloseTo(0.02);
    expect(
      plain(
        sheets.call(
          'ICP_SIZE_BAND',
          [
            [100, '1.200'],
            ['', 5000],
          ],
          '$60M',
        ),
      ),
    ).toEqual([
      ['Mid-market', 'Mid-market'],
      ['Mid-market', 'Enterprise'],
    ]);
    expect(sheets.call('ICP_SIZE_BAND', 120)).toBe('SMB');
    expect(() => sheets.call('ICP_CLV', [[1], [2]], [[0.1], [0.2], [0.3]])).toThrow(
      'ICP_CLV: monthly_churn is 3×1 but arpa is 2×1; give ranges of one shape or a single value.',
    );
  });
});
