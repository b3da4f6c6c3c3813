// @vitest-environment happy-dom
// The sidebar in German and Danish, on an account table with German or Danish headers, against the real
// server functions of the built bundle: every panel is drawn (profiles renamed and deleted, rules, tiers,
// preview, the guide to rules that do not fit, Learn from my data, Copy as SQL, save, a hand edit of the
// tab) and none of it may show an English word of the sidebar's own. Words the user typed (headers, values,
// profile names) are removed before the check; SQL and its identifiers stay English by design.

import { describe, expect, it } from 'vitest';
import { type SidebarMessages, sidebarMessages } from '../../src/sidebar/messages';
import { draft, save, withAccounts } from '../addon/harness';
import { example } from '../helpers';
import { change, click, type Opened, openSidebar, settle } from './driver';

type Lang = 'de' | 'da';

interface Language {
  readonly locale: string;
  readonly headers: readonly string[];
  readonly won: string;
  readonly lost: string;
  readonly tab: string;
  /** The account sheet's name, as a user of the language calls it. */
  readonly sheet: string;
  /** Rules as a user of the language writes them: their operators, a blank (Default) profile. */
  readonly rules: Parameters<typeof draft>[0];
  /** Texts the sidebar must show, in the language. */
  readonly shows: readonly string[];
}

// The example accounts' columns: Company, Industry, Operating model, Case study link, Employees, Revenue,
// Region, Tech stack, MRR, Churned, Customer since, CAC, Won, Deal value.
const LANGUAGES: Record<Lang, Language> = {
  de: {
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
    tab: 'ICP-Kriterien',
    sheet: 'Kunden',
    rules: [
      ['SaaS-Mittelstand', 'Branche', 'ist', 'SaaS, Fintech', '30', false],
      ['SaaS-Mittelstand', 'Mitarbeitende', 'zwischen', '50-1000', '25', false],
      ['Großkunden', 'Mitarbeitende', '>=', '2000', '40', true],
      ['', 'Region', 'ist', 'DACH', '10', false],
    ],
    shows: [
      'Account-Tabelle',
      'Profile',
      'Standard',
      'Regeln',
      'Merkmal',
      'Punkte',
      'Pflicht',
      '+ Regel hinzufügen',
      'Stufen',
      'Mindestpunktzahl',
      'Vorschau',
      'Top-Accounts',
      'Aus meinen Daten lernen',
      'Als SQL kopieren',
      'Kriterien speichern',
      'Im Tab ICP-Kriterien gespeichert',
      'Gewinnrate',
    ],
  },
  da: {
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
    tab: 'ICP-kriterier',
    sheet: 'Kunder',
    rules: [
      ['SaaS mellemstore', 'Branche', 'er', 'SaaS, Fintech', '30', false],
      ['SaaS mellemstore', 'Medarbejdere', 'mellem', '50-1000', '25', false],
      ['Store virksomheder', 'Medarbejdere', '>=', '2000', '40', true],
      ['', 'Region', 'er', 'DACH', '10', false],
    ],
    shows: [
      'Virksomhedstabel',
      'Profiler',
      'Standard',
      'Regler',
      'Egenskab',
      'Point',
      'Påkrævet',
      '+ Tilføj regel',
      'Niveauer',
      'Minimumscore',
      'Forhåndsvisning',
      'Bedst scorede virksomheder',
      'Lær af mine data',
      'Kopiér som SQL',
      'Gem kriterier',
      'Gemt i fanen ICP-kriterier',
      'hitrate',
    ],
  },
};

/** The example accounts under the language's headers, won and lost in its words. */
function accounts(language: Language): ReturnType<typeof example> {
  const values = example('accounts.csv').map((row) => [...row]);
  values[0] = [...language.headers];
  const outcome = values[0].indexOf(language.headers[12]);
  for (const row of values.slice(1)) row[outcome] = row[outcome] === 'Won' ? language.won : row[outcome] === 'Lost' ? language.lost : row[outcome];
  return values;
}

/**
 * English a German or Danish user must never read in the sidebar: every text of the English messages that
 * the language words differently, and common English words of its sentences.
 */
