// What a newcomer met in Chromium at 1440×900, and what the page does now: the Why column ends inside the
// view and selecting a cell scrolls only as far as needed; a note on what went well fades like Sheets'
// toasts while errors stay; the sidebar follows a menu action or a hand edit at once; with an export whose
// column A is an ID, the names stay in view beside the scores; its numbers with thousands separators are
// numbers; and the first view's guidance is said only while it is true.

import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch } from '../../playground/start.mjs';
import {
  cell,
  click,
  frozenColumn,
  gridView,
  message,
  type Opened,
  openPlayground,
  type Playground,
  SCREENSHOTS,
  sidebarOf,
  slivers,
  typeInto,
  until,
  useChromium,
  visibleWidth,
} from './browser';
import { columnOf, results } from './columns';

const browser = useChromium();

/** The grid's horizontal scroll position. */
const scrolled = (page: Page) => page.locator('#grid').evaluate((grid) => grid.scrollLeft);

/** The left edge of a column in the grid's content, and its width, as drawn. */
async function column(page: Page, letter: string): Promise<{ left: number; width: number }> {
  return page.locator(`.colhead.c${[...letter].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0)}`).evaluate((head) => {
    const grid = document.getElementById('grid')!;
    return { left: head.getBoundingClientRect().left - grid.getBoundingClientRect().left + grid.scrollLeft, width: head.getBoundingClientRect().width };
  });
}

/** A click where a person clicks, on the part of the cell they see (a locator's click would scroll it first). */
async function clickSeen(page: Page, ref: string, from: 'left' | 'right'): Promise<void> {
  const box = (await page.locator(`[data-cell="${ref}"]`).boundingBox())!;
  const view = await gridView(page);
  const x = from === 'right' ? Math.min(box.x + box.width, view.x + view.width) - 10 : box.x + box.width - 10;
  await page.mouse.click(x, box.y + box.height / 2);
}

