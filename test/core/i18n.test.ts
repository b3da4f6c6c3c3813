// The catalogs and the words every language's criteria are read with: each translation has English's keys
// and placeholders, and German and Danish criteria tables read as the English ones do.

import { afterEach, describe, expect, it } from 'vitest';
import { placeholders } from '../../build.mjs';
import { SERVER_DA } from '../../src/addon/i18n/da';
import { SERVER_DE } from '../../src/addon/i18n/de';
import { SERVER_EN } from '../../src/addon/i18n/en';
import { TEMPLATE_COLUMN, type Template } from '../../src/addon/i18n/template';
import { menuCaptions, TAB_NAMES } from '../../src/addon/messages';
import { OUTPUT_LABELS } from '../../src/addon/sheets';
import { criteriaHeader, describeRule, OPERATORS, operatorNames, parseCriteria, parseOperator } from '../../src/core/criteria';
import { type Catalog, compile, EN, fmt, type Lang, language, languageOf, T, useLanguage } from '../../src/core/i18n';
import { DA } from '../../src/core/i18n/da';
import { DE } from '../../src/core/i18n/de';
import * as icp from '../../src/core/icp';
import { parseTiers } from '../../src/core/tiers';

const CORE: Record<Exclude<Lang, 'en'>, Catalog> = { de: DE, da: DA };
const SERVER = { de: SERVER_DE, da: SERVER_DA };
const sorted = (text: string) => placeholders(text).sort();

afterEach(() => useLanguage('en'));

describe('catalogs', () => {
  for (const [lang, catalog] of Object.entries(CORE)) {
    it(`${lang}: the custom functions' texts have English's keys and placeholders`, () => {
      expect(Object.keys(catalog).sort()).toEqual(Object.keys(EN).sort());
      for (const [key, english] of Object.entries(EN)) expect([key, sorted(catalog[key as keyof Catalog])]).toEqual([key, sorted(english)]);
    });
  }

  for (const [lang, catalog] of Object.entries(SERVER)) {
    it(`${lang}: the server's texts have English's keys and placeholders, and a template of the same shape`, () => {
      expect(Object.keys(catalog).sort()).toEqual(Object.keys(SERVER_EN).sort());
      for (const [key, english] of Object.entries(SERVER_EN)) {
        if (typeof english === 'string') expect([key, sorted(catalog[key as keyof typeof catalog] as string)]).toEqual([key, sorted(english)]);
      }
      const [mine, theirs] = [catalog.template_, SERVER_EN.template_] as Template[];
      expect(mine.columns).toHaveLength(theirs.columns.length);
      expect(mine.rows.map((row) => row.length)).toEqual(theirs.rows.map((row) => row.length));
      expect(mine.personas).toHaveLength(theirs.personas.length);
      // The same rules on the same columns; only the values a language writes differently may differ.
      expect(mine.rules.map(([column, operator, , points]) => [column, operator, points])).toEqual(
        theirs.rules.map(([column, operator, , points]) => [column, operator, points]),
      );
      // Numbers, flags and the start date sit where the validations expect them in every language.
      for (const row of mine.rows) {
        for (const c of [TEMPLATE_COLUMN.employees, TEMPLATE_COLUMN.cac, TEMPLATE_COLUMN.dealValue]) expect(typeof row[c]).toBe('number');
        expect(mine.outcomes).toContain(row[TEMPLATE_COLUMN.outcome]);
      }
    });
  }

  it('keeps in Code.js, for every language, the output labels as the catalogs write them, and the menu and tab names', () => {
    const catalogs = [EN, DE, DA];
    expect(OUTPUT_LABELS).toEqual([catalogs.map((c) => c.scoreLabel_), catalogs.map((c) => c.tierLabel_), catalogs.map((c) => c.whyLabel_)]);
    for (const lang of ['en', 'de', 'da'] as const) expect(menuCaptions(lang)).toHaveLength(6);
    expect(new Set(Object.values(TAB_NAMES).flat()).size).toBe(14); // Personas is Personas in German too
  });

  it("every language's template scores its three example accounts A, B and D with its starter profile", () => {
    for (const [lang, catalog] of [
      ['en', SERVER_EN],
      ['de', SERVER_DE],
      ['da', SERVER_DA],
    ] as const) {
      const template = catalog.template_ as Template;
      const criteria = [
        ['Profile', 'Attribute', 'Operator', 'Value', 'Points', 'Required'],
        ...template.rules.map(([c, operator, value, points]) => [template.profile, template.columns[c], operator, value, points, '']),
      ];
      const rows = template.rows.map((row) => row.map((cell) => (cell === false ? '' : cell)));
      const scored = icp.scoreSheet([[...template.columns], ...rows], criteria, '', '', 'TEST');
      expect([lang, icp.tiers(scored, '')]).toEqual([lang, ['A', 'B', 'D']]);
    }
  });
});

