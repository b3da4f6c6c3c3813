// Issue 8 against the in-memory Sheets: the add-on writes only cells it owns, recognises them by a marker
// (never by a header a user may also type), never writes user text as a formula, and never saves criteria
// over a hand edit it has not seen.

import { describe, expect, it } from 'vitest';
import type { FakeSheet } from '../../emulator/apps-script';
import { changedCells, draft, filledCells, type Harness, harness, save, withAccounts } from './harness';

const LIVE = (area: string) => [`=ICP_SCORE(${area}, ICP_CRITERIA)`, `=ICP_TIER(${area}, ICP_CRITERIA, "", ICP_TIERS)`, `=ICP_EXPLAIN(${area}, ICP_CRITERIA)`];

function scored(h: Harness, sheet: FakeSheet, answer?: 'YES' | 'NO') {
  h.spreadsheet.setActiveSheet(sheet as never);
  if (answer) h.ui.alertAnswers.push(answer);
  h.run('scoreThisSheet');
}

function criteriaTab(h: Harness): FakeSheet {
  const sheet = h.spreadsheet.getSheetByName('ICP Criteria');
  if (!sheet) throw new Error('no criteria tab');
  return sheet;
}

/** As Sheets shows live output columns after recalculation: the spilled labels in the header cells. */
function spill(sheet: FakeSheet, row: number, column: number) {
  ['ICP score', 'ICP tier', 'Why'].forEach((label, i) => (sheet.rows[row - 1][column - 1 + i].value = label));
}

