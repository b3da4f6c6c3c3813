// @vitest-environment happy-dom
// The sidebar's DOM, driven like a user would, talking through the typed bridge to the real server
// functions of the built bundle, which run against the fake Apps Script services.

import { beforeEach, describe, expect, it } from 'vitest';
import { fakeScriptRun } from '../../emulator/script-run';
import { createServer } from '../../src/sidebar/bridge';
import { type Sidebar, startSidebar } from '../../src/sidebar/main';
import { type Harness, withAccounts } from '../addon/harness';
import { example } from '../helpers';
import { addRule as addRuleTo, change, click as clickIn, openSidebar, settle } from './driver';

let h: Harness;
let root: HTMLElement;

async function open(locale = 'en_US'): Promise<Sidebar> {
  const opened = await openSidebar(
    (fresh) => {
      withAccounts(
        fresh,
        example('accounts.csv').map((row, i) => (i === 3 ? ['<img src=x onerror="window.hacked=1">', ...row.slice(1)] : row)),
      );
    },
    { locale },
  );
  ({ h, root } = opened);
  return opened.sidebar;
}

const click = (text: string) => clickIn(root, text);
const addRule = (sidebar: Sidebar, attribute: string, operator: string, value: string, points: string) =>
  addRuleTo({ h, root, sidebar }, attribute, operator, value, points);

