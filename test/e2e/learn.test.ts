// Learn from my data and Validate ICP… (issue 9) in a real browser (Debian's Chromium through
// playwright-core), in the playground with the real dist/Code.js behind them: learn from Won on the example
// workbook, add two rules as a new profile, save, and see the tab and the scores change; then build a
// validation tab and read its AUC. The sidebar must never open a browser dialog.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch } from '../../playground/start.mjs';
import { loadCode } from '../../tools/apps-script-vm.mjs';
import { csvToValues } from '../../tools/csv.mjs';
import {
  cell,
  errors,
  message,
  type Opened,
  openPlayground,
  type Playground,
  SCREENSHOTS,
  screenshotSidebar,
  sidebarOf as sidebar,
  useChromium,
} from './browser';

/** What ICP_SUGGEST learns from Won on the example accounts, best points first. */
const LEARNED: (string | number)[][] = [
  ['Learned', 'Operating model', 'is', 'Services', 15, ''],
  ['Learned', 'Industry', 'is', 'SaaS', 10, ''],
  ['Learned', 'Industry', 'is', 'Fintech', 9, ''],
  ['Learned', 'Tech stack', 'includes', 'HubSpot', 9, ''],
  ['Learned', 'Operating model', 'is', 'Marketplace', 8, ''],
  ['Learned', 'Region', 'is', 'US', 5, ''],
  ['Learned', 'Region', 'is', 'Benelux', -8, ''],
  ['Learned', 'Deal value', '>=', '250k', -12, ''],
];
const browser = useChromium();

/** A column of the grid from row 2 down, as shown. */
const column = (page: Page, letter: string, rows: number) => Promise.all(Array.from({ length: rows }, (_, i) => cell(page, `${letter}${i + 2}`)));

/** The sidebar as a user sees it: the 300 px frame, scrolled so that `selector` starts at the top. */
const screenshot = (page: Page, frame: Frame, selector: string, name: string) => screenshotSidebar(page, frame, selector, name, 'start');

/** What the bundle's ICP_SCORE gives the example accounts with these criteria (the column the sheet shows). */
function scores(criteria: unknown[][]): string[] {
  const accounts = csvToValues(readFileSync('examples/accounts.csv', 'utf8'));
  return (loadCode().ICP_SCORE(accounts, criteria) as unknown[][]).slice(1).map(([score]) => String(score));
}

