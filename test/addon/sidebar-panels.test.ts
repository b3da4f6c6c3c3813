// The server side of the sidebar's panels, against the built bundle on the in-memory Sheets: Copy as SQL
// (criteriaSql) writes the same query as ICP_SQL for the draft shown, saved or not, and says which field is
// at fault when it cannot.

import { describe, expect, it } from 'vitest';
import { draft, type Harness, harness, save, withAccounts } from './harness';

type Rule = Parameters<typeof draft>[0][number];

const RULES: Rule[] = [
  ['SaaS mid-market', 'Industry', 'is', 'SaaS, Fintech', '30', false],
  ['SaaS mid-market', 'Tech stack', 'includes', "HubSpot, O'Reilly", '15', false],
  ['Enterprise', 'Employees', '>=', '2000', '40', true],
];
const TIERS: [string, string][] = [
  ['Hot', '70'],
  ['Warm', '30'],
  ['Cold', '0'],
];

function withTable(): Harness {
  const h = harness();
  withAccounts(h);
  return h;
}

/** What ICP_SQL gives in a cell of the criteria tab, reading ICP_CRITERIA and ICP_TIERS. */
function icpSqlOfTab(h: Harness, dialect: string, options: string): string {
  const tab = h.spreadsheet.getSheetByName('ICP Criteria')!;
  return h.evaluate(tab, `=ICP_SQL(ICP_CRITERIA, "", "${dialect}", "${options}", ICP_TIERS)`) as string;
}

describe('criteriaSql, the sidebar’s Copy as SQL', () => {
  it('writes exactly what ICP_SQL writes for the same criteria, in every dialect and with snake_case columns', () => {
    const h = withTable();
    const payload = draft(RULES, TIERS);
    expect(save(h, payload).ok).toBe(true);
    for (const dialect of ['bigquery', 'postgres', 'duckdb'] as const) {
      for (const columns of ['exact', 'snake'] as const) {
        const outcome = h.run('criteriaSql', payload, { dialect, table: 'crm.accounts', columns });
        expect(outcome).toEqual({ ok: true, sql: icpSqlOfTab(h, dialect, `table=crm.accounts; columns=${columns}`) });
      }
    }
    const snake = h.run('criteriaSql', payload, { dialect: 'postgres', table: 'crm.accounts', columns: 'snake' }).sql;
    expect(snake).toContain('"tech_stack"');
    expect(snake).toContain("',o''reilly,'");
  });

  it('writes the query of an unsaved draft and saves nothing', () => {
    const h = withTable();
    const before = h.spreadsheet.sheets.map((s) => s.name);
    const outcome = h.run('criteriaSql', draft(RULES), { dialect: 'duckdb', table: '', columns: 'exact' });
    expect(outcome.ok).toBe(true);
    expect(outcome.sql).toMatch(/FROM "accounts"/);
    expect(outcome.sql).toContain('icp_profile');
    expect(h.spreadsheet.sheets.map((s) => s.name)).toEqual(before);
    expect(h.spreadsheet.getSheetByName('ICP Criteria')).toBeNull();
  });

  it('refuses a draft with errors with the errors the preview shows, field by field', () => {
    const h = withTable();
    const bad = draft([
      ['', 'Industy', 'is', 'SaaS', '10', false],
      ['', 'Employees', '>=', 'lots', '10', false],
    ]);
    const outcome = h.run('criteriaSql', bad, { dialect: 'bigquery', table: 'accounts', columns: 'exact' });
    expect(outcome).toEqual({ ok: false, errors: h.run('previewCriteria', bad).errors });
    expect(outcome.errors.map((e: { index: number; field: string }) => [e.index, e.field])).toEqual([
      [0, 'attribute'],
      [1, 'value'],
    ]);
  });

  it('names the rule whose column SQL cannot name, and the option that fixes it', () => {
    const h = harness();
    withAccounts(h, [
      ['Company', 'Region (HQ)'],
      ['Alpha', 'DACH'],
    ]);
    const payload = draft([['', 'Region (HQ)', 'is', 'DACH', '10', false]]);
    const outcome = h.run('criteriaSql', payload, { dialect: 'bigquery', table: 'accounts', columns: 'exact' });
    expect(outcome).toEqual({
      ok: false,
      errors: [],
      problem: {
        scope: 'rule',
        index: 0,
        field: 'attribute',
        message:
          '"Region (HQ)" cannot be a column in SQL: BigQuery column names cannot hold "(". Name the column region_hq and add the option columns=snake, or rename it.',
      },
    });
    expect(h.run('criteriaSql', payload, { dialect: 'bigquery', table: 'accounts', columns: 'snake' }).sql).toContain('`region_hq`');
    expect(h.run('criteriaSql', payload, { dialect: 'duckdb', table: 'accounts', columns: 'exact' }).sql).toContain('"Region (HQ)"');
  });

  it('puts a table name that cannot be read next to the table field, and quotes any other', () => {
    const h = withTable();
    const payload = draft(RULES);
    const outcome = h.run('criteriaSql', payload, { dialect: 'bigquery', table: 'crm..accounts', columns: 'exact' });
    expect(outcome.ok).toBe(false);
    expect(outcome.problem).toMatchObject({ scope: 'draft', field: 'table' });
    expect(outcome.problem.message).toMatch(/crm\.\.accounts/);
    const hostile = h.run('criteriaSql', payload, { dialect: 'bigquery', table: 'my-project.crm.accounts`; DROP TABLE x; --', columns: 'exact' });
    expect(hostile.ok).toBe(true);
    expect(hostile.sql).toContain('FROM `my-project.crm.accounts\\`; DROP TABLE x; --` AS account\n');
  });

  it('answers a payload that is not one with field errors, never a TypeError', () => {
    const h = withTable();
    const payload = draft(RULES);
    const choices: unknown[] = [
      undefined,
      null,
      'bigquery',
      { dialect: 'oracle', table: 'accounts', columns: 'exact' },
      { dialect: 'bigquery', table: 7, columns: 'exact' },
      { dialect: 'bigquery', table: 'accounts', columns: 'camel' },
      { dialect: 'bigquery', table: 'x'.repeat(5000), columns: 'exact' },
    ];
    for (const choice of choices) {
      const outcome = h.run('criteriaSql', payload, choice);
      expect(outcome.ok).toBe(false);
      expect(outcome.problem.scope).toBe('draft');
      expect(['dialect', 'table', 'columns']).toContain(outcome.problem.field);
    }
    expect(h.run('criteriaSql', { rules: 'no' }, { dialect: 'bigquery', table: 'accounts', columns: 'exact' }).errors[0].scope).toBe('draft');
  });
});