describe('safety', () => {
  describe('score this sheet recognises its own columns by a marker, never by header text', () => {
    const USER = [
      ['Company', 'Industry', 'Why', 'Notes', 'Owner', 'Employees'],
      ['Acme', 'SaaS', 'referral', 'call back', 'Ann', 120],
      ['Beta', 'Retail', 'event', '', 'Bob', 15],
    ];

    /** The user's sheet scored once, its output columns (G:I) showing their spilled labels. */
    function scoredOnce() {
      const h = harness();
      const sheet = withAccounts(
        h,
        USER.map((r) => [...r]),
      );
      save(h, draft([['', 'Employees', '>=', '100', '50', false]]));
      scored(h, sheet);
      spill(sheet, 1, 7);
      return { h, sheet };
    }

    it('leaves Why, Notes and Owner alone and keeps Employees in scoring', () => {
      const h = harness();
      const sheet = withAccounts(
        h,
        USER.map((r) => [...r]),
      );
      expect(
        save(
          h,
          draft([
            ['', 'Employees', '>=', '100', '50', false],
            ['', 'Industry', 'is', 'SaaS', '50', false],
          ]),
        ).ok,
      ).toBe(true);
      const before = filledCells(h);
      scored(h, sheet);
      expect(changedCells(before, h)).toEqual([]);
      expect(sheet.getRange('A1:F1').getFormulas()[0]).toEqual(['', '', '', '', '', '']);
      expect(sheet.getRange('G1:I1').getFormulas()[0]).toEqual(LIVE('A1:F'));
      expect((h.evaluate(sheet, LIVE('A1:F')[0]) as unknown[][]).slice(0, 3)).toEqual([['ICP score'], [100], [0]]);
      expect(h.run('getSidebarState').table.headers).toEqual(USER[0]);
    });

    it('treats a user column named ICP score as the user’s, wherever it is', () => {
      const h = harness();
      const sheet = withAccounts(h, [
        ['Company', 'ICP score', 'Industry', 'ICP tier'],
        ['Acme', 'hot', 'SaaS', 'A+'],
        ['Beta', 7, 'Retail', ''],
      ]);
      save(h, draft([['', 'ICP score', 'is', 'hot', '100', false]]));
      const before = filledCells(h);
      scored(h, sheet);
      scored(h, sheet);
      expect(changedCells(before, h)).toEqual([]);
      expect(sheet.getRange('E1:G1').getFormulas()[0]).toEqual(LIVE('A1:D'));
      expect(sheet.getRange('H1').getFormulas()[0][0]).toBe('');
    });

    it('finds its columns again after the user inserts a column before them, and reads the new column', () => {
      const { h, sheet } = scoredOnce();
      sheet.insertColumnsAfter(6, 1);
      sheet.getRange('G1:G3').setValues([['Region'], ['DACH'], ['US']]);
      const before = filledCells(h);
      scored(h, sheet);
      expect(changedCells(before, h).filter((c) => !/R1C(8|9|10):/.test(c))).toEqual([]);
      expect(sheet.getRange('H1:J1').getFormulas()[0]).toEqual(LIVE('A1:G'));
      expect(sheet.getRange('K1:M1').getFormulas()[0]).toEqual(['', '', '']);
    });

    it('adopts the formula columns an earlier version wrote without a marker, rather than doubling them', () => {
      const h = harness();
      const sheet = withAccounts(h, [
        ['Company', 'Employees'],
        ['Acme', 120],
        ['Beta', 15],
      ]);
      save(h, draft([['', 'Employees', '>=', '100', '50', false]]));
      sheet.getRange('C1:E1').setFormulas([LIVE('A1:B')]);
      spill(sheet, 1, 3);
      const before = filledCells(h);
      scored(h, sheet);
      expect(changedCells(before, h)).toEqual([]);
      expect(sheet.getRange('C1:F1').getFormulas()[0]).toEqual([...LIVE('A1:B'), '']);
      expect(sheet.metadata.map((m) => [m.getValue(), m.column])).toEqual([
        ['score', 3],
        ['tier', 4],
        ['why', 5],
      ]);
    });

    it('leaves its columns to the user who typed over one of their headers, and writes fresh ones beside', () => {
      const { h, sheet } = scoredOnce();
      sheet.getRange('I1:I2').setValues([['Status'], ['open']]);
      const before = filledCells(h);
      scored(h, sheet);
      expect(changedCells(before, h)).toEqual([]);
      expect(sheet.getRange('G1:H1').getFormulas()[0]).toEqual(LIVE('A1:F').slice(0, 2));
      expect(sheet.getRange('J1:L1').getFormulas()[0]).toEqual(LIVE('A1:I'));
      spill(sheet, 1, 10);
      const again = filledCells(h);
      scored(h, sheet);
      expect(changedCells(again, h)).toEqual([]);
      expect(sheet.getRange('M1').getFormulas()[0][0]).toBe('');
    });
  });

  describe('score this sheet never writes over an unlabelled column', () => {
    it('puts live formulas after the first columns that are empty to the last row', () => {
      const h = harness();
      const sheet = withAccounts(h, [
        ['Company', 'Employees', '', '', '', ''],
        ['Acme', 120, 'memo', '', '', ''],
        ['Beta', 15, '', '', '=IF(FALSE, 1, "")', ''],
        ['Gamma', 300, '', '', '', ' '],
      ]);
      sheet.rows[2][4].value = ''; // the formula shows blank: the column is still taken
      save(h, draft([['', 'Employees', '>=', '100', '50', false]]));
      const before = filledCells(h);
      scored(h, sheet);
      expect(changedCells(before, h)).toEqual([]);
      expect(sheet.getRange('G1:I1').getFormulas()[0]).toEqual(LIVE('A1:B'));
      expect(sheet.getRange('C1:F1').getFormulas()[0]).toEqual(['', '', '', '']);
    });

    it('writes values mode (over 250,000 rows) beside the table too, with tier labels as text', { timeout: 60_000 }, () => {
      const h = harness();
      const rows = 250_001;
      const values: (string | number)[][] = [['Company', 'Employees', 'ICP score', '']];
      for (let i = 0; i < rows; i++) values.push([`Co ${i}`, i % 400, i < 3 ? 'user text' : '', i === 1 ? 'memo' : '']);
      const sheet = withAccounts(h, values);
      const tiers: [string, string][] = [
        ['=HYPERLINK("http://evil.example","Hot")', '80'],
        ['-', '40'],
        ["'quoted", '0'],
      ];
      expect(
        save(
          h,
          draft(
            [
              ['', 'Employees', '>=', '100', '50', false],
              ['', 'Employees', '>=', '200', '50', false],
            ],
            tiers,
          ),
        ).ok,
      ).toBe(true);
      const before = filledCells(h);
      scored(h, sheet, 'YES');
      expect(changedCells(before, h)).toEqual([]);
      expect(
        sheet
          .getRange('E1:G4')
          .getValues()
          .map((r) => r.slice(0, 2)),
      ).toEqual([
        ['ICP score', 'ICP tier'],
        [0, "'quoted"],
        [0, "'quoted"],
        [0, "'quoted"],
      ]);
      expect(sheet.getRange('E102:F102').getValues()[0]).toEqual([50, '-']);
      expect(sheet.getRange('E202:F202').getValues()[0]).toEqual([100, '=HYPERLINK("http://evil.example","Hot")']);
      expect(
        sheet
          .getRange('E1:G250002')
          .getFormulas()
          .flat()
          .filter((f) => f !== ''),
      ).toEqual([]);
    });
  });

  describe('saving criteria writes only the criteria (A:F) and tiers (H:I)', () => {
    it('keeps the spacer column, notes right of the tiers, headers and formulas the user wrote', () => {
      const h = harness();
      withAccounts(h);
      save(
        h,
        draft([
          ['', 'Industry', 'is', 'SaaS', '10', false],
          ['', 'Region', 'is', 'DACH', '10', false],
        ]),
      );
      const tab = criteriaTab(h);
      tab.getRange('G2').setValue(`'=IMPORTXML("http://evil.example","//a")`);
      tab.getRange('G3').setValue("'-note");
      tab.getRange('G4').setFormula('=ROW()*14');
      tab.rows[3][6].value = 56;
      tab.getRange('J2').setValue('my own notes');
      tab.getRange('A1').setValue('Profil');
      tab.getRange('D3').setFormula('=UPPER("dach")');
      tab.rows[2][3].value = 'DACH';
      const before = filledCells(h);
      const state = h.run('getSidebarState');
      state.draft.rules[0].value = 'SaaS, Fintech';
      expect(h.run('saveCriteria', state.draft, state.version).ok).toBe(true);
      expect(changedCells(before, h)).toEqual(['ICP Criteria!R2C4: {"value":"SaaS","formula":""} → {"value":"SaaS, Fintech","formula":""}']);
    });
  });

  describe('user text round-trips exactly and is never stored as a formula', () => {
    const TEXTS = ["'quoted", "''twice", 'TRUE', 'false', '2026-01-01', '12%', '1e3', '-5', '=1+1', '+49 30', '-x', '@team', '  spaced  '];

    it('saves every field as the exact text the user typed', () => {
      const h = harness();
      withAccounts(h);
      const payload = draft(
        TEXTS.map((text) => [text, 'Industry', 'is', text, '10', false] as [string, string, string, string, string, boolean]),
        TEXTS.slice(0, 6).map((text, i) => [text, String(90 - i * 10)] as [string, string]),
      );
      expect(save(h, payload).ok).toBe(true);
      expect(
        criteriaTab(h)
          .getRange('A1:I20')
          .getFormulas()
          .flat()
          .filter((f) => f !== ''),
      ).toEqual([]);
      const back = h.run('getSidebarState').draft;
      expect(back.rules.map((r: { profile: string }) => r.profile)).toEqual(TEXTS);
      expect(back.rules.map((r: { value: string }) => r.value)).toEqual(TEXTS);
      expect(back.tiers.map((t: { label: string }) => t.label)).toEqual(TEXTS.slice(0, 6));
    });
  });

  describe('keys from user text', () => {
    it('reports suggestions for columns named __proto__ and constructor, and scores rules on them', () => {
      const h = harness();
      withAccounts(h, [
        ['Company', '__proto__', 'constructor'],
        ['Acme', 'x', 'y'],
        ['Beta', 'x', 'z'],
      ]);
      const state = JSON.parse(JSON.stringify(h.run('getSidebarState')));
      expect(state.table.suggestions).toEqual([
        { header: 'Company', values: ['Acme', 'Beta'] },
        { header: '__proto__', values: ['x'] },
        { header: 'constructor', values: ['y', 'z'] },
      ]);
      const outcome = h.run(
        'previewCriteria',
        draft([
          ['', '__proto__', 'is', 'x', '50', false],
          ['', 'constructor', 'is', 'y', '50', false],
        ]),
      );
      expect(outcome.preview.top.map((a: { name: string; score: number }) => [a.name, a.score])).toEqual([
        ['Acme', 100],
        ['Beta', 50],
      ]);
    });
  });

  describe('the sidebar saves only over the criteria it loaded', () => {
    const RULES: Parameters<typeof draft>[0] = [
      ['', 'Industry', 'is', 'SaaS', '40', false],
      ['', 'Region', 'is', 'DACH', '60', false],
    ];

    it('refuses a save after a hand edit of the tab, and accepts it with the tab’s new version', () => {
      const h = harness();
      withAccounts(h);
      save(h, draft(RULES));
      const loaded = h.run('getSidebarState');
      expect(h.run('getSidebarStatus').version).toBe(loaded.version);
      criteriaTab(h).getRange('E2').setValue(35);
      expect(h.run('getSidebarStatus').version).not.toBe(loaded.version);
      const before = filledCells(h);
      const refused = h.run('saveCriteria', draft([...RULES, ['', 'Employees', '>=', '50', '10', false]]), loaded.version);
      expect(refused).toEqual({ ok: false, stale: true, errors: [{ scope: 'draft', index: -1, field: 'version', message: expect.stringMatching(/changed/) }] });
      expect(changedCells(before, h)).toEqual([]);
      expect(h.run('saveCriteria', draft(RULES), undefined).stale).toBe(true);
      const reloaded = h.run('getSidebarState');
      expect(reloaded.draft.rules[0].points).toBe('35');
      const saved = h.run('saveCriteria', reloaded.draft, reloaded.version);
      expect(saved.ok).toBe(true);
      expect(saved.version).toBe(h.run('getSidebarStatus').version);
    });

    it('is not stale for edits outside the criteria, and is when the template seeded the tab meanwhile', () => {
      const h = harness();
      withAccounts(h);
      const opened = h.run('getSidebarState');
      h.run('createTemplate'); // creates the criteria tab with a starter profile the sidebar has not shown
      expect(h.run('saveCriteria', draft(RULES), opened.version)).toMatchObject({ ok: false, stale: true });
      const reloaded = h.run('getSidebarState');
      criteriaTab(h).getRange('G5').setValue('a note');
      expect(h.run('saveCriteria', draft(RULES), reloaded.version).ok).toBe(true);
    });

    it('follows the active account table in its status, and keeps the last one while an own tab is active', () => {
      const h = harness();
      const accounts = withAccounts(h);
      const leads = h.spreadsheet.addSheet('Leads').load([
        ['Company', 'Industry'],
        ['Zeta', 'SaaS'],
      ]);
      h.spreadsheet.setActiveSheet(accounts as never);
      const first = h.run('getSidebarState');
      expect(h.run('getSidebarStatus').table).toBe(first.table.key);
      save(h, draft(RULES));
      scored(h, accounts);
      h.spreadsheet.setActiveSheet(leads as never);
      const status = h.run('getSidebarStatus');
      expect(status.table).not.toBe(first.table.key);
      expect(h.run('getSidebarState').table).toMatchObject({ sheet: 'Leads', key: status.table });
      leads.getRange('C1').setValue('Region');
      expect(h.run('getSidebarStatus').table).not.toBe(status.table);
      h.spreadsheet.setActiveSheet(criteriaTab(h) as never);
      expect(h.run('getSidebarState').table.sheet).toBe('ICP Accounts');
    });
  });
});
