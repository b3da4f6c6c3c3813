// @vitest-environment happy-dom
// The sidebar's panels, driven like a user would against the real server functions of the built bundle:
// profiles renamed, deleted and added inline (10.7); a guide when the criteria do not fit the account table,
// with a starter profile from its columns (10.4); Copy as SQL (issue 12).

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { draft, type Harness, save, withAccounts } from '../addon/harness';
import { example } from '../helpers';
import { change, click, type Opened, openSidebar, settle } from './driver';

type Rule = Parameters<typeof draft>[0][number];

const TWO_PROFILES: Rule[] = [
  ['SaaS mid-market', 'Industry', 'is', 'SaaS, Fintech', '30', false],
  ['SaaS mid-market', 'Region', 'is', 'DACH', '20', false],
  ['Enterprise', 'Employees', '>=', '2000', '40', true],
];

/** The example accounts with these criteria saved in the tab, and the sidebar opened on them. */
async function openWith(rules: Rule[], locale?: string): Promise<Opened> {
  const opened = await openSidebar(
    (h) => {
      withAccounts(h);
      if (rules.length) expect(save(h, draft(rules)).ok).toBe(true);
    },
    { locale },
  );
  await settle(opened.sidebar);
  return opened;
}

const tabs = (root: HTMLElement) => [...root.querySelectorAll('.tabs [role=tab]')].map((t) => t.textContent);
const nameInput = (root: HTMLElement) => root.querySelector<HTMLInputElement>('.tabs input[name=profile-name]');
const key = (el: Element | null, name: string) => el!.dispatchEvent(new KeyboardEvent('keydown', { key: name, bubbles: true }));
const tabRows = (h: Harness) =>
  h.spreadsheet
    .getSheetByName('ICP Criteria')!
    .values()
    .slice(1)
    .filter((r) => r[1] !== '')
    .map((r) => r[0]);

// A browser dialog would freeze the Apps Script sidebar: the sidebar must never open one.
beforeEach(() => {
  for (const name of ['prompt', 'confirm', 'alert'] as const) {
    (window as unknown as Record<string, unknown>)[name] = () => {
      throw new Error(`window.${name} was called`);
    };
  }
});

