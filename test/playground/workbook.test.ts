// The playground without a browser: HyperFormula evaluating the add-on's custom functions over the
// workbook the add-on's server functions write. The HTTP routes are tested in server.test.ts.

import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeOpenRanges } from '../../playground/engine';
import { launch } from '../../playground/start.mjs';
import { loadCode } from '../../tools/apps-script-vm.mjs';
import { csvToValues } from '../../tools/csv.mjs';

let playground: Awaited<ReturnType<typeof launch>>;

beforeAll(async () => {
  playground = await launch({ port: 0 });
});

afterAll(async () => {
  await playground?.close();
});

const shown = (sheet: string, row: number, rows: number, column: number, columns = 1) =>
  playground.workbook.engine.window(playground.workbook.sheet(sheet), row, rows, column, columns).map((line) => line.map((c) => c.text));

describe('playground', () => {
  it('closes Sheets’ open-ended ranges for HyperFormula', () => {
    const rows = (sheet?: string) => (sheet === 'ICP Accounts' ? 500 : 1000);
    expect(closeOpenRanges('=ICP_SCORE(A1:L, ICP_CRITERIA)', rows)).toBe('=ICP_SCORE(A1:L1000, ICP_CRITERIA)');
    expect(closeOpenRanges(`=ICP_SEGMENTS('ICP Accounts'!A1:L, "Industry")`, rows)).toBe(`=ICP_SEGMENTS('ICP Accounts'!A1:L500, "Industry")`);
    expect(closeOpenRanges('=SUM(A1:A10) + COUNT($B$2:$C)', rows)).toBe('=SUM(A1:A10) + COUNT($B$2:$C1000)');
  });

  it('sets up the example workbook through the add-on and computes the same tiers as the bundle', () => {
    const code = loadCode();
    const accounts = csvToValues(readFileSync('examples/accounts.csv', 'utf8'), vm.runInContext('Date', code));
    const expected = (
      code.ICP_TIER(
        accounts,
        csvToValues(readFileSync('examples/criteria.csv', 'utf8')),
        '',
        csvToValues(readFileSync('examples/tiers.csv', 'utf8')),
      ) as string[][]
    ).slice(0, 41);
    expect(shown('ICP Accounts', 0, 41, 15)).toEqual(expected);
    expect(playground.workbook.input('ICP Accounts', 1, 16)).toBe('=ICP_TIER(A1:N, ICP_CRITERIA, "", ICP_TIERS)');
    const segments = shown('ICP Segments', 0, 10, 0, 2);
    expect(segments[0]).toEqual(['Segment', 'Accounts']);
    expect(segments.find(([s]) => s === 'All')).toEqual(['All', '40']);
  });

  it('recalculates what depends on an edited cell, ordinary functions included', () => {
    const { workbook } = playground;
    workbook.edit('ICP Accounts', 2, 19, '=COUNTIF(P2:P41, "A") + COUNTIF(P2:P41, "B")');
    const before = Number(shown('ICP Accounts', 1, 1, 18)[0][0]);
    const tierOfRow2 = shown('ICP Accounts', 1, 1, 15)[0][0];
    workbook.edit('ICP Accounts', 2, 2, 'Retail'); // Acme Analytics leaves the SaaS/Fintech industries
    const after = Number(shown('ICP Accounts', 1, 1, 18)[0][0]);
    expect(shown('ICP Accounts', 1, 1, 15)[0][0]).not.toBe(tierOfRow2);
    expect(after).toBe(before - (['A', 'B'].includes(tierOfRow2) ? 1 : 0) + (['A', 'B'].includes(shown('ICP Accounts', 1, 1, 15)[0][0]) ? 1 : 0));
    workbook.edit('ICP Accounts', 2, 2, 'Fintech');
    expect(shown('ICP Accounts', 1, 1, 15)[0][0]).toBe(tierOfRow2);
  });

  it('shows errors from the add-on on the cell, with the message', () => {
    playground.workbook.edit('ICP Accounts', 3, 19, '=ICP_SCORE(A1:N, ICP_CRITERIA, "SMB")');
    const [[cell]] = playground.workbook.engine.window(playground.workbook.sheet('ICP Accounts'), 2, 1, 18, 1);
    expect(cell.text).toBe('#ERROR!');
    expect(cell.error).toBe('There is no profile "SMB" in the criteria. Profiles: "SaaS mid-market" and "Enterprise".');
  });

  it('learns and validates criteria in cells, their results padded to the size declared before evaluating', () => {
    const { workbook } = playground;
    workbook.edit('ICP Segments', 1, 15, '=ICP_SUGGEST(\'ICP Accounts\'!A1:N, "Won", "asof=2026-06-30")');
    const suggestion = shown('ICP Segments', 0, 80, 14, 9);
    expect(suggestion[0]).toEqual(['Profile', 'Attribute', 'Operator', 'Value', 'Points', 'Required', 'Accounts', 'Win rate', 'Lift']);
    expect(suggestion[1][0]).toBe('Learned');
    expect(suggestion.find((r) => r[6] === 'Learned from')?.[7]).toBe('37');
    expect(suggestion.slice(-10).every((r) => r.every((c) => c === ''))).toBe(true);
    workbook.edit('ICP Segments', 1, 25, '=ICP_VALIDATE(\'ICP Accounts\'!A1:N, ICP_CRITERIA, "Won", , ICP_TIERS)');
    const validation = shown('ICP Segments', 0, 22, 24, 7);
    expect(validation[0]).toEqual(['Tier', 'Accounts', 'Share of accounts', 'Won', 'Win rate', 'Share of wins', 'Lift']);
    expect(validation.find((r) => r[0] === 'AUC')?.[1]).toMatch(/^0\.\d+$/);
    expect(validation.some((r) => r[0] === 'Tiers A+B')).toBe(true);
  });

  it('keeps each playground’s language when two run in one process (HyperFormula’s plugins are global)', async () => {
    const german = await launch({ port: 0, locale: 'de_DE' });
    try {
      const header = (p: typeof playground) => p.workbook.engine.window(p.workbook.sheet(p.workbook.accounts), 0, 1, 14, 3)[0].map((c) => c.text);
      expect(header(german)).toEqual(['ICP-Score', 'ICP-Stufe', 'Begründung']);
      expect(header(playground)).toEqual(['ICP score', 'ICP tier', 'Why']);
    } finally {
      await german.close();
    }
  });
});