describe('placeholders', () => {
  it('fills names in the order they first appear, positions as numbered, numbers with the decimal mark', () => {
    expect(fmt('{a} and {b}, {a}', 'x', 'y')).toBe('x and y, x');
    expect(fmt('{1} vor {0}', 'a', 'b')).toBe('b vor a');
    expect(fmt('{n} %', 2.5)).toBe('2.5 %');
    useLanguage('de', DE);
    expect(fmt('{n} %', 2.5)).toBe('2,5 %');
    expect(compile('{0}: {1} ({0})')('a', 3.5)).toBe('a: 3,5 (a)');
  });

  it('is typed: one value per placeholder name, and a catalog has every key', () => {
    // @ts-expect-error two names, one value
    expect(fmt('{a} {b}', 'x')).toBe('x ');
    // @ts-expect-error a catalog lacking keys does not typecheck
    const partial: Catalog = { decimal_: ',' };
    expect(partial.decimal_).toBe(',');
  });

  it('keeps English for keys a catalog lacks, and everything without a catalog', () => {
    useLanguage('de', { andm: 'x' } as unknown as Partial<Catalog>);
    expect(T.whyLabel_).toBe('Why');
    expect(language()).toBe('de');
    useLanguage('da', null);
    expect([language(), T.whyLabel_]).toEqual(['en', 'Why']);
  });

  it('reads the language of a locale', () => {
    expect(['de_DE', 'de-AT', 'da_DK', 'da', 'en_GB', 'fr_FR', '', undefined].map(languageOf)).toEqual(['de', 'de', 'da', 'da', 'en', 'en', 'en', 'en']);
  });
});

describe("every language's criteria read alike", () => {
  it('has the canonical operators, in order, in every language, and each reads back', () => {
    for (const catalog of [EN, DE, DA]) {
      useLanguage('de', catalog);
      const names = operatorNames();
      expect(names).toHaveLength(OPERATORS.length);
      names.forEach((name, i) => expect([name, parseOperator(name)]).toEqual([name, OPERATORS[i]]));
    }
  });

  it('reads Danish operators and their synonyms', () => {
    const danish: [string, string][] = [
      ['er', 'is'],
      ['er ikke', 'is not'],
      ['omfatter', 'includes'],
      ['indeholder en af', 'includes'],
      ['indeholder', 'contains'],
      ['mellem', 'between'],
      ['mindst', '>='],
      ['højst', '<='],
      ['Højst', '<='],
      ['mere end', '>'],
      ['mindre end', '<'],
      ['er tom', 'is blank'],
      ['er ikke tom', 'is not blank'],
      ['ikke tom', 'is not blank'],
      ['lig med', 'is'],
    ];
    for (const [text, operator] of danish) expect([text, parseOperator(text)]).toEqual([text, operator]);
  });

  it('reads a German and a Danish criteria table, written as each language writes the tab', () => {
    for (const catalog of [DE, DA]) {
      useLanguage('de', catalog);
      const [is, , , , between] = operatorNames();
      const parsed = parseCriteria([criteriaHeader(), ['SaaS', 'Industry', is, 'SaaS', 30, 'ja'], ['SaaS', 'Employees', between, '50 - 500', '10', '']]);
      useLanguage('en');
      expect(parsed.profiles[0].rules.map((r) => [r.operator, r.required, r.points])).toEqual([
        ['is', true, 30],
        ['between', false, 10],
      ]);
    }
    const danishHeader = ['Profil', 'Egenskab', 'Operator', 'Værdi', 'Point', 'Påkrævet'];
    expect(parseCriteria([danishHeader, ['', 'Region', 'er', 'Norden', 20, 'nej']]).profiles[0].rules[0]).toMatchObject({
      operator: 'is',
      points: 20,
      required: false,
    });
    expect(
      parseTiers([
        ['Niveau', 'Minimumscore'],
        ['A', 80],
        ['B', 50],
      ]),
    ).toEqual([
      { label: 'A', min: 80 },
      { label: 'B', min: 50 },
    ]);
  });

  it('explains in the active language, bounds with its decimal mark', () => {
    const criteria = [
      ['Profile', 'Attribute', 'Operator', 'Value', 'Points', 'Required'],
      ['', 'Industry', 'is', 'SaaS', 50, ''],
      ['', 'Revenue', 'between', '1,5-2,5 Mio', 30, ''],
      ['', 'Region', 'is', 'DACH', 20, 'TRUE'],
    ];
    const table = [
      ['Industry', 'Revenue', 'Region'],
      ['SaaS', '', 'DACH'],
      ['Retail', '2 Mio', ''],
    ];
    useLanguage('de', DE);
    expect(icp.explanations(icp.scoreSheet(table, criteria, '', '', 'TEST'))).toEqual([
      '70 = +50 Industry ist SaaS · 0 Revenue zwischen 1500000 und 2500000 (keine Daten) · +20 Region ist DACH',
      'DQ = 0 Industry ist SaaS (Retail) · 0 Revenue zwischen 1500000 und 2500000 · ✗ Pflicht: Region ist DACH (keine Daten)',
    ]);
    useLanguage('da', DA);
    const rule = parseCriteria([criteriaHeader(), ['', 'Margin', 'mellem', '0,5-1,25', 1, '']]).profiles[0].rules[0];
    expect(describeRule(rule)).toBe('Margin mellem 0,5 og 1,25');
  });
});