function englishPhrases(t: SidebarMessages): string[] {
  const en = sidebarMessages('en');
  const phrases = new Set<string>(['ICP Criteria', 'Default']);
  const samples: Record<string, unknown[]> = {
    headerRow: [1, 40],
    saved: ['X'],
    stale: ['X'],
    changedOutside: ['X'],
    reloaded: ['X'],
    profileTaken: ['X'],
    deleteConfirm: ['X', 2, 'X'],
    noCriteria: ['X'],
    unfit: [2, 3, 'X'],
    notColumn: ['X', ['Y']],
    more: [2],
    started: ['X', 2, 'X', ['Y']],
    starterEmpty: ['X'],
    copied: ['X'],
    perMonth: ['X'],
    learnedFrom: ['won', 40, 14, 'X', 'Y'],
    leftOut: [2],
    tooFew: [3, 'won', true],
    shareOfAccounts: ['X'],
    shareOfOutcome: ['X', 'won'],
    compareNote: [true],
    notCompared: ['X'],
    evidence: [3, 'won', 'X', 'Y'],
    legend: ['won', 'X'],
    notLearnedFrom: [['X']],
    intoProfile: ['X'],
    addRules: [2],
    added: [2, 'X', true, 1, 'X'],
    previewSaved: ['X'],
    comparedWith: ['X', 2],
    alreadyHas: ['X', 2],
    bestProfile: [2, 'Y', 'X', 'X'],
    addInstead: ['X'],
  };
  for (const key of Object.keys(en) as (keyof SidebarMessages)[]) {
    const mine = en[key];
    const theirs = t[key];
    const texts =
      typeof mine === 'string'
        ? [mine, theirs as string]
        : typeof mine === 'function'
          ? [(mine as (...a: unknown[]) => unknown)(...samples[key]), (theirs as (...a: unknown[]) => unknown)(...samples[key])]
          : [Object.values(mine).join('|'), Object.values(theirs as object).join('|')];
    const [english, translated] = texts.map((x) => (Array.isArray(x) ? x.join(' ') : String(x)));
    // Split at the sample arguments, so that each English piece longer than a word is looked for.
    if (english !== translated) for (const piece of english.split(/X|Y|\||\d+/)) if (piece.trim().length > 6) phrases.add(piece.trim());
  }
  return [...phrases];
}

/** English words of the sidebar's sentences. German says "Accounts" and "Profile" (plural) too, and both say "Lift" and "Churn". */
const ENGLISH_WORDS: Record<Lang, RegExp> = {
  de: /\b(the|and|of|is|are|with|from|into|this|yet|no|not|rules?|tiers?|saved?|learn(ed)?|delete|copy|table|columns?|outcomes?|points|value|required|attribute|preview|suggested|default|criteria|won|lost|churned|rows?|header|add(ed)?|reload|rename|cancel|minimum)\b/gi,
  da: /\b(the|and|of|is|are|with|from|into|this|yet|no|not|rules?|accounts?|profiles?|tiers?|saved?|learn(ed)?|delete|copy|table|columns?|outcomes?|points|value|required|attribute|preview|suggested|default|criteria|won|lost|churned|rows?|header|add(ed)?|reload|rename|cancel|minimum)\b/gi,
};

/** Everything the sidebar shows: its text and the labels of its controls, with what the user typed removed. */
function shown(root: HTMLElement, data: readonly string[]): string {
  const labels = [...root.querySelectorAll('[title], [aria-label], [placeholder]')]
    // The warehouse table's example name is an SQL identifier, as ICP_SQL's default `accounts` is.
    .filter((el) => el.getAttribute('name') !== 'table')
    .flatMap((el) => ['title', 'aria-label', 'placeholder'].map((a) => el.getAttribute(a) ?? ''));
  // Text node by text node: textContent runs a button into the next one, hiding the words' edges.
  const texts: string[] = [];
  const walk = (node: Node) => (node.nodeType === 3 ? texts.push(node.textContent ?? '') : node.childNodes.forEach(walk));
  walk(root);
  let text = [...texts, ...labels].join('\n');
  for (const typed of [...data].sort((a, b) => b.length - a.length)) if (typed.trim()) text = text.split(typed).join(' ');
  return text;
}

