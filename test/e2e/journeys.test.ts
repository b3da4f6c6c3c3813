// Issue 10's first journeys in a real browser (Debian's Chromium through playwright-core): a segment summary
// by ICP tier, the template scored with one click, and a user's own CSV that the criteria do not fit. Each
// action must show what it built or say what is wrong on the page's message line, never #ERROR! cells
// under a success message.

import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch } from '../../playground/start.mjs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SCREENSHOTS = path.resolve('docs/screenshots');
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'];

type Playground = Awaited<ReturnType<typeof launch>>;

let browser: Browser;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`No browser at ${CHROMIUM}: apt-get install -y --no-install-recommends chromium`);
  mkdirSync(SCREENSHOTS, { recursive: true });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
});

afterAll(async () => {
  await browser?.close();
});

async function open(playground: Playground): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 820 } });
  await page.goto(playground.url);
  await page.waitForSelector('body[data-ready=true]');
  return page;
}

/** The text a grid cell shows, e.g. cell(page, 'N2'). */
async function cell(page: Page, ref: string): Promise<string> {
  return (await page.locator(`[data-cell="${ref}"]`).textContent()) ?? '';
}

const message = (page: Page) => page.locator('#message').textContent();

async function click(page: Page, action: string, prompt?: string) {
  if (prompt !== undefined) page.once('dialog', (dialog) => void dialog.accept(prompt));
  await page.locator(`button[data-action=${action}]`).click();
}

/** Every cell of the grid that shows an error. */
async function errors(page: Page): Promise<string[]> {
  return page.locator('[data-cell].err').evaluateAll((cells) => cells.map((c) => `${(c as HTMLElement).dataset.cell}: ${c.textContent}`));
}

