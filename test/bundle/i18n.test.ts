// The built bundle in English, German and Danish, on the in-memory Sheets with the language data files the
// build writes: custom functions follow the spreadsheet's locale (or lang=), menus and tabs the user's,
// criteria written in one language work in every spreadsheet, and a missing file means English.

import { describe, expect, it } from 'vitest';
import type { FakeSheet } from '../../emulator/apps-script';
import { draft, type Harness, harness, projectFiles, save, withAccounts } from '../addon/harness';
import { bundle, plain } from '../helpers';

const TABLE = [
  ['Company', 'Industry', 'Employees', 'Revenue', 'Region'],
  ['Acme', 'SaaS', 120, '2,5 Mio €', 'DACH'],
  ['Globex', 'Retail', 40, '', 'DACH'],
  ['Initech', 'SaaS', 900, '1,5 mio. kr.', 'US'],
];

const ENGLISH = [
  ['Profile', 'Attribute', 'Operator', 'Value', 'Points', 'Required'],
  ['', 'Industry', 'is', 'SaaS', 50, ''],
  ['', 'Employees', 'between', '50-500', 30, ''],
  ['', 'Region', 'is', 'DACH', 20, 'TRUE'],
];

const GERMAN = [
  ['Profil', 'Merkmal', 'Operator', 'Wert', 'Punkte', 'Pflicht'],
  ['', 'Industry', 'ist', 'SaaS', 50, ''],
  ['', 'Employees', 'zwischen', '50 bis 500', 30, ''],
  ['', 'Region', 'ist', 'DACH', 20, 'ja'],
];

const DANISH = [
  ['Profil', 'Egenskab', 'Operator', 'Værdi', 'Point', 'Påkrævet'],
  ['', 'Industry', 'er', 'SaaS', 50, ''],
  ['', 'Employees', 'mellem', '50 til 500', 30, 'nej'],
  ['', 'Region', 'er', 'DACH', 20, 'sand'],
];

const column = (result: unknown) => (plain(result) as unknown[][]).map(([cell]) => cell);

function tab(h: Harness, name: string): FakeSheet {
  const sheet = h.spreadsheet.getSheetByName(name);
  if (!sheet) throw new Error(`no sheet ${name}: ${h.spreadsheet.sheets.map((s) => s.name).join(', ')}`);
  return sheet;
}

