// Issue 10's journeys against the in-memory Sheets: what a new user does first (template, score, segment
// summary, their own table) must either work or say what is wrong, never report success over #ERROR!.
// The harness computes the add-on's formulas on SpreadsheetApp.flush() as Sheets does, spills included.

import { describe, expect, it } from 'vitest';
import type { FakeSheet } from '../../emulator/apps-script';
import { example } from '../helpers';
import { draft, type Harness, harness, save, withAccounts } from './harness';

type Rule = Parameters<typeof draft>[0][number];

/** examples/criteria.csv as the sidebar would send it. */
function exampleCriteria(): Rule[] {
  return example('criteria.csv')
    .slice(1)
    .map(([profile, attribute, operator, value, points, required]) => [
      String(profile),
      String(attribute),
      String(operator),
      String(value),
      String(points),
      required === true || /^(true|x|yes|1)$/i.test(String(required)),
    ]);
}

function sheetNamed(h: Harness, name: string): FakeSheet {
  const sheet = h.spreadsheet.getSheetByName(name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet;
}

function scored(h: Harness, sheet: FakeSheet) {
  h.spreadsheet.setActiveSheet(sheet as never);
  h.run('scoreThisSheet');
}

function segmented(h: Harness, sheet: FakeSheet, by: string) {
  h.spreadsheet.setActiveSheet(sheet as never);
  h.ui.promptAnswers.push({ text: by, button: 'OK' });
  h.run('buildSegmentSummary');
}

/** What a column shows from row 2 down to the last account (stored or spilled), as getValues reads it. */
function shown(sheet: FakeSheet, column: string, rows: number) {
  return sheet
    .getRange(`${column}2:${column}${rows + 1}`)
    .getValues()
    .map(([v]) => v);
}

const ERROR = /^#(ERROR!|REF!|N\/A|VALUE!|NAME\?|DIV\/0!|NUM!|NULL!)$/;

describe('journeys', () => {
  describe('10.1 a segment summary by ICP tier on a scored sheet', () => {
    it('reads the tier column, shows one row per tier and says what it built', () => {
      const h = harness();
      const accounts = withAccounts(h);
      expect(save(h, draft(exampleCriteria())).ok).toBe(true);
      scored(h, accounts);
      const tiers = shown(accounts, 'P', 40);
      expect(new Set(tiers)).toEqual(new Set(['A', 'B', 'C', 'D', 'DQ'].filter((t) => tiers.includes(t))));
      segmented(h, accounts, 'ICP tier');
      const summary = sheetNamed(h, 'ICP Segments');
      const formula = summary.getRange('A1').getFormulas()[0][0];
      expect(formula).toBe(`=ICP_SEGMENTS('ICP Accounts'!A1:Q, "ICP tier")`);
      const result = h.evaluate(summary, formula) as (string | number)[][];
      const segments = result.slice(1).map(([s]) => s);
      expect(segments.at(-1)).toBe('All');
      expect(new Set(segments.slice(0, -1))).toEqual(new Set(tiers));
      expect(result.slice(1, -1).reduce((n, row) => n + Number(row[1]), 0)).toBe(40);
      expect(summary.getRange('A1').getValue()).toBe('Segment');
      expect(h.ui.alerts).toEqual([]);
      expect(h.spreadsheet.toasts.at(-1)).toBe(`Built ICP Segments: ${segments.length - 1} segments by ICP tier, with a chart of CLV:CAC and monthly churn.`);
      // The formats and the chart cover every segment row and the All row.
      const [chart] = summary.charts;
      expect(chart.ranges.map((r) => r.getA1Notation())).toEqual([`A1:A${segments.length + 1}`, `H1:H${segments.length + 1}`, `D1:D${segments.length + 1}`]);
    });

    it('builds nothing and says why when the score columns it reads show an error', () => {
      const h = harness();
      const accounts = withAccounts(h);
      save(h, draft(exampleCriteria()));
      scored(h, accounts);
      sheetNamed(h, 'ICP Criteria').getRange('B2').setValue('Sector'); // a hand edit breaks the criteria
      segmented(h, accounts, 'ICP tier');
      expect(h.spreadsheet.getSheetByName('ICP Segments')).toBeNull();
      expect(h.ui.alerts.at(-1)).toMatch(
        /^No segment summary was built: it reads the score columns of ICP Accounts, and they show an error\. Criteria row 2, Attribute: "Sector" is not a column of the table\./,
      );
      expect(h.spreadsheet.toasts.filter((t) => /^Built/.test(t))).toEqual([]);
    });

    it('checks what the formula shows after writing it, and says so instead of success', () => {
      const h = harness();
      const accounts = withAccounts(h);
      const calculate = h.spreadsheet.calculate!;
      h.spreadsheet.calculate = () => {
        calculate();
        const summary = h.spreadsheet.getSheetByName('ICP Segments');
        if (summary) summary.rows[0][0].value = '#ERROR!'; // something the core did not foresee
      };
      segmented(h, accounts, 'Industry');
      expect(h.ui.alerts.at(-1)).toBe('ICP Segments was built, but its formula in A1 shows #ERROR! instead of the summary. Select A1 to read why.');
      expect(h.spreadsheet.toasts).toEqual([]);
      expect(h.spreadsheet.calls.get('SpreadsheetApp.flush')).toBe(1);
    });

    it('reads a column the user keeps right of the score columns too', () => {
      const h = harness();
      const accounts = withAccounts(h);
      save(h, draft(exampleCriteria()));
      scored(h, accounts);
      const values = accounts.values();
      accounts.getRange(1, 18, 41, 1).setValues(values.map((_, r) => [r === 0 ? 'Owner' : r % 2 ? 'Ann' : 'Bob']));
      segmented(h, accounts, 'Owner');
      const summary = sheetNamed(h, 'ICP Segments');
      expect(summary.getRange('A1').getFormulas()[0][0]).toBe(`=ICP_SEGMENTS('ICP Accounts'!A1:R, "Owner")`);
      expect((h.evaluate(summary, summary.getRange('A1').getFormulas()[0][0]) as string[][]).map(([s]) => s)).toEqual(['Segment', 'Ann', 'Bob', 'All']);
    });
  });

  describe('10.2 the template fits the example criteria', () => {
    it('has the seed attributes, example rows and a starter profile over its own columns', () => {
      const h = harness();
      expect(h.run('createTemplate')).toBe('ICP Accounts');
      const accounts = sheetNamed(h, 'ICP Accounts');
      const headers = accounts.values()[0].map(String);
      for (const seed of [
        'Company',
        'Industry',
        'Employees',
        'Revenue',
        'Region',
        'Business model',
        'Tech stack',
        'Case study link',
        'MRR',
        'Churned',
        'Customer since',
        'CAC',
        'Outcome',
        'Deal value',
      ]) {
        expect(headers).toContain(seed);
      }
      const attributes = new Set(exampleCriteria().map(([, attribute]) => attribute));
      for (const attribute of attributes) expect(headers).toContain(attribute);
      const criteria = sheetNamed(h, 'ICP Criteria').values();
      const rules = criteria.slice(1).filter((row) => row[1] !== '');
      expect(rules.length).toBeGreaterThanOrEqual(4);
      for (const rule of rules) expect(headers).toContain(rule[1]);
      expect(accounts.values().length).toBe(4); // the header and three example accounts
      expect(
        accounts
          .values()
          .slice(1)
          .map(([name]) => name),
      ).toEqual([expect.stringMatching(/^Example: /), expect.stringMatching(/^Example: /), expect.stringMatching(/^Example: /)]);
      const outcome = accounts.validations.find((v) => v.range.column === headers.indexOf('Outcome') + 1)!.rule;
      expect(outcome.getCriteriaValues()[0]).toEqual(['Won', 'Lost']);
      expect(h.spreadsheet.toasts.at(-1)).toBe(
        'Created ICP Accounts with three example accounts to replace with yours, a Personas sheet, and a starter profile in the ICP Criteria tab. Run Score this sheet to see their scores.',
      );
    });

    it('gives scores with one click: Score this sheet right after Create ICP template', () => {
      const h = harness();
      h.run('createTemplate');
      const accounts = sheetNamed(h, 'ICP Accounts');
      scored(h, accounts);
      const header = accounts.getRange('U1:W1');
      expect(header.getFormulas()[0]).toEqual([
        '=ICP_SCORE(A1:T, ICP_CRITERIA)',
        '=ICP_TIER(A1:T, ICP_CRITERIA, "", ICP_TIERS)',
        '=ICP_EXPLAIN(A1:T, ICP_CRITERIA)',
      ]);
      expect(header.getValues()[0]).toEqual(['ICP score', 'ICP tier', 'Why']);
      expect(shown(accounts, 'V', 3)).toEqual(['A', 'B', 'D']);
      expect(shown(accounts, 'W', 3).every((why) => typeof why === 'string' && !ERROR.test(why))).toBe(true);
      expect(h.ui.alerts).toEqual([]);
      expect(h.spreadsheet.toasts.at(-1)).toBe('Scored ICP Accounts; the scores follow rows and criteria.');
    });

    it('keeps an existing criteria tab as it is, and the example criteria score the template', () => {
      const h = harness();
      withAccounts(h);
      expect(save(h, draft(exampleCriteria())).ok).toBe(true);
      const before = sheetNamed(h, 'ICP Criteria').values();
      expect(h.run('createTemplate')).toBe('ICP Accounts 2');
      expect(sheetNamed(h, 'ICP Criteria').values()).toEqual(before);
      const template = sheetNamed(h, 'ICP Accounts 2');
      scored(h, template);
      expect(template.getRange('U1:W1').getValues()[0]).toEqual(['ICP score', 'ICP tier', 'Why']);
      expect(shown(template, 'U', 3).every((s) => typeof s === 'number')).toBe(true);
      expect(h.ui.alerts).toEqual([]);
      expect(h.spreadsheet.toasts.at(-1)).toBe('Scored ICP Accounts 2; the scores follow rows and criteria.');
      expect(h.spreadsheet.toasts.at(-2)).toBe(
        'Created ICP Accounts 2 with three example accounts to replace with yours and a Personas sheet; the ICP Criteria tab stays as it was. Run Score this sheet to see their scores.',
      );
    });
  });

  describe('10.4 a user’s own table with criteria that do not fit', () => {
    const OWN = [
      ['Firma', 'Branche', 'Mitarbeitende', 'Region (HQ)', 'Website'],
      ['Alpha GmbH', 'Software', '1.200', 'DACH', 'https://alpha.example'],
      ['Beta AG', 'Handel', 80, 'DACH', ''],
      ['Gamma SE', 'Software', 450, 'Nordics', 'https://gamma.example'],
    ];

    it('writes no formulas and names the rules that do not fit, and what to do', () => {
      const h = harness();
      withAccounts(h);
      save(h, draft(exampleCriteria()));
      const own = h.spreadsheet.addSheet('Export').load(OWN.map((r) => [...r]));
      scored(h, own);
      expect(own.getRange('F1:H1').getFormulas()[0]).toEqual(['', '', '']);
      expect(own.metadata).toEqual([]);
      expect(own.conditionalRules).toEqual([]);
      expect(h.spreadsheet.toasts).toEqual([]);
      const alert = h.ui.alerts.at(-1)!;
      expect(alert).toMatch(/^Nothing was scored: 10 of 10 rules in the ICP Criteria tab do not fit the columns of Export\./);
      expect(alert).toContain('• Industry is SaaS, Fintech (SaaS mid-market): "Industry" is not a column of the table.');
      expect(alert).toContain('• Region is DACH, Nordics (SaaS mid-market): "Region" is not a column of the table. Closest: "Region (HQ)"');
      expect(alert).toMatch(/… and \d+ more\./);
      expect(alert).toMatch(
        /Open Edit ICP criteria… to start a profile from the columns of Export, or change the Attribute of these rules in the ICP Criteria tab\.$/,
      );
    });

    it('names a rule with another problem than a missing column too', () => {
      const h = harness();
      const accounts = withAccounts(h);
      save(h, draft(exampleCriteria().slice(0, 3)));
      sheetNamed(h, 'ICP Criteria').getRange('C3').setValue('equalz'); // a typo typed into the tab
      scored(h, accounts);
      expect(accounts.getRange('O1:Q1').getFormulas()[0]).toEqual(['', '', '']);
      expect(h.ui.alerts.at(-1)).toBe(
        [
          'Nothing was scored: 1 of 3 rules in the ICP Criteria tab cannot be used.',
          '• Employees equalz 50-1000 (SaaS mid-market): "equalz" is not an operator (did you mean "equals"?). Use one of: is, is not, includes, contains, between, >=, <=, >, <, is blank, is not blank.',
          'Open Edit ICP criteria… to start a profile from the columns of ICP Accounts, or correct these rules in the ICP Criteria tab.',
        ].join('\n'),
      );
    });

    it('says there are no criteria yet when there are none, and creates nothing', () => {
      const h = harness();
      const own = withAccounts(
        h,
        OWN.map((r) => [...r]),
      );
      scored(h, own);
      expect(h.spreadsheet.sheets.map((s) => s.name)).toEqual(['ICP Accounts']);
      expect(own.getRange('F1:H1').getFormulas()[0]).toEqual(['', '', '']);
      expect(h.ui.alerts.at(-1)).toBe(
        'Nothing was scored: there are no ICP criteria yet. Open Edit ICP criteria… to start a profile from the columns of ICP Accounts, then run Score this sheet again.',
      );
    });

    it('starts a profile from the table’s columns that saves, and then scores', () => {
      const h = harness();
      const own = withAccounts(
        h,
        OWN.map((r) => [...r]),
      );
      const starter = h.run('starterDraft');
      expect(starter.sheet).toBe('ICP Accounts');
      expect(JSON.parse(JSON.stringify(starter.draft.rules))).toEqual([
        { profile: 'Starter profile', attribute: 'Branche', operator: 'is', value: 'Software', points: '10', required: false },
        { profile: 'Starter profile', attribute: 'Mitarbeitende', operator: 'between', value: '80-1200', points: '10', required: false },
        { profile: 'Starter profile', attribute: 'Region (HQ)', operator: 'is', value: 'DACH', points: '10', required: false },
        { profile: 'Starter profile', attribute: 'Website', operator: 'is not blank', value: '', points: '10', required: false },
      ]);
      expect(starter.skipped).toEqual(['Firma']);
      expect(JSON.parse(JSON.stringify(starter.draft.tiers))).toEqual([
        { label: 'A', min: '80' },
        { label: 'B', min: '60' },
        { label: 'C', min: '40' },
        { label: 'D', min: '0' },
      ]);
      expect(save(h, starter.draft).ok).toBe(true);
      scored(h, own);
      expect(own.getRange('F1:H1').getValues()[0]).toEqual(['ICP score', 'ICP tier', 'Why']);
      expect(shown(own, 'F', 3)).toEqual([100, 50, 75]);
      expect(h.spreadsheet.toasts.at(-1)).toBe('Scored ICP Accounts; the scores follow rows and criteria.');
    });

    it('has no starter profile without an account table', () => {
      const h = harness();
      expect(h.run('starterDraft')).toBeNull();
    });

    it('says what is wrong when the scores cannot spill, instead of success', () => {
      const h = harness();
      const accounts = withAccounts(h);
      save(h, draft(exampleCriteria()));
      scored(h, accounts);
      accounts.getRange('P5').setValue('hot lead'); // typed into the add-on's tier column
      scored(h, accounts);
      expect(h.ui.alerts.at(-1)).toBe(
        'The formula in P1 shows #REF!: a cell below it holds something, so its results cannot spill. Move what is typed under O1:Q1 (icp-sheets’ output columns) elsewhere and run Score this sheet again.',
      );
      expect(h.spreadsheet.toasts).toHaveLength(1); // only the first, successful run
      expect(accounts.getRange('P5').getValue()).toBe('hot lead');
    });
  });

  describe('10.10 the segment chart', () => {
    it('puts CLV:CAC and churn on two titled axes and slants labels that would overlap', () => {
      const h = harness();
      const rows: (string | number | boolean)[][] = [['Company', 'Segment', 'MRR', 'Churned', 'Months', 'CAC']];
      for (let i = 0; i < 200; i++) rows.push([`Co ${i}`, `Segment number ${i % 20}`, 100 + i, i % 9 === 0, 12, 900]);
      const accounts = withAccounts(h, rows);
      segmented(h, accounts, 'Segment');
      const [chart] = sheetNamed(h, 'ICP Segments').charts;
      expect(chart.ranges.map((r) => r.getA1Notation())).toEqual(['A1:A22', 'H1:H22', 'D1:D22']);
      expect(chart.numHeaders).toBe(1);
      expect(chart.options.series).toEqual({ 0: { targetAxisIndex: 0 }, 1: { targetAxisIndex: 1 } });
      expect(chart.options.vAxes).toEqual({ 0: { title: 'CLV:CAC', minValue: 0 }, 1: { title: 'Monthly churn', format: 'percent', minValue: 0 } });
      expect(chart.options.hAxis).toEqual({ title: 'Segment', slantedText: true, slantedTextAngle: 45 });
      expect(chart.options.legend).toEqual({ position: 'top' });
      expect(chart.options.width).toBeGreaterThanOrEqual(21 * 40);
    });

    it('keeps a few short labels level', () => {
      const h = harness();
      const accounts = withAccounts(h);
      segmented(h, accounts, 'Region');
      const [chart] = sheetNamed(h, 'ICP Segments').charts;
      expect(chart.options.hAxis).toEqual({ title: 'Region', slantedText: false });
    });

    it('speaks German to German users', () => {
      const h = harness({ locale: 'de_DE' });
      const accounts = withAccounts(h);
      segmented(h, accounts, 'Region');
      const [chart] = sheetNamed(h, 'ICP-Segmente').charts;
      expect(chart.options.title).toBe('CLV:CAC und monatlicher Churn je Segment');
      expect(chart.options.vAxes).toEqual({ 0: { title: 'CLV:CAC', minValue: 0 }, 1: { title: 'Monatlicher Churn', format: 'percent', minValue: 0 } });
    });

    it('speaks Danish to Danish users', () => {
      const h = harness({ locale: 'da_DK' });
      const accounts = withAccounts(h);
      segmented(h, accounts, 'Region');
      const [chart] = sheetNamed(h, 'ICP-segmenter').charts;
      expect(chart.options.title).toBe('CLV:CAC og månedlig churn pr. segment');
      expect(chart.options.vAxes).toEqual({ 0: { title: 'CLV:CAC', minValue: 0 }, 1: { title: 'Månedlig churn', format: 'percent', minValue: 0 } });
    });
  });

  describe('10.8 every action says what happened in words', () => {
    it('in English', () => {
      const h = harness();
      const accounts = withAccounts(h);
      h.spreadsheet.setActiveSheet(accounts as never);
      h.ui.promptAnswers.push({ text: '', button: 'CANCEL' });
      h.run('buildSegmentSummary');
      expect(h.spreadsheet.toasts.at(-1)).toBe('No segment summary was built.');
      segmented(h, accounts, 'Sector');
      expect(h.ui.alerts.at(-1)).toMatch(/^No segment summary was built: ICP_SEGMENTS, segment_by: "Sector" is not a column of the table\./);
      const big: (string | number)[][] = [['Company', 'Employees']];
      for (let i = 0; i < 250_001; i++) big.push([`Co ${i}`, i % 400]);
      const large = h.spreadsheet.addSheet('Large').load(big);
      save(h, draft([['', 'Employees', '>=', '100', '10', false]]));
      h.ui.alertAnswers.push('NO');
      scored(h, large);
      expect(h.spreadsheet.toasts.at(-1)).toBe('Nothing was scored.');
    }, 60_000);

    it('in German', () => {
      const h = harness({ locale: 'de_DE' });
      h.run('createTemplate');
      expect(h.spreadsheet.toasts.at(-1)).toBe(
        'ICP-Accounts angelegt, mit drei Beispiel-Accounts zum Ersetzen durch Ihre, einem Blatt Personas und einem Startprofil im Tab ICP-Kriterien. Mit „Dieses Blatt bewerten“ sehen Sie ihre Scores.',
      );
      scored(h, sheetNamed(h, 'ICP-Accounts'));
      expect(h.spreadsheet.toasts.at(-1)).toBe('ICP-Accounts bewertet; die Scores folgen den Zeilen und Kriterien.');
      expect(shown(sheetNamed(h, 'ICP-Accounts'), 'V', 3)).toEqual(['A', 'B', 'D']);
      segmented(h, sheetNamed(h, 'ICP-Accounts'), 'ICP-Stufe');
      expect(h.spreadsheet.toasts.at(-1)).toBe('ICP-Segmente erstellt: 3 Segmente nach ICP-Stufe, mit einem Diagramm von CLV:CAC und monatlichem Churn.');
      const own = h.spreadsheet.addSheet('Export').load([
        ['Firma', 'Branche'],
        ['Alpha', 'Software'],
      ]);
      const tab = sheetNamed(h, 'ICP-Kriterien');
      tab.getRange('B2').setValue('Sektor');
      scored(h, own);
      expect(h.ui.alerts.at(-1)).toMatch(/^Nichts bewertet: \d+ von \d+ Regeln im Tab ICP-Kriterien passen nicht zu den Spalten von Export\./);
      h.ui.promptAnswers.push({ text: '', button: 'CANCEL' });
      h.run('buildSegmentSummary');
      expect(h.spreadsheet.toasts.at(-1)).toBe('Keine Segmentübersicht erstellt.');
    });

    it('in Danish', () => {
      const h = harness({ locale: 'da_DK' });
      h.run('createTemplate');
      expect(h.spreadsheet.toasts.at(-1)).toBe(
        'Oprettede ICP-virksomheder med tre eksempelvirksomheder, som du erstatter med dine egne, et Personaer-ark og en startprofil i fanen ICP-kriterier. Kør Scor dette ark for at se deres score.',
      );
      scored(h, sheetNamed(h, 'ICP-virksomheder'));
      expect(h.spreadsheet.toasts.at(-1)).toBe('ICP-virksomheder er scoret; scorerne følger rækker og kriterier.');
      expect(shown(sheetNamed(h, 'ICP-virksomheder'), 'V', 3)).toEqual(['A', 'B', 'D']);
      segmented(h, sheetNamed(h, 'ICP-virksomheder'), 'ICP-niveau');
      expect(h.spreadsheet.toasts.at(-1)).toBe('Oprettede ICP-segmenter: 3 segmenter efter ICP-niveau, med et diagram over CLV:CAC og månedlig churn.');
      h.ui.promptAnswers.push({ text: '', button: 'CANCEL' });
      h.run('buildSegmentSummary');
      expect(h.spreadsheet.toasts.at(-1)).toBe('Der blev ikke oprettet en segmentoversigt.');
    });
  });
});
