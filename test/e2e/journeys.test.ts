// Issue 10's first journeys in a real browser (Debian's Chromium through playwright-core): a segment summary
// by ICP tier, the template scored with one click, and a user's own CSV that the criteria do not fit. Each
// action must show what it built or say what is wrong on the page's message line, never #ERROR! cells
// under a success message.

import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch } from '../../playground/start.mjs';
import { bundleTiers, cell, click, errors, message, type Opened, openPlayground, type Playground, SCREENSHOTS, useChromium } from './browser';
import { headers, results, summary } from './columns';

const browser = useChromium();

describe('journeys in Chromium', () => {
  describe('the example workbook', () => {
    let playground: Playground;
    let opened: Opened;
    let page: Page;
    beforeAll(async () => {
      playground = await launch({ port: 0 });
      opened = await openPlayground(browser(), playground, { viewport: { width: 1440, height: 820 } });
      page = opened.page;
    });
    afterAll(async () => {
      await opened?.close();
      await playground?.close();
    });

    it('10.1 builds a segment summary by ICP tier that shows the tiers and says what it built', async () => {
      // The tiers the sheet shows, read where the add-on put them, are the bundle's.
      const { tier: T } = await results(page, 'ICP Accounts');
      const expected = bundleTiers();
      const shown = await Promise.all(Array.from({ length: expected.length - 1 }, (_, i) => cell(page, `${T}${i + 2}`)));
      expect(shown).toEqual(expected.slice(1));
      const tiers = new Set(shown);
      await click(page, 'buildSegmentSummary', 'ICP tier');
      await expect.poll(() => page.locator('#tabs button.active').textContent(), { timeout: 10_000 }).toBe('ICP Segments 2');
      await expect
        .poll(() => message(page), { timeout: 10_000 })
        .toBe(`Built ICP Segments 2: ${tiers.size} segments by ICP tier, with a chart of CLV:CAC and monthly churn.`);
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
      await expect
        .poll(() => message(page), { timeout: 10_000 })
        .toBe(
          'Created ICP Accounts 2 with three example accounts to replace with yours and a Personas sheet; the ICP Criteria tab stays as it was. Run Score this sheet to see their scores.',
        );
      await click(page, 'scoreThisSheet');
      await expect.poll(() => message(page), { timeout: 10_000 }).toBe('Scored ICP Accounts 2; the scores follow rows and criteria.');
      // Right of the template's columns, in its first three empty ones.
      const template = await headers(page, 'ICP Accounts 2');
      const { score: S, tier: T, why: W, column } = await results(page, 'ICP Accounts 2');
      expect(column).toBe(template.length - 2);
      expect(template[column - 2]).toBe('Deal value'); // the template's last column
      await expect.poll(() => cell(page, `${S}1`), { timeout: 10_000 }).toBe('ICP score');
      expect([await cell(page, `${T}1`), await cell(page, `${W}1`)]).toEqual(['ICP tier', 'Why']);
      expect([await cell(page, `${T}2`), await cell(page, `${T}3`), await cell(page, `${T}4`)]).toEqual(['A', 'B', 'D']);
      expect(await cell(page, `${S}2`)).toBe('100');
      expect(await errors(page)).toEqual([]);
      // Score this sheet brings the results into view beside the names: no scrolling needed to see them.
      const grid = (await page.locator('#grid').boundingBox())!;
      for (const ref of [`${S}2`, `${T}2`]) {
        const box = (await page.locator(`[data-cell="${ref}"]`).boundingBox())!;
        expect(box.x + box.width, ref).toBeLessThanOrEqual(grid.x + grid.width);
      }
      expect((await page.locator(`[data-cell="${W}2"]`).boundingBox())!.x).toBeLessThan(grid.x + grid.width - 200);
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
      await expect
        .poll(() => message(page), { timeout: 10_000 })
        .toMatch(/^Nothing was scored: 10 of 10 rules in the ICP Criteria tab do not fit the columns of ICP Accounts\./);
      expect(await message(page)).toContain('• Region is DACH, Nordics (SaaS mid-market): "Region" is not a column of the table. Closest: "Region (HQ)"');
      expect(await message(page)).toContain('Open Edit ICP criteria… to start a profile from the columns of ICP Accounts');
      // Nothing was written beside the loaded columns.
      expect(await headers(page, 'ICP Accounts')).toEqual(['Firma', 'Branche', 'Mitarbeitende', 'Region (HQ)']);
      expect((await summary(page, 'ICP Accounts')).results).toBeNull();
      expect(await errors(page)).toEqual([]);
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
        'Firma;Branche;Mitarbeitende;Region (HQ);Website\nAlpha GmbH;Software;1.200;DACH;https://alpha.example\nBeta AG;Handel;80;DACH;\nGamma SE;Software;450;Nordics;https://gamma.example\n',
      );
      playground = await launch({ port: 0, csv });
      opened = await openPlayground(browser(), playground, { viewport: { width: 1440, height: 820 } });
      page = opened.page;
    });
    afterAll(async () => {
      await opened?.close();
      await playground?.close();
    });

    it('10.4 keeps no unfit criteria, says what to do, and scores once a profile is started from the columns', async () => {
      expect(await page.locator('#tabs button').allTextContents()).toEqual(['ICP Accounts']);
      expect(playground.workbook.setUp).toMatchObject({
        criteria: 'none',
        next: expect.stringMatching(/^Nothing was scored: there are no ICP criteria yet\./),
      });
      await click(page, 'scoreThisSheet');
      await expect
        .poll(() => message(page), { timeout: 10_000 })
        .toBe(
          'Nothing was scored: there are no ICP criteria yet. Open Edit ICP criteria… to start a profile from the columns of ICP Accounts, then run Score this sheet again.',
        );
      expect(await headers(page, 'ICP Accounts')).toEqual(['Firma', 'Branche', 'Mitarbeitende', 'Region (HQ)', 'Website']);
      expect((await summary(page, 'ICP Accounts')).results).toBeNull();
      // What the criteria editor's "start from this sheet's columns" does: the starter draft, then Save.
      const saved = await page.evaluate(async () => {
        const call = (name: string, args: unknown[]) =>
          fetch('/api/run', {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ name, args, active: 'ICP Accounts' }),
          }).then((r) => r.json());
        const starter = (await call('starterDraft', [])).result;
        const { version } = (await call('getSidebarStatus', [])).result;
        return (await call('saveCriteria', [starter.draft, version])).result.ok;
      });
      expect(saved).toBe(true);
      await click(page, 'scoreThisSheet');
      await expect.poll(() => message(page), { timeout: 10_000 }).toBe('Scored ICP Accounts; the scores follow rows and criteria.');
      // Right of the five columns of the file.
      const { score: S, column } = await results(page, 'ICP Accounts');
      expect(column).toBe(6);
      await expect.poll(() => cell(page, `${S}1`), { timeout: 10_000 }).toBe('ICP score');
      expect([await cell(page, `${S}2`), await cell(page, `${S}3`), await cell(page, `${S}4`)]).toEqual(['100', '50', '75']);
      expect(await errors(page)).toEqual([]);
    });
  });
});
