// The playground in Danish and German in a real browser (Debian's Chromium through playwright-core):
// `npm start -- accounts.csv --locale da_DK` (or de_DE) with the accounts under Danish (German) headers. A new
// user reads the first view, adds rules in the sidebar, saves, scores, builds a segment summary and opens the
// help, and every text of the page and the sidebar is in the language (issue 10.9). The screenshots of the
// scored sheet beside the sidebar are the README's.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageText } from '../../playground/messages';
import { launch } from '../../playground/start.mjs';
import { SERVER_DA } from '../../src/addon/i18n/da';
import { SERVER_DE } from '../../src/addon/i18n/de';
import { menuCaptions } from '../../src/addon/messages';
import { DA } from '../../src/core/i18n/da';
import { DE } from '../../src/core/i18n/de';
import { sidebarMessages } from '../../src/sidebar/messages';
import { type Opened, openPlayground, type Playground, SCREENSHOTS, sidebarOf, until, useChromium } from './browser';
import { results } from './columns';

const browser = useChromium();

interface Language {
  readonly lang: 'da' | 'de';
  readonly locale: string;
  /** The example accounts' headers in the language (examples/accounts.csv's order). */
  readonly headers: readonly string[];
  readonly won: string;
  readonly lost: string;
  /** What the new user adds in the sidebar: attribute, operator, value, points. */
  readonly rules: readonly (readonly [string, string, string, string])[];
  readonly sheet: string;
  readonly tab: string;
  readonly segments: string;
  readonly server: typeof SERVER_DA;
  readonly operators: string;
  /** A word of the language the explanations use for `is`. */
  readonly is: string;
  readonly help: string;
}

const LANGUAGES: readonly Language[] = [
  {
    lang: 'da',
    locale: 'da_DK',
    headers: [
      'Virksomhed',
      'Branche',
      'Driftsmodel',
      'Case-link',
      'Medarbejdere',
      'Omsætning',
      'Region',
      'Tech stack',
      'MRR',
      'Opsagt',
      'Kunde siden',
      'CAC',
      'Udfald',
      'Ordreværdi',
    ],
    won: 'Vundet',
    lost: 'Tabt',
    rules: [
      ['Branche', 'er', 'SaaS, Fintech', '30'],
      ['Medarbejdere', 'mellem', '50-1000', '25'],
      ['Region', 'er', 'DACH, Nordics', '20'],
      ['Driftsmodel', 'er', 'Hardware', '-20'],
    ],
    sheet: 'ICP-virksomheder',
    tab: 'ICP-kriterier',
    segments: 'ICP-segmenter',
    server: SERVER_DA,
    operators: DA.operators_,
    is: 'er',
    help: 'Kom i gang',
  },
  {
    lang: 'de',
    locale: 'de_DE',
    headers: [
      'Firma',
      'Branche',
      'Betriebsmodell',
      'Fallstudie (Link)',
      'Mitarbeitende',
      'Umsatz',
      'Region',
      'Tech-Stack',
      'MRR',
      'Gekündigt',
      'Kunde seit',
      'CAC',
      'Ergebnis',
      'Auftragswert',
    ],
    won: 'Gewonnen',
    lost: 'Verloren',
    rules: [
      ['Branche', 'ist', 'SaaS, Fintech', '30'],
      ['Mitarbeitende', 'zwischen', '50-1000', '25'],
      ['Region', 'ist', 'DACH, Nordics', '20'],
      ['Betriebsmodell', 'ist', 'Hardware', '-20'],
    ],
    sheet: 'ICP-Accounts',
    tab: 'ICP-Kriterien',
    segments: 'ICP-Segmente',
    server: SERVER_DE,
    operators: DE.operators_,
    is: 'ist',
    help: 'Erste Schritte',
  },
];

/** The example accounts as a CSV under the language's headers, won and lost in its words. */
function accountsCsv(language: Language): string {
  const [, ...rows] = readFileSync('examples/accounts.csv', 'utf8').trimEnd().split('\n');
  const body = rows.map((row) => row.replace(/,Won,/, `,${language.won},`).replace(/,Lost,/, `,${language.lost},`));
  return `${[language.headers.join(','), ...body].join('\n')}\n`;
}