describe('profiles in the sidebar (10.7)', () => {
  it('names a new profile inline in the tab row, never in a browser prompt, and refuses a name that is taken', async () => {
    const { root, sidebar } = await openWith(TWO_PROFILES);
    click(root, '+ Profile');
    const input = nameInput(root)!;
    expect(input).not.toBeNull();
    expect(input.placeholder).toBe('Profile name');
    expect(input.closest('.tabs')).not.toBeNull();
    change(input, ' enterprise ');
    key(input, 'Enter');
    expect(root.querySelector('.tabs .error')?.textContent).toBe('There is already a profile “Enterprise”.');
    expect(tabs(root)).toEqual(['SaaS mid-market', 'Enterprise']);
    change(nameInput(root), 'SMB');
    click(root, 'Add');
    expect(tabs(root)).toEqual(['SaaS mid-market', 'Enterprise', 'SMB']);
    expect(root.querySelector('.tab.active')?.textContent).toBe('SMB');
    expect(nameInput(root)).toBeNull();
    expect(root.querySelector('.rules')?.textContent).toBe('No rules yet: add the first one.');
    click(root, '+ Profile');
    key(nameInput(root), 'Escape');
    expect(nameInput(root)).toBeNull();
    expect(root.querySelector('[data-action=add-profile]')).not.toBeNull();
    await settle(sidebar);
  });

  it('renames the shown profile through the one profile key, refuses another profile’s name, and saves the new name', async () => {
    const { h, root, sidebar } = await openWith(TWO_PROFILES);
    click(root, 'Rename profile');
    const input = nameInput(root)!;
    expect(input.value).toBe('SaaS mid-market');
    change(input, 'ENTERPRISE');
    click(root, 'Rename');
    expect(root.querySelector('.tabs .error')?.textContent).toBe('There is already a profile “Enterprise”.');
    change(nameInput(root), 'saas  MID-market'); // its own name in another spelling is fine
    key(nameInput(root), 'Enter');
    expect(tabs(root)).toEqual(['saas  MID-market', 'Enterprise']);
    click(root, 'Rename profile');
    change(nameInput(root), 'Mid-market');
    key(nameInput(root), 'Enter');
    expect(tabs(root)).toEqual(['Mid-market', 'Enterprise']);
    expect(root.querySelector('.tab.active')?.textContent).toBe('Mid-market');
    expect(root.querySelectorAll('.rule')).toHaveLength(2);
    click(root, 'Save criteria');
    await settle(sidebar);
    expect(root.querySelector('.status')?.textContent).toBe('Saved to the ICP Criteria tab: the formulas recalculate now.');
    expect(tabRows(h)).toEqual(['Mid-market', 'Mid-market', 'Enterprise']);
  });

  it('deletes a profile only after a confirmation inside the sidebar, and keeps the others', async () => {
    const { h, root, sidebar } = await openWith(TWO_PROFILES);
    (root.querySelectorAll('.tabs .tab')[1] as HTMLButtonElement).click();
    click(root, 'Delete profile');
    expect(root.querySelector('.confirm')?.textContent).toContain('Delete the profile “Enterprise” and its 1 rule?');
    click(root, 'Cancel');
    expect(root.querySelector('.confirm')).toBeNull();
    expect(tabs(root)).toEqual(['SaaS mid-market', 'Enterprise']);
    click(root, 'Delete profile');
    root.querySelector<HTMLButtonElement>('[data-action=confirm-delete]')!.click();
    expect(tabs(root)).toEqual(['SaaS mid-market']);
    expect(root.querySelector('.tab.active')?.textContent).toBe('SaaS mid-market');
    expect(sidebar.draft().rules.map((r) => r.attribute)).toEqual(['Industry', 'Region']);
    await settle(sidebar);
    expect(tabRows(h)).toEqual(['SaaS mid-market', 'SaaS mid-market', 'Enterprise']); // nothing saved yet
    click(root, 'Save criteria');
    await settle(sidebar);
    expect(tabRows(h)).toEqual(['SaaS mid-market', 'SaaS mid-market']);
  });
});

