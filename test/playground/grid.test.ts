// What the playground's page is given to draw, without a browser: errors on the formula cell only (as in
// Sheets), the formula a spilled cell comes from, dates from the bundle's realm, the set-up the first view
// explains, where the results are, and the chart's axes and ticks.

import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axisTicks, tickLabel } from '../../playground/chart';
import { isDate } from '../../playground/engine';
import { launch } from '../../playground/start.mjs';

let playground: Awaited<ReturnType<typeof launch>>;

beforeAll(async () => {
  playground = await launch({ port: 0 });
});

afterAll(async () => {
  await playground?.close();
});

const get = async (path: string) => (await fetch(new URL(path, playground.url))).json();
const window = (sheet: string, row: number, rows: number, column: number, columns = 1) =>
  playground.workbook.engine.window(playground.workbook.sheet(sheet), row, rows, column, columns);

describe('playground grid data', () => {
  it('reads a date written from the bundle’s realm as a date, not as a value HyperFormula refuses', () => {
    const BundleDate = vm.runInContext('Date', playground.workbook.bundle as vm.Context) as DateConstructor;
    const date = new BundleDate(Date.UTC(2025, 4, 17));
    expect(date instanceof Date).toBe(false);
    expect(isDate(date)).toBe(true);
    const sheet = playground.workbook.spreadsheet.addSheet('Dates');
    sheet.load([['Signed'], [date]]);
    expect(window('Dates', 1, 1, 0)[0][0]).toMatchObject({ text: '2025-05-17' });
  });

  it('shows a failing formula’s error on its own cell only, like Sheets; the cells below are empty', () => {
    const { workbook } = playground;
    workbook.edit('ICP Accounts', 1, 17, '=ICP_SCORE(A1:L, ICP_CRITERIA, "SMB")');
    const shown = window('ICP Accounts', 0, 5, 16);
    expect(shown[0][0]).toMatchObject({ text: '#ERROR!', error: 'There is no profile "SMB" in the criteria. Profiles: "SaaS mid-market" and "Enterprise".' });
    for (const [below] of shown.slice(1)) expect(below).toEqual({ text: '', value: null });
    // Those cells belong to no formula: the formula bar shows nothing for them.
    expect(workbook.cellInput('ICP Accounts', 3, 17)).toEqual({ input: '' });
    workbook.edit('ICP Accounts', 1, 17, '');
  });

  it('names the formula a spilled cell comes from, for the formula bar', async () => {
    expect(await get('/api/input?sheet=ICP%20Accounts&row=2&column=15')).toEqual({
      input: '',
      from: { cell: 'O1', formula: '=ICP_SCORE(A1:N, ICP_CRITERIA)' },
    });
    expect(await get('/api/input?sheet=ICP%20Accounts&row=1&column=15')).toEqual({ input: '=ICP_SCORE(A1:N, ICP_CRITERIA)' });
    expect(await get('/api/input?sheet=ICP%20Accounts&row=2&column=1')).toEqual({ input: 'Acme Analytics' });
  });

  it('tells the page where the results are and which tabs are the add-on’s own', async () => {
    const { sheets } = await get('/api/sheets');
    const by = new Map(sheets.map((s: { name: string }) => [s.name, s]));
    expect(by.get('ICP Accounts')).toMatchObject({ results: 15, own: null });
    expect(by.get('ICP Criteria')).toMatchObject({ results: null, own: 'criteria' });
    expect(by.get('ICP Segments')).toMatchObject({ results: null, own: 'segments' });
    expect(playground.workbook.ownTab('ICP Segments 3')).toBe('segments');
    expect(playground.workbook.ownTab('ICP Accounts 2')).toBe(null);
  });

  it('answers how the workbook was set up', async () => {
    expect(await get('/api/setup')).toEqual({ setUp: { rows: 40, criteria: 'example', unfit: [], next: '' } });
  });

  it('gives each chart its anchor, size and axes as the add-on set them', async () => {
    const { charts } = await get('/api/charts?sheet=ICP%20Segments');
    expect(charts).toHaveLength(1);
    const [chart] = charts;
    expect(chart.anchor).toEqual({ row: chart.labels.length + 4, column: 1 });
    expect(chart.width).toBeGreaterThanOrEqual(600);
    expect(chart.height).toBe(420);
    expect(chart.series.map((s: { name: string; axis: number }) => [s.name, s.axis])).toEqual([
      ['CLV:CAC', 0],
      ['Monthly churn', 1],
    ]);
    expect(chart.axes).toEqual([
      { title: 'CLV:CAC', format: '' },
      { title: 'Monthly churn', format: 'percent' },
    ]);
  });
});

describe('chart axes', () => {
  it('covers each axis’s largest value with round ticks, one gridline count for both axes', () => {
    const [clvCac, churn] = axisTicks([56, 0.0033]);
    expect(clvCac.length).toBe(churn.length);
    expect(clvCac[0]).toBe(0);
    expect(clvCac.at(-1)).toBeGreaterThanOrEqual(56);
    expect(churn.at(-1)).toBeGreaterThanOrEqual(0.0033);
    // Round steps: 1, 2, 2.5 or 5 times a power of ten.
    for (const ticks of [clvCac, churn]) {
      const step = ticks[1];
      const mantissa = step / 10 ** Math.floor(Math.log10(step));
      expect([1, 2, 2.5, 5].some((m) => Math.abs(m - mantissa) < 1e-9)).toBe(true);
      ticks.forEach((t, i) => expect(t).toBeCloseTo(i * step, 12));
    }
    // The tallest bars reach more than half the height.
    expect(clvCac.at(-1)!).toBeLessThan(2 * 56);
    expect(churn.at(-1)!).toBeLessThan(2 * 0.0033);
    expect(axisTicks([0])[0].at(-1)).toBeGreaterThan(0);
  });

  it('labels ticks as the cells show them: percentages on a percent axis, as many decimals as the step needs', () => {
    expect(tickLabel(0.005, 0.001, 'percent')).toBe('0.5%');
    expect(tickLabel(0.02, 0.005, 'percent')).toBe('2.0%');
    expect(tickLabel(0.25, 0.25, 'percent')).toBe('25%');
    expect(tickLabel(1200, 200, '')).toBe('1,200');
    expect(tickLabel(7.5, 2.5, '')).toBe('7.5');
    expect(tickLabel(0, 2.5, '')).toBe('0.0');
  });
});
