// Saving criteria from the sidebar, against the built bundle on the in-memory Sheets: each rule goes back
// into the row it came from and only its changed cells are written; formulas (also those that show blank)
// stay, or move with their rule when the draft's order moves it; the spacer column G and everything right
// of I are never written; and the check and the write are one step under the document lock.

import { describe, expect, it } from 'vitest';
import type { FakeSheet } from '../../emulator/apps-script';
import { fakeScriptRun } from '../../emulator/script-run';
import { type CriteriaDraft, draftVersion, placeRows } from '../../src/core/draft';
import { createServer } from '../../src/sidebar/bridge';
import * as edit from '../../src/sidebar/draft-editing';
import { Session } from '../../src/sidebar/session';
import { changedCells, draft, filledCells, type Harness, harness, save, withAccounts } from './harness';

type Value = string | number | boolean;
const HEADER: Value[] = ['Profile', 'Attribute', 'Operator', 'Value', 'Points', 'Required', '', 'Tier', 'Minimum score'];
const TIERS: Value[][] = [
  ['A', 80],
  ['B', 60],
  ['C', 40],
  ['D', 0],
];

/** Accounts and a criteria tab holding `rules` (A:G, formulas as `=…`) beside the default tiers. */
function tabWith(rules: Value[][], formulaValues: [string, Value][] = []): { h: Harness; tab: FakeSheet } {
  const h = harness();
  withAccounts(h, [
    ['Company', 'Industry', 'Region', 'Employees'],
    ['Acme', 'SaaS', 'DACH', 120],
    ['Beta', 'Retail', 'US', 15],
  ]);
  for (const [formula, value] of formulaValues) h.spreadsheet.formulaValues.set(formula, value);
  expect(save(h, draft([['', 'Industry', 'is', 'SaaS', '10', false]])).ok).toBe(true); // creates the tab
  const tab = h.spreadsheet.getSheetByName('ICP Criteria')!;
  const height = Math.max(rules.length, TIERS.length);
  const rows = Array.from({ length: height }, (_, i) => {
    const rule = rules[i] ?? [];
    return [...Array.from({ length: 7 }, (_, c) => rule[c] ?? ''), ...(TIERS[i] ?? ['', ''])];
  });
  tab.load([HEADER, ...rows]);
  return { h, tab };
}

/** The sidebar's state as it arrives over google.script.run (through JSON). */
function opened(h: Harness): { draft: CriteriaDraft; version: string } {
  return JSON.parse(JSON.stringify(h.run('getSidebarState')));
}

/** What a draft says, without where its rules and tiers came from. */
function texts(d: CriteriaDraft) {
  return { rules: d.rules.map(({ row: _, ...rule }) => rule), tiers: d.tiers.map(({ row: _, ...tier }) => tier) };
}

/** A1 cells of the tab as `value` or `formula`, for reading a row at a glance. */
function shown(tab: FakeSheet, a1: string): string[][] {
  const range = tab.getRange(a1);
  const values = range.getValues();
  return range.getFormulas().map((row, r) => row.map((f, c) => f || JSON.stringify(values[r][c])));
}

function saved(h: Harness, d: CriteriaDraft, version: string) {
  const outcome = h.run('saveCriteria', d, version);
  expect(outcome).toMatchObject({ ok: true });
  expect(texts(opened(h).draft)).toEqual(texts(d)); // the tab reads back as the draft
  return outcome;
}