describe('bundle: languages', () => {
  describe('custom functions write in the spreadsheet’s language', () => {
    it('in English, German and Danish: labels and explanations, whatever language the criteria are in', () => {
      const english = harness({ sheetLocale: 'en_US' });
      expect(column(english.run('ICP_EXPLAIN', TABLE, GERMAN))).toEqual([
        'Why',
        '100 = +50 Industry is SaaS · +30 Employees between 50 and 500 · +20 Region is DACH',
        '20 = 0 Industry is SaaS (Retail) · 0 Employees between 50 and 500 (40) · +20 Region is DACH',
        'DQ = 0 Industry is SaaS · 0 Employees between 50 and 500 (900) · ✗ required: Region is DACH (US)',
      ]);
      const german = harness({ sheetLocale: 'de_DE' });
      expect(column(german.run('ICP_SCORE', TABLE, ENGLISH))).toEqual(['ICP-Score', 100, 20, 0]);
      expect(column(german.run('ICP_TIER', TABLE, DANISH))).toEqual(['ICP-Stufe', 'A', 'D', 'DQ']);
      expect(column(german.run('ICP_MATCH', TABLE, ENGLISH))).toEqual(['Bestes Profil', 'Default', 'Default', '']);
      expect(column(german.run('ICP_EXPLAIN', TABLE, ENGLISH)).slice(0, 2)).toEqual([
        'Begründung',
        '100 = +50 Industry ist SaaS · +30 Employees zwischen 50 und 500 · +20 Region ist DACH',
      ]);
      expect(german.run('ICP_ROW', [TABLE[0]], [TABLE[3]], ENGLISH, 'why')).toBe(
        'DQ = 0 Industry ist SaaS · 0 Employees zwischen 50 und 500 (900) · ✗ Pflicht: Region ist DACH (US)',
      );
      const danish = harness({ sheetLocale: 'da_DK' });
      expect(column(danish.run('ICP_EXPLAIN', TABLE, GERMAN))).toEqual([
        'Begrundelse',
        '100 = +50 Industry er SaaS · +30 Employees mellem 50 og 500 · +20 Region er DACH',
        '20 = 0 Industry er SaaS (Retail) · 0 Employees mellem 50 og 500 (40) · +20 Region er DACH',
        'DQ = 0 Industry er SaaS · 0 Employees mellem 50 og 500 (900) · ✗ påkrævet: Region er DACH (US)',
      ]);
    });

    it('says what is wrong in German and Danish', () => {
      const german = harness({ sheetLocale: 'de_DE' });
      const typo = [ENGLISH[0], ['', 'Industy', 'equalz', 'SaaS', 10, '']];
      expect(() => german.run('ICP_SCORE', TABLE, typo)).toThrow(
        'Kriterienzeile 2, Operator: "equalz" ist kein Operator (meinten Sie "equals"?). Möglich sind: ist, ist nicht, umfasst, enthält, zwischen, >=, <=, >, <, ist leer, ist nicht leer.',
      );
      expect(() => german.run('ICP_SCORE', TABLE, [ENGLISH[0], ['', 'Industy', 'is', 'SaaS', 10, '']])).toThrow(
        'Kriterienzeile 2, Merkmal: "Industy" ist keine Spalte der Tabelle. Am ähnlichsten: "Industry".',
      );
      expect(() => german.run('ICP_SCORE', TABLE, ENGLISH, 'SMB')).toThrow('Die Kriterien haben kein Profil "SMB". Profile: "Default".');
      expect(() => german.run('ICP_SQL', ENGLISH, '', 'oracle')).toThrow('ICP_SQL: Der Dialekt "oracle" ist nicht "bigquery", "postgres" oder "duckdb".');
      expect(() => german.run('ICP_CLV', [[1], [2]], [[1], [2], [3]])).toThrow(
        'ICP_CLV: monthly_churn ist 3×1, arpa aber 2×1; geben Sie gleich große Bereiche oder einen einzelnen Wert an.',
      );
      const danish = harness({ sheetLocale: 'da_DK' });
      expect(() => danish.run('ICP_SCORE', TABLE, [ENGLISH[0], ['', 'Region', 'between', 'DACH', 10, '']])).toThrow(
        'Kriterierække 2, Værdi: "DACH" er ikke et interval; skriv det som 50-200, 50..200 eller 50 til 200.',
      );
      expect(() =>
        danish.run('ICP_TIER', TABLE, ENGLISH, '', [
          ['A', 80],
          ['B', 'høj'],
        ]),
      ).toThrow('Niveaurække 2: minimumscoren "høj" er ikke et tal.');
      expect(() => danish.run('ICP_SEGMENTS', TABLE, 'Sector')).toThrow('ICP_SEGMENTS, segment_by: "Sector" er ikke en kolonne i tabellen.');
      // The element-wise functions read no locale until they have an error to say.
      const calls = danish.spreadsheet.calls;
      calls.reset();
      expect(danish.run('ICP_CLV', 100, '5%', '80%')).toBe(1600);
      expect(calls.get('Spreadsheet.getSpreadsheetLocale')).toBe(0);
    });

    it('writes segment summaries, suggestions and validations in the language, numbers with its decimal mark', () => {
      const accounts = [
        ['Company', 'Industry', 'MRR', 'Churned', 'Months', 'CAC'],
        ...Array.from({ length: 12 }, (_, i) => [`Co ${i}`, i % 2 ? 'SaaS' : 'Retail', 1000, i % 4 === 0, 10, 4000]),
      ];
      const german = harness({ sheetLocale: 'de_DE' });
      const summary = plain(german.run('ICP_SEGMENTS', accounts, 'Industry')) as unknown[][];
      expect(summary[0]).toEqual([
        'Segment',
        'Accounts',
        'Gekündigt',
        'Monatlicher Churn',
        'ARPA',
        'CLV',
        'CAC',
        'CLV:CAC',
        'CAC-Amortisation (Monate)',
        'Health-Check',
      ]);
      expect(summary.at(-1)?.[0]).toBe('Alle');
      expect(summary[1].slice(0, 4)).toEqual(['Retail', 6, 3, 0.05]);
      expect(summary[1][9]).toBe('✓ CLV:CAC 5,0 ≥ 3 · ✓ Amortisation 4,0 Mon. ≤ 12 · ✗ Churn 5,0 %/Mon. ≥ 5 % · ⚠ kleines Segment (6 < 30)');
      expect(summary[2][9]).toBe(
        '✓ CLV:CAC 15,0 ≥ 3 · ✓ Amortisation 4,0 Mon. ≤ 12 · ✓ Churn 0,0 %/Mon. < 5 % · ⚠ kein Churn beobachtet: CLV über 60 Monate · ⚠ kleines Segment (6 < 30)',
      );
      const danish = harness({ sheetLocale: 'da_DK' });
      const deals = [['Industry', 'Won'], ...Array.from({ length: 40 }, (_, i) => [i % 2 ? 'SaaS' : 'Retail', i % 2 && i % 5 ? 'Vundet' : 'Tabt'])];
      const validation = plain(danish.run('ICP_VALIDATE', deals, DANISH.slice(0, 2), 'Won')) as unknown[][];
      expect(validation[0]).toEqual(['Niveau', 'Virksomheder', 'Andel af virksomheder', 'Vundet', 'Hitrate', 'Andel af vundne', 'Lift']);
      expect(validation.find((row) => row[0] === 'Basisrate')?.[2]).toBe('16 vundne af 40 aftaler');
      const suggestion = plain(danish.run('ICP_SUGGEST', deals, 'Won', 'min_support=5')) as unknown[][];
      expect(suggestion[0]).toEqual(['Profil', 'Egenskab', 'Operator', 'Værdi', 'Point', 'Påkrævet', 'Virksomheder', 'Hitrate', 'Lift']);
      expect(suggestion[1].slice(1, 4)).toEqual(['Industry', 'er', 'SaaS']);
    });

    it('follows lang= in the options instead, and refuses a language it does not speak', () => {
      const english = harness({ sheetLocale: 'en_US' });
      expect(column(english.run('ICP_SCORE', TABLE, ENGLISH, '', 'lang=da'))[0]).toBe('ICP-score');
      expect(
        column(
          english.run('ICP_TIER', TABLE, ENGLISH, '', '', [
            ['missing', 'zero'],
            ['lang', 'DE'],
          ]),
        )[0],
      ).toBe('ICP-Stufe');
      const german = harness({ sheetLocale: 'de_DE' });
      expect(column(german.run('ICP_EXPLAIN', TABLE, ENGLISH, '', 'missing=neutral; lang=en'))[0]).toBe('Why');
      expect(() => german.run('ICP_SCORE', TABLE, ENGLISH, '', 'lang=fr')).toThrow('ICP_SCORE-Optionen: lang muss "en", "de" oder "da" sein, nicht "fr".');
      expect(() => german.run('ICP_SEGMENTS', TABLE, 'Industry', 'lang=da; colour=red')).toThrow(
        'ICP_SEGMENTS-indstillinger: "colour" er ikke en indstilling.',
      );
    });
  });

  describe('a translation never breaks a formula', () => {
    it('writes English when a language’s file is missing or cannot be read', () => {
      const files = projectFiles();
      delete files['i18n-de'];
      const german = harness({ sheetLocale: 'de_DE', files });
      expect(column(german.run('ICP_SCORE', TABLE, GERMAN))).toEqual(['ICP score', 100, 20, 0]);
      const danish = harness({ sheetLocale: 'da_DK', files: { ...projectFiles(), 'i18n-da': '<p>not JSON' } });
      expect(column(danish.run('ICP_TIER', TABLE, DANISH))).toEqual(['ICP tier', 'A', 'D', 'DQ']);
      expect(() => danish.run('ICP_SCORE', TABLE, [ENGLISH[0], ['', 'Industy', 'is', 'SaaS', 10, '']])).toThrow(
        /^Criteria row 2, Attribute: "Industy" is not a column/,
      );
    });

    it('writes English where there is no HtmlService or spreadsheet at all', () => {
      const sheets = bundle();
      expect(column(sheets.call('ICP_SCORE', TABLE, GERMAN))).toEqual(['ICP score', 100, 20, 0]);
    });

    it('reads each file once per execution', () => {
      const h = harness({ sheetLocale: 'de_DE' });
      const read: string[] = [];
      const html = h.globals.HtmlService as { createHtmlOutputFromFile: (name: string) => unknown };
      const original = html.createHtmlOutputFromFile;
      html.createHtmlOutputFromFile = (name) => {
        read.push(name);
        return original(name);
      };
      for (let i = 0; i < 3; i++) h.run('ICP_SCORE', TABLE, ENGLISH);
      expect(read).toEqual(['i18n-de']);
    });
  });

  describe('menus, tabs and the criteria tab speak the user’s language', () => {
    it('builds the menu in English, German and Danish in AuthMode.NONE', () => {
      const captions = (locale: string) => {
        const h = harness({ locale });
        h.authMode = 'NONE';
        h.run('onOpen', { authMode: 'NONE' });
        expect(h.spreadsheet.calls.snapshot()).toEqual({});
        return h.ui.menus[0].items.map((i) => i.caption);
      };
      expect(captions('en_GB')).toEqual([
        'Edit ICP criteria…',
        'Create ICP template',
        'Score this sheet',
        'Build segment summary…',
        'Validate ICP…',
        '—',
        'Help',
      ]);
      expect(captions('de_AT')).toEqual([
        'ICP-Kriterien bearbeiten…',
        'ICP-Vorlage anlegen',
        'Dieses Blatt bewerten',
        'Segmentübersicht erstellen…',
        'ICP prüfen…',
        '—',
        'Hilfe',
      ]);
      expect(captions('da_DK')).toEqual([
        'Rediger ICP-kriterier…',
        'Opret ICP-skabelon',
        'Scor dette ark',
        'Opret segmentoversigt…',
        'Valider ICP…',
        '—',
        'Hjælp',
      ]);
    });

    it('creates the criteria tab with German headers and operator dropdown; the named ranges keep their names', () => {
      const h = harness({ locale: 'de_DE' });
      withAccounts(h);
      expect(h.run('getSidebarState').operators).toEqual([
        'ist',
        'ist nicht',
        'umfasst',
        'enthält',
        'zwischen',
        '>=',
        '<=',
        '>',
        '<',
        'ist leer',
        'ist nicht leer',
      ]);
      expect(
        save(
          h,
          draft([
            ['SaaS', 'Industry', 'ist', 'SaaS, Fintech', '30', false],
            ['SaaS', 'Employees', 'zwischen', '50-1000', '25', true],
          ]),
        ).ok,
      ).toBe(true);
      const criteria = tab(h, 'ICP-Kriterien');
      expect(criteria.getRange('A1:I1').getValues()[0]).toEqual([
        'Profil',
        'Merkmal',
        'Operator',
        'Wert',
        'Punkte',
        'Pflicht',
        '',
        'Stufe',
        'Mindestpunktzahl',
      ]);
      const dropdown = criteria.validations.find((v) => v.range.getColumn() === 3)!;
      expect(dropdown.rule.getCriteriaValues()[0]).toEqual([
        'ist',
        'ist nicht',
        'umfasst',
        'enthält',
        'zwischen',
        '>=',
        '<=',
        '>',
        '<',
        'ist leer',
        'ist nicht leer',
      ]);
      expect(h.spreadsheet.getRangeByName('ICP_CRITERIA')?.getSheet()).toBe(criteria);
      expect(h.spreadsheet.getRangeByName('ICP_TIERS')?.getSheet()).toBe(criteria);
      // An English spreadsheet scores with the German tab as it is.
      h.spreadsheet.locale = 'en_US';
      const scores = column(h.run('ICP_SCORE', h.spreadsheet.sheets[0].getDataRange().getValues(), h.spreadsheet.getRangeByName('ICP_CRITERIA')!.getValues()));
      expect(scores[0]).toBe('ICP score');
      expect(scores.slice(1).every((s) => typeof s === 'number')).toBe(true);
    });

    it('creates the Danish criteria tab, and an English user later works in the same tab', () => {
      const h = harness({ locale: 'da_DK' });
      const accounts = withAccounts(h);
      expect(
        save(
          h,
          draft(
            [['', 'Industry', 'er', 'SaaS', '30', false]],
            [
              ['A', '50'],
              ['B', '0'],
            ],
          ),
        ).ok,
      ).toBe(true);
      const criteria = tab(h, 'ICP-kriterier');
      expect(criteria.getRange('A1:I1').getValues()[0]).toEqual(['Profil', 'Egenskab', 'Operator', 'Værdi', 'Point', 'Påkrævet', '', 'Niveau', 'Minimumscore']);
      h.locale = 'en_US';
      h.spreadsheet.setActiveSheet(accounts as never);
      h.run('scoreThisSheet');
      expect(h.spreadsheet.toasts.at(-1)).toBe('Scored ICP Accounts; the scores follow rows and criteria.');
      expect(h.spreadsheet.sheets.map((s) => s.name)).toEqual(['ICP Accounts', 'ICP-kriterier']);
      expect(h.run('getSidebarState')).toMatchObject({
        language: 'en',
        saved: true,
        tab: 'ICP-kriterier',
        operators: ['is', 'is not', 'includes', 'contains', 'between', '>=', '<=', '>', '<', 'is blank', 'is not blank'],
      });
      // A save keeps the tab's Danish operator dropdown and refreshes only the attributes.
      expect(
        save(
          h,
          draft([
            ['', 'Industry', 'is', 'SaaS', '30', false],
            ['', 'Region', 'er', 'DACH', '10', false],
          ]),
        ).ok,
      ).toBe(true);
      const dropdown = (c: number) => criteria.validations.find((v) => v.range.getColumn() === c)!.rule.getCriteriaValues()[0];
      expect(dropdown(3)).toEqual(['er', 'er ikke', 'omfatter', 'indeholder', 'mellem', '>=', '<=', '>', '<', 'er tom', 'er ikke tom']);
      expect(dropdown(2)).toContain('Region');
    });

    it('finds its tabs by their marker after a user renames them, and never renames a user’s tab', () => {
      const h = harness({ locale: 'de_DE' });
      const accounts = withAccounts(h);
      expect(save(h, draft([['', 'Industry', 'ist', 'SaaS', '30', false]])).ok).toBe(true);
      tab(h, 'ICP-Kriterien').name = 'Meine Kriterien';
      const mine = h.spreadsheet.addSheet('ICP Criteria');
      h.spreadsheet.setActiveSheet(accounts as never);
      h.run('scoreThisSheet');
      expect(h.spreadsheet.toasts.at(-1)).toBe('ICP Accounts bewertet; die Scores folgen den Zeilen und Kriterien.');
      expect(mine.getLastRow()).toBe(0);
      expect(h.spreadsheet.sheets.map((s) => s.name)).toEqual(['ICP Accounts', 'Meine Kriterien', 'ICP Criteria']);
      // The add-on's tabs are never scored as account tables, whatever they are called now.
      h.spreadsheet.setActiveSheet(tab(h, 'Meine Kriterien') as never);
      h.run('scoreThisSheet');
      expect(h.ui.alerts.at(-1)).toBe('Dieses Blatt hat keine Tabelle: Spaltenüberschriften in die erste Zeile, darunter ein Account pro Zeile.');
    });

    it('creates the template in Danish, its criteria fit it, and segments it', () => {
      const h = harness({ locale: 'da_DK' });
      h.run('createTemplate');
      const accounts = tab(h, 'ICP-virksomheder');
      expect(accounts.getRange('A1:T1').getValues()[0].slice(0, 8)).toEqual([
        'Virksomhed',
        'Branche',
        'Driftsmodel',
        'Forretningsmodel',
        'Case-link',
        'Medarbejdere',
        'Omsætning',
        'Region',
      ]);
      const outcome = accounts.validations.find((v) => v.range.getColumn() === 19)!;
      expect(outcome.rule.getCriteriaValues()[0]).toEqual(['Vundet', 'Tabt']);
      expect(tab(h, 'ICP-kriterier').getRange('A2:F3').getValues()).toEqual([
        ['SaaS mellemstore', 'Branche', 'er', 'SaaS, Fintech', 30, false],
        ['SaaS mellemstore', 'Medarbejdere', 'mellem', '50-1000', 25, false],
      ]);
      expect(tab(h, 'Personaer').getRange('A1:F1').getValues()[0]).toEqual(['ICP-profil', 'Rolle', 'Mål', 'Udfordringer', 'Indvendinger', 'Budskab']);
      h.spreadsheet.setActiveSheet(accounts as never);
      h.run('scoreThisSheet');
      expect(accounts.getRange('U1:W1').getValues()[0]).toEqual(['ICP-score', 'ICP-niveau', 'Begrundelse']);
      expect(accounts.getRange('W2').getValue()).toBe(
        '100 = +30 Branche er SaaS, Fintech · +25 Medarbejdere mellem 50 og 1000 · +20 Region er DACH, Norden · +15 Tech stack omfatter HubSpot, Salesforce · +10 Case-link er ikke tom · 0 Driftsmodel er Hardware (Abonnement)',
      );
      h.ui.promptAnswers.push({ text: 'Udfald', button: 'OK' });
      h.run('buildSegmentSummary');
      expect(h.ui.prompts.at(-1)).toMatch(/^Segmentoversigt\nHvilken kolonne skal der segmenteres efter\? .*Kolonner: Virksomhed, Branche,/);
      const summary = tab(h, 'ICP-segmenter');
      expect(summary.getRange('A1:B1').getValues()[0]).toEqual(['Segment', 'Kunder']);
      expect(h.spreadsheet.toasts.at(-1)).toBe('Oprettede ICP-segmenter: 2 segmenter efter Udfald, med et diagram over CLV:CAC og månedlig churn.');
    });

    it('speaks the user’s language in alerts while the formulas speak the spreadsheet’s', () => {
      const h = harness({ locale: 'da_DK', sheetLocale: 'en_US' });
      const accounts = withAccounts(h);
      expect(save(h, draft([['', 'Industry', 'er', 'SaaS', '30', false]])).ok).toBe(true);
      h.spreadsheet.setActiveSheet(accounts as never);
      h.run('scoreThisSheet');
      expect(h.spreadsheet.toasts.at(-1)).toBe('ICP Accounts er scoret; scorerne følger rækker og kriterier.');
      expect(accounts.getRange('O1:Q1').getValues()[0]).toEqual(['ICP score', 'ICP tier', 'Why']);
      h.ui.promptAnswers.push({ text: 'ICP tier', button: 'OK' });
      h.run('buildSegmentSummary');
      expect(h.spreadsheet.toasts.at(-1)).toMatch(/^Oprettede ICP-segmenter: \d+ segmenter efter ICP tier/);
    });
  });
});