describe('a newcomer in Chromium at 1440×900', () => {
  describe('the example workbook', () => {
    let playground: Playground;
    let opened: Opened;
    let page: Page;
    beforeAll(async () => {
      playground = await launch({ port: 0 });
      opened = await openPlayground(browser(), playground, {
        // The sidebar's own 10-second check is switched off: what it shows must come from the page telling it.
        init: () => {
          if (location.pathname !== '/sidebar') return;
          const every = window.setInterval;
          window.setInterval = ((handler: TimerHandler, ms?: number, ...rest: unknown[]) =>
            (ms ?? 0) >= 5_000 ? 0 : every(handler, ms, ...rest)) as typeof setInterval;
        },
      });
      page = opened.page;
    });
    afterAll(async () => {
      await opened?.close();
      await playground?.close();
    });

    it('shows the whole Why column beside the names on the first view, and selecting it scrolls nothing', async () => {
      const { score: S, tier: T, why: W } = await results(page, 'ICP Accounts');
      expect(await frozenColumn(page)).toBe('A');
      const whole = async (ref: string) => (await visibleWidth(page, ref)) === (await page.locator(`[data-cell="${ref}"]`).boundingBox())!.width;
      for (const ref of ['A2', `${S}2`, `${T}2`, `${W}2`]) expect(await whole(ref), ref).toBe(true);
      expect(await slivers(page, 2)).toEqual([]);
      const before = await scrolled(page);
      await page.locator(`[data-cell="${W}3"]`).click();
      await until(() => page.locator('#address').textContent()).toBe(`${W}3`);
      expect(await scrolled(page)).toBe(before);
      expect(await slivers(page, 3)).toEqual([]);
    });

    it('scrolls as little as needed to show a selected column that is partly out of view', async () => {
      const { score: S } = await results(page, 'ICP Accounts');
      const M = await columnOf(page, 'ICP Accounts', 'MRR');
      // A column half under the names, as a scroll by hand leaves it: clicking what shows of it brings it beside them.
      const mrr = await column(page, M);
      const names = await column(page, 'A');
      const beside = mrr.left - names.width - 48;
      await page.locator('#grid').evaluate((grid, x) => {
        grid.scrollLeft = x;
      }, beside + 30);
      await until(() => visibleWidth(page, `${M}2`)).toBe(mrr.width - 30);
      await clickSeen(page, `${M}2`, 'left');
      await until(() => page.locator('#address').textContent()).toBe(`${M}2`);
      await until(() => scrolled(page)).toBe(beside);
      expect(await visibleWidth(page, `${M}2`)).toBe(mrr.width);
      expect(await slivers(page, 2)).toEqual([]);
      // The score column cut off at the right by 30 px: it comes into view whole, the view moving to the
      // first column edge (beside the names) that shows it, and no further.
      const score = await column(page, S);
      const view = await gridView(page);
      const needed = score.left + score.width - view.width;
      await page.locator('#grid').evaluate((grid, x) => {
        grid.scrollLeft = x;
      }, needed - 30);
      await until(() => visibleWidth(page, `${S}2`)).toBe(score.width - 30);
      await clickSeen(page, `${S}2`, 'right');
      await until(() => page.locator('#address').textContent()).toBe(`${S}2`);
      await until(() => visibleWidth(page, `${S}2`)).toBe(score.width);
      const edges = await page.evaluate(
        (head) =>
          [...document.querySelectorAll<HTMLElement>('.colhead')]
            .slice(1)
            .map(
              (c) =>
                c.getBoundingClientRect().left -
                document.getElementById('grid')!.getBoundingClientRect().left +
                document.getElementById('grid')!.scrollLeft -
                head,
            ),
        48 + names.width,
      );
      expect(await scrolled(page)).toBe(Math.min(...edges.filter((x) => x >= needed)));
      expect(await slivers(page, 2)).toEqual([]);
    });

    it('lets a note on what went well fade like a toast, while an error stays', async () => {
      await page.locator('#tabs button', { hasText: 'ICP Accounts' }).first().click();
      await click(page, 'buildSegmentSummary', 'Region');
      await until(() => message(page)).toMatch(/^Built ICP Segments 2: /);
      expect(await page.locator('#notice').getAttribute('class')).toBe('info');
      expect(await page.locator('#notice').isVisible()).toBe(true);
      await until(() => page.locator('#notice').isVisible(), 20_000).toBe(false);
      await click(page, 'buildSegmentSummary', 'Nope');
      await until(() => message(page)).toMatch(/^No segment summary was built/);
      await page.waitForTimeout(8_000);
      expect(await page.locator('#notice').isVisible()).toBe(true);
      expect(await page.locator('#notice').getAttribute('class')).toBe('error');
      await page.locator('#dismiss').click();
    });

    it('has the sidebar follow a menu action and a hand edit of the criteria tab at once', async () => {
      const frame = await sidebarOf(page);
      await page.locator('#tabs button', { hasText: 'ICP Accounts' }).first().click();
      await until(() => frame.locator('.table-info').textContent(), 5_000).toMatch(/ICP Accounts · header row 1, 40 rows/);
      await click(page, 'createTemplate');
      await until(() => page.locator('#tabs button.active').textContent()).toBe('ICP Accounts 2');
      // The sidebar checks only when told (its own timer is off here): the template's three accounts.
      await until(() => frame.locator('.table-info').textContent(), 5_000).toMatch(/ICP Accounts 2 · header row 1, 3 rows/);
      // A hand edit of the criteria tab: the sidebar, with no edits of its own, shows it.
      await page.locator('#tabs button', { hasText: 'ICP Criteria' }).click();
      const P = await columnOf(page, 'ICP Criteria', 'Points');
      await until(() => cell(page, `${P}2`)).toBe('30');
      await typeInto(page, `${P}2`, '35');
      const points = frame.locator('.rule').first().locator('input[name=points]');
      await until(() => points.inputValue(), 5_000).toBe('35');
      expect(await frame.locator('.status').textContent()).toBe('The ICP Criteria tab was changed outside this editor: it shows the change now.');
    });
  });

  describe('npm start -- organizations.csv, whose column A is an index and B an ID', () => {
    let playground: Playground;
    let opened: Opened;
    let page: Page;
    const countries = ['Germany', 'Denmark', 'France', 'Sweden', 'Austria'];
    const industries = ['Software', 'Logistics', 'Retail', 'Banking'];
    beforeAll(async () => {
      const lines = ['Index,Organization_Id,Name,Website,Country,Founded,Industry,Number_of_employees,Revenue,Growth'];
      for (let i = 1; i <= 40; i++) {
        const id = ((i * 2654435761) % 4294967296).toString(16).padStart(8, '0').toUpperCase();
        lines.push(
          `${i},${id}${id.slice(0, 7)},Company ${String.fromCharCode(64 + ((i - 1) % 26) + 1)}${i} Ltd,https://c${i}.example,${countries[i % 5]},${1970 + i},${industries[i % 4]},${100 + i * 37},"${(i * 1_234_567).toLocaleString('en-US')}",${(i % 9) + 0.5}%`,
        );
      }
      const csv = path.join(mkdtempSync(path.join(os.tmpdir(), 'icp-e2e-')), 'organizations.csv');
      writeFileSync(csv, `${lines.join('\n')}\n`);
      playground = await launch({ port: 0, csv });
      opened = await openPlayground(browser(), playground);
      page = opened.page;
    });
    afterAll(async () => {
      await opened?.close();
      await playground?.close();
    });

    it('reads its numbers with thousands separators and percentages as numbers, shown as written', async () => {
      expect(await cell(page, 'I2')).toBe('1,234,567');
      expect(await cell(page, 'J2')).toBe('1.5%');
      for (const ref of ['I2', 'J2', 'H2']) expect(await page.locator(`[data-cell="${ref}"]`).getAttribute('class'), ref).toMatch(/\bnum\b/);
    });

    it('keeps the Name column in view, beside the scores once scored, and says the set-up only while it is true', async () => {
      expect(await frozenColumn(page)).toBe('C');
      expect(await page.locator('#notice').isVisible()).toBe(true);
      expect(await message(page)).toMatch(/^Your 40 accounts are loaded\./);
      const frame = await sidebarOf(page);
      await frame.locator('[data-action=start-from-columns]').click();
      await until(() => frame.locator('.tabs [role=tab]').allTextContents()).toEqual(['Starter profile']);
      await frame.locator('[data-action=save]').click();
      await until(() => frame.locator('.status').textContent()).toBe('Saved to the ICP Criteria tab: the formulas recalculate now.');
      await click(page, 'scoreThisSheet');
      await until(() => message(page)).toBe('Scored ICP Accounts; the scores follow rows and criteria.');
      const { score: S, tier: T, why: W } = await results(page, 'ICP Accounts');
      await until(() => cell(page, `${S}1`)).toBe('ICP score');
      // The names, not the index or the ID, beside the score, tier and explanation.
      await until(() => visibleWidth(page, 'A2')).toBe(0);
      expect(await visibleWidth(page, 'B2')).toBe(0);
      expect(await visibleWidth(page, 'C2')).toBe((await page.locator('[data-cell="C2"]').boundingBox())!.width);
      expect(await cell(page, 'C2')).toBe('Company A1 Ltd');
      for (const ref of [`${S}2`, `${T}2`, `${W}2`])
        expect(await visibleWidth(page, ref), ref).toBe((await page.locator(`[data-cell="${ref}"]`).boundingBox())!.width);
      expect(await slivers(page, 2)).toEqual([]);
      await page.mouse.move(0, 0);
      await page.screenshot({ path: path.join(SCREENSHOTS, 'grid-name-column.png') });
      // Criteria saved and the sheet scored: a reload no longer says there are none and nothing is scored.
      await page.reload();
      await page.waitForSelector('body[data-ready=true]');
      expect(await page.locator('#notice').isVisible()).toBe(false);
      expect(await frozenColumn(page)).toBe('C');
    });
  });
});
