// Issue 10's page-side journeys in Debian's Chromium at 1440×900, as a new user meets them: the results on
// the first view, readable and resizable; errors on the formula cell only, with the reason under the
// formula bar; a CSV that does not fit saying what to do; a loaded CSV scored again; every message in full
// and in words; charts with two titled axes that stay readable at 20 segments.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { launch } from '../../playground/start.mjs';
import { csvToValues } from '../../tools/csv.mjs';
import {
  type Box,
  bundleTiers,
  cell,
  click,
  errors,
  gridView,
  loadCsv,
  message,
  type Opened,
  openPlayground,
  type Playground,
  SCREENSHOTS,
  slivers,
  typeInto,
  until,
  useChromium,
  visibleWidth,
} from './browser';
import { columnOf, headers, results, summary } from './columns';

const browser = useChromium();

/** An element's box once the grid has stopped redrawing it (after a scroll, the rows are drawn anew). */
async function settled(locator: ReturnType<Page['locator']>): Promise<Box> {
  let last = '';
  for (let i = 0; i < 50; i++) {
    const box = await locator.boundingBox();
    const now = JSON.stringify(box);
    if (box && now === last) return box;
    last = now;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the grid kept moving');
}

// ---- colour: what a person sees, with and without colour blindness ----------------------------------------

type Rgb = [number, number, number];
const rgb = (css: string): Rgb => (css.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((n) => Number(n) / 255) as Rgb;
const linear = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
const gamma = (c: number) => (c <= 0.0031308 ? 12.92 * c : 1.055 * c ** (1 / 2.4) - 0.055);
const luminance = (c: Rgb) => 0.2126 * linear(c[0]) + 0.7152 * linear(c[1]) + 0.0722 * linear(c[2]);
/** WCAG 2 contrast ratio. */
const contrast = (a: Rgb, b: Rgb) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
};
/** Machado, Oliveira & Fernandes (2009), severity 1, in linear RGB. */
const VISION: Record<string, number[][] | null> = {
  normal: null,
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  tritanopia: [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.3039],
  ],
};
const seen = (c: Rgb, m: number[][] | null): Rgb => {
  if (!m) return c;
  const l = c.map(linear);
  return m.map((row) => gamma(Math.min(1, Math.max(0, row[0] * l[0] + row[1] * l[1] + row[2] * l[2])))) as Rgb;
};
const lab = (c: Rgb): Rgb => {
  const [r, g, b] = c.map(linear);
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : ((24389 / 27) * t + 16) / 116);
  const [x, y, z] = [(0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047, 0.2126 * r + 0.7152 * g + 0.0722 * b, (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883];
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
};
/** CIE76 colour difference: about 2 is just noticeable, 10 and more reads as a different colour at a glance. */
const deltaE = (a: Rgb, b: Rgb) => Math.hypot(...lab(a).map((v, i) => v - lab(b)[i]));

// ---- chart labels: do two slanted labels overlap? ---------------------------------------------------------

type Point = { x: number; y: number };
/** Whether two convex polygons overlap (separating axis theorem), allowing a touch of `slack` pixels. */
function overlap(a: Point[], b: Point[], slack = 0.5): boolean {
  for (const polygon of [a, b]) {
    for (let i = 0; i < polygon.length; i++) {
      const p = polygon[i];
      const q = polygon[(i + 1) % polygon.length];
      const normal = { x: q.y - p.y, y: p.x - q.x };
      const length = Math.hypot(normal.x, normal.y) || 1;
      const project = (points: Point[]) => points.map((r) => (r.x * normal.x + r.y * normal.y) / length);
      const [pa, pb] = [project(a), project(b)];
      if (Math.max(...pa) - slack <= Math.min(...pb) || Math.max(...pb) - slack <= Math.min(...pa)) return false;
    }
  }
  return true;
}

describe('the grid in Chromium at 1440×900', () => {
  describe('the example workbook', () => {
    let playground: Playground;
    let opened: Opened;
    let page: Page;
    beforeAll(async () => {
      playground = await launch({ port: 0 });
      opened = await openPlayground(browser(), playground);
      page = opened.page;
    });
    afterAll(async () => {
      await opened?.close();
      await playground?.close();
    });

    it('10.6 shows each account’s name, score, tier and explanation on the first view', async () => {
      // Right of the account columns, wherever they end (the example ends with its outcome columns).
      const { score: S, tier: T, why: W, column } = await results(page, 'ICP Accounts');
      expect(column).toBe(csvToValues(readFileSync('examples/accounts.csv', 'utf8'))[0].length + 1);
      expect([await cell(page, `${S}1`), await cell(page, `${T}1`), await cell(page, `${W}1`)]).toEqual(['ICP score', 'ICP tier', 'Why']);
      // The names stay in view (the first column), and the three result columns are in view beside them.
      expect(await visibleWidth(page, 'A2')).toBeGreaterThan(100);
      const score = (await page.locator(`[data-cell="${S}2"]`).boundingBox())!;
      expect(await visibleWidth(page, `${S}2`)).toBe(score.width);
      expect(await visibleWidth(page, `${T}2`)).toBe((await page.locator(`[data-cell="${T}2"]`).boundingBox())!.width);
      expect(await visibleWidth(page, `${W}2`)).toBeGreaterThanOrEqual(380);
      // … and the first rows of them: a tier a person can read.
      const view = await gridView(page);
      expect(score.y + score.height).toBeLessThan(view.y + view.height);
      // No sliver of a column scrolled under the first one shows beside it: a column there is whole or gone.
      expect(await slivers(page, 2)).toEqual([]);
    });

    it('10.6 fills the formula bar: a value as typed, a formula, and the formula a result comes from', async () => {
      const { score: S, why: W, last } = await results(page, 'ICP Accounts');
      await page.locator('[data-cell="A2"]').click();
      await until(() => page.locator('#formula').inputValue()).toBe('Acme Analytics');
      // Score this sheet writes its formulas over the whole account table, up to its last column.
      await page.locator(`[data-cell="${S}1"]`).click();
      await until(() => page.locator('#formula').inputValue()).toBe(`=ICP_SCORE(A1:${last}, ICP_CRITERIA)`);
      await page.locator(`[data-cell="${W}2"]`).click();
      await until(() => page.locator('#address').textContent()).toBe(`${W}2`);
      // A cell of a spilled result: Sheets shows the formula it comes from, greyed; the line below shows
      // what the cell says in full, so a long explanation can be read.
      await until(() => page.locator('#formula').getAttribute('placeholder')).toBe(`=ICP_EXPLAIN(A1:${last}, ICP_CRITERIA)`);
      expect(await page.locator('#formula').inputValue()).toBe('');
      const why = await cell(page, `${W}2`);
      expect(why).toMatch(/^\[SaaS mid-market\] \d+ = /);
      await until(() => page.locator('#cellinfo').textContent()).toBe(`Result of the formula in ${W}1: ${why}`);
    });

    it('10.6 resizes a column by dragging its header edge, remembers it for the sheet, and fits it on double-click', async () => {
      const { why: W, column } = await results(page, 'ICP Accounts');
      const whyHead = `.colhead.c${column + 2}`;
      const grip = page.locator(`${whyHead} .grip`);
      const before = (await page.locator(whyHead).boundingBox())!.width;
      // The Why column's right edge is right of the first view: scroll it to the middle, as a person would.
      await grip.evaluate((el) => el.scrollIntoView({ inline: 'center' }));
      const at = await settled(grip);
      await page.mouse.move(at.x + at.width / 2, at.y + at.height / 2);
      await page.mouse.down();
      await page.mouse.move(at.x + at.width / 2 + 150, at.y + at.height / 2, { steps: 5 });
      await page.mouse.up();
      const widthOf = async (selector: string) => ((await page.locator(selector).count()) ? ((await page.locator(selector).boundingBox())?.width ?? 0) : 0);
      await until(() => widthOf(whyHead)).toBeGreaterThanOrEqual(before + 145);
      const widened = await widthOf(whyHead);
      expect(await widthOf(`[data-cell="${W}2"]`)).toBe(widened);
      // Another sheet keeps its own widths; back on this one, and after a reload, the width is kept.
      await page.locator('#tabs button', { hasText: 'ICP Criteria' }).click();
      await until(() => page.locator('#tabs button.active').textContent()).toBe('ICP Criteria');
      await until(() => widthOf(whyHead)).toBeLessThan(widened);
      await page.locator('#tabs button', { hasText: 'ICP Accounts' }).click();
      await until(() => widthOf(whyHead)).toBe(widened);
      await page.reload();
      await page.waitForSelector('body[data-ready=true]');
      expect(await widthOf(whyHead)).toBe(widened);
      await page.locator(`${whyHead} .grip`).dblclick();
      await until(() => widthOf(whyHead)).toBe(before);
    });

    it('10.6 colours the tiers so that a person tells them apart, colour-blind too, with text that reads', async () => {
      await page.locator('#tabs button', { hasText: 'ICP Accounts' }).click();
      const { tier: T } = await results(page, 'ICP Accounts');
      await until(() => cell(page, `${T}1`)).toBe('ICP tier');
      // Read in one go: a redraw replaces the cells, and a replaced cell has no style.
      const tiers = await page.evaluate(
        (letter) =>
          [...document.querySelectorAll<HTMLElement>(`[data-cell^="${letter}"]`)]
            .filter((c) => new RegExp(`^${letter}\\d+$`).test(c.dataset.cell!) && c.dataset.cell !== `${letter}1` && c.textContent)
            .map((c) => ({ tier: c.textContent!, bg: getComputedStyle(c).backgroundColor, color: getComputedStyle(c).color })),
        T,
      );
      const byTier = new Map(tiers.map((t) => [t.tier, t]));
      expect([...byTier.keys()].sort()).toEqual(['A', 'B', 'C', 'D']);
      for (const { tier, bg, color } of byTier.values()) expect(contrast(rgb(bg), rgb(color)), `${tier}: ${color} on ${bg}`).toBeGreaterThanOrEqual(4.5);
      const colours = [...byTier.values()].map((t) => rgb(t.bg));
      for (const [vision, matrix] of Object.entries(VISION)) {
        const shown = colours.map((c) => seen(c, matrix));
        const closest = Math.min(...shown.flatMap((a, i) => shown.slice(i + 1).map((b) => deltaE(a, b))));
        expect(closest, `${vision}: the two closest tier colours`).toBeGreaterThanOrEqual(15);
        // Coloured tiers stand out from the white of cells without one.
        expect(Math.min(...shown.map((c) => deltaE(c, [1, 1, 1]))), vision).toBeGreaterThanOrEqual(15);
      }
    });

    it('10.5 shows a failing formula’s error on its own cell only, and its message under the formula bar', async () => {
      const { score: S, tier: T, why: W, last } = await results(page, 'ICP Accounts');
      await page.locator('#tabs button', { hasText: 'ICP Criteria' }).click();
      const operator = `${await columnOf(page, 'ICP Criteria', 'Operator')}4`; // the Region rule
      await until(() => cell(page, operator)).toBe('is');
      onTestFinished(() => {
        // Should this test stop half-way, the next ones still find the example criteria, not this error.
        const column = (playground.workbook.sheet('ICP Criteria').rows[0] ?? []).findIndex((c) => c?.value === 'Operator') + 1;
        if (playground.workbook.input('ICP Criteria', 4, column) !== 'is') playground.workbook.edit('ICP Criteria', 4, column, 'is');
      });
      await typeInto(page, operator, 'equalz');
      await page.locator('#tabs button', { hasText: 'ICP Accounts' }).click();
      await until(() => errors(page)).toEqual([`${S}1: #ERROR!`, `${T}1: #ERROR!`, `${W}1: #ERROR!`]);
      // The cells the results would spill into are empty, as in Sheets.
      for (const ref of [`${S}2`, `${T}2`, `${W}2`, `${S}20`, `${T}20`, `${W}20`]) expect(await cell(page, ref)).toBe('');
      await page.locator(`[data-cell="${S}1"]`).click();
      await until(() => page.locator('#cellinfo').textContent()).toMatch(
        /^Error: Criteria row 4, Operator: "equalz" is not an operator \(did you mean "equals"\?\)/,
      );
      expect(await page.locator('#cellinfo').getAttribute('class')).toBe('error');
      expect(await page.locator('#formula').inputValue()).toBe(`=ICP_SCORE(A1:${last}, ICP_CRITERIA)`);
      await page.screenshot({ path: path.join(SCREENSHOTS, 'grid-error.png') });
      // An empty cell below is an empty cell: no formula, no message.
      await page.locator(`[data-cell="${S}3"]`).click();
      await until(() => page.locator('#cellinfo').textContent()).toBe('');
      expect(await page.locator('#formula').getAttribute('placeholder')).toBe('');
      await page.locator('#tabs button', { hasText: 'ICP Criteria' }).click();
      await typeInto(page, operator, 'is');
      await page.locator('#tabs button', { hasText: 'ICP Accounts' }).click();
      await until(() => errors(page)).toEqual([]);
    });

    it('10.8 shows what an action did in words, with a next step, never an internal name', async () => {
      await click(page, 'createTemplate');
      await until(() => message(page)).toBe(
        'Created ICP Accounts 2 with three example accounts to replace with yours and a Personas sheet; the ICP Criteria tab stays as it was. Run Score this sheet to see their scores.',
      );
      expect(await page.locator('#notice').getAttribute('class')).toBe('info');
      await page.locator('#next button', { hasText: 'Score this sheet' }).click();
      await until(() => message(page)).toBe('Scored ICP Accounts 2; the scores follow rows and criteria.');
      const { tier: T } = await results(page, 'ICP Accounts 2');
      expect([await cell(page, `${T}2`), await cell(page, `${T}3`), await cell(page, `${T}4`)]).toEqual(['A', 'B', 'D']);
      expect(await visibleWidth(page, `${T}2`)).toBeGreaterThan(0);
      // Dismissed by hand (it would fade by itself, as a toast does: newcomer.test.ts).
      await page.locator('#dismiss').dispatchEvent('click');
      expect(await page.locator('#notice').isHidden()).toBe(true);
    });

    it('10.8 shows a multi-line alert in full, line by line, as an error', async () => {
      await click(page, 'buildSegmentSummary', 'Nope');
      await until(() => message(page)).toMatch(/^No segment summary was built: ICP_SEGMENTS, segment_by: "Nope" is not a column of the table\./);
      expect(await page.locator('#notice').getAttribute('class')).toBe('error');
      expect(await page.locator('#notice').getAttribute('role')).toBe('alert');
      await page.locator('#tabs button', { hasText: 'ICP Accounts' }).first().click();
      await loadCsv(page, 'export.csv', 'Firma;Branche;Mitarbeitende;Region (HQ)\nAlpha GmbH;Software;1.200;DACH\nBeta AG;Handel;80;DACH\n');
      // Loading scores the sheet again at once, and says that nothing fits as a next step: wait for that
      // first, or its answer could arrive after the click below and replace what the click says.
      await until(() => message(page)).toMatch(/^Loaded export\.csv: 2 rows\.\nNothing was scored: 10 of 10 rules/);
      expect(await page.locator('#notice').getAttribute('class')).toBe('warning');
      await click(page, 'scoreThisSheet');
      await until(() => message(page)).toMatch(/^Nothing was scored: 10 of 10 rules in the ICP Criteria tab do not fit the columns of ICP Accounts\./);
      const shown = await page.locator('#message').evaluate((el) => ({
        lines: (el as HTMLElement).innerText.split('\n'),
        cut: el.scrollWidth > el.clientWidth,
        height: el.getBoundingClientRect().height,
        lineHeight: parseFloat(getComputedStyle(el).lineHeight),
      }));
      // One line per rule, each starting with its bullet, nothing cut off.
      expect(shown.lines.filter((l) => l.startsWith('• '))).toHaveLength(5);
      expect(shown.lines.at(-1)).toMatch(/^Open Edit ICP criteria… to start a profile/);
      expect(shown.cut).toBe(false);
      expect(shown.height).toBeGreaterThanOrEqual(shown.lines.length * shown.lineHeight - 1);
      expect(await page.locator('#notice').getAttribute('class')).toBe('error');
      expect(await page.locator('#hint').textContent()).toMatch(/^The criteria editor is open on the right/);
    });
  });

  describe('npm start -- my.csv, with columns the example criteria do not fit', () => {
    let playground: Playground;
    let opened: Opened;
    let page: Page;
    beforeAll(async () => {
      const csv = path.join(mkdtempSync(path.join(os.tmpdir(), 'icp-e2e-')), 'my.csv');
      writeFileSync(
        csv,
        'Company;Industry;Employees;Region (HQ);Website\nAlpha GmbH;SaaS;1.200;DACH;https://alpha.example\nBeta AG;Retail;80;DACH;\nGamma SE;SaaS;450;Nordics;https://gamma.example\n',
      );
      playground = await launch({ port: 0, csv });
      opened = await openPlayground(browser(), playground);
      page = opened.page;
    });
    afterAll(async () => {
      await opened?.close();
      await playground?.close();
    });

    it('10.4 says on the first view what to do: the add-on’s next step, the rules that do not fit, the editor beside', async () => {
      const setUp = playground.workbook.setUp!;
      expect(setUp.criteria).toBe('none');
      expect(await page.locator('#notice').isVisible()).toBe(true);
      expect(await page.locator('#notice').getAttribute('class')).toBe('warning');
      expect(await message(page)).toBe(
        `Your 3 accounts are loaded. The example criteria do not fit their columns, so the playground kept none and nothing is scored yet.\n${setUp.next}`,
      );
      expect(await page.locator('#hint').textContent()).toMatch(
        /^The criteria editor is open on the right: use Start a profile from this sheet’s columns there/,
      );
      expect(await page.locator('aside').getAttribute('class')).toBe('attention');
      await page.locator('#details summary').click();
      const rules = await page.locator('#details li').allTextContents();
      expect(rules).toHaveLength(setUp.unfit.length);
      expect(
        rules.filter((r) => r.startsWith('Region is DACH, Nordics (SaaS mid-market): "Region" is not a column of the table. Closest: "Region (HQ)"')),
      ).toHaveLength(1);
      expect(await errors(page)).toEqual([]);
      // Nothing was written beside the user's columns.
      expect(await headers(page, 'ICP Accounts')).toEqual(['Company', 'Industry', 'Employees', 'Region (HQ)', 'Website']);
      expect((await summary(page, 'ICP Accounts')).results).toBeNull();
      await page.screenshot({ path: path.join(SCREENSHOTS, 'grid-own-csv.png') });
    });

    it('10.4 and 10.7 offer to score in one click once criteria are saved in the editor', async () => {
      // What the editor's "start a profile from this sheet's columns" and Save do, through its own bridge.
      const frame = page.frame({ url: /\/sidebar$/ }) as Frame;
      await frame.evaluate(async () => {
        const run = (name: string, ...args: unknown[]) =>
          new Promise<any>((resolve, reject) => {
            const bridge = (window as any).google.script.run.withSuccessHandler(resolve).withFailureHandler(reject);
            bridge[name](...args);
          });
        const starter = await run('starterDraft');
        const { version } = await run('getSidebarStatus');
        const saved = await run('saveCriteria', starter.draft, version);
        if (!saved.ok) throw new Error(JSON.stringify(saved.errors));
      });
      await until(() => message(page)).toBe('The criteria are saved. Score ICP Accounts to see each account’s score, tier and explanation.');
      await page.locator('#next button', { hasText: 'Score this sheet' }).click();
      await until(() => message(page)).toBe('Scored ICP Accounts; the scores follow rows and criteria.');
      // The three result columns, right of the user's five.
      const { score: S, tier: T, why: W, column } = await results(page, 'ICP Accounts');
      expect(column).toBe(6);
      expect([await cell(page, `${S}1`), await cell(page, `${T}1`), await cell(page, `${W}1`)]).toEqual(['ICP score', 'ICP tier', 'Why']);
      expect(await errors(page)).toEqual([]);
      expect(await page.locator('aside').getAttribute('class')).toBe('');
    });
  });

  describe('loading a CSV in the page', () => {
    let playground: Playground;
    let opened: Opened;
    let page: Page;
    beforeAll(async () => {
      playground = await launch({ port: 0 });
      opened = await openPlayground(browser(), playground);
      page = opened.page;
    });
    afterAll(async () => {
      await opened?.close();
      await playground?.close();
    });

    it('10.7 scores the loaded accounts again at once when the criteria fit, and says so', async () => {
      const csv = readFileSync('examples/accounts.csv', 'utf8').split('\n').slice(0, 11).join('\n');
      await loadCsv(page, 'ten.csv', csv);
      await until(() => message(page)).toBe('Loaded ten.csv: 10 rows.\nScored ICP Accounts; the scores follow rows and criteria.');
      const tiers = bundleTiers(csv);
      const { tier: T, column } = await results(page, 'ICP Accounts');
      expect(column).toBe(csvToValues(csv)[0].length + 1);
      for (let row = 2; row <= 11; row++) expect(await cell(page, `${T}${row}`)).toBe(tiers[row - 1]);
      expect(await visibleWidth(page, `${T}2`)).toBeGreaterThan(0);
    });

    it('10.7 says why nothing was scored when the loaded columns do not fit, and where to go next', async () => {
      await loadCsv(page, 'konten.csv', 'Firma;Branche;Mitarbeitende\nAlpha GmbH;Software;1.200\nBeta AG;Handel;80\n');
      await until(() => message(page)).toMatch(
        /^Loaded konten\.csv: 2 rows\.\nNothing was scored: \d+ of 10 rules in the ICP Criteria tab do not fit the columns of ICP Accounts\./,
      );
      expect(await page.locator('#notice').getAttribute('class')).toBe('warning');
      expect(await page.locator('#hint').isVisible()).toBe(true);
      expect(await errors(page)).toEqual([]);
      expect(await headers(page, 'ICP Accounts')).toEqual(['Firma', 'Branche', 'Mitarbeitende']);
      expect((await summary(page, 'ICP Accounts')).results).toBeNull();
    });

    it('10.10 draws the segment chart as Sheets would: two titled axes, churn in percent, labels apart, a legend', async () => {
      const industries = [
        'Software',
        'Fintech',
        'Healthcare providers',
        'Logistics',
        'Retail',
        'Manufacturing',
        'Education',
        'Media',
        'Telecommunications',
        'Energy',
        'Insurance',
        'Real estate',
        'Automotive',
        'Travel',
        'Food and beverage',
        'Biotech',
        'Public sector',
        'Agriculture',
        'Construction',
        'Professional services',
      ];
      const lines = ['Company,Industry,Employees,Region,MRR,Churned,Customer since,CAC'];
      for (let i = 0; i < 200; i++)
        lines.push(
          `Account ${i},${industries[i % 20]},${10 + i},R${i % 3},${100 + ((i * 37) % 900)},${(i * 7) % 11 === 0},2024-0${1 + (i % 9)}-01,${1000 + ((i * 91) % 5000)}`,
        );
      await loadCsv(page, 'twenty.csv', lines.join('\n'));
      await until(() => message(page)).toMatch(/^Loaded twenty\.csv: 200 rows\./);
      await click(page, 'buildSegmentSummary', 'Industry');
      await until(() => message(page)).toBe('Built ICP Segments 2: 20 segments by Industry, with a chart of CLV:CAC and monthly churn.');
      const segments = await Promise.all(Array.from({ length: 21 }, (_, i) => cell(page, `A${i + 2}`)));
      expect(new Set(segments)).toEqual(new Set([...industries, 'All']));
      const chart = page.locator('#charts figure');
      await until(() => chart.count()).toBe(1);
      await chart.scrollIntoViewIfNeeded();
      expect(await chart.locator('figcaption').textContent()).toBe('CLV:CAC and monthly churn per segment');
      expect(await chart.locator('.legend .item').allTextContents()).toEqual(['CLV:CAC', 'Monthly churn']);
      expect(await chart.locator('.axis-left .axis-title').textContent()).toBe('CLV:CAC');
      expect(await chart.locator('.axis-right .axis-title').textContent()).toBe('Monthly churn');
      const left = await chart.locator('.axis-left .tick').allTextContents();
      const right = await chart.locator('.axis-right .tick').allTextContents();
      expect(left[0]).toBe('0');
      for (const tick of left) expect(tick).toMatch(/^\d[\d,]*(\.\d+)?$/);
      expect(right).toHaveLength(left.length); // the two axes share the gridlines
      for (const tick of right) expect(tick).toMatch(/^\d+(\.\d+)?%$/);
      // The bars: CLV:CAC against the left axis, churn against the right one, each reaching its value.
      const bars = await chart.locator('rect.bar').count();
      expect(bars).toBeGreaterThanOrEqual(2 * 20);
      // Every segment is named under its bars, and no two names overlap.
      const labels = await chart.locator('.x-label').evaluateAll((texts) =>
        texts.map((t) => {
          const text = t as SVGTextElement;
          const box = text.getBBox();
          const matrix = text.getScreenCTM()!;
          const corner = (x: number, y: number) => {
            const p = new DOMPoint(x, y).matrixTransform(matrix);
            return { x: p.x, y: p.y };
          };
          return {
            text: text.firstChild?.textContent,
            corners: [corner(box.x, box.y), corner(box.x + box.width, box.y), corner(box.x + box.width, box.y + box.height), corner(box.x, box.y + box.height)],
          };
        }),
      );
      expect(labels.map((l) => l.text)).toEqual(segments);
      for (let i = 1; i < labels.length; i++)
        expect(overlap(labels[i - 1].corners, labels[i].corners), `${labels[i - 1].text} / ${labels[i].text}`).toBe(false);
      // The chart fits the grid's view, so it is read without scrolling sideways.
      const view = await gridView(page);
      const box = (await chart.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(view.x + view.width);
      await page.locator('#dismiss').dispatchEvent('click'); // the note on what was built floats over the chart's corner, unless it faded
      await page.screenshot({ path: path.join(SCREENSHOTS, 'segments-20.png') });
    });
  });
});