describe('guiding a user whose criteria do not fit (10.4)', () => {
  const OWN = [
    ['Firma', 'Branche', 'Mitarbeitende', 'Region (HQ)', 'Website'],
    ['Alpha GmbH', 'Software', 1200, 'DACH', 'https://alpha.example'],
    ['Beta AG', 'Handel', 80, 'DACH', ''],
    ['Gamma SE', 'Software', 450, 'Nordics', 'https://gamma.example'],
  ];

  it('with no criteria, explains and starts a profile from the sheet’s columns: previewed, not saved', async () => {
    const { h, root, sidebar } = await openSidebar((fresh) =>
      withAccounts(
        fresh,
        OWN.map((r) => [...r]),
      ),
    );
    await settle(sidebar);
    const guide = root.querySelector('.guide')!;
    expect(guide.textContent).toContain('There are no criteria yet');
    expect(guide.querySelector('[data-slot=learn]')).not.toBeNull(); // where learning from an outcome column goes
    click(root, 'Start a profile from this sheet’s columns');
    await settle(sidebar);
    expect(tabs(root)).toEqual(['Starter profile']);
    expect([...root.querySelectorAll('select[name=attribute]')].map((s) => (s as HTMLSelectElement).value)).toEqual([
      'Branche',
      'Mitarbeitende',
      'Region (HQ)',
      'Website',
    ]);
    expect(root.querySelector('.guide-note')?.textContent).toBe(
      'Started “Starter profile” from 4 columns of ICP Accounts, 10 points each (left out: Firma). Check the rules, then save.',
    );
    expect(root.querySelectorAll('.bar-row')).toHaveLength(5);
    expect(h.spreadsheet.getSheetByName('ICP Criteria')).toBeNull();
    click(root, 'Save criteria');
    await settle(sidebar);
    expect(root.querySelector('.status')?.textContent).toBe('Saved to the ICP Criteria tab: the formulas recalculate now.');
    expect(root.querySelector('.guide-note')).toBeNull();
  });

  it('names each rule that does not fit, and adds the starter profile beside them without touching them', async () => {
    const { root, sidebar } = await openSidebar((fresh) => {
      withAccounts(fresh, example('accounts.csv'));
      expect(
        save(
          fresh,
          draft([
            ['SaaS', 'Industry', 'is', 'SaaS', '30', false],
            ['SaaS', 'Region', 'is', 'DACH', '20', false],
            ['Big', 'Revenue', '>=', '100 Mio', '30', false],
          ]),
        ).ok,
      ).toBe(true);
      fresh.spreadsheet.sheets[0].clear().load(OWN.map((r) => [...r])); // then the user pastes another export in its place
    });
    await settle(sidebar);
    const guide = root.querySelector('.guide')!;
    expect(guide.querySelector('.guide-text')?.textContent).toBe('3 of 3 rules do not fit the columns of ICP Accounts, so Score this sheet writes nothing:');
    // Each rule as written, and why it does not fit as the formulas say it (closest headers from the same core).
    expect([...guide.querySelectorAll('.unfit .what')].map((el) => el.textContent)).toEqual([
      'Industry is SaaS (SaaS)',
      'Region is DACH (SaaS)',
      'Revenue >= 100 Mio (Big)',
    ]);
    const why = [...guide.querySelectorAll('.unfit .why')].map((el) => el.textContent);
    expect(why.map((line) => line?.replace(/ Closest: .*$/, ''))).toEqual([
      '"Industry" is not a column of the table.',
      '"Region" is not a column of the table.',
      '"Revenue" is not a column of the table.',
    ]);
    expect(why[1]).toMatch(/Closest: "Region \(HQ\)"/);
    guide.querySelectorAll<HTMLButtonElement>('.unfit li button')[2].click();
    expect(root.querySelector('.tab.active')?.textContent).toBe('Big');
    const before = sidebar.draft().rules;
    click(root, 'Start a profile from this sheet’s columns');
    await settle(sidebar);
    expect(sidebar.draft().rules.slice(0, 3)).toEqual(before);
    expect(tabs(root)).toEqual(['SaaS', 'Big', 'Starter profile']);
    expect(root.querySelector('.tab.active')?.textContent).toBe('Starter profile');
    expect(root.querySelectorAll('.bar-row')).toHaveLength(0); // the old rules still do not fit: no preview yet
    // Fixing a rule in its Attribute shrinks the list; deleting the rest leaves the starter profile to save.
    (root.querySelectorAll('.tabs .tab')[0] as HTMLButtonElement).click();
    change(root.querySelector('.rule:nth-child(2) select[name=attribute]'), 'Region (HQ)', 'change');
    await settle(sidebar);
    expect(root.querySelector('.guide-text')?.textContent).toBe('2 of 7 rules do not fit the columns of ICP Accounts, so Score this sheet writes nothing:');
    click(root, 'Delete profile');
    root.querySelector<HTMLButtonElement>('[data-action=confirm-delete]')!.click();
    click(root, 'Delete profile');
    root.querySelector<HTMLButtonElement>('[data-action=confirm-delete]')!.click();
    await settle(sidebar);
    expect(root.querySelector('.unfit')).toBeNull();
    expect(root.querySelectorAll('.bar-row')).toHaveLength(5);
  });

  it('shows what the user wrote as text, never as HTML', async () => {
    const html = '<img src=x onerror="window.hacked=1">';
    const { root, sidebar } = await openSidebar((fresh) => {
      withAccounts(fresh, [
        ['Company', html],
        ['Alpha', 'x'],
      ]);
      expect(save(fresh, draft([[html, html, 'is', html, '10', false]])).ok).toBe(true);
      fresh.spreadsheet.sheets[0].clear().load([
        [html.toUpperCase().replace('IMG', 'b'), 'Industry'],
        ['<b>Alpha</b>', 'SaaS'],
      ]);
    });
    await settle(sidebar);
    expect(root.querySelector('.unfit .what')?.textContent).toBe(`${html} is ${html} (${html})`);
    click(root, 'Start a profile from this sheet’s columns');
    await settle(sidebar);
    expect(root.querySelector('.guide')?.textContent).toContain('Closest: "<b SRC=X ONERROR="WINDOW.HACKED=1">"');
    expect([...root.querySelectorAll('.tabs [role=tab]')].map((t) => t.textContent)).toEqual([html, 'Starter profile']);
    expect(root.querySelector('img, .guide b')).toBeNull();
    expect((window as unknown as { hacked?: number }).hacked).toBeUndefined();
  });

  it('speaks German', async () => {
    const { root, sidebar } = await openSidebar(
      (fresh) =>
        withAccounts(
          fresh,
          OWN.map((r) => [...r]),
        ),
      { locale: 'de_DE' },
    );
    await settle(sidebar);
    expect(root.querySelector('.guide-text')?.textContent).toMatch(/^Es gibt noch keine Kriterien/);
    click(root, 'Profil aus den Spalten dieses Blatts beginnen');
    await settle(sidebar);
    expect(tabs(root)).toEqual(['Startprofil']);
    expect(root.querySelector('.guide-note')?.textContent).toMatch(/^„Startprofil“ aus 4 Spalten von ICP Accounts begonnen/);
  });
});