describe('learning in Chromium, on the example workbook', () => {
  let playground: Playground;
  let opened: Opened;
  let page: Page;
  let dialogs: string[];
  beforeAll(async () => {
    playground = await launch({ port: 0 });
    // The menu's prompt (Validate ICP…) is the page's; the sidebar never asks.
    opened = await openPlayground(browser(), playground, { answer: (dialog) => (dialog.type() === 'prompt' ? 'Won' : null) });
    ({ page, dialogs } = opened);
  });
  afterAll(async () => {
    await opened?.close();
    await playground?.close();
  });

  it('learns from Won, adds the rules as a new profile, saves, and the tab and the scores change', async () => {
    const frame = await sidebar(page);
    const criteria = csvToValues(readFileSync('examples/criteria.csv', 'utf8'));
    // The example workbook is scored with the example criteria (columns O:Q right of the accounts).
    expect(await cell(page, 'O1')).toBe('ICP score');
    const before = await column(page, 'O', 40);
    expect(before).toEqual(scores(criteria));

    await frame.locator('[data-action=toggle-learn]').click();
    await expect.poll(() => frame.locator('select[name=outcome]').inputValue(), { timeout: 10_000 }).toBe('Won');
    // The tenure is asked for churn only.
    expect(await frame.locator('select[name=tenure]').isVisible()).toBe(false);
    await frame.locator('select[name=outcome]').selectOption('Churned');
    expect(await frame.locator('select[name=tenure]').isVisible()).toBe(true);
    await frame.locator('select[name=outcome]').selectOption('Won');
    expect(await frame.locator('select[name=tenure]').isVisible()).toBe(false);
    await frame.locator('[data-action=learn]').click();
    await expect.poll(() => frame.locator('.learned li').count(), { timeout: 20_000 }).toBeGreaterThanOrEqual(2);
    expect(await frame.locator('.learn-summary').textContent()).toBe('Learned from 37 accounts in “Won”: 14 won, 23 lost (win rate 38%).');
    expect(await frame.locator('[data-warning=small-sample]').textContent()).toMatch(
      /^Only 14 won accounts: too few to tell how well these rules rank new accounts/,
    );
    expect(await frame.locator('.compare tbody tr').first().locator('td').allTextContents()).toEqual([
      'too little data',
      expect.stringMatching(/^0\.\d\d \(rough\)$/),
    ]);
    expect(await frame.locator('.learned li .what').allTextContents()).toEqual(
      LEARNED.map(([, attribute, operator, value]) => `${attribute} ${operator} ${value}`),
    );
    expect(await frame.locator('.learned li .evidence').first().textContent()).toBe('7 accounts · win rate 71% · lift 1.89');
    await screenshot(page, frame, '.learn', 'learn-panel.png');
    await screenshot(page, frame, '.learned', 'learn-rules.png');
    expect(await frame.locator('input[name=learn-name]').isVisible()).toBe(true);
    await frame.locator('select[name=learn-target]').selectOption('Enterprise');
    expect(await frame.locator('input[name=learn-name]').isVisible()).toBe(false);
    await frame.locator('select[name=learn-target]').selectOption('');

    // Which profile the right-hand column is, and what a new profile beside the others does, before adding.
    expect(await frame.locator('.compare-caption').textContent()).toMatch(
      /^Beside it: the profile “SaaS mid-market” alone\. The sheet gives each account the score of the best of the 2 profiles/,
    );
    expect(await frame.locator('.accept [data-warning=best-profile] p').textContent()).toMatch(
      /^Each account takes the score of its best profile\. As a profile of their own, these 8 rules give up to \d+ points \(tier [A-D]\)/,
    );
    await frame.locator('[data-action=add-learned]').click();
    await expect.poll(() => frame.locator('.tabs [role=tab]').allTextContents()).toEqual(['SaaS mid-market', 'Enterprise', 'Learned']);
    const note = frame.locator('.accept .learn-note');
    expect(await note.textContent()).toBe('Added 8 rules as the new profile “Learned”. Save to write them to the ICP Criteria tab.');
    // Where the user's eyes are: in the sidebar's view, above its Save bar, not below the fold.
    const [shown, footer, aside] = [await note.boundingBox(), await frame.locator('footer').boundingBox(), await page.locator('aside').boundingBox()];
    expect(shown!.y).toBeGreaterThanOrEqual(aside!.y);
    expect(shown!.y + shown!.height).toBeLessThanOrEqual(footer!.y);
    await page.mouse.move(0, 0);
    await page.locator('aside').screenshot({ path: path.join(SCREENSHOTS, 'learn-added.png') });
    // The same rules again as another profile: refused, and said.
    await frame.locator('[data-action=add-learned]').click();
    await expect.poll(() => note.textContent()).toBe('“Learned” has these 8 rules already: nothing was added.');
    expect(await frame.locator('.tabs [role=tab]').allTextContents()).toEqual(['SaaS mid-market', 'Enterprise', 'Learned']);
    // Unsaved: the sheet still shows the old scores.
    expect(await column(page, 'O', 40)).toEqual(before);

    await frame.locator('[data-action=save]').click();
    await expect.poll(() => frame.locator('.status').textContent(), { timeout: 10_000 }).toBe('Saved to the ICP Criteria tab: the formulas recalculate now.');
    await page.locator('#tabs button', { hasText: 'ICP Criteria' }).click();
    await expect.poll(() => cell(page, 'A12'), { timeout: 10_000 }).toBe('Learned');
    const rows = LEARNED.map((_, i) => 12 + i);
    expect(await Promise.all(rows.flatMap((row) => ['A', 'B', 'C', 'D', 'E'].map((col) => cell(page, `${col}${row}`))))).toEqual(
      LEARNED.flatMap((rule) => rule.slice(0, 5).map(String)),
    );
    await page.locator('#tabs button', { hasText: 'ICP Accounts' }).click();
    const learned = [...criteria, ...LEARNED];
    await expect.poll(() => column(page, 'O', 40), { timeout: 10_000 }).toEqual(scores(learned));
    expect(await column(page, 'O', 40)).not.toEqual(before);
    expect(await errors(page)).toEqual([]);
    expect(dialogs).toEqual([]);
  });

  it('builds a validation tab from the menu, whose AUC the page reads and the message names', async () => {
    await page.locator('button[data-action=validateIcp]').click();
    await expect.poll(() => page.locator('#tabs button.active').textContent(), { timeout: 20_000 }).toBe('ICP Validation');
    // The add-on's own prompt, with the sheet's columns, as Sheets shows it.
    expect(dialogs).toHaveLength(1);
    expect(dialogs[0]).toMatch(
      /^prompt: Validate the criteria against which outcome column \(won\/lost, a value, or churned\)\? Columns: Company, Industry, .*, Won, Deal value\b/,
    );
    // The tab is shown before its cells are drawn: wait for them.
    await expect.poll(() => cell(page, 'A1'), { timeout: 10_000 }).toBe('Tier');
    await expect.poll(() => message(page), { timeout: 10_000 }).toMatch(/^Built ICP Validation/);
    expect(await Promise.all(['A1', 'B1', 'E1'].map((ref) => cell(page, ref)))).toEqual(['Tier', 'Accounts', 'Win rate']);
    const labels = await column(page, 'A', 12);
    const at = labels.indexOf('AUC') + 2;
    expect(at).toBeGreaterThan(2);
    const auc = Number(await cell(page, `B${at}`));
    expect(auc).toBeGreaterThan(0.5);
    expect(auc).toBeLessThanOrEqual(1);
    await expect
      .poll(() => message(page), { timeout: 10_000 })
      .toMatch(
        new RegExp(
          `^Built ICP Validation against Won: AUC ${auc.toFixed(2).replace('.', '\\.')} \\(0\\.5 is a coin toss\\); tiers A\\+B hold \\d+ % of the accounts and \\d+ % of the wins \\(rough: under 30 of them\\)\\.$`,
        ),
      );
    await expect.poll(() => page.locator('#charts figcaption').textContent(), { timeout: 10_000 }).toBe('Win rate by tier');
    expect(await errors(page)).toEqual([]);
    const aside = await page.locator('aside').boundingBox();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'learn-validation.png'), clip: { x: 0, y: 0, width: aside?.x ?? 1120, height: 900 } });
  });
});
