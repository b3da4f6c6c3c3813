// Validate ICP… (issue 9), the menu action that builds a validation tab, against the built bundle on the
// in-memory Sheets: ICP_VALIDATE over the whole account table against the criteria tab, formats and a chart
// of the rate by tier, checked by the core before writing and read back after; nothing of the user's changes.

import { describe, expect, it } from 'vitest';
import type { FakeSheet } from '../../emulator/apps-script';
import { example, plain } from '../helpers';
import { changedCells, draft, filledCells, type Harness, harness, save, withAccounts } from './harness';

type Rule = Parameters<typeof draft>[0][number];

function exampleCriteria(): Rule[] {
  return example('criteria.csv')
    .slice(1)
    .map(([profile, attribute, operator, value, points, required]) => [
      String(profile),
      String(attribute),
      String(operator),
      String(value),
      String(points),
      required === true || required === 'TRUE',
    ]);
}

/** The example accounts, the example criteria saved, and the sheet scored (score columns O:Q). */
function scoredExample(locale?: string): { h: Harness; accounts: FakeSheet } {
  const h = harness({ locale });
  const accounts = withAccounts(h);
  expect(save(h, draft(exampleCriteria())).ok).toBe(true);
  h.spreadsheet.setActiveSheet(accounts as never);
  h.run('scoreThisSheet');
  return { h, accounts };
}

function validate(h: Harness, accounts: FakeSheet, answer: string, button: 'OK' | 'CANCEL' = 'OK'): void {
  h.spreadsheet.setActiveSheet(accounts as never);
  h.ui.promptAnswers.push({ text: answer, button });
  h.run('validateIcp');
}