describe('saving criteria keeps the tab as the user made it', () => {
  it('deletes a rule by blanking its row, and leaves the formula and `ja` of the rule below it', () => {
    const { h, tab } = tabWith(
      [
        ['', 'Industry', 'is', 'SaaS', 30, false],
        ['', 'Region', 'is', '=Lists!A1', 20, 'ja'],
        ['', 'Employees', '>=', 50, 20, false],
      ],
      [['=Lists!A1', 'DACH']],
    );
    const state = opened(h);
    const before = filledCells(h);
    saved(h, edit.removeRule(state.draft, 0), state.version);
    expect(shown(tab, 'A2:F4')).toEqual([
      ['""', '""', '""', '""', '""', '""'],
      ['""', '"Region"', '"is"', '=Lists!A1', '20', '"ja"'],
      ['""', '"Employees"', '">="', '50', '20', 'false'],
    ]);
    expect(changedCells(before, h)).toHaveLength(5); // B2:F2, nothing else
  });

  it('edits a rule in its own row across a blank row, keeping the formula and note of the rule below', () => {
    const { h } = tabWith(
      [['', 'Industry', 'is', 'SaaS', 30, false, 'note for rule 1'], [], ['', 'Employees', '>=', '=TEXT(50,"0")', 20, false, 'note for rule 2 (Employees)']],
      [['=TEXT(50,"0")', '50']],
    );
    const state = opened(h);
    expect(state.draft.rules.map((r) => r.row)).toEqual([2, 4]);
    const before = filledCells(h);
    saved(h, edit.updateRule(state.draft, 0, 'points', '35'), state.version);
    expect(changedCells(before, h)).toEqual(['ICP Criteria!R2C5: {"value":30,"formula":""} → {"value":35,"formula":""}']);
  });

  it('keeps a row of formulas that show blank, and puts a new rule into a free row below it', () => {
    const IF = ['=IF(Settings!B1,"Region","")', '=IF(Settings!B1,"is","")', '=IF(Settings!B1,"DACH","")'];
    const { h, tab } = tabWith([
      ['', 'Industry', 'is', 'SaaS', 30, false],
      ['', ...IF],
    ]);
    const state = opened(h);
    expect(state.draft.rules).toHaveLength(1); // the switched-off rule shows nothing, so it is no rule now
    let d = edit.updateRule(state.draft, 0, 'points', '40');
    d = edit.addRule(d, edit.profiles(d)[0], 'Employees');
    d = edit.updateRule(d, 1, 'value', '50');
    const before = filledCells(h);
    saved(h, d, state.version);
    expect(tab.getRange('B3:D3').getFormulas()[0]).toEqual(IF);
    expect(shown(tab, 'A4:F4')[0]).toEqual(['""', '"Employees"', '"is"', '"50"', '10', 'false']);
    expect(changedCells(before, h)).toEqual(['ICP Criteria!R2C5: {"value":30,"formula":""} → {"value":40,"formula":""}']);
  });

  it('moves a rule with its formulas when the sidebar reorders, and leaves the notes in G where they are', () => {
    const { h, tab } = tabWith(
      [
        ['', 'Industry', 'is', 'SaaS', 30, false, 'about Industry'],
        ['', 'Region', 'is', '=Lists!A1', 20, 'ja', 'about Region'],
        ['', 'Employees', '>=', 50, 20, false, 'about Employees'],
      ],
      [['=Lists!A1', 'DACH']],
    );
    const state = opened(h);
    const notes = tab.getRange('G1:Z10').getValues();
    saved(h, edit.moveRule(state.draft, 1, -1), state.version);
    expect(shown(tab, 'A2:F4')).toEqual([
      ['""', '"Region"', '"is"', '=Lists!A1', '20', '"ja"'],
      ['""', '"Industry"', '"is"', '"SaaS"', '30', 'false'],
      ['""', '"Employees"', '">="', '50', '20', 'false'],
    ]);
    expect(tab.getRange('G1:Z10').getValues()).toEqual(notes);
  });

  it('inserts a rule into the middle of the list by moving the rules below it down, formulas and all', () => {
    const { h, tab } = tabWith(
      [
        ['Startup', 'Industry', 'is', 'SaaS', 30, false],
        ['Enterprise', 'Region', 'is', '=Lists!A1', 20, 'ja'],
        ['Enterprise', 'Employees', '>=', '=TEXT(50,"0")', 20, false],
      ],
      [
        ['=Lists!A1', 'DACH'],
        ['=TEXT(50,"0")', '50'],
      ],
    );
    const state = opened(h);
    const d = edit.updateRule(edit.addRule(state.draft, 'Startup', 'Region'), 1, 'value', 'US');
    saved(h, d, state.version);
    expect(shown(tab, 'A2:F5')).toEqual([
      ['"Startup"', '"Industry"', '"is"', '"SaaS"', '30', 'false'],
      ['"Startup"', '"Region"', '"is"', '"US"', '10', 'false'],
      ['"Enterprise"', '"Region"', '"is"', '=Lists!A1', '20', '"ja"'],
      ['"Enterprise"', '"Employees"', '">="', '=TEXT(50,"0")', '20', 'false'],
    ]);
  });

  it('keeps tiers in their rows too: a deleted tier is blanked, a formula in a tier kept', () => {
    const { h, tab } = tabWith([['', 'Industry', 'is', 'SaaS', 30, false]]);
    h.spreadsheet.formulaValues.set('=50+10', 60);
    tab.getRange('I3').setFormula('=50+10');
    const state = opened(h);
    const d = edit.updateTier(edit.removeTier(state.draft, 0), 1, 'label', 'Warm');
    saved(h, d, state.version);
    expect(shown(tab, 'H2:I5')).toEqual([
      ['""', '""'],
      ['"B"', '=50+10'],
      ['"Warm"', '40'],
      ['"D"', '0'],
    ]);
  });

  it('replaces the criteria with a draft of its own (no rows) from the top, keeping cells that read as it says', () => {
    const { h, tab } = tabWith(
      [['', 'Industry', 'is', '=Lists!A1', 30, false], [], ['', 'Region', 'is', 'DACH', 20, 'ja']],
      [
        ['=Lists!A1', 'SaaS'],
        ['=50+10', 60],
      ],
    );
    tab.getRange('I3').setFormula('=50+10');
    saved(
      h,
      draft([
        ['', 'Industry', 'is', 'SaaS', '30', false],
        ['', 'Employees', '>=', '50', '10', false],
      ]),
      opened(h).version,
    );
    expect(shown(tab, 'A2:F4')).toEqual([
      ['""', '"Industry"', '"is"', '=Lists!A1', '30', 'false'],
      ['""', '"Employees"', '">="', '"50"', '10', 'false'],
      ['""', '""', '""', '""', '""', '""'],
    ]);
    expect(shown(tab, 'H3:I3')).toEqual([['"B"', '=50+10']]);
  });

  it('refuses a save when rows were deleted by hand since loading, though the criteria read the same', () => {
    const { h, tab } = tabWith(
      [
        ['', 'Industry', 'is', 'SaaS', 30, false],
        ['', 'Employees', '>=', 50, 20, false],
        ['', 'Region', 'is', 'US', 10, false],
        ['', 'Region', 'is not', 'CN', 10, false],
        [],
        ['', 'Region', 'is', '=Lists!A1', 20, 'ja'],
      ],
      [['=Lists!A1', 'DACH']],
    );
    const state = opened(h);
    tab.deleteRows(6, 1); // a blank row (below the tiers): the criteria read as before, but move up a row
    expect(h.run('getSidebarStatus').version).toBe(state.version);
    const before = filledCells(h);
    const outcome = h.run('saveCriteria', edit.updateRule(state.draft, 4, 'points', '25'), state.version);
    expect(outcome).toMatchObject({ ok: false, stale: true });
    expect(changedCells(before, h)).toEqual([]);
  });

  it('hands back the saved draft with its rows, so the next save from the same sidebar keeps formulas', () => {
    const { h, tab } = tabWith(
      [
        ['', 'Industry', 'is', 'SaaS', 30, false],
        ['', 'Region', 'is', '=Lists!A1', 20, 'ja'],
      ],
      [['=Lists!A1', 'DACH']],
    );
    const state = opened(h);
    const first = saved(h, { ...state.draft, rules: [state.draft.rules[1], state.draft.rules[0]] }, state.version);
    expect(first.draft.rules.map((r: { row: number }) => r.row)).toEqual([2, 3]);
    expect(first.version).toBe(draftVersion(first.draft));
    // The draft the sidebar sent still says Region came from row 3: saving it again is refused, not misread.
    const before = filledCells(h);
    const stale = edit.updateRule({ ...state.draft, rules: [state.draft.rules[1], state.draft.rules[0]] }, 1, 'points', '35');
    expect(h.run('saveCriteria', stale, first.version)).toMatchObject({ ok: false, stale: true });
    expect(changedCells(before, h)).toEqual([]);
    saved(h, edit.updateRule(JSON.parse(JSON.stringify(first.draft)), 1, 'points', '35'), first.version);
    expect(shown(tab, 'A2:F3')).toEqual([
      ['""', '"Region"', '"is"', '=Lists!A1', '20', '"ja"'],
      ['""', '"Industry"', '"is"', '"SaaS"', '35', 'false'],
    ]);
  });

  it('lets the sidebar save twice in a row after a move, keeping the moved formula', async () => {
    const { h, tab } = tabWith(
      [
        ['', 'Industry', 'is', 'SaaS', 30, false],
        ['', 'Region', 'is', '=Lists!A1', 20, 'ja'],
      ],
      [['=Lists!A1', 'DACH']],
    );
    const server = createServer(fakeScriptRun(h.run));
    const session = new Session(server, await server.getSidebarState());
    session.edit((d) => edit.moveRule(d, 1, -1));
    await session.save();
    expect(session.status).toBe(session.t.saved(session.tab));
    expect(session.edited).toBe(false);
    session.edit((d) => edit.updateRule(d, 1, 'points', '35'));
    await session.save();
    await session.settled();
    expect(session.status).toBe(session.t.saved(session.tab));
    expect(shown(tab, 'A2:F3')).toEqual([
      ['""', '"Region"', '"is"', '=Lists!A1', '20', '"ja"'],
      ['""', '"Industry"', '"is"', '"SaaS"', '35', 'false'],
    ]);
  });

  it('saves points typed with a decimal comma as the number, and hands back how the tab reads it', () => {
    const h = harness();
    withAccounts(h, [
      ['Company', 'Industry'],
      ['Acme', 'SaaS'],
    ]);
    const outcome = save(h, draft([['', 'Industry', 'is', 'SaaS', '1,5', false]]));
    expect(outcome.ok).toBe(true);
    expect(h.spreadsheet.getSheetByName('ICP Criteria')!.getRange('E2').getValue()).toBe(1.5);
    expect(outcome.draft.rules[0].points).toBe('1.5');
    expect(outcome.version).toBe(draftVersion(outcome.draft));
  });
});