describe('Copy as SQL (issue 12)', () => {
  const clipboard = Object.getOwnPropertyDescriptor(window.navigator, 'clipboard');
  afterEach(() => {
    if (clipboard) Object.defineProperty(window.navigator, 'clipboard', clipboard);
    else delete (window.navigator as { clipboard?: unknown }).clipboard;
  });

  const sqlText = (root: HTMLElement) => root.querySelector<HTMLTextAreaElement>('textarea[name=sql]')!.value;

  async function openPanel(opened: Opened): Promise<void> {
    click(opened.root, 'Copy as SQL');
    await settle(opened.sidebar);
  }

  it('is collapsed at first, then shows the query of the draft as ICP_SQL writes it, following dialect, table and snake_case', async () => {
    const opened = await openWith(TWO_PROFILES);
    const { h, root, sidebar } = opened;
    const toggle = root.querySelector('[data-action=toggle-sql]')!;
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(root.querySelector<HTMLElement>('.sql-body')!.hidden).toBe(true);
    await openPanel(opened);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const tab = h.spreadsheet.getSheetByName('ICP Criteria')!;
    const icpSql = (dialect: string, options: string) => h.evaluate(tab, `=ICP_SQL(ICP_CRITERIA, "", "${dialect}", "${options}", ICP_TIERS)`);
    expect(sqlText(root)).toBe(icpSql('bigquery', 'table=accounts'));
    expect(root.querySelector<HTMLTextAreaElement>('textarea[name=sql]')!.readOnly).toBe(true);
    change(root.querySelector('select[name=dialect]'), 'postgres', 'change');
    change(root.querySelector('input[name=table]'), 'crm.accounts');
    await settle(sidebar);
    expect(sqlText(root)).toBe(icpSql('postgres', 'table=crm.accounts'));
    change(root.querySelector('input[name=snake]'), true, 'change');
    await settle(sidebar);
    expect(sqlText(root)).toBe(icpSql('postgres', 'table=crm.accounts; columns=snake'));
    // An unsaved edit is in the query at once.
    change(root.querySelector('input[name=points]'), '35');
    await settle(sidebar);
    expect(sqlText(root)).toContain('35');
    expect(sqlText(root)).not.toBe(icpSql('postgres', 'table=crm.accounts; columns=snake'));
    click(root, 'Copy as SQL');
    expect(root.querySelector<HTMLElement>('.sql-body')!.hidden).toBe(true);
  });

  it('puts each problem next to its field: the table name, a rule SQL cannot name, a draft with errors', async () => {
    const opened = await openSidebar((h) => {
      withAccounts(h, [
        ['Company', 'Region (HQ)', 'Employees'],
        ['Alpha', 'DACH', 50],
      ]);
      save(
        h,
        draft([
          ['', 'Region (HQ)', 'is', 'DACH', '10', false],
          ['', 'Employees', '>=', '10', '5', false],
        ]),
      );
    });
    const { root, sidebar } = opened;
    await openPanel(opened);
    expect(sqlText(root)).toBe('');
    const problem = root.querySelector('.sql-problem')!;
    expect(problem.textContent).toBe(
      'Region (HQ) is DACH: "Region (HQ)" cannot be a column in SQL: BigQuery column names cannot hold "(". Name the column region_hq and add the option columns=snake, or rename it.',
    );
    const attribute = root.querySelector('[data-error="rule-0-attribute"]')!;
    expect(attribute.textContent).toMatch(/cannot be a column in SQL/);
    change(root.querySelector('input[name=snake]'), true, 'change');
    await settle(sidebar);
    expect(sqlText(root)).toContain('`region_hq`');
    expect(root.querySelector('.sql-problem')?.textContent).toBe('');
    expect(attribute.textContent).toBe('');
    change(root.querySelector('input[name=table]'), 'crm..accounts');
    await settle(sidebar);
    const tableError = root.querySelector('.sql [data-sql-error=table]')!;
    expect(tableError.textContent).toBe('"crm..accounts" is not a table name: write name, dataset.name or project.dataset.name.');
    expect(tableError.closest('.field')?.classList.contains('invalid')).toBe(true);
    expect(sqlText(root)).toBe('');
    change(root.querySelector('input[name=table]'), 'crm.accounts');
    change(root.querySelectorAll('input[name=value]')[1], 'many');
    await settle(sidebar);
    expect(tableError.textContent).toBe('');
    expect(root.querySelector('.sql-problem')?.textContent).toBe('Fix the marked fields first: the query is written from a draft without errors.');
    expect(root.querySelector('[data-error="rule-1-value"]')?.textContent).toBe('"many" is not a number, and ">=" compares numbers.');
    expect(sqlText(root)).toBe('');
  });

  it('copies with the clipboard, or with the selection when the clipboard is blocked, and says which', async () => {
    const opened = await openWith(TWO_PROFILES);
    const { root, sidebar } = opened;
    await openPanel(opened);
    const copied: string[] = [];
    const useClipboard = (writeText: (text: string) => Promise<void>) =>
      Object.defineProperty(window.navigator, 'clipboard', { value: { writeText }, configurable: true });
    let execCommand = (): boolean => false;
    (document as unknown as { execCommand: (command: string) => boolean }).execCommand = (command) => command === 'copy' && execCommand();

    useClipboard(async (text) => void copied.push(text));
    click(root, 'Copy');
    await settle(sidebar);
    expect(copied).toEqual([sqlText(root)]);
    expect(root.querySelector('.sql-status')?.textContent).toBe('Copied. Paste it into BigQuery.');

    useClipboard(() => Promise.reject(new DOMException('blocked by permissions policy', 'NotAllowedError')));
    execCommand = () => true;
    click(root, 'Copy');
    await settle(sidebar);
    expect(root.querySelector('.sql-status')?.textContent).toBe('Copied. Paste it into BigQuery.');

    execCommand = () => false;
    click(root, 'Copy');
    await settle(sidebar);
    const area = root.querySelector<HTMLTextAreaElement>('textarea[name=sql]')!;
    expect(root.querySelector('.sql-status')?.textContent).toBe(
      'This browser blocks copying here: the query is selected, press Ctrl+C (⌘C on a Mac) to copy it.',
    );
    expect([area.selectionStart, area.selectionEnd]).toEqual([0, area.value.length]);
    expect(document.activeElement).toBe(area);
  });

  it('speaks German', async () => {
    const opened = await openWith(TWO_PROFILES, 'de_DE');
    click(opened.root, 'Als SQL kopieren');
    await settle(opened.sidebar);
    expect(opened.root.querySelector('.sql-body')?.textContent).toContain('Tabelle');
    expect(sqlText(opened.root)).toMatch(/^-- ICP score/);
  });
});
