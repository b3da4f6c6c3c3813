// The playground in a real browser: Debian's Chromium driven by playwright-core. The page's grid, formulas,
// menu buttons and the add-on's own sidebar all run against the real dist/Code.js.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch } from '../../playground/start.mjs';
import { columnLetter } from '../../src/core/cells';
import { csvToValues } from '../../tools/csv.mjs';
import {
  bundleTiers,
  cell as cellOf,
  type Opened,
  openPlayground,
  type Playground,
  SCREENSHOTS,
  sidebarOf,
  typeInto as typeIntoCell,
  until,
  useChromium,
} from './browser';
import { columnOf, results } from './columns';

const browser = useChromium();
let playground: Playground;
let opened: Opened;
let page: Page;

async function sidebar(): Promise<Frame> {
  const frame = await sidebarOf(page);
  await frame.waitForSelector('.rule');
  return frame;
}

/** The text a grid cell shows, e.g. cell('N2'); scrolls nothing, so use it for the first rows. */
const cell = (ref: string) => cellOf(page, ref);
const typeInto = (ref: string, input: string) => typeIntoCell(page, ref, input);

/** The bundle itself, as an oracle: what ICP_TIER gives for the example accounts and these criteria. */
const expectedTiers = (criteria: unknown[][]) => bundleTiers(undefined, criteria);

/** The example criteria with the rule the second test adds in the sidebar and saves. */
function criteriaWithChurnRule(): unknown[][] {
  const criteria = csvToValues(readFileSync('examples/criteria.csv', 'utf8'));
  criteria.splice(7, 0, ['SaaS mid-market', 'Churned', 'is', 'TRUE', -40, false]);
  return criteria;
}

