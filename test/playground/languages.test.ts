// The playground in Danish (`npm start -- --locale da_DK`) without a browser: the page and the help are told
// the language in <html lang>, the example workbook is named and written as a Danish user's would be (tab
// names, operators), cells show numbers and TRUE as a Danish spreadsheet does, and the page's own texts agree
// with the add-on's menu and sidebar in every language.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tickLabel } from '../../playground/chart';
import { display } from '../../playground/engine';
import { pageText } from '../../playground/messages';
import { launch } from '../../playground/start.mjs';
import { largeTableQuestion } from '../../playground/workbook';
import { SERVER_DA } from '../../src/addon/i18n/da';
import { SERVER_DE } from '../../src/addon/i18n/de';
import { SERVER_EN } from '../../src/addon/i18n/en';
import { menuCaptions } from '../../src/addon/messages';
import { sidebarMessages } from '../../src/sidebar/messages';

let playground: Awaited<ReturnType<typeof launch>>;

beforeAll(async () => {
  playground = await launch({ port: 0, locale: 'da_DK' });
});

afterAll(async () => {
  await playground?.close();
});

const page = async (path: string) => (await fetch(new URL(path, playground.url))).text();
const shown = (sheet: string, row: number, rows: number, column: number, columns = 1) =>
  playground.workbook.engine.window(playground.workbook.sheet(sheet), row, rows, column, columns).map((line) => line.map((c) => c.text));

describe('the playground in Danish', () => {
  it('tells the page and the help the user’s language', async () => {
    expect(await page('/')).toMatch(/<html lang="da">/);
    expect(await page('/help')).toMatch(/<html lang="da">/);
  });

  it('names the example workbook’s tabs and writes its criteria in Danish', () => {
    const { workbook } = playground;
    expect(workbook.accounts).toBe('ICP-virksomheder');
    expect(workbook.spreadsheet.sheets.map((s) => s.name)).toEqual(['ICP-virksomheder', 'ICP-kriterier', 'ICP-segmenter']);
    expect(shown('ICP-kriterier', 0, 4, 0, 4)).toEqual([
      ['Profil', 'Egenskab', 'Operator', 'Værdi'],
      ['SaaS mid-market', 'Industry', 'er', 'SaaS, Fintech'],
      ['SaaS mid-market', 'Employees', 'mellem', '50-1000'],
      ['SaaS mid-market', 'Region', 'er', 'DACH, Nordics'],
    ]);
    expect(shown('ICP-virksomheder', 0, 1, 14, 3)).toEqual([['ICP-score', 'ICP-niveau', 'Begrundelse']]);
  });

  it('shows numbers and TRUE/FALSE as a Danish spreadsheet does', () => {
    const churned = shown('ICP-virksomheder', 0, 3, 9);
    expect(churned.map(([c]) => c)).toEqual(['Churned', 'FALSK', 'FALSK']);
    expect(display(2.5, '', 'NUMBER_RAW', 'da_DK')).toBe('2,5');
    expect(display(0.125, '0.0%', 'NUMBER_PERCENT', 'de_DE')).toBe('12,5\u00a0%');
    expect(display(1234.5, '#,##0', 'NUMBER_RAW', 'da_DK')).toBe('1.235');
    expect(display(true, '', '', 'de_DE')).toBe('WAHR');
    expect(display(2.5, '', 'NUMBER_RAW', 'en_US')).toBe('2.5');
    expect(tickLabel(0.005, 0.001, 'percent', 'da')).toBe('0,5\u00a0%');
    expect(tickLabel(1200, 200, '', 'de')).toBe('1.200');
  });
});

describe('the playground page’s texts', () => {
  it('ask the add-on’s yes/no question about a large table in every language, whatever the number', () => {
    for (const texts of [SERVER_EN, SERVER_DE, SERVER_DA]) {
      const question = texts.largeTable_.replace('{rows}', '250.001');
      expect(largeTableQuestion(['Something else.', question])).toBe(question);
    }
    expect(largeTableQuestion(['Scored ICP Accounts; the scores follow rows and criteria.'])).toBeUndefined();
  });

  it('caption the toolbar as the add-on’s menu, and name the sidebar’s buttons as the sidebar does', () => {
    for (const lang of ['en', 'de', 'da'] as const) {
      const text = pageText(lang);
      const [, template, score, segments, validate, help] = menuCaptions(lang);
      expect(text.actions).toEqual({ createTemplate: template, scoreThisSheet: score, buildSegmentSummary: segments, validateIcp: validate, help });
      const sidebar = sidebarMessages(lang);
      for (const caption of [sidebar.startFromColumns, sidebar.save, score]) expect(text.editorIsOpen).toContain(caption);
      expect(text.prompts.buildSegmentSummary?.question('A, B')).toMatch(/A, B$/);
    }
  });
});
