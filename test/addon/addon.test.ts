// The add-on's global handlers, from the built bundle, against the in-memory Apps Script services.

import { describe, expect, it } from 'vitest';
import type { FakeSheet } from '../../emulator/apps-script';
import { draft, type Harness, harness, save, withAccounts } from './harness';

const RULES: Parameters<typeof draft>[0] = [
  ['', 'Industry', 'is', 'SaaS, Fintech', '40', false],
  ['', 'Employees', 'between', '50-1000', '30', false],
  ['', 'Region', 'is', 'DACH, Nordics', '30', false],
];

function synthetic(rows: number) {
  const industries = ['SaaS', 'Fintech', 'Retail', 'Health'];
  const values: (string | number | boolean)[][] = [['Company', 'Industry', 'Employees', 'Region', 'MRR', 'Churned', 'Months', 'CAC']];
  for (let i = 0; i < rows; i++)
    values.push([
      `Co ${i}`,
      industries[i % 4],
      20 + ((i * 37) % 3000),
      i % 3 ? 'DACH' : 'US',
      100 + (i % 50) * 10,
      i % 7 === 0,
      1 + (i % 36),
      500 + (i % 20) * 100,
    ]);
  return values;
}

function criteriaSheet(h: Harness): FakeSheet {
  const sheet = h.spreadsheet.getSheetByName('ICP Criteria');
  if (!sheet) throw new Error('no criteria tab');
  return sheet;
}