describe('placeRows', () => {
  const none = () => false;

  it('keeps edited and remaining items in their rows, and blank rows where they are', () => {
    expect(placeRows([2, 4, 5], none)).toEqual([2, 4, 5]);
    expect(placeRows([4, 5], none)).toEqual([4, 5]); // row 2 was deleted
  });

  it('moves reordered items through the rows they use, and nothing else', () => {
    expect(placeRows([2, 4, 3, 5], none)).toEqual([2, 3, 4, 5]);
    expect(placeRows([6, 2, 4], none)).toEqual([2, 4, 6]); // the blank rows 3 and 5 stay blank
  });

  it('puts a new item into the first free row below the item before it, moving items down only when none is free', () => {
    expect(placeRows([2, undefined, 4], none)).toEqual([2, 3, 4]);
    expect(placeRows([2, undefined, 3, 4], none)).toEqual([2, 3, 4, 5]);
    expect(placeRows([undefined, undefined], none)).toEqual([2, 3]);
    expect(placeRows([2, undefined, undefined], (row) => row === 3)).toEqual([2, 4, 5]);
  });
});

describe('the save is one step under the document lock', () => {
  const rules: Value[][] = [
    ['', 'Industry', 'is', 'SaaS', 30, false],
    ['', 'Region', 'is', 'DACH', 20, false],
  ];

  it('checks the version only once it holds the lock, so an edit that lands while it waits is not overwritten', () => {
    const { h, tab } = tabWith(rules);
    const state = opened(h);
    h.documentLock.whileWaiting = () => tab.getRange('E3').setValue(25); // a collaborator's save finishes first
    const asked = h.documentLock.requests.length;
    const before = filledCells(h);
    expect(h.run('saveCriteria', edit.updateRule(state.draft, 0, 'points', '35'), state.version)).toMatchObject({ ok: false, stale: true });
    expect(changedCells(before, h)).toEqual(['ICP Criteria!R3C5: {"value":20,"formula":""} → {"value":25,"formula":""}']);
    expect(h.documentLock.requests.slice(asked)).toEqual([10_000]);
    expect(h.documentLock.holder).toBeNull(); // released
  });

  it('says so, and writes nothing, when another save holds the lock too long', () => {
    const { h } = tabWith(rules);
    const state = opened(h);
    h.documentLock.busyElsewhere = true;
    const before = filledCells(h);
    expect(() => h.run('saveCriteria', edit.updateRule(state.draft, 0, 'points', '35'), state.version)).toThrow(
      /^Another save of the ICP Criteria tab is still running: nothing was saved\. Save again in a moment\.$/,
    );
    expect(changedCells(before, h)).toEqual([]);
    h.documentLock.busyElsewhere = false;
    expect(h.run('saveCriteria', edit.updateRule(state.draft, 0, 'points', '35'), state.version).ok).toBe(true);
    expect(h.documentLock.holder).toBeNull();
  });
});