describe('sidebar', () => {
  beforeEach(() => {
    (window as unknown as { hacked?: number }).hacked = undefined;
  });

  it('shows the account table, the Default profile and an empty rule list', async () => {
    await open();
    expect(root.querySelector('.table-info')?.textContent).toContain('ICP Accounts · header row 1, 40 rows');
    expect([...root.querySelectorAll('.tab')].map((t) => t.textContent)).toEqual(['Default', '+ Profile']);
    expect(root.querySelector('.guide')?.textContent).toMatch(/^There are no criteria yet/);
    expect(root.querySelector('.rules')?.textContent).toBe('No rules yet: add the first one.');
  });

  it('edits rules with header dropdowns and value suggestions, and previews the draft live', async () => {
    const sidebar = await open();
    await addRule(sidebar, 'Industry', 'is', 'SaaS, Fintech', '60');
    const card = root.querySelector('.rule')!;
    expect([...card.querySelectorAll('select[name=attribute] option')].map((o) => o.textContent)).toContain('Tech stack');
    expect([...card.querySelectorAll('datalist option')].map((o) => o.getAttribute('value'))).toContain('SaaS');
    await addRule(sidebar, 'Region', 'is', 'DACH', '40');
    const bars = [...root.querySelectorAll('.bar-row')].map((b) => [
      b.querySelector('.bar-label')?.textContent,
      Number(b.querySelector('.bar-count')?.textContent),
    ]);
    expect(bars.map(([t]) => t)).toEqual(['A', 'B', 'C', 'D', 'DQ']);
    expect(bars.reduce((n, [, c]) => n + (c as number), 0)).toBe(40);
    expect(root.querySelectorAll('.top li')).toHaveLength(5);
    expect(root.querySelector('.top li')?.textContent).toMatch(/100 \(A\)100 = \+60 Industry is SaaS, Fintech · \+40 Region is DACH/);
    expect(h.spreadsheet.getSheetByName('ICP Criteria')).toBeNull();
  });

  it('saves to the criteria tab and reorders and deletes rules', async () => {
    const sidebar = await open();
    await addRule(sidebar, 'Industry', 'is', 'SaaS', '50');
    await addRule(sidebar, 'Employees', 'between', '50-1000', '30');
    click('Move up');
    expect(sidebar.draft().rules.map((r) => r.attribute)).toEqual(['Industry', 'Employees']);
    root.querySelectorAll<HTMLButtonElement>('button[aria-label="Move up"]')[1].click();
    expect(sidebar.draft().rules.map((r) => r.attribute)).toEqual(['Employees', 'Industry']);
    click('Save criteria');
    await settle(sidebar);
    expect(root.querySelector('.status')?.textContent).toBe('Saved to the ICP Criteria tab: the formulas recalculate now.');
    expect(
      h.spreadsheet
        .getSheetByName('ICP Criteria')!
        .values()
        .slice(1, 3)
        .map((r) => r.slice(1, 5)),
    ).toEqual([
      ['Employees', 'between', '50-1000', 30],
      ['Industry', 'is', 'SaaS', 50],
    ]);
    root.querySelectorAll<HTMLButtonElement>('button[aria-label="Delete"]')[0].click();
    expect(sidebar.draft().rules.map((r) => r.attribute)).toEqual(['Industry']);
    root.querySelector<HTMLButtonElement>('.rule button[aria-label="Delete"]')!.click();
    await settle(sidebar);
    expect(root.querySelector('[data-error=draft]')?.textContent).toBe('Add at least one rule.');
  });

  it('shows a bad value inline next to its field and does not save', async () => {
    const sidebar = await open();
    await addRule(sidebar, 'Employees', '>=', 'lots', '10');
    const valueField = root.querySelector('[data-error="rule-0-value"]');
    expect(valueField?.textContent).toBe('"lots" is not a number, and ">=" compares numbers.');
    expect(valueField?.closest('.field')?.classList.contains('invalid')).toBe(true);
    click('Save criteria');
    await settle(sidebar);
    expect(root.querySelector('.status')?.textContent).toBe('Fix the marked fields first.');
    expect(h.spreadsheet.getSheetByName('ICP Criteria')).toBeNull();
    change(root.querySelector('input[name=value]'), '100');
    await settle(sidebar);
    expect(root.querySelector('[data-error="rule-0-value"]')?.textContent).toBe('');
  });

  it('keeps a new rule’s errors until a field is touched or a save is tried', async () => {
    const sidebar = await open();
    await addRule(sidebar, 'Industry', 'is', 'SaaS', '10');
    root.querySelector<HTMLButtonElement>('[data-action=add-rule]')!.click();
    await settle(sidebar);
    const error = (field: string) => root.querySelector(`[data-error="rule-1-${field}"]`)!;
    // The server finds the blank attribute at once; the editor keeps it to itself, nothing is red yet.
    expect(error('attribute').textContent).toBe('');
    expect(root.querySelectorAll('.field.invalid')).toHaveLength(0);
    // Typing a value touches the value, not the attribute.
    change(root.querySelectorAll('input[name=value]')[1], 'Retail');
    await settle(sidebar);
    expect(error('attribute').textContent).toBe('');
    // Leaving the attribute without picking one touches it: now it says what is missing.
    root.querySelectorAll('select[name=attribute]')[1].dispatchEvent(new Event('blur'));
    expect(error('attribute').textContent).toBe('name the column this rule looks at.');
    expect(error('attribute').closest('.field')?.classList.contains('invalid')).toBe(true);

    // Another new rule, untouched, and Save: every field's error shows, and nothing is saved.
    root.querySelector<HTMLButtonElement>('[data-action=add-rule]')!.click();
    await settle(sidebar);
    expect(root.querySelector('[data-error="rule-2-attribute"]')?.textContent).toBe('');
    click('Save criteria');
    await settle(sidebar);
    expect(root.querySelector('.status')?.textContent).toBe('Fix the marked fields first.');
    expect(root.querySelector('[data-error="rule-2-attribute"]')?.textContent).toBe('name the column this rule looks at.');
    expect(h.spreadsheet.getSheetByName('ICP Criteria')).toBeNull();
  });

  it('says whether the preview scores the saved criteria or an unsaved draft', async () => {
    const sidebar = await open();
    await addRule(sidebar, 'Industry', 'is', 'SaaS, Fintech', '60');
    const note = () => root.querySelector('.preview .hint')?.textContent;
    expect(note()).toBe('Draft scored on your table; nothing is saved yet.');
    click('Save criteria');
    await settle(sidebar);
    expect(root.querySelector('.status')?.textContent).toBe('Saved to the ICP Criteria tab: the formulas recalculate now.');
    expect(note()).toBe('Scored on your table with the criteria saved in the ICP Criteria tab.');
    // An edit after the save is a draft again, once its preview is there.
    change(root.querySelector('input[name=points]'), '55');
    await settle(sidebar);
    expect(note()).toBe('Draft scored on your table; nothing is saved yet.');
    change(root.querySelector('input[name=points]'), '60');
    await settle(sidebar);
    expect(note()).toBe('Scored on your table with the criteria saved in the ICP Criteria tab.');
  });

  it('never inserts user data as HTML', async () => {
    const sidebar = await open();
    await addRule(sidebar, 'Industry', 'is not', '<b>bold</b>', '10');
    const names = [...root.querySelectorAll('.top li b')].map((b) => b.textContent);
    expect(names).toContain('<img src=x onerror="window.hacked=1">');
    expect(root.querySelector('.top img')).toBeNull();
    expect(root.querySelector('.top li .why b')).toBeNull();
    expect((window as unknown as { hacked?: number }).hacked).toBeUndefined();
    expect((root.querySelector('input[name=value]') as HTMLInputElement).value).toBe('<b>bold</b>');
  });

  it('shows saved profiles as tabs and speaks German to German users', async () => {
    const sidebar = await open('de_DE');
    await addRule(sidebar, 'Industry', 'ist', 'SaaS', '10');
    expect(root.querySelector('[data-action=add-profile]')?.textContent).toBe('+ Profil');
    root.querySelector<HTMLButtonElement>('[data-action=add-profile]')!.click();
    change(root.querySelector('input[name=profile-name]'), 'Enterprise');
    click('Hinzufügen');
    await addRule(sidebar, 'Employees', '>=', '2000', '40');
    click('Kriterien speichern');
    await settle(sidebar);
    expect(root.querySelector('.status')?.textContent).toBe('Im Tab ICP-Kriterien gespeichert: Die Formeln rechnen jetzt neu.');
    const reopened = document.createElement('div');
    (await startSidebar(reopened, createServer(fakeScriptRun(h.run)), { debounceMs: 0, pollMs: 0 })).close();
    expect([...reopened.querySelectorAll('.tab')].map((t) => t.textContent)).toEqual(['Standard', 'Enterprise', '+ Profil']);
    expect(reopened.querySelectorAll('.rule')).toHaveLength(1);
    (reopened.querySelectorAll('.tab')[1] as HTMLButtonElement).click();
    expect((reopened.querySelector('select[name=attribute]') as HTMLSelectElement).value).toBe('Employees');
    expect(reopened.querySelector('h2')?.textContent).toBe('Account-Tabelle');
  });
});