function expectNoEnglish(root: HTMLElement, lang: Lang, data: readonly string[], where: string): void {
  const text = shown(root, data);
  const phrases = englishPhrases(sidebarMessages(lang)).filter((p) => text.includes(p));
  expect(phrases, `${where}: English phrases`).toEqual([]);
  expect(text.match(ENGLISH_WORDS[lang]) ?? [], `${where}: English words in\n${text}`).toEqual([]);
}

describe.each(['de', 'da'] as const)('the sidebar in %s', (lang) => {
  const language = LANGUAGES[lang];
  const values = accounts(language);
  const t = sidebarMessages(lang);
  /** What the user typed or the table holds, and the tier labels: data, in whatever language it is. */
  // Words of three letters or more: single letters and numbers would cut words apart.
  const data = [
    ...new Set([
      ...values.flat().map(String),
      ...language.rules.flatMap((r) => [r[0], r[3]]),
      'SQL',
      'AUC',
      'BigQuery',
      'PostgreSQL',
      'DuckDB',
      'snake_case',
      'columns=snake',
    ]),
  ].filter((text) => text.trim().length >= 3 && /\p{L}/u.test(text));

  async function open(): Promise<Opened> {
    const opened = await openSidebar(
      (h) => {
        withAccounts(h, values).name = language.sheet;
        expect(save(h, draft(language.rules)).ok).toBe(true);
      },
      { locale: language.locale },
    );
    await settle(opened.sidebar);
    return opened;
  }

  it('draws every panel without an English word of its own', async () => {
    const opened = await open();
    const { root, sidebar, h } = opened;
    const check = (where: string) => expectNoEnglish(root, lang, data, where);
    expect(document.documentElement.lang).toBe(lang);
    expect(document.title).toBe(t.title);
    check('opened');

    // The blank profile in the user's words; renaming and deleting it asks in them too.
    const blank = [...root.querySelectorAll<HTMLButtonElement>('.tabs [role=tab]')].find((b) => b.textContent === t.defaultProfile);
    expect(blank, 'the blank profile’s tab').toBeDefined();
    blank!.click();
    click(root, t.renameProfile);
    expect(root.querySelector<HTMLInputElement>('input[name=profile-name]')!.value).toBe(t.defaultProfile);
    check('renaming');
    click(root, t.cancel);
    click(root, t.deleteProfile);
    expect(root.querySelector('.confirm p')?.textContent).toBe(t.deleteConfirm(t.defaultProfile, 1, language.tab));
    check('deleting');
    root.querySelector<HTMLButtonElement>('[data-action=cancel-delete]')!.click();

    // A new rule starts with the language's first operator; a bad value is refused in the language.
    root.querySelector<HTMLButtonElement>('[data-action=add-rule]')!.click();
    const last = () => [...root.querySelectorAll('.rule')].at(-1)!;
    expect(last().querySelector<HTMLSelectElement>('select[name=operator]')!.value).toBe(lang === 'de' ? 'ist' : 'er');
    change(last().querySelector('select[name=attribute]'), language.headers[4], 'change');
    const card = last(); // a new attribute draws the rule again
    change(card.querySelector('select[name=operator]'), '>=', 'change');
    change(card.querySelector('input[name=value]'), 'viele');
    await settle(sidebar);
    expect(card.querySelector('[data-error$="-value"]')?.textContent).toMatch(lang === 'de' ? /ist keine Zahl/ : /er ikke et tal/);
    check('a refused value');
    change(card.querySelector('input[name=value]'), '100');
    await settle(sidebar);

    // Copy as SQL: its panel in the language; the query itself is SQL.
    click(root, t.sql);
    await settle(sidebar);
    expect(root.querySelector<HTMLTextAreaElement>('textarea[name=sql]')!.value).toMatch(/^-- ICP score/);
    check('Copy as SQL');

    // Learn from my data, from the outcome column in the language's words.
    click(root, t.learn);
    await settle(sidebar);
    change(root.querySelector('select[name=outcome]'), language.headers[12], 'change');
    root.querySelector<HTMLButtonElement>('[data-action=learn]')!.click();
    await settle(sidebar);
    expect(root.querySelector('.learn-summary')?.textContent).toMatch(
      lang === 'de'
        ? /^Gelernt aus 37 Accounts in „Ergebnis“: 14 gewonnen, 23 verloren \(Gewinnrate 38\u00a0%\)\.$/
        : /^Lært af 37 aftaler i »Udfald«: 14 vundet, 23 tabt \(hitrate 38\u00a0%\)\.$/,
    );
    expect(root.querySelectorAll('.learned li').length).toBeGreaterThan(0);
    check('learned');
    root.querySelector<HTMLButtonElement>('[data-action=add-learned]')!.click();
    await settle(sidebar);
    expect(root.querySelector('.learn-note')?.textContent).toMatch(
      lang === 'de' ? /^\d+ Regeln als neues Profil „Gelernt“ hinzugefügt/ : /^Tilføjede \d+ regler som den nye profil »Lært«/,
    );
    check('learned rules added');

    click(root, t.save);
    await settle(sidebar);
    expect(root.querySelector('.status')?.textContent).toBe(t.saved(language.tab));
    for (const text of language.shows) expect(shown(root, []), text).toContain(text);
    check('saved');

    // A hand edit of the tab while the sidebar has edits of its own: named by the tab's own name.
    change(root.querySelector('input[name=points]'), '31');
    h.spreadsheet.getSheetByName(language.tab)!.getRange('E2').setValue(35);
    click(root, t.save);
    await settle(sidebar);
    expect(root.querySelector('.status')?.textContent).toBe(t.stale(language.tab));
    check('stale');
    click(root, t.reload);
    await settle(sidebar);
    check('reloaded');
  });

  it('names the rules that do not fit the table, and why, in the language', async () => {
    const renamed = values.map((row, r) => (r === 0 ? row.map((cell) => (cell === 'Region' ? 'Region (HQ)' : cell)) : row));
    const { root, sidebar } = await openSidebar(
      (h) => {
        withAccounts(h, values);
        expect(save(h, draft(language.rules)).ok).toBe(true);
        withAccounts(h, renamed).name = language.sheet;
      },
      { locale: language.locale },
    );
    await settle(sidebar);
    expect(root.querySelector('.guide-text')?.textContent).toBe(t.unfit(1, 4, language.sheet));
    expect(root.querySelector('.unfit .why')?.textContent).toBe(
      lang === 'de'
        ? '"Region" ist keine Spalte der Tabelle. Am ähnlichsten: "Region (HQ)".'
        : '"Region" er ikke en kolonne i tabellen. Nærmest: "Region (HQ)".',
    );
    expectNoEnglish(root, lang, [...data, 'Region (HQ)'], 'unfit');
    click(root, t.startFromColumns);
    await settle(sidebar);
    expect(root.querySelector('.guide-note')?.textContent).toMatch(
      lang === 'de' ? /^„Startprofil“ aus \d+ Spalten von Kunden begonnen/ : /^Startede »Startprofil« ud fra \d+ kolonner i Kunder/,
    );
    expectNoEnglish(root, lang, [...data, 'Region (HQ)'], 'started from the columns');
  });
});

describe('the sidebar’s texts', () => {
  it('call the menu items by their captions in each language', async () => {
    const { menuCaptions } = await import('../../src/addon/messages');
    for (const lang of ['en', 'de', 'da'] as const) {
      const score = menuCaptions(lang)[2];
      const t = sidebarMessages(lang);
      expect(t.noCriteria('X')).toContain(score);
      expect(t.unfit(1, 2, 'X')).toContain(score);
      // Learn from my data points to the menu's validation for all profiles together.
      expect(t.comparedWith('X', 2)).toContain(menuCaptions(lang)[4]);
    }
  });

  it('write numbers the language’s way', () => {
    expect(sidebarMessages('en').headerRow(1, 12000)).toBe('header row 1, 12,000 rows');
    expect(sidebarMessages('de').headerRow(1, 12000)).toBe('Kopfzeile 1, 12.000 Zeilen');
    expect(sidebarMessages('da').headerRow(1, 12000)).toBe('overskriftsrække 1, 12.000 rækker');
  });
});