/** The English a German or Danish user must not read: the page's and the sidebar's own English texts. */
function englishOf(lang: 'da' | 'de'): { page: string[]; sidebar: string[] } {
  const texts = (en: object, mine: object) =>
    Object.entries(en)
      .filter(([key, value]) => typeof value === 'string' && value !== (mine as Record<string, unknown>)[key] && value.length > 4)
      .map(([, value]) => value as string);
  return {
    page: [...texts(pageText('en'), pageText(lang)), ...menuCaptions('en').filter((c, i) => c !== menuCaptions(lang)[i])],
    sidebar: [...texts(sidebarMessages('en'), sidebarMessages(lang)), 'ICP Criteria', 'Default'],
  };
}

describe.each(LANGUAGES)('npm start -- accounts.csv --locale $locale', (language) => {
  const text = pageText(language.lang);
  const t = sidebarMessages(language.lang);
  const captions = menuCaptions(language.lang);
  const english = englishOf(language.lang);
  let playground: Playground;
  let opened: Opened;
  let page: Page;
  let dialogs: string[];

  beforeAll(async () => {
    const csv = path.join(mkdtempSync(path.join(os.tmpdir(), 'icp-e2e-')), 'accounts.csv');
    writeFileSync(csv, accountsCsv(language));
    playground = await launch({ port: 0, csv, locale: language.locale });
    // The one prompt of these journeys: the segment column, answered with the offered default.
    opened = await openPlayground(browser(), playground, { answer: (dialog) => (dialog.type() === 'prompt' ? dialog.defaultValue() : null) });
    ({ page, dialogs } = opened);
  });

  afterAll(async () => {
    await opened?.close();
    await playground?.close();
  });

  const sidebar = (): Promise<Frame> => sidebarOf(page);

  /** What the page itself shows, the grid's cells (the user's data) left out. */
  const pageWords = () =>
    page.evaluate(() => {
      const copy = document.body.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('#grid, aside, dialog').forEach((el) => el.remove());
      const labels = [...document.querySelectorAll('[title], [aria-label], [placeholder]')]
        .filter((el) => !el.closest('#grid'))
        .flatMap((el) => ['title', 'aria-label', 'placeholder'].map((a) => el.getAttribute(a) ?? ''));
      return [copy.innerText, ...labels, document.title].join('\n');
    });

  it('greets the user in the language: toolbar, formula bar, and what to do with columns the example criteria do not fit', async () => {
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(language.lang);
    expect(await page.locator('header button[data-action]').allTextContents()).toEqual(captions.slice(1));
    expect(await page.locator('header label.file').textContent()).toBe(text.loadCsv);
    expect(await page.locator('#formula').getAttribute('placeholder')).toBe(text.formulaPlaceholder);
    expect(await page.locator('#message').textContent()).toMatch(new RegExp(`^${text.setUpNone(40).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\n`));
    expect(await page.locator('#hint').textContent()).toBe(text.editorIsOpen);
    expect(await page.locator('#tabs button').allTextContents()).toEqual([language.sheet]);
    const words = await pageWords();
    expect(english.page.filter((e) => words.includes(e))).toEqual([]);
    const frame = await sidebar();
    expect(await frame.locator('.guide-text').first().textContent()).toBe(t.noCriteria(language.sheet));
  });

  it('adds rules in the sidebar with the language’s operators, saves them to the criteria tab, and scores the sheet', async () => {
    const frame = await sidebar();
    for (const [attribute, operator, value, points] of language.rules) {
      await frame.locator('[data-action=add-rule]').click();
      const rule = () => frame.locator('.rule').last();
      // A new rule offers the language's operators and starts with the first.
      expect(await rule().locator('select[name=operator] option').allTextContents()).toEqual(language.operators.split('|'));
      expect(await rule().locator('select[name=operator]').inputValue()).toBe(language.operators.split('|')[0]);
      await rule().locator('select[name=attribute]').selectOption(attribute);
      await rule().locator('select[name=operator]').selectOption(operator);
      await rule().locator('input[name=value]').fill(value);
      await rule().locator('input[name=points]').fill(points);
    }
    await until(() => frame.locator('.top li').count()).toBe(5);
    expect(await frame.locator('.preview h3').textContent()).toBe(t.topAccounts);
    expect(await frame.locator('.top .why').first().textContent()).toContain(`Branche ${language.is} SaaS, Fintech`);
    await frame.locator('[data-action=save]').click();
    await until(() => frame.locator('.status').textContent()).toBe(t.saved(language.tab));
    // Saved, not scored: the page offers Score this sheet, one click away, in the language.
    await until(() => page.locator('#message').textContent()).toBe(text.savedNotScored(language.sheet));
    await page.locator('#next button', { hasText: captions[2] }).click();
    await until(() => page.locator('#message').textContent()).toBe(language.server.scored_.replace('{sheet}', language.sheet));

    const { score: S, tier: T, why: W } = await results(page, language.sheet);
    const cell = (ref: string) => page.locator(`[data-cell="${ref}"]`).textContent();
    expect([await cell(`${S}1`), await cell(`${T}1`), await cell(`${W}1`)]).toEqual([
      ['ICP-score', 'ICP-Score'][language.lang === 'da' ? 0 : 1],
      ['ICP-niveau', 'ICP-Stufe'][language.lang === 'da' ? 0 : 1],
      ['Begrundelse', 'Begründung'][language.lang === 'da' ? 0 : 1],
    ]);
    await until(() => cell(`${W}2`)).toMatch(new RegExp(` ${language.is} `));
    expect(await cell(`${W}2`)).not.toMatch(/ is | between |no data/);
    // The selected cell of a spilled result: the formula bar shows its formula, the line under it says whose.
    await page.locator(`[data-cell="${W}2"]`).click();
    await until(() => page.locator('#formula').getAttribute('placeholder')).toMatch(/^=ICP_EXPLAIN\(/);
    expect(await page.locator('#cellinfo').textContent()).toBe(text.spilledFrom(`${W}1`, (await cell(`${W}2`)) ?? ''));

    const words = await pageWords();
    expect(english.page.filter((e) => words.includes(e))).toEqual([]);
    const sidebarWords = await frame.locator('body').innerText();
    expect(english.sidebar.filter((e) => sidebarWords.includes(e))).toEqual([]);
    await frame.locator('.preview').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.mouse.move(0, 0);
    await page.screenshot({ path: path.join(SCREENSHOTS, `playground-${language.lang}.png`) });
  });

  it('builds the segment summary after the add-on’s own prompt, with the chart in the language', async () => {
    await page.locator('button[data-action=buildSegmentSummary]').click();
    await until(() => page.locator('#tabs button.active').textContent()).toBe(language.segments);
    const asked = dialogs.at(-1) ?? '';
    expect(asked.startsWith(`prompt: ${language.server.segmentPrompt_.split('{columns}')[0]}`)).toBe(true);
    expect(asked).toContain(language.headers.join(', '));
    await until(() => page.locator('#charts figcaption').textContent()).toBe(language.server.chartTitle_);
    expect(await page.locator('#charts .legend').textContent()).toContain(language.server.monthlyChurn_);
    // The churn axis counts percent as the language writes it: 0,5 %, not 0.5%.
    const ticks = await page.locator('#charts .axis-right .tick').allTextContents();
    expect(ticks.length).toBeGreaterThan(2);
    for (const tick of ticks) expect(tick).toMatch(/^\d+(,\d+)?\u00a0%$/);
    expect(dialogs).toHaveLength(1);
  });

  it('opens the help in the language', async () => {
    await page.locator('header button[data-action=help]').click();
    await until(() =>
      page
        .frame({ url: /\/help$/ })
        ?.locator(`section[lang=${language.lang}]:not([hidden]) h2`)
        .first()
        .textContent(),
    ).toBe(language.help);
    const help = page.frame({ url: /\/help$/ });
    expect(await help!.locator('section:not([hidden])').count()).toBe(1);
    expect(await help!.locator(`section[lang=${language.lang}] code`).first().textContent()).toBe('=ICP_SCORE(A1:L; ICP_CRITERIA)');
    await page.locator('dialog').screenshot({ path: path.join(SCREENSHOTS, `help-${language.lang}.png`) });
    await page.locator('dialog button').click();
  });
});