describe('playground in Chromium', () => {
  const outside: string[] = [];
  beforeAll(async () => {
    playground = await launch({ port: 0 });
    opened = await openPlayground(browser(), playground, {
      watch: (p) =>
        p.on('request', (request) => {
          const url = new URL(request.url());
          if (!['127.0.0.1', 'localhost'].includes(url.hostname) && !['about:', 'data:'].includes(url.protocol)) outside.push(request.url());
        }),
    });
    page = opened.page;
    await sidebar();
  });

  afterAll(async () => {
    await opened?.close();
    await playground?.close();
  });

  it('opens with the example workbook, live scores and the add-on sidebar', async () => {
    expect(await page.locator('#tabs button').allTextContents()).toEqual(['ICP Accounts', 'ICP Criteria', 'ICP Segments']);
    expect(await cell('A1')).toBe('Company');
    const { score: S, tier: T, why: W } = await results(page, 'ICP Accounts');
    expect([await cell(`${S}1`), await cell(`${T}1`), await cell(`${W}1`)]).toEqual(['ICP score', 'ICP tier', 'Why']);
    const criteria = csvToValues(readFileSync('examples/criteria.csv', 'utf8'));
    const tiers = expectedTiers(criteria);
    for (let row = 2; row <= 10; row++) expect(await cell(`${T}${row}`)).toBe(tiers[row - 1]);
    const frame = await sidebar();
    expect(await frame.locator('.tab').allTextContents()).toEqual(['SaaS mid-market', 'Enterprise', '+ Profile']);
    await until(() => frame.locator('.bar-row').count()).toBe(5);
    // The first view shows the names and, beside them, the scores, tiers and explanations (grid.test.ts
    // measures it); select an explanation so the line under the formula bar shows it in full.
    await page.locator(`[data-cell="${W}3"]`).dispatchEvent('click'); // a click that scrolls nothing
    await until(() => page.locator('#cellinfo').textContent()).toBe(`Result of the formula in ${W}1: ${await cell(`${W}3`)}`);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'playground.png') });
    await page.locator('aside').screenshot({ path: path.join(SCREENSHOTS, 'sidebar.png') });
  });

  it('re-scores the grid when a rule added in the sidebar is saved', async () => {
    const frame = await sidebar();
    await frame.locator('[data-action=add-rule]').click();
    const rule = frame.locator('.rule').last();
    await rule.locator('select[name=attribute]').selectOption('Churned');
    await frame.locator('.rule').last().locator('select[name=operator]').selectOption('is');
    await frame.locator('.rule').last().locator('input[name=value]').fill('TRUE');
    await frame.locator('.rule').last().locator('input[name=points]').fill('-40');
    await frame.locator('[data-action=save]').click();
    await until(() => frame.locator('.status').textContent()).toBe('Saved to the ICP Criteria tab: the formulas recalculate now.');
    const tiers = expectedTiers(criteriaWithChurnRule());
    const before = expectedTiers(csvToValues(readFileSync('examples/criteria.csv', 'utf8')));
    expect(tiers).not.toEqual(before);
    const { tier: T } = await results(page, 'ICP Accounts');
    for (let row = 2; row <= 20; row++) await until(() => cell(`${T}${row}`)).toBe(tiers[row - 1]);
  });

  it('evaluates a formula typed into a cell, with ordinary functions next to the add-on’s', async () => {
    // Into a free column right of the results, one empty column apart, on the first view.
    const { score: S, tier: T, column, last } = await results(page, 'ICP Accounts');
    const free = columnLetter(column + 4);
    const accounts = csvToValues(readFileSync('examples/accounts.csv', 'utf8'));
    const M = await columnOf(page, 'ICP Accounts', 'MRR');
    await typeInto(`${free}2`, `=SUM(${M}2:${M}5)`);
    const mrr = accounts.slice(1, 5).reduce((n, row) => n + Number(row[accounts[0].indexOf('MRR')]), 0);
    await until(() => cell(`${free}2`)).toBe(String(mrr));
    await typeInto(`${free}3`, `=COUNTIFS(${T}2:${T}${accounts.length}, "A")`);
    const tiers = expectedTiers(criteriaWithChurnRule()); // as the test before saved them
    await until(() => cell(`${free}3`)).toBe(String(tiers.filter((t) => t === 'A').length));
    await typeInto(`${free}4`, `=ICP_ROW(A1:${last}1, A2:${last}2, ICP_CRITERIA, "score")`);
    const score = await cell(`${S}2`);
    expect(score).toMatch(/^\d+$/);
    await until(() => cell(`${free}4`)).toBe(score);
  });

  it('builds a segment summary into a new tab', async () => {
    page.once('dialog', (dialog) => void dialog.accept('Region'));
    await page.locator('button[data-action=buildSegmentSummary]').click();
    await until(() => page.locator('#tabs button.active').textContent()).toBe('ICP Segments 2');
    await until(() => cell('A1')).toBe('Segment');
    const segments = await Promise.all(Array.from({ length: 8 }, (_, i) => cell(`A${i + 2}`)));
    expect(segments).toContain('DACH');
    expect(segments).toContain('All');
    expect(await cell(`${await columnOf(page, 'ICP Segments 2', 'Health')}2`)).toMatch(/CLV:CAC/);
    await until(() => page.locator('#charts figcaption').textContent()).toBe('CLV:CAC and monthly churn per segment');
    // One bar per segment and series that has a value.
    const [chart] = playground.workbook.charts('ICP Segments 2');
    expect(chart.labels).toEqual(segments.filter((s) => s !== ''));
    expect(await page.locator('#charts rect.bar').count()).toBe(chart.series.flatMap((s) => s.values).filter((v) => v !== null).length);
    await page.locator('#charts figure').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'segments.png') });
    await page.locator('#tabs button', { hasText: 'ICP Accounts' }).click();
    await until(() => page.locator('#charts').isHidden()).toBe(true);
  });

  it('shows a bad criteria value next to its field', async () => {
    await page.locator('#tabs button', { hasText: 'ICP Accounts' }).click();
    const frame = await sidebar();
    const employees = frame.locator('.rule').nth(1);
    await employees.locator('input[name=value]').fill('fifty to many');
    await until(() => employees.locator('[data-error$="-value"]').textContent()).toBe(
      '"fifty to many" is not a range; write it like 50-200, 50..200 or 50 to 200.',
    );
    await frame.locator('[data-action=save]').click();
    await until(() => frame.locator('.status').textContent()).toBe('Fix the marked fields first.');
    await employees.evaluate((rule) => rule.scrollIntoView({ block: 'center' }));
    await page.locator('aside').screenshot({ path: path.join(SCREENSHOTS, 'sidebar-error.png') });
    await employees.locator('input[name=value]').fill('50-1000');
  });

  it('never saves over a hand edit of the criteria tab: it says so, offers to reload, then shows the edit', async () => {
    await page.locator('#tabs button', { hasText: 'ICP Accounts' }).click();
    const frame = await sidebar();
    const points = (rule: number) => frame.locator('.rule').nth(rule).locator('input[name=points]');
    await points(0).fill('31'); // an edit in the sidebar, not saved yet
    await page.locator('#tabs button', { hasText: 'ICP Criteria' }).click();
    const [attribute, P] = [await columnOf(page, 'ICP Criteria', 'Attribute'), await columnOf(page, 'ICP Criteria', 'Points')];
    await until(() => cell(`${attribute}3`)).toBe('Employees');
    const before = await cell(`${P}3`);
    await typeInto(`${P}3`, '26'); // the same tab edited by hand in the grid
    await frame.locator('[data-action=save]').click();
    await until(() => frame.locator('.status').textContent()).toMatch(
      /^The ICP Criteria tab was changed outside this editor since it was loaded, so nothing was saved/,
    );
    expect(before).not.toBe('26');
    expect([await cell(`${P}2`), await cell(`${P}3`)]).toEqual(['30', '26']);
    await frame.locator('[data-action=reload]').click();
    await until(() => points(1).inputValue()).toBe('26');
    expect(await points(0).inputValue()).toBe('30');
    expect(await frame.locator('[data-action=reload]').count()).toBe(0);
    expect([await cell(`${P}2`), await cell(`${P}3`)]).toEqual(['30', '26']);
  });

  it('loads a CSV chosen in the page as the account sheet', async () => {
    const csv = 'Firma;Branche;Mitarbeitende\nAlpha GmbH;Software;1.200\nBeta AG;Handel;80\n';
    await page.locator('#csv').setInputFiles({ name: 'konten.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await until(() => page.locator('#message').textContent()).toMatch(/^Loaded konten\.csv: 2 rows\.\n/);
    await until(async () => [await cell('A1'), await cell('B2'), await cell('C2'), await cell('A3')]).toEqual(['Firma', 'Software', '1.200', 'Beta AG']);
  });

  it('stays responsive with 50,000 rows: only the visible rows are in the page', async () => {
    const lines = ['Company,Industry,Employees,Region,MRR,Churned'];
    for (let i = 0; i < 50_000; i++)
      lines.push(`Account ${i},${['SaaS', 'Retail', 'Fintech'][i % 3]},${10 + (i % 900)},${i % 2 ? 'DACH' : 'US'},${100 + (i % 70)},${i % 9 === 0}`);
    await page.locator('#csv').setInputFiles({ name: 'big.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\n')) });
    await until(() => page.locator('#message').textContent(), 30_000).toMatch(/^Loaded big\.csv: 50,000 rows\.\n/);
    expect(await page.locator('.gridrow').count()).toBeLessThan(120);
    await page.evaluate(() => {
      const grid = document.getElementById('grid')!;
      grid.scrollTop = grid.scrollHeight;
    });
    await until(() => cell('A50001')).toBe('Account 49999');
    expect(await page.locator('.gridrow').count()).toBeLessThan(120);
    await page.evaluate(() => {
      document.getElementById('grid')!.scrollTop = 25_000 * 24;
    });
    await until(() => cell('A25001')).toBe('Account 24999');
  });

  it('never reaches beyond this machine', () => {
    expect(outside).toEqual([]);
  });
});