describe('add-on', () => {
  describe('menu', () => {
    it('builds the menu in AuthMode.NONE without touching the spreadsheet or properties', () => {
      const h = harness();
      h.authMode = 'NONE';
      h.run('onOpen', { authMode: 'NONE' });
      const [menu] = h.ui.menus;
      expect(menu.added).toBe(true);
      expect(menu.items.map((i) => i.caption)).toEqual([
        'Edit ICP criteria…',
        'Create ICP template',
        'Score this sheet',
        'Build segment summary…',
        'Validate ICP…',
        '—',
        'Help',
      ]);
      expect(h.spreadsheet.calls.snapshot()).toEqual({});
    });

    it('names every menu item after a global the bundle defines, and speaks German to German users', () => {
      const h = harness({ locale: 'de_DE' });
      h.run('onInstall', { authMode: 'FULL' });
      const [menu] = h.ui.menus;
      expect(menu.items.map((i) => i.caption)).toEqual([
        'ICP-Kriterien bearbeiten…',
        'ICP-Vorlage anlegen',
        'Dieses Blatt bewerten',
        'Segmentübersicht erstellen…',
        'ICP prüfen…',
        '—',
        'Hilfe',
      ]);
      const functions = menu.items.map((i) => i.functionName).filter((f) => f);
      expect(functions).toEqual(['showCriteriaEditor', 'createTemplate', 'scoreThisSheet', 'buildSegmentSummary', 'validateIcp', 'showHelp']);
      for (const name of functions) expect(h.defines(name)).toBe(true);
      expect(h.defines('noSuchFunction')).toBe(false);
    });

    it('opens the sidebar and the help page from their HTML files', () => {
      const h = harness();
      h.run('showCriteriaEditor');
      expect(h.ui.sidebars[0].getTitle()).toBe('ICP criteria');
      expect(h.ui.sidebars[0].getContent()).toContain('<div id="app">');
      h.run('showHelp');
      expect(h.ui.dialogs[0].html.getContent()).toContain('ICP_SEGMENTS');
      expect(h.ui.dialogs[0].html.getContent()).toMatch(/<script>icpShowHelp\('en'\)<\/script>$/);
    });

    it('opens the help in the user’s language, which the page cannot read for itself', () => {
      const h = harness({ locale: 'da_DK' });
      h.run('showHelp');
      expect(h.ui.dialogs[0].title).toBe('icp-sheets – hjælp');
      expect(h.ui.dialogs[0].html.getContent()).toMatch(/<script>icpShowHelp\('da'\)<\/script>$/);
    });
  });

  describe('template', () => {
    it('creates ICP Accounts, Personas and the criteria tab, with validation and a frozen header', () => {
      const h = harness();
      expect(h.run('createTemplate')).toBe('ICP Accounts');
      const accounts = h.spreadsheet.getSheetByName('ICP Accounts')!;
      expect(accounts.values()[0]).toEqual([
        'Company',
        'Industry',
        'Operating model',
        'Business model',
        'Case study link',
        'Employees',
        'Revenue',
        'Region',
        'Regions active',
        'Tech stack',
        'Problems',
        'Budget',
        'Decision makers',
        'Buying process',
        'MRR',
        'Churned',
        'Customer since',
        'CAC',
        'Outcome',
        'Deal value',
      ]);
      expect(accounts.frozenRows).toBe(1);
      const churned = accounts.validations.find((v) => v.range.column === 16)!;
      expect(churned.rule.getCriteriaType()).toBe('CHECKBOX');
      expect(accounts.validations.find((v) => v.range.column === 17)!.rule.getCriteriaType()).toBe('DATE_IS_VALID_DATE');
      expect(h.spreadsheet.getSheetByName('Personas')!.values()[0]).toEqual(['ICP profile', 'Role', 'Goals', 'Challenges', 'Objections', 'Message']);
      const criteria = criteriaSheet(h);
      expect(criteria.values()[0]).toEqual(['Profile', 'Attribute', 'Operator', 'Value', 'Points', 'Required', '', 'Tier', 'Minimum score']);
      expect(
        criteria
          .values()
          .slice(1, 5)
          .map((r) => [r[7], r[8]]),
      ).toEqual([
        ['A', 80],
        ['B', 60],
        ['C', 40],
        ['D', 0],
      ]);
      expect(h.spreadsheet.getRangeByName('ICP_CRITERIA')!.getA1Notation()).toBe('A1:F1000');
      expect(h.spreadsheet.getRangeByName('ICP_TIERS')!.getA1Notation()).toBe('H1:I1000');
      const operator = criteria.validations.find((v) => v.range.column === 3)!.rule;
      expect(operator.getCriteriaValues()[0]).toEqual(['is', 'is not', 'includes', 'contains', 'between', '>=', '<=', '>', '<', 'is blank', 'is not blank']);
      expect(criteria.validations.find((v) => v.range.column === 2)!.rule.getCriteriaValues()[0]).toContain('Tech stack');
      expect(criteria.validations.find((v) => v.range.column === 6)!.rule.getCriteriaType()).toBe('CHECKBOX');
    });

    it('never overwrites: a second template gets new names and the criteria tab keeps its rules', () => {
      const h = harness();
      h.run('createTemplate');
      criteriaSheet(h)
        .getRange(2, 1, 1, 6)
        .setValues([['', 'Industry', 'is', 'SaaS', 10, false]]);
      expect(h.run('createTemplate')).toBe('ICP Accounts 2');
      expect(h.spreadsheet.getSheetByName('Personas 2')).not.toBeNull();
      expect(criteriaSheet(h).values()[1].slice(0, 6)).toEqual(['', 'Industry', 'is', 'SaaS', 10, false]);
    });
  });

  describe('sidebar API', () => {
    it('reports the account table, its header row and suggestions', () => {
      const h = harness();
      withAccounts(h);
      const state = h.run('getSidebarState');
      expect(state.table.sheet).toBe('ICP Accounts');
      expect(state.table.headerRow).toBe(1);
      expect(state.table.rows).toBe(40);
      expect(state.table.headers).toContain('Tech stack');
      const suggested = (header: string) => state.table.suggestions.find((s: { header: string }) => s.header === header).values;
      expect(suggested('Industry')).toContain('SaaS');
      expect(suggested('Tech stack')).toContain('Slack');
      expect(state.draft.rules).toEqual([]);
      expect(state.language).toBe('en');
    });

    it('offers the table’s columns as attributes, not the add-on’s output columns, and keeps the dropdown current', () => {
      const h = harness();
      const accounts = withAccounts(h);
      save(h, draft(RULES));
      h.spreadsheet.setActiveSheet(accounts as never);
      h.run('scoreThisSheet');
      accounts.rows[0][14].value = 'ICP score'; // as Sheets shows the spilled labels
      accounts.rows[0][15].value = 'ICP tier';
      accounts.rows[0][16].value = 'Why';
      accounts.getRange('R1').setValue('Notes'); // right of the output columns: not read by the formulas
      accounts.getRange('L1').setValue('Acquisition cost'); // a renamed column inside the table
      const state = h.run('getSidebarState');
      expect(state.table.headers).toEqual([
        'Company',
        'Industry',
        'Operating model',
        'Case study link',
        'Employees',
        'Revenue',
        'Region',
        'Tech stack',
        'MRR',
        'Churned',
        'Customer since',
        'Acquisition cost',
        'Won',
        'Deal value',
      ]);
      for (const outside of ['ICP tier', 'Notes']) {
        const rule = save(h, draft([['', outside, 'is', 'A', '10', false]]));
        expect(rule.errors[0]).toMatchObject({ field: 'attribute', message: expect.stringMatching(new RegExp(`^"${outside}" is not a column of the table`)) });
      }
      expect(save(h, draft([...RULES, ['', 'Acquisition cost', '<', '5000', '5', false]])).ok).toBe(true);
      const attributes = criteriaSheet(h)
        .validations.find((v) => v.range.column === 2)!
        .rule.getCriteriaValues()[0];
      expect(attributes).toContain('Acquisition cost');
      expect(attributes).not.toContain('CAC');
      expect(attributes).not.toContain('Why');
    });

    it('reads the active sheet, or the last scored one while the criteria tab is active', () => {
      const h = harness();
      const first = withAccounts(h);
      const second = h.spreadsheet.addSheet('Leads').load([
        ['Company', 'Industry'],
        ['Zeta', 'SaaS'],
      ]);
      h.spreadsheet.setActiveSheet(first as never);
      save(h, draft(RULES));
      h.spreadsheet.setActiveSheet(first as never);
      h.run('scoreThisSheet');
      h.spreadsheet.setActiveSheet(second as never);
      expect(h.run('getSidebarState').table.sheet).toBe('Leads');
      h.spreadsheet.setActiveSheet(criteriaSheet(h) as never);
      expect(h.run('getSidebarState').table.sheet).toBe('ICP Accounts');
    });

    it('checks and saves a draft before there is any account table', () => {
      const h = harness();
      expect(h.run('getSidebarState').table).toBeNull();
      expect(h.run('previewCriteria', draft(RULES))).toEqual({ ok: true, preview: { rows: 0, tierCounts: [], top: [] } });
      expect(h.run('previewCriteria', draft([['', 'Industry', 'is', '', '10', false]])).errors[0]).toMatchObject({ field: 'value' });
      expect(save(h, draft(RULES)).ok).toBe(true);
      expect(criteriaSheet(h).values()[1].slice(0, 6)).toEqual(['', 'Industry', 'is', 'SaaS, Fintech', 40, false]);
    });

    it('finds a header row below a title row', () => {
      const h = harness();
      withAccounts(h, [
        ['Accounts Q3', '', ''],
        ['Company', 'Industry', 'Employees'],
        ['Acme', 'SaaS', 100],
      ]);
      expect(h.run('getSidebarState').table).toMatchObject({ headerRow: 2, headers: ['Company', 'Industry', 'Employees'], rows: 1 });
    });

    it('previews a draft: tier counts over every row and the top accounts with explanations', () => {
      const h = harness();
      withAccounts(h);
      const outcome = h.run('previewCriteria', draft(RULES));
      expect(outcome.ok).toBe(true);
      const counts = outcome.preview.tierCounts;
      expect(counts.map((c: { tier: string }) => c.tier)).toEqual(['A', 'B', 'C', 'D', 'DQ']);
      expect(counts.reduce((n: number, c: { count: number }) => n + c.count, 0)).toBe(40);
      expect(outcome.preview.top).toHaveLength(5);
      const scores = outcome.preview.top.map((a: { score: number }) => a.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
      expect(outcome.preview.top[0].why).toMatch(/^100 = \+40 Industry is SaaS, Fintech/);
      expect(criteriaSheetOrNull(h)).toBeNull();
    });

    it('saves criteria from a sidebar payload in one write per table, and the formulas score with them', () => {
      const h = harness();
      const accounts = withAccounts(h);
      expect(save(h, draft(RULES.slice(0, 1))).ok).toBe(true); // creates the tab
      const before = h.spreadsheet.calls.get('Range.setValues');
      const outcome = save(
        h,
        draft(RULES, [
          ['Hot', '70'],
          ['Warm', '40'],
          ['Cold', '0'],
        ]),
      );
      expect(outcome.ok).toBe(true);
      expect(h.spreadsheet.calls.get('Range.setValues') - before).toBe(2);
      const criteria = criteriaSheet(h).values();
      expect(criteria.slice(1, 4).map((r) => r.slice(0, 6))).toEqual([
        ['', 'Industry', 'is', 'SaaS, Fintech', 40, false],
        ['', 'Employees', 'between', '50-1000', 30, false],
        ['', 'Region', 'is', 'DACH, Nordics', 30, false],
      ]);
      expect(criteria.slice(1, 4).map((r) => [r[7], r[8]])).toEqual([
        ['Hot', 70],
        ['Warm', 40],
        ['Cold', 0],
      ]);
      expect(criteria).toHaveLength(4); // the old fourth tier (D, 0) in row 5 was blanked
      const tiers = h.evaluate(accounts, '=ICP_TIER(A1:L, ICP_CRITERIA, "", ICP_TIERS)') as string[][];
      expect(tiers[0]).toEqual(['ICP tier']);
      expect(new Set(tiers.slice(1, 41).map(([t]) => t))).toEqual(new Set(['Hot', 'Warm', 'Cold']));
      expect(h.run('getSidebarState').draft.rules[0]).toEqual({
        profile: '',
        attribute: 'Industry',
        operator: 'is',
        value: 'SaaS, Fintech',
        points: '40',
        required: false,
        row: 2,
      });
    });

    it('rejects bad payloads with messages next to their fields, writing nothing', () => {
      const h = harness();
      withAccounts(h);
      const bad = save(
        h,
        draft(
          [
            ['', 'Industy', 'is', 'SaaS', '10', false],
            ['', 'Employees', 'somewhat', '50', '10', false],
            ['', 'Employees', '>=', 'many', '10', false],
            ['', 'Region', 'is', 'DACH', 'ten', false],
          ],
          [['A', 'high']],
        ),
      );
      expect(bad.ok).toBe(false);
      expect(bad.errors).toEqual([
        { scope: 'rule', index: 0, field: 'attribute', message: '"Industy" is not a column of the table. Closest: "Industry".' },
        { scope: 'rule', index: 1, field: 'operator', message: expect.stringMatching(/^"somewhat" is not an operator/) },
        { scope: 'rule', index: 2, field: 'value', message: '"many" is not a number, and ">=" compares numbers.' },
        { scope: 'rule', index: 3, field: 'points', message: '"ten" is not a number.' },
        { scope: 'tier', index: 0, field: 'min', message: 'the minimum score "high" is not a number.' },
      ]);
      expect(criteriaSheetOrNull(h)).toBeNull();
      const shape = save(h, { rules: [{ attribute: 'Industry', operator: 'is', value: 'SaaS', points: 10 }], tiers: [] });
      expect(shape.ok).toBe(false);
      expect(shape.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['profile', 'points', 'required']));
      expect(save(h, 'DROP TABLE').errors[0]).toMatchObject({ scope: 'draft', message: expect.stringMatching(/^Invalid payload/) });
      expect(criteriaSheetOrNull(h)).toBeNull();
    });

    it('stores user text as text, never as a formula', () => {
      const h = harness();
      withAccounts(h);
      const outcome = save(
        h,
        draft(
          [
            ['=IMPORTXML("x")', 'Industry', 'is', '=HYPERLINK("http://evil")', '10', false],
            ['@team', 'Region', 'is', '+49 DACH', '-5', false],
          ],
          [['=A1', '50']],
        ),
      );
      expect(outcome.ok).toBe(true);
      const sheet = criteriaSheet(h);
      const formulas = sheet
        .getRange(1, 1, 4, 9)
        .getFormulas()
        .flat()
        .filter((f) => f !== '');
      expect(formulas).toEqual([]);
      expect(sheet.values()[1].slice(0, 5)).toEqual(['=IMPORTXML("x")', 'Industry', 'is', '=HYPERLINK("http://evil")', 10]);
      expect(sheet.values()[2].slice(0, 5)).toEqual(['@team', 'Region', 'is', '+49 DACH', -5]);
      expect(sheet.values()[1][7]).toBe('=A1');
    });
  });

  describe('score this sheet', () => {
    it('adds one formula per output column over open-ended ranges, and a second run changes nothing', () => {
      const h = harness();
      const accounts = withAccounts(h);
      save(h, draft(RULES));
      h.spreadsheet.setActiveSheet(accounts as never);
      h.run('scoreThisSheet');
      const header = accounts.getRange('O1:Q1').getFormulas()[0];
      expect(header).toEqual(['=ICP_SCORE(A1:N, ICP_CRITERIA)', '=ICP_TIER(A1:N, ICP_CRITERIA, "", ICP_TIERS)', '=ICP_EXPLAIN(A1:N, ICP_CRITERIA)']);
      const rules = accounts.conditionalRules.map((r) => `${r.value}:${r.background}:${r.ranges[0].getA1Notation()}`);
      expect(rules).toEqual(['A:#4393c3:P2:P1000', 'B:#92c5de:P2:P1000', 'C:#fddbc7:P2:P1000', 'D:#e0785c:P2:P1000', 'DQ:#9e9e9e:P2:P1000']);
      // As Sheets would show it after recalculation: the spilled labels become the headers.
      accounts.rows[0][14].value = 'ICP score';
      accounts.rows[0][15].value = 'ICP tier';
      accounts.rows[0][16].value = 'Why';
      const cells = () => accounts.rows.flatMap((r, i) => r.map((c, j) => `${i},${j}=${String(c?.value)}|${c?.formula ?? ''}`));
      const snapshot = cells();
      h.run('scoreThisSheet');
      expect(cells().filter((c, i) => c !== snapshot[i])).toEqual([]);
      expect(cells()).toHaveLength(snapshot.length);
      expect(accounts.conditionalRules.map((r) => `${r.value}:${r.background}:${r.ranges[0].getA1Notation()}`)).toEqual(rules);
      const scores = h.evaluate(accounts, header[0]) as (string | number)[][];
      expect(scores).toHaveLength(1000);
      expect(scores.slice(1, 41).every(([s]) => typeof s === 'number')).toBe(true);
      expect(scores.slice(41).every(([s]) => s === '')).toBe(true);
    });

    it('keeps other conditional formatting and refuses the add-on’s own tabs', () => {
      const h = harness();
      const accounts = withAccounts(h);
      save(h, draft(RULES));
      h.spreadsheet.setActiveSheet(accounts as never);
      const mine = { getRanges: () => [accounts.getRange('A2:A10')] };
      accounts.conditionalRules.push(mine as never);
      h.run('scoreThisSheet');
      expect(accounts.conditionalRules).toContain(mine);
      h.spreadsheet.setActiveSheet(criteriaSheet(h) as never);
      h.run('scoreThisSheet');
      expect(h.ui.alerts.at(-1)).toMatch(/This sheet has no table/);
    });

    it('offers values instead of live formulas for very large tables, writes them in one batch, and goes live again', { timeout: 60_000 }, () => {
      const h = harness();
      const rows = 250_001;
      const values: (string | number)[][] = [['Company', 'Employees']];
      for (let i = 0; i < rows; i++) values.push([`Co ${i}`, i % 400]);
      const sheet = withAccounts(h, values);
      save(h, draft([['', 'Employees', '>=', '100', '10', false]]));
      h.spreadsheet.setActiveSheet(sheet as never);
      h.ui.alertAnswers.push('NO');
      h.run('scoreThisSheet');
      expect(h.ui.alerts.at(-1)).toMatch(/^250001 rows are more than one live formula can return/);
      expect(sheet.getRange('C1').getValue()).toBe('');
      h.ui.alertAnswers.push('YES');
      const before = h.spreadsheet.calls.get('Range.setValues');
      h.run('scoreThisSheet');
      expect(h.spreadsheet.calls.get('Range.setValues') - before).toBe(1);
      expect(sheet.getRange('C1:E3').getValues()).toEqual([
        ['ICP score', 'ICP tier', 'Why'],
        [0, 'D', '0 = 0 Employees >= 100 (0)'],
        [0, 'D', '0 = 0 Employees >= 100 (1)'],
      ]);
      expect(sheet.getRange('C102').getValue()).toBe(100);
      expect(sheet.getRange('C1').getNote()).toMatch(/^Written as values by icp-sheets on \d{4}-\d\d-\d\d \d\d:\d\d UTC/);
      expect(sheet.getRange('C1:E1').getFormulas()[0]).toEqual(['', '', '']);
      // The table shrinks below the limit: the scores written as values give way to live formulas.
      sheet.deleteRows(12, rows - 10);
      h.run('scoreThisSheet');
      expect(sheet.getRange('C1:E1').getFormulas()[0]).toEqual([
        '=ICP_SCORE(A1:B, ICP_CRITERIA)',
        '=ICP_TIER(A1:B, ICP_CRITERIA, "", ICP_TIERS)',
        '=ICP_EXPLAIN(A1:B, ICP_CRITERIA)',
      ]);
      // The values are gone from the cells, which now show what the formulas spill.
      expect(sheet.rows.slice(1, 3).map((row) => row.slice(2, 5).map((cell) => cell?.value ?? ''))).toEqual([
        ['', '', ''],
        ['', '', ''],
      ]);
      expect(sheet.getRange('C2:E3').getValues()).toEqual([
        [0, 'D', '0 = 0 Employees >= 100 (0)'],
        [0, 'D', '0 = 0 Employees >= 100 (1)'],
      ]);
      expect(sheet.getRange('C1').getNote()).toBe('');
      sheet.getRange('D3').setValue('typed by a user');
      h.run('scoreThisSheet');
      expect(sheet.getRange('D3').getValue()).toBe('typed by a user');
    });
  });

  describe('segment summary', () => {
    it('asks for the column, then builds ICP Segments with the formula, formats, health colours and a chart', () => {
      const h = harness();
      withAccounts(h);
      h.ui.promptAnswers.push({ text: 'Industry', button: 'OK' });
      h.run('buildSegmentSummary');
      expect(h.ui.prompts[0]).toMatch(/Segment by which column\?.*Columns: Company, Industry/s);
      const sheet = h.spreadsheet.getSheetByName('ICP Segments')!;
      const formula = sheet.getRange('A1').getFormulas()[0][0];
      expect(formula).toBe(`=ICP_SEGMENTS('ICP Accounts'!A1:N, "Industry")`);
      expect(sheet.getRange('D2').getValues()).toBeDefined();
      expect(sheet.rows[1][3].format).toBe('0.0%');
      expect(sheet.rows[1][7].format).toBe('0.0');
      expect(sheet.conditionalRules.map((r) => r.condition)).toEqual(['TEXT_CONTAINS', 'TEXT_STARTS_WITH']);
      const [chart] = sheet.charts;
      expect(chart.type).toBe('COLUMN');
      expect(chart.ranges.map((r) => r.getA1Notation())).toEqual(['A1:A10', 'H1:H10', 'D1:D10']);
      const summary = h.evaluate(sheet, formula) as (string | number)[][];
      expect(summary).toHaveLength(10); // header, 8 industries, All
      expect(summary.at(-1)?.[1]).toBe(40);
      expect(h.spreadsheet.active).toBe(sheet);
    });

    it('explains an unknown column and creates nothing; a second summary gets a new tab', () => {
      const h = harness();
      withAccounts(h);
      h.ui.promptAnswers.push({ text: 'Sector', button: 'OK' });
      h.run('buildSegmentSummary');
      expect(h.ui.alerts.at(-1)).toMatch(/"Sector" is not a column of the table/);
      expect(h.spreadsheet.getSheetByName('ICP Segments')).toBeNull();
      h.ui.promptAnswers.push({ text: 'Region', button: 'OK' }, { text: 'Size band', button: 'OK' }, { text: 'x', button: 'CANCEL' });
      h.run('buildSegmentSummary');
      h.spreadsheet.setActiveSheet(h.spreadsheet.getSheetByName('ICP Accounts') as never);
      h.run('buildSegmentSummary');
      h.run('buildSegmentSummary');
      expect(h.spreadsheet.sheets.map((s) => s.name)).toEqual(['ICP Accounts', 'ICP Segments', 'ICP Segments 2']);
    });
  });

  describe('batching', () => {
    it('makes the same service calls for 1,000 and 10,000 rows', () => {
      const counts = [1_000, 10_000].map((rows) => {
        const h = harness();
        const sheet = withAccounts(h, synthetic(rows));
        h.spreadsheet.calls.reset();
        h.run('getSidebarState');
        h.run('previewCriteria', draft(RULES));
        save(h, draft(RULES));
        h.spreadsheet.setActiveSheet(sheet as never);
        h.run('scoreThisSheet');
        h.ui.promptAnswers.push({ text: 'Industry', button: 'OK' });
        h.spreadsheet.setActiveSheet(sheet as never);
        h.run('buildSegmentSummary');
        return h.spreadsheet.calls.snapshot();
      });
      expect(counts[1]).toEqual(counts[0]);
      // Each action reads its inputs once and, after writing formulas, what they show.
      expect(counts[0]['Range.getValues']).toBeLessThanOrEqual(13);
      expect(counts[0]['Range.setValues']).toBeLessThanOrEqual(3);
    });
  });
});

function criteriaSheetOrNull(h: Harness) {
  return h.spreadsheet.getSheetByName('ICP Criteria');
}