const sheetNamed = (h: Harness, name: string) => {
  const sheet = h.spreadsheet.getSheetByName(name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet;
};

describe('Validate ICP…', () => {
  it('builds ICP Validation with ICP_VALIDATE over the whole table, formats, a chart of the win rate by tier, and says what it shows', () => {
    const { h, accounts } = scoredExample();
    const before = filledCells(h);
    validate(h, accounts, 'Won');
    expect(h.ui.prompts.at(-1)).toMatch(
      /^Validate ICP\nValidate the criteria against which outcome column \(won\/lost, a value, or churned\)\? Columns: Company, Industry, .*Won, Deal value, ICP score, ICP tier, Why$/,
    );
    const sheet = sheetNamed(h, 'ICP Validation');
    const formula = sheet.getRange('A1').getFormulas()[0][0];
    // The outcome and the score columns are inside the range: the whole width of the table.
    expect(formula).toBe(`=ICP_VALIDATE('ICP Accounts'!A1:Q, ICP_CRITERIA, "Won", "", ICP_TIERS)`);
    const result = plain(h.evaluate(sheet, formula)) as (string | number)[][];
    expect(result[0]).toEqual(['Tier', 'Accounts', 'Share of accounts', 'Won', 'Win rate', 'Share of wins', 'Lift']);
    const tiers = result.findIndex((r) => r[0] === '') - 1;
    expect(result.slice(1, tiers + 1).map((r) => r[0])).toEqual(['A', 'B', 'C', 'D', 'DQ']);
    expect(sheet.getRange('A1').getValue()).toBe('Tier');
    expect(h.ui.alerts).toEqual([]);
    // Formats: shares and rates as percentages, the AUC with three decimals, in the rows the result has.
    const format = (a1: string) => sheet.rows[Number(a1.slice(1)) - 1][a1.charCodeAt(0) - 65].format;
    expect(['C2', 'E2', 'F2', `C${tiers + 1}`, 'G2', 'D2'].map(format)).toEqual(['0.0%', '0.0%', '0.0%', '0.0%', '0.00', '#,##0']);
    expect(result[tiers + 2][0]).toBe('AUC');
    expect([format(`B${tiers + 3}`), format(`B${tiers + 4}`), format(`B${tiers + 5}`)]).toEqual(['0.000', '0.0%', '0.0%']);
    expect(sheet.rows[0][0].bold).toBe(true);
    const [chart] = sheet.charts;
    expect(chart.type).toBe('COLUMN');
    expect(chart.ranges.map((r) => r.getA1Notation())).toEqual([`A1:A${tiers + 1}`, `E1:E${tiers + 1}`]);
    expect(chart.options.title).toBe('Win rate by tier');
    expect(chart.options.vAxis).toEqual({ minValue: 0, format: 'percent' });
    // Beside the result, never over it.
    expect(chart.position[1]).toBeGreaterThan(result[0].length);
    const auc = result[tiers + 2][1] as number;
    const headline = String(result[tiers + 4][2]);
    const [accountShare, winShare] = /(\d+ %) of accounts, (\d+ %) of wins/.exec(headline)!.slice(1);
    expect(h.spreadsheet.toasts.at(-1)).toBe(
      `Built ICP Validation against Won: AUC ${auc.toFixed(2)} (0.5 is a coin toss); tiers A+B hold ${accountShare} of the accounts and ${winShare} of the wins (rough: under 30 of them).`,
    );
    expect(h.spreadsheet.active).toBe(sheet);
    expect(changedCells(before, h)).toEqual([]);
    expect(h.spreadsheet.calls.get('SpreadsheetApp.flush')).toBeGreaterThanOrEqual(1);
  });

  it('charts the mean value by tier for a value outcome, formatted as numbers', () => {
    const { h, accounts } = scoredExample();
    validate(h, accounts, 'Deal value');
    const sheet = sheetNamed(h, 'ICP Validation');
    const result = plain(h.evaluate(sheet, sheet.getRange('A1').getFormulas()[0][0])) as (string | number)[][];
    expect(result[0][4]).toBe('Mean value');
    expect(sheet.rows[1][4].format).toBe('#,##0');
    expect(sheet.charts[0].options.title).toBe('Mean value by tier');
    expect(sheet.charts[0].options.vAxis).toEqual({ minValue: 0, format: '#,##0' });
    expect(h.spreadsheet.toasts.at(-1)).toMatch(
      /^Built ICP Validation against Deal value: AUC 0\.\d\d \(0\.5 is a coin toss\); tiers A\+B hold \d+ % of the accounts and \d+ % of the value\.$/,
    );
  });

  it('builds nothing and says why for a column that is not there or is no outcome, or when there are no criteria', () => {
    const { h, accounts } = scoredExample();
    validate(h, accounts, 'Sector');
    expect(h.ui.alerts.at(-1)).toMatch(/^No validation tab was built: .*"Sector" is not a column of the table/);
    validate(h, accounts, 'Industry');
    expect(h.ui.alerts.at(-1)).toMatch(/^No validation tab was built: ICP_VALIDATE: "Industry" is neither won\/lost/);
    validate(h, accounts, 'Won', 'CANCEL');
    expect(h.spreadsheet.toasts.at(-1)).toBe('No validation tab was built.');
    expect(h.spreadsheet.getSheetByName('ICP Validation')).toBeNull();

    const bare = harness();
    const sheet = withAccounts(bare);
    validate(bare, sheet, 'Won');
    expect(bare.ui.prompts).toEqual([]);
    expect(bare.ui.alerts).toEqual(['No validation tab was built: there are no ICP criteria yet. Write or learn them in Edit ICP criteria… first.']);
    expect(bare.spreadsheet.sheets.map((s) => s.name)).toEqual(['ICP Accounts']);
  });

  it('checks what the formula shows after writing it, and says so instead of success', () => {
    const { h, accounts } = scoredExample();
    const calculate = h.spreadsheet.calculate!;
    h.spreadsheet.calculate = () => {
      calculate();
      const tab = h.spreadsheet.getSheetByName('ICP Validation');
      if (tab) tab.rows[0][0].value = '#ERROR!'; // something the core did not foresee
    };
    const toasts = h.spreadsheet.toasts.length;
    validate(h, accounts, 'Won');
    expect(h.ui.alerts.at(-1)).toBe('ICP Validation was built, but its formula in A1 shows #ERROR! instead of the validation. Select A1 to read why.');
    expect(h.spreadsheet.toasts.length).toBe(toasts);
  });

  it('never reads its own tab as the account table, and a second validation gets a new tab', () => {
    const { h, accounts } = scoredExample();
    validate(h, accounts, 'Won');
    // From the validation tab, the remembered account sheet is validated, not the tab itself.
    h.ui.promptAnswers.push({ text: 'Won', button: 'OK' });
    h.run('validateIcp');
    expect(h.spreadsheet.sheets.map((s) => s.name)).toEqual(['ICP Accounts', 'ICP Criteria', 'ICP Validation', 'ICP Validation 2']);
    expect(sheetNamed(h, 'ICP Validation 2').getRange('A1').getFormulas()[0][0]).toBe(`=ICP_VALIDATE('ICP Accounts'!A1:Q, ICP_CRITERIA, "Won", "", ICP_TIERS)`);
  });

  it('speaks German', () => {
    const { h, accounts } = scoredExample('de_DE');
    validate(h, accounts, 'Won');
    expect(h.ui.prompts.at(-1)).toMatch(/^ICP prüfen\nAn welcher Ergebnisspalte sollen die Kriterien geprüft werden/);
    expect(h.spreadsheet.toasts.at(-1)).toMatch(
      /^ICP-Prüfung erstellt, geprüft an Won: AUC 0,\d\d \(0,5 wäre Zufall\); die Stufen A\+B umfassen \d+ % der Accounts und \d+ % der Gewinne \(grob: weniger als 30 davon\)\.$/,
    );
    expect(sheetNamed(h, 'ICP-Prüfung').charts[0].options.title).toBe('Gewinnrate je Stufe');
  });

  it('makes the same service calls for 1,000 and 10,000 rows', () => {
    const counts = [1_000, 10_000].map((rows) => {
      const h = harness();
      const values: (string | number)[][] = [['Company', 'Industry', 'Employees', 'Won']];
      for (let i = 0; i < rows; i++)
        values.push([`Co ${i}`, ['SaaS', 'Retail', 'Health'][i % 3], 10 + ((i * 37) % 900), i % 3 === 0 || i % 5 === 0 ? 'Won' : 'Lost']);
      const sheet = withAccounts(h, values);
      save(
        h,
        draft([
          ['', 'Industry', 'is', 'SaaS', '60', false],
          ['', 'Employees', '>=', '200', '40', false],
        ]),
      );
      h.spreadsheet.calls.reset();
      validate(h, sheet, 'Won');
      expect(h.ui.alerts).toEqual([]);
      return h.spreadsheet.calls.snapshot();
    });
    expect(counts[1]).toEqual(counts[0]);
    expect(counts[0]['Range.getValues']).toBeLessThanOrEqual(4);
    expect(counts[0]['Range.setValues'] ?? 0).toBe(0);
  });
});
