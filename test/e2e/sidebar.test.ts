// The sidebar's panels in a real browser (Debian's Chromium through playwright-core), inside the playground
// with the real dist/Code.js behind them: Copy as SQL (issue 12), profiles renamed, deleted and added inline
// (10.7), and the guide to a table the criteria do not fit (10.4). The sidebar must never open a browser
// dialog: one would freeze Apps Script's sidebar.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launch } from '../../playground/start.mjs';
import { loadCode } from '../../tools/apps-script-vm.mjs';
import { csvToValues } from '../../tools/csv.mjs';
import { cell, errors, message, type Opened, openPlayground, type Playground, screenshotSidebar, sidebarOf as sidebar, useChromium } from './browser';
import { results, summary } from './columns';

const browser = useChromium();

/** The playground with the clipboard allowed; every browser dialog is recorded and dismissed (there must be none). */
const open = (playground: Playground) => openPlayground(browser(), playground, { permissions: ['clipboard-read', 'clipboard-write'], answer: () => null });

/** The sidebar as a user sees it, scrolled so that `selector` is in view. */
const screenshot = (page: Page, frame: Frame, selector: string, name: string) => screenshotSidebar(page, frame, selector, name);

const tabs = (frame: Frame) => frame.locator('.tabs [role=tab]').allTextContents();
const tierCount = (frame: Frame) => frame.locator('.bar-row').count();

/** What the ICP_SQL custom function of the bundle writes for the example criteria and tiers. */
function icpSql(dialect: string, options: string): string {
  const code = loadCode();
  const criteria = csvToValues(readFileSync('examples/criteria.csv', 'utf8'));
  const tiers = csvToValues(readFileSync('examples/tiers.csv', 'utf8'));
  return code.ICP_SQL(criteria, '', dialect, options, tiers) as string;
}