describe('journeys in Chromium', () => {
  describe('the example workbook', () => {
    let playground: Playground;
    let page: Page;
    beforeAll(async () => {
      playground = await launch({ port: 0 });
      page = await open(playground);
    });
    afterAll(async () => {
      await page?.close();
      await playground?.close();
    });

    it('10.1 builds a segment summary by ICP tier that shows the tiers and says what it built', async () => {
      const tiers = new Set(await Promise.all(Array.from({ length: 40 }, (_, i) => cell(page, `N${i + 2}`))));
      await click(page, 'buildSegmentSummary', 'ICP tier');
      await expect.poll(() => page.locator('#tabs button.active').textContent(), { timeout: 10_000 }).toBe('ICP Segments 2');
      await expect.poll(() => message(page), { timeout: 10_000 }).toBe(`Built ICP Segments 2: ${tiers.size} segments by ICP tier, with a chart of CLV:CAC and monthly churn.`);
      expect(await cell(page, 'A1')).toBe('Segment');
      const segments = await Promise.all(Array.from({ length: tiers.size + 1 }, (_, i) => cell(page, `A${i + 2}`)));
      expect(new Set(segments.slice(0, -1))).toEqual(tiers);
      expect(segments.at(-1)).toBe('All');
      expect(await errors(page)).toEqual([]);
      await expect.poll(() => page.locator('#charts figcaption').textContent(), { timeout: 10_000 }).toBe('CLV:CAC and monthly churn per segment');
    });

    it('10.2 scores the template with one click after creating it', async () => {
      await click(page, 'createTemplate');
      await expect.poll(() => page.locator('#tabs button.active').textContent(), { timeout: 10_000 }).toBe('ICP Accounts 2');
      await expect.poll(() => message(page), { timeout: 10_000 }).toBe('Created ICP Accounts 2 with three example accounts to replace with yours and a Personas sheet; the ICP Criteria tab stays as it was. Run Score this sheet to see their scores.');
      await click(page, 'scoreThisSheet');
      await expect.poll(() => message(page), { timeout: 10_000 }).toBe('Scored ICP Accounts 2; the scores follow rows and criteria.');
      await expect.poll(() => cell(page, 'U1'), { timeout: 10_000 }).toBe('ICP score');
      expect([await cell(page, 'V1'), await cell(page, 'W1')]).toEqual(['ICP tier', 'Why']);
      expect([await cell(page, 'V2'), await cell(page, 'V3'), await cell(page, 'V4')]).toEqual(['A', 'B', 'D']);
      expect(await cell(page, 'U2')).toBe('100');
      expect(await errors(page)).toEqual([]);
      await page.evaluate(() => {
        document.getElementById('grid')!.scrollLeft = 1900;
      });
      await expect.poll(() => page.locator('[data-cell="W2"]').isVisible(), { timeout: 10_000 }).toBe(true);
      // The toolbar and the scored example accounts; the sidebar beside them is another journey's.
      const aside = await page.locator('aside').boundingBox();
      await page.screenshot({ path: path.join(SCREENSHOTS, 'template.png'), clip: { x: 0, y: 0, width: aside?.x ?? 1120, height: 220 } });
    });

    it('10.4 names the rules that do not fit a loaded CSV instead of filling it with #ERROR!', async () => {
      const csv = 'Firma;Branche;Mitarbeitende;Region (HQ)\nAlpha GmbH;Software;1.200;DACH\nBeta AG;Handel;80;DACH\n';
      await page.locator('#csv').setInputFiles({ name: 'export.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
      // Loading scores the sheet again at once (grid.test.ts): here that says nothing fits, as below.
      await expect.poll(() => message(page), { timeout: 10_000 }).toMatch(/^Loaded export\.csv: 2 rows\.\nNothing was scored/);
      await click(page, 'scoreThisSheet');
      await expect.poll(() => message(page), { timeout: 10_000 }).toMatch(/^Nothing was scored: 10 of 10 rules in the ICP Criteria tab do not fit the columns of ICP Accounts\./);
      expect(await message(page)).toContain('• Region is DACH, Nordics (SaaS mid-market): "Region" is not a column of the table. Closest: "Region (HQ)"');
      expect(await message(page)).toContain('Open Edit ICP criteria… to start a profile from the columns of ICP Accounts');
      expect([await cell(page, 'E1'), await cell(page, 'F1'), await cell(page, 'G1')]).toEqual(['', '', '']);
      expect(await errors(page)).toEqual([]);
    });
  });

  describe('npm start -- my.csv, with columns the example criteria do not fit', () => {
    let playground: Playground;
    let page: Page;
    beforeAll(async () => {
      const csv = path.join(mkdtempSync(path.join(os.tmpdir(), 'icp-e2e-')), 'my.csv');
      writeFileSync(csv, 'Firma;Branche;Mitarbeitende;Region (HQ);Website\nAlpha GmbH;Software;1.200;DACH;https://alpha.example\nBeta AG;Handel;80;DACH;\nGamma SE;Software;450;Nordics;https://gamma.example\n');
      playground = await launch({ port: 0, csv });
      page = await open(playground);
    });
    afterAll(async () => {
      await page?.close();
      await playground?.close();
    });

    it('10.4 keeps no unfit criteria, says what to do, and scores once a profile is started from the columns', async () => {
      expect(await page.locator('#tabs button').allTextContents()).toEqual(['ICP Accounts']);
      expect(playground.workbook.setUp).toMatchObject({ criteria: 'none', next: expect.stringMatching(/^Nothing was scored: there are no ICP criteria yet\./) });
      await click(page, 'scoreThisSheet');
      await expect.poll(() => message(page), { timeout: 10_000 }).toBe('Nothing was scored: there are no ICP criteria yet. Open Edit ICP criteria… to start a profile from the columns of ICP Accounts, then run Score this sheet again.');
      expect(await cell(page, 'F1')).toBe('');
      // What the criteria editor's "start from this sheet's columns" does: the starter draft, then Save.
      const saved = await page.evaluate(async () => {
        const call = (name: string, args: unknown[]) =>
          fetch('/api/run', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ name, args, active: 'ICP Accounts' }) }).then((r) => r.json());
        const starter = (await call('starterDraft', [])).result;
        const { version } = (await call('getSidebarStatus', [])).result;
        return (await call('saveCriteria', [starter.draft, version])).result.ok;
      });
      expect(saved).toBe(true);
      await click(page, 'scoreThisSheet');
      await expect.poll(() => message(page), { timeout: 10_000 }).toBe('Scored ICP Accounts; the scores follow rows and criteria.');
      await expect.poll(() => cell(page, 'F1'), { timeout: 10_000 }).toBe('ICP score');
      expect([await cell(page, 'F2'), await cell(page, 'F3'), await cell(page, 'F4')]).toEqual(['100', '50', '75']);
      expect(await errors(page)).toEqual([]);
    });
  });
});
