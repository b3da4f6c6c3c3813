// @vitest-environment happy-dom
// The sidebar keeps up with the workbook: it never saves over a hand edit of the criteria tab (it offers to
// reload instead), picks up a hand edit by itself while it has no edits of its own, follows the active
// account table, and renders whatever the headers are called.

import { describe, expect, it } from 'vitest';
import { draft, withAccounts } from '../addon/harness';
import { addRule, change, click, openSidebar, settle } from './driver';

const RULES: Parameters<typeof draft>[0] = [
  ['', 'Industry', 'is', 'SaaS', '40', false],
  ['', 'Region', 'is', 'DACH', '60', false],
];
const focus = () => window.dispatchEvent(new Event('focus'));

describe('sidebar and a changing workbook', () => {
  it('refuses to save over a hand edit of the criteria tab, offers to reload, and then shows the edit', async () => {
    const opened = await openSidebar((h) => {
      withAccounts(h);
      h.run('saveCriteria', draft(RULES));
    });
    const { h, root, sidebar } = opened;
    await addRule(opened, 'Employees', '>=', '50', '10');
    const tab = h.spreadsheet.getSheetByName('ICP Criteria')!;
    tab.getRange('E2').setValue(35);
    click(root, 'Save criteria');
    await settle(sidebar);
    expect(root.querySelector('.status')?.textContent).toMatch(/^The ICP Criteria tab was changed outside this editor/);
    expect(tab.getRange('A2:F4').getValues()).toEqual([
      ['', 'Industry', 'is', 'SaaS', 35, false],
      ['', 'Region', 'is', 'DACH', 60, false],
      ['', '', '', '', '', ''],
    ]);
    click(root, 'Reload from the tab');
    await settle(sidebar);
    expect([...root.querySelectorAll<HTMLInputElement>('input[name=points]')].map((i) => i.value)).toEqual(['35', '60']);
    expect(root.querySelector('[data-action=reload]')).toBeNull();
    change(root.querySelector('input[name=points]'), '45');
    click(root, 'Save criteria');
    await settle(sidebar);
    expect(root.querySelector('.status')?.textContent).toBe('Saved to the ICP Criteria tab: the formulas recalculate now.');
    expect(tab.getRange('E2').getValue()).toBe(45);
  });

  it('picks up a hand edit by itself while it has no unsaved edits, and only offers it when it has', async () => {
    const { h, root, sidebar } = await openSidebar((h) => {
      withAccounts(h);
      h.run('saveCriteria', draft(RULES));
    });
    const tab = h.spreadsheet.getSheetByName('ICP Criteria')!;
    tab.getRange('D3').setValue('DACH, Nordics');
    focus();
    await settle(sidebar);
    expect([...root.querySelectorAll<HTMLInputElement>('input[name=value]')].map((i) => i.value)).toEqual(['SaaS', 'DACH, Nordics']);
    change(root.querySelector('input[name=value]'), 'SaaS, Fintech');
    tab.getRange('D3').setValue('DACH');
    focus();
    await settle(sidebar);
    expect((root.querySelector('input[name=value]') as HTMLInputElement).value).toBe('SaaS, Fintech');
    expect(root.querySelector('.status')?.textContent).toMatch(/^The ICP Criteria tab was changed outside this editor since it was loaded\. Reload/);
    expect(root.querySelector('[data-action=reload]')).not.toBeNull();
  });

  it('follows the active account table, keeping the draft', async () => {
    const { h, root, sidebar } = await openSidebar((h) => {
      withAccounts(h);
      h.spreadsheet.addSheet('Leads').load([
        ['Firma', 'Branche', 'Region'],
        ['Zeta', 'SaaS', 'DACH'],
        ['Eta', 'Handel', 'US'],
      ]);
      h.run('saveCriteria', draft([['', 'Region', 'is', 'DACH', '100', false]]));
    });
    expect(root.querySelector('.table-info')?.textContent).toContain('ICP Accounts');
    h.spreadsheet.setActiveSheet(h.spreadsheet.getSheetByName('Leads') as never);
    focus();
    await settle(sidebar);
    expect(root.querySelector('.table-info')?.textContent).toContain('Leads · header row 1, 2 rows');
    expect([...root.querySelectorAll('select[name=attribute] option')].map((o) => o.textContent)).toEqual(['—', 'Firma', 'Branche', 'Region']);
    expect([...root.querySelectorAll('.top li b')].map((b) => b.textContent)).toEqual(['Zeta', 'Eta']);
    expect(sidebar.draft().rules).toHaveLength(1);
  });

  it('renders rules on columns named __proto__ and constructor, with their suggestions', async () => {
    const { root } = await openSidebar((h) => {
      withAccounts(h, [
        ['Company', '__proto__', 'constructor'],
        ['Acme', 'x', 'y'],
        ['Beta', 'x', 'z'],
      ]);
      h.run(
        'saveCriteria',
        draft([
          ['', '__proto__', 'is', 'x', '50', false],
          ['', 'constructor', 'is', 'y', '50', false],
        ]),
      );
    });
    expect([...root.querySelectorAll<HTMLSelectElement>('select[name=attribute]')].map((s) => s.value)).toEqual(['__proto__', 'constructor']);
    expect([...root.querySelectorAll('.rule')[1].querySelectorAll('datalist option')].map((o) => o.getAttribute('value'))).toEqual(['y', 'z']);
  });
});