describe('output columns stay the add-on’s whichever Cloud project runs the script', () => {
  it('marks them with DOCUMENT visibility, so a switched project adds no second set', () => {
    const h = harness();
    const sheet = withAccounts(h, [
      ['Company', 'Industry'],
      ['Acme', 'SaaS'],
      ['Beta', 'Retail'],
    ]);
    save(h, draft([['', 'Industry', 'is', 'SaaS', '50', false]]));
    h.spreadsheet.setActiveSheet(sheet as never);
    h.run('scoreThisSheet');
    expect(sheet.metadata.map((m) => [m.getKey(), m.getValue(), String(m.getVisibility())])).toEqual([
      ['icp-sheets.output', 'score', 'DOCUMENT'],
      ['icp-sheets.output', 'tier', 'DOCUMENT'],
      ['icp-sheets.output', 'why', 'DOCUMENT'],
    ]);
    const columns = sheet.getLastColumn();
    h.spreadsheet.scriptProject = 'published-add-on'; // a standard Cloud project, as publishing needs
    h.run('scoreThisSheet');
    expect(sheet.getLastColumn()).toBe(columns);
  });

  it('is a switch the emulator models: PROJECT metadata is hidden from another project', () => {
    const h = harness();
    const sheet = h.spreadsheet.sheets[0];
    sheet.getRange('C:C').addDeveloperMetadata('k', 'v', 'PROJECT' as never);
    expect(sheet.createDeveloperMetadataFinder().withKey('k').find()).toHaveLength(1);
    h.spreadsheet.scriptProject = 'another';
    expect(sheet.createDeveloperMetadataFinder().withKey('k').find()).toHaveLength(0);
    expect(sheet.getRange('C:C').getDeveloperMetadata()).toHaveLength(0);
  });
});
