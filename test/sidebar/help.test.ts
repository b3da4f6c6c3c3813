// @vitest-environment happy-dom
// The help page the build writes (dist/Help.html): one section per language, each listing every custom
// function of the registry with its example written as a spreadsheet of that language takes it, the menu's
// captions and the criteria tab's words of that language, and no English in German or Danish. Its script
// shows the language the host names, else the browser's, and switches on a click.

import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { menuCaptions, TAB_NAMES } from '../../src/addon/messages';
import { CUSTOM_FUNCTIONS } from '../../src/addon/registry';
import { DA } from '../../src/core/i18n/da';
import { DE } from '../../src/core/i18n/de';
import { formulaIn } from '../../src/sidebar/help';

const html = readFileSync('dist/Help.html', 'utf8');
const body = /<body>([\s\S]*?)<script>/.exec(html)![1];
const script = /<script>([\s\S]*?)<\/script>/.exec(html)![1];

/** Opens the page with what the host wrote into <html lang> and the browser's languages, running its script. */
function open(hostLang: string | null, browser: string[]): void {
  document.documentElement.removeAttribute('lang');
  if (hostLang) document.documentElement.setAttribute('lang', hostLang);
  Object.defineProperty(navigator, 'languages', { configurable: true, get: () => browser });
  document.body.innerHTML = body;
  new Function(script)();
}

const shownLanguage = () => [...document.querySelectorAll<HTMLElement>('section[lang]')].filter((s) => !s.hidden).map((s) => s.getAttribute('lang'));
const section = (lang: string) => document.querySelector<HTMLElement>(`section[lang="${lang}"]`)!;
/** A section's words, formulas left out (they are the same in every language but for `;`). */
const prose = (lang: string) => {
  const copy = section(lang).cloneNode(true) as HTMLElement;
  copy.querySelectorAll('code').forEach((code) => code.remove());
  return copy.textContent ?? '';
};

afterEach(() => {
  delete (navigator as { languages?: unknown }).languages;
});

describe('dist/Help.html', () => {
  it('lists every custom function of the registry in every language, with its example as that language types it', () => {
    open('en', []);
    for (const lang of ['en', 'de', 'da'] as const) {
      const items = [...section(lang).querySelectorAll('.functions li')];
      expect(items.map((li) => /^=([A-Z_]+)\(/.exec(li.querySelector('code')!.textContent!)![1])).toEqual(CUSTOM_FUNCTIONS.map((f) => f.name));
      for (const [i, fn] of CUSTOM_FUNCTIONS.entries()) {
        expect(items[i].querySelector('code')!.textContent).toBe(formulaIn(fn.example.formula, lang));
        expect(items[i].textContent!.length).toBeGreaterThan(fn.example.formula.length + 20);
      }
    }
    expect(section('de').querySelector('code')!.textContent).toBe('=ICP_SCORE(A1:L; ICP_CRITERIA)');
  });

  it('names the menu, the criteria tab, its columns and its operators in each language', () => {
    open('en', []);
    for (const [lang, index, catalog] of [
      ['de', 1, DE],
      ['da', 2, DA],
    ] as const) {
      const text = section(lang).textContent!;
      for (const caption of menuCaptions(lang).slice(0, 5)) expect(text).toContain(caption);
      expect(text).toContain(TAB_NAMES.criteria[index]);
      expect(text).toContain(catalog.criteriaColumns_.split('|').join(' | '));
      expect(text).toContain(catalog.operators_.split('|').join(', '));
    }
    expect(prose('en')).toContain('Edit ICP criteria…');
  });

  it('has no English sentences in German or Danish', () => {
    open('en', []);
    const english = /\b(the|and|of|every|row|rules?|tiers?|accounts? (?:of|from)|with|menu|sheet|score[sd]? the|when|how|nothing|learns?|opens?|adds?)\b/gi;
    expect(prose('de').match(english) ?? []).toEqual([]);
    expect(prose('da').match(english) ?? []).toEqual([]);
  });

  it('shows the language the host names, else the browser’s first one it has, else English; a click switches', () => {
    open('da', ['de-DE']);
    expect(shownLanguage()).toEqual(['da']);
    expect(document.title).toBe('icp-sheets – hjælp');
    open(null, ['fr-FR', 'de-DE', 'da']);
    expect(shownLanguage()).toEqual(['de']);
    open(null, ['fr-FR']);
    expect(shownLanguage()).toEqual(['en']);
    document.querySelector<HTMLButtonElement>('nav button[data-lang=da]')!.click();
    expect(shownLanguage()).toEqual(['da']);
    expect(document.documentElement.getAttribute('lang')).toBe('da');
    expect(document.querySelector('nav button[data-lang=da]')!.getAttribute('aria-pressed')).toBe('true');
    // What a host appends to name the language (Apps Script's HtmlOutput can only append).
    (window as unknown as { icpShowHelp(lang: string): void }).icpShowHelp('de');
    expect(shownLanguage()).toEqual(['de']);
    (window as unknown as { icpShowHelp(lang: string): void }).icpShowHelp('fr');
    expect(shownLanguage()).toEqual(['de']);
  });

  it('writes formulas as German and Danish spreadsheets take them: arguments apart with ;', () => {
    expect(formulaIn('=ICP_CLV(1000, 2%, 80%)', 'da')).toBe('=ICP_CLV(1000; 2%; 80%)');
    expect(formulaIn('=ICP_SEGMENTS(A1:L, "Industry, Size band", "margin=80%")', 'de')).toBe('=ICP_SEGMENTS(A1:L; "Industry, Size band"; "margin=80%")');
    expect(formulaIn('=ICP_CLV(1000, 0.5, 80%)', 'de')).toBe('=ICP_CLV(1000; 0,5; 80%)');
    expect(formulaIn('=ICP_CLV(1000, 0.5, 80%)', 'en')).toBe('=ICP_CLV(1000, 0.5, 80%)');
  });
});