describe('the sidebar in Chromium', () => {
  describe('on the example workbook', () => {
    let playground: Playground;
    let opened: Opened;
    beforeAll(async () => {
      playground = await launch({ port: 0 });
      opened = await open(playground);
    });
    afterAll(async () => {
      await opened?.close();
      await playground?.close();
    });
    afterEach(() => {
      expect(opened.dialogs).toEqual([]);
    });

    it('12 Copy as SQL: shows the query of the draft for the dialect and table picked, and copies it', async () => {
      const { page } = opened;
      const frame = await sidebar(page);
      const area = frame.locator('textarea[name=sql]');
      expect(await frame.locator('[data-action=toggle-sql]').getAttribute('aria-expanded')).toBe('false');
      expect(await area.isVisible()).toBe(false);
      await frame.locator('[data-action=toggle-sql]').click();
      await expect.poll(() => area.inputValue(), { timeout: 10_000 }).toBe(icpSql('bigquery', 'table=accounts'));
      await frame.locator('select[name=dialect]').selectOption('postgres');
      await frame.locator('input[name=table]').fill('crm.accounts');
      await expect.poll(() => area.inputValue(), { timeout: 10_000 }).toBe(icpSql('postgres', 'table=crm.accounts'));
      expect(await area.getAttribute('readonly')).not.toBeNull();

      await frame.locator('[data-action=copy-sql]').click();
      await expect.poll(() => frame.locator('.sql-status').textContent()).toBe('Copied. Paste it into PostgreSQL.');
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(icpSql('postgres', 'table=crm.accounts'));
      await screenshot(page, frame, '.sql', 'sidebar-sql.png');

      // Where Apps Script's frame blocks the clipboard API: the selected text is copied with execCommand.
      await page.evaluate(() => navigator.clipboard.writeText('something else'));
      await frame.evaluate(() => {
        Object.defineProperty(navigator, 'clipboard', {
          configurable: true,
          value: { writeText: () => Promise.reject(new DOMException('blocked by permissions policy', 'NotAllowedError')) },
        });
      });
      await frame.locator('input[name=table]').fill('my_dataset.accounts');
      await frame.locator('select[name=dialect]').selectOption('duckdb');
      await expect.poll(() => area.inputValue(), { timeout: 10_000 }).toBe(icpSql('duckdb', 'table=my_dataset.accounts'));
      await frame.locator('[data-action=copy-sql]').click();
      await expect.poll(() => frame.locator('.sql-status').textContent()).toBe('Copied. Paste it into DuckDB.');
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(icpSql('duckdb', 'table=my_dataset.accounts'));
    });

    it('12 Copy as SQL: puts a problem next to its field, and follows an unsaved edit', async () => {
      const { page } = opened;
      const frame = await sidebar(page);
      const area = frame.locator('textarea[name=sql]');
      await frame.locator('input[name=table]').fill('crm..accounts');
      await expect
        .poll(() => frame.locator('[data-sql-error=table]').textContent(), { timeout: 10_000 })
        .toBe('"crm..accounts" is not a table name: write name, dataset.name or project.dataset.name.');
      expect(await area.inputValue()).toBe('');
      expect(await frame.locator('[data-action=copy-sql]').isDisabled()).toBe(true);
      await frame.locator('input[name=table]').fill('crm.accounts');
      await expect.poll(() => area.inputValue(), { timeout: 10_000 }).toBe(icpSql('duckdb', 'table=crm.accounts'));
      const points = frame.locator('.rule').first().locator('input[name=points]');
      await points.fill('33');
      await expect.poll(async () => (await area.inputValue()).includes('33'), { timeout: 10_000 }).toBe(true);
      await points.fill('30');
      await expect.poll(() => area.inputValue(), { timeout: 10_000 }).toBe(icpSql('duckdb', 'table=crm.accounts'));
      await frame.locator('[data-action=toggle-sql]').click();
      expect(await area.isVisible()).toBe(false);
    });

    it('10.7 renames, adds and deletes profiles inline, refuses a name that is taken, and saves them to the tab', async () => {
      const { page } = opened;
      const frame = await sidebar(page);
      expect(await tabs(frame)).toEqual(['SaaS mid-market', 'Enterprise']);
      await frame.locator('.tabs [role=tab]', { hasText: 'Enterprise' }).click();
      await frame.locator('[data-action=rename-profile]').click();
      const name = frame.locator('.tabs input[name=profile-name]');
      expect(await name.inputValue()).toBe('Enterprise');
      await name.fill('SAAS MID-MARKET');
      await name.press('Enter');
      expect(await frame.locator('.tabs .error').textContent()).toBe('There is already a profile “SaaS mid-market”.');
      await name.fill('Enterprise DACH');
      await name.press('Enter');
      expect(await tabs(frame)).toEqual(['SaaS mid-market', 'Enterprise DACH']);

      await frame.locator('[data-action=add-profile]').click();
      await frame.locator('.tabs input[name=profile-name]').fill('SMB');
      await screenshot(page, frame, '.profiles', 'sidebar-profiles.png');
      await frame.locator('[data-action=confirm-profile]').click();
      expect(await tabs(frame)).toEqual(['SaaS mid-market', 'Enterprise DACH', 'SMB']);
      await frame.locator('[data-action=delete-profile]').click();
      expect(await frame.locator('.confirm').textContent()).toBe('Delete the profile “SMB”? It has no rules yet.Delete profileCancel');
      await frame.locator('[data-action=confirm-delete]').click();
      expect(await tabs(frame)).toEqual(['SaaS mid-market', 'Enterprise DACH']);

      await frame.locator('.tabs [role=tab]', { hasText: 'SaaS mid-market' }).click();
      await frame.locator('[data-action=delete-profile]').click();
      await screenshot(page, frame, '.confirm', 'sidebar-delete-profile.png');
      await frame.locator('[data-action=cancel-delete]').click();
      expect(await frame.locator('.confirm').count()).toBe(0);

      await frame.locator('[data-action=save]').click();
      await expect.poll(() => frame.locator('.status').textContent(), { timeout: 10_000 }).toBe('Saved to the ICP Criteria tab: the formulas recalculate now.');
      await page.locator('#tabs button', { hasText: 'ICP Criteria' }).click();
      await expect.poll(() => cell(page, 'A8'), { timeout: 10_000 }).toBe('Enterprise DACH');
      expect(await Promise.all([2, 7, 11].map((r) => cell(page, `A${r}`)))).toEqual(['SaaS mid-market', 'SaaS mid-market', 'Enterprise DACH']);
      await page.locator('#tabs button', { hasText: 'ICP Accounts' }).click();
      const { tier: T } = await results(page, 'ICP Accounts');
      await expect.poll(() => cell(page, `${T}1`), { timeout: 10_000 }).toBe('ICP tier');
      expect(await errors(page)).toEqual([]);
    });

    it('10.4 names the rules that do not fit a loaded CSV, starts a profile from its columns beside them, and then scores', async () => {
      const { page } = opened;
      const csv =
        'Firma;Branche;Mitarbeitende;Region (HQ);Website\nAlpha GmbH;Software;1.200;DACH;https://alpha.example\nBeta AG;Handel;80;DACH;\nGamma SE;Software;450;Nordics;https://gamma.example\n';
      await page.locator('#csv').setInputFiles({ name: 'export.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
      // Loading scores the sheet again at once; with these columns the add-on says why it scored nothing.
      await expect
        .poll(() => message(page), { timeout: 10_000 })
        .toMatch(/^Loaded export\.csv: 3 rows\.\nNothing was scored: 10 of 10 rules in the ICP Criteria tab do not fit the columns of ICP Accounts\.\n/);
      const frame = await sidebar(page);
      await expect
        .poll(() => frame.locator('.guide .guide-text').first().textContent(), { timeout: 10_000 })
        .toBe('10 of 10 rules do not fit the columns of ICP Accounts, so Score this sheet writes nothing:');
      const rules = await frame.locator('.unfit .what').allTextContents();
      const why = await frame.locator('.unfit .why').allTextContents();
      expect(rules).toEqual([
        'Industry is SaaS, Fintech (SaaS mid-market)',
        'Employees between 50-1000 (SaaS mid-market)',
        'Region is DACH, Nordics (SaaS mid-market)',
      ]);
      expect(why[0]).toMatch(/^"Industry" is not a column of the table\./);
      expect(why[2]).toMatch(/^"Region" is not a column of the table\. Closest: "Region \(HQ\)"/);
      expect(await frame.locator('.unfit li').last().textContent()).toBe('… and 7 more.');
      // A rule in the list shows its profile.
      await frame.locator('.tabs [role=tab]').nth(1).click();
      await frame.locator('.unfit .what').nth(2).click();
      expect(await frame.locator('.tab.active').textContent()).toBe('SaaS mid-market');
      await screenshot(page, frame, '.guide', 'sidebar-unfit.png');

      const before = await tabs(frame); // as the previous journey saved them
      await frame.locator('[data-action=start-from-columns]').click();
      await expect.poll(() => tabs(frame), { timeout: 10_000 }).toEqual([...before, 'Starter profile']);
      expect(await frame.locator('.guide-note').textContent()).toBe(
        'Started “Starter profile” from 4 columns of ICP Accounts, 10 points each (left out: Firma). Check the rules, then save.',
      );
      expect(await frame.locator('.rule select[name=attribute]').evaluateAll((s) => s.map((e) => (e as HTMLSelectElement).value))).toEqual([
        'Branche',
        'Mitarbeitende',
        'Region (HQ)',
        'Website',
      ]);
      // The rules the user wrote are still there until they delete them.
      for (const profile of before) {
        await frame.locator('.tabs [role=tab]', { hasText: profile }).click();
        await frame.locator('[data-action=delete-profile]').click();
        await frame.locator('[data-action=confirm-delete]').click();
      }
      expect(await tabs(frame)).toEqual(['Starter profile']);
      await expect.poll(() => tierCount(frame), { timeout: 10_000 }).toBe(5);
      expect(await frame.locator('.unfit').count()).toBe(0);
      await frame.locator('[data-action=save]').click();
      await expect.poll(() => frame.locator('.status').textContent(), { timeout: 10_000 }).toBe('Saved to the ICP Criteria tab: the formulas recalculate now.');
      await page.locator('button[data-action=scoreThisSheet]').click();
      await expect.poll(() => message(page), { timeout: 10_000 }).toBe('Scored ICP Accounts; the scores follow rows and criteria.');
      const { score: S, column } = await results(page, 'ICP Accounts');
      expect(column).toBe(6); // right of the file's five columns
      await expect.poll(() => cell(page, `${S}1`), { timeout: 10_000 }).toBe('ICP score');
      expect([await cell(page, `${S}2`), await cell(page, `${S}3`), await cell(page, `${S}4`)]).toEqual(['100', '50', '75']);
      expect(await errors(page)).toEqual([]);
    });
  });

  describe('npm start -- my.csv --locale de_DE, with no criteria', () => {
    let playground: Playground;
    let opened: Opened;
    beforeAll(async () => {
      const csv = path.join(mkdtempSync(path.join(os.tmpdir(), 'icp-e2e-')), 'my.csv');
      writeFileSync(
        csv,
        'Firma;Branche;Mitarbeitende;Region (HQ);Website\nAlpha GmbH;Software;1.200;DACH;https://alpha.example\nBeta AG;Handel;80;DACH;\nGamma SE;Software;450;Nordics;https://gamma.example\n',
      );
      playground = await launch({ port: 0, csv, locale: 'de_DE' });
      opened = await open(playground);
    });
    afterAll(async () => {
      await opened?.close();
      await playground?.close();
    });

    it('10.4 explains in German, starts a profile from the columns, saves, and Score this sheet scores', async () => {
      const { page } = opened;
      const frame = await sidebar(page);
      await expect
        .poll(() => frame.locator('.guide-text').textContent(), { timeout: 10_000 })
        .toMatch(/^Es gibt noch keine Kriterien, daher kann „Dieses Blatt bewerten“ ICP-Accounts nicht bewerten\./);
      expect(await frame.locator('[data-slot=learn]').count()).toBe(1);
      await screenshot(page, frame, '.guide', 'sidebar-start-de.png');
      await frame.locator('[data-action=start-from-columns]').click();
      await expect.poll(() => tabs(frame), { timeout: 10_000 }).toEqual(['Startprofil']);
      await expect.poll(() => tierCount(frame), { timeout: 10_000 }).toBe(5);
      expect(await frame.locator('.guide-note').textContent()).toMatch(
        /^„Startprofil“ aus 4 Spalten von ICP-Accounts begonnen, je 10 Punkte \(ausgelassen: Firma\)/,
      );
      expect(await frame.locator('[data-action=rename-profile]').textContent()).toBe('Profil umbenennen');
      expect(await frame.locator('[data-action=toggle-sql]').textContent()).toBe('Als SQL kopieren');
      await frame.locator('[data-action=save]').click();
      await expect
        .poll(() => frame.locator('.status').textContent(), { timeout: 10_000 })
        .toBe('Im Tab ICP-Kriterien gespeichert: Die Formeln rechnen jetzt neu.');
      expect(await frame.locator('.guide').isVisible()).toBe(false);
      await page.locator('button[data-action=scoreThisSheet]').click();
      // Right of the file's five columns; a German spreadsheet, so the formulas write German labels.
      await expect.poll(async () => (await summary(page, 'ICP-Accounts')).results, { timeout: 10_000 }).toBe(6);
      const { score: S } = await results(page, 'ICP-Accounts');
      await expect.poll(() => cell(page, `${S}1`), { timeout: 10_000 }).toBe('ICP-Score');
      expect([await cell(page, `${S}2`), await cell(page, `${S}3`), await cell(page, `${S}4`)]).toEqual(['100', '50', '75']);
      expect(await errors(page)).toEqual([]);
      expect(opened.dialogs).toEqual([]);
    });
  });
});
