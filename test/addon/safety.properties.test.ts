// The invariant that matters most, as a property of the built bundle on the in-memory Sheets: for random
// sheets (any headers, the add-on's own labels included, any content, unlabelled columns) and random
// sequences of menu actions and criteria saves, every cell the user wrote stays exactly as it was, and text
// saved from the sidebar is stored as that text, never as a formula. Saves start from hand edits of the
// criteria tab (formulas in rules and tiers, formulas that show blank, `ja`, notes in G and right of I) and
// the sidebar's own edits (delete, insert, reorder, change): every formula stays in its rule's row.

import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { FakeSheet } from '../../emulator/apps-script';
import type { CriteriaDraft, RuleDraft } from '../../src/core/draft';
import * as edit from '../../src/sidebar/draft-editing';
import { changedCells, draft, filledCells, type Harness, harness, type Snapshot, withAccounts } from './harness';

type Value = string | number | boolean | Date;

const hostile = fc.constantFrom(
  '=1+1',
  '=HYPERLINK("http://evil.example","x")',
  '+49 30 1234',
  '-note',
  '@team',
  "'quoted",
  "''two",
  'TRUE',
  '12%',
  '1/2',
  '2026-01-01',
  ' spaced ',
);
const header = fc.oneof(
  fc.constantFrom('ICP score', 'ICP tier', 'Why', 'Company', 'Industry', 'Employees', 'Notes', 'Branche', '__proto__', 'constructor', ''),
  fc.string({ maxLength: 8 }),
  hostile,
);
const cell: fc.Arbitrary<Value> = fc.oneof(
  fc.constant(''),
  fc.string({ maxLength: 8 }),
  hostile,
  fc.constantFrom('=ROW()*14', '=IF(FALSE, 1, "")'), // formulas the user wrote (load stores them as formulas)
  fc.integer({ min: -5000, max: 100_000 }),
  fc.double({ min: -1e6, max: 1e6, noNaN: true }),
  fc.boolean(),
  fc.date({ min: new Date(2000, 0, 1), max: new Date(2030, 0, 1), noInvalidDate: true }),
);

const userSheet = fc.record({
  title: fc.boolean(),
  headers: fc.array(header, { minLength: 1, maxLength: 6 }),
  trailing: fc.integer({ min: 0, max: 2 }),
  rows: fc.array(fc.array(cell, { minLength: 8, maxLength: 8 }), { maxLength: 6 }),
});

type Action = { kind: 'template' | 'score' } | { kind: 'segments' | 'validate'; by: number | string } | Save;
type RuleSeed = { attribute: number; operator: string; value: string; profile: string; points: number; required: boolean };
/**
 * A save: hand edits of the tab first, then the sidebar loads it and either edits that draft (`fresh` null)
 * or sends a draft of its own, as a payload with no rows.
 */
type Save = { kind: 'save'; hand: HandEdit[]; edits: SidebarEdit[]; fresh: { rules: RuleSeed[]; tiers: [string, number][] } | null; notes: Value[] };
/** What a user does in the tab: a formula that shows what a rule's or tier's cell shows, `ja` for TRUE, a row of formulas that show blank. */
type HandEdit =
  | { kind: 'formula'; table: 'rules' | 'tiers'; at: number; column: number }
  | { kind: 'ja'; at: number }
  | { kind: 'blank'; below: number; columns: number[] };
type RuleField = 'profile' | 'attribute' | 'operator' | 'value' | 'points' | 'required';
/** What a user does in the sidebar, through its own draft operations. */
type SidebarEdit =
  | { kind: 'remove' | 'removeTier'; at: number }
  | { kind: 'move'; at: number; down: boolean }
  | { kind: 'add'; profile: number; seed: RuleSeed }
  | { kind: 'change'; at: number; field: RuleField; seed: RuleSeed }
  | { kind: 'addTier' }
  | { kind: 'changeTier'; at: number; label: string | null; min: number };

const text = fc.oneof(hostile, fc.string({ minLength: 1, maxLength: 8 }));
const ruleSeed: fc.Arbitrary<RuleSeed> = fc.record({
  attribute: fc.nat(7),
  operator: fc.constantFrom('is', 'is not', 'contains', 'includes', 'is blank', 'is not blank'),
  value: text,
  profile: fc.oneof(fc.constant(''), text),
  points: fc.integer({ min: -50, max: 100 }),
  required: fc.boolean(),
});
const handEdit: fc.Arbitrary<HandEdit> = fc.oneof(
  fc.record({ kind: fc.constant('formula' as const), table: fc.constantFrom('rules' as const, 'tiers' as const), at: fc.nat(9), column: fc.nat(5) }),
  fc.record({ kind: fc.constant('ja' as const), at: fc.nat(9) }),
  fc.record({
    kind: fc.constant('blank' as const),
    below: fc.integer({ min: -3, max: 2 }),
    columns: fc.uniqueArray(fc.constantFrom(0, 1, 2, 3, 4, 5, 7, 8), { minLength: 1, maxLength: 3 }),
  }),
);
const sidebarEdit: fc.Arbitrary<SidebarEdit> = fc.oneof(
  fc.record({ kind: fc.constantFrom('remove' as const, 'removeTier' as const), at: fc.nat(9) }),
  { arbitrary: fc.record({ kind: fc.constant('move' as const), at: fc.nat(9), down: fc.boolean() }), weight: 3 },
  fc.record({ kind: fc.constant('add' as const), profile: fc.nat(3), seed: ruleSeed }),
  fc.record({
    kind: fc.constant('change' as const),
    at: fc.nat(9),
    field: fc.constantFrom<RuleField>('profile', 'attribute', 'operator', 'value', 'points', 'required'),
    seed: ruleSeed,
  }),
  fc.constant({ kind: 'addTier' as const }),
  fc.record({ kind: fc.constant('changeTier' as const), at: fc.nat(5), label: fc.option(text), min: fc.integer({ min: 0, max: 100 }) }),
);
const fresh = fc.record({
  rules: fc.array(ruleSeed, { minLength: 1, maxLength: 4 }),
  tiers: fc.array(fc.tuple(text, fc.integer({ min: 0, max: 100 })), { maxLength: 4 }),
});
/** A save that edits what the sidebar loaded, or (now and then) sends a draft of its own. */
const saveStep = (own: fc.Arbitrary<Save['fresh']>): fc.Arbitrary<Save> =>
  fc.record({
    kind: fc.constant('save' as const),
    hand: fc.array(handEdit, { maxLength: 4 }),
    edits: fc.array(sidebarEdit, { maxLength: 6 }),
    fresh: own,
    notes: fc.array(cell, { maxLength: 3 }),
  });
const action: fc.Arbitrary<Action> = fc.oneof(
  fc.constant({ kind: 'template' as const }),
  fc.constant({ kind: 'score' as const }),
  fc.record({ kind: fc.constant('segments' as const), by: fc.oneof(fc.nat(7), text) }),
  fc.record({ kind: fc.constant('validate' as const), by: fc.oneof(fc.nat(7), text) }),
  { arbitrary: saveStep(fc.oneof({ arbitrary: fc.constant(null), weight: 2 }, { arbitrary: fresh, weight: 1 })), weight: 2 },
);

const counts = { sheets: 0, actions: 0, saved: 0, scored: 0, edits: 0, formulas: 0, kept: 0, moved: 0, blankRows: 0 };
afterAll(() =>
  console.log(
    `safety property: ${counts.sheets} sheets, ${counts.actions} actions (${counts.scored} scorings, ${counts.saved} saved drafts, ` +
      `${counts.edits} sidebar edits); ${counts.formulas} hand-written formulas, ${counts.kept} checked in their rule's row ` +
      `(${counts.moved} of them moved with it), ${counts.blankRows} rows of formulas showing blank`,
  ),
);

type SheetSeed = typeof userSheet extends fc.Arbitrary<infer T> ? T : never;

/** The user's sheet as values: an optional title row, the headers, unlabelled columns, the rows. */
function sheetValues(seed: SheetSeed): Value[][] {
  const width = seed.headers.length + seed.trailing;
  const values: Value[][] = [];
  if (seed.title) values.push(['Accounts', ...new Array(width - 1).fill('')]);
  values.push([...seed.headers, ...new Array(seed.trailing).fill('')]);
  for (const row of seed.rows) values.push(row.slice(0, width).concat(new Array(Math.max(0, width - row.length)).fill('')));
  return values;
}

/** Only the cells a predicate picks, as a snapshot to guard. */
function only(snapshot: Snapshot, sheet: FakeSheet, keep: (row: number, column: number) => boolean): Snapshot {
  const rows = snapshot.get(sheet) ?? [];
  return new Map([[sheet, rows.map((line, r) => line.map((cell, c) => (keep(r + 1, c + 1) ? cell : undefined)))]]);
}

interface World {
  readonly h: Harness;
  readonly accounts: FakeSheet;
  readonly headers: readonly string[];
  /** Snapshots of the cells the user wrote so far. */
  readonly guards: Snapshot[];
  /** The next row for the user's own notes on the criteria tab (a user writing over their own note is no loss). */
  noteRow: number;
  /** Numbers the user's formulas, each with the value it shows (the emulator computes only the add-on's). */
  formulas: number;
}

const COLUMNS = 9; // A:I
const inBlock = (c: number) => c < 6 || c === 7 || c === 8; // 0-based A:F and H:I

/** The sidebar's state as it crosses google.script.run. */
function loaded(h: Harness): { draft: CriteriaDraft; version: string; table: { headers: string[] } | null } {
  return JSON.parse(JSON.stringify(h.run('getSidebarState')));
}

/** The hand edits, on the tab as the sidebar would load it; rows of formulas showing blank are guarded from here on. */
function handEdits(world: World, tab: FakeSheet, edits: readonly HandEdit[]): void {
  const { h } = world;
  const formula = (shows: Value) => {
    const text = `=USER_FORMULA(${++world.formulas})`;
    h.spreadsheet.formulaValues.set(text, shows);
    counts.formulas++;
    return text;
  };
  // The rows the sidebar would read rules and tiers from (without reading the account table each time).
  const rowsOf = (first: number, width: number) =>
    tab
      .values()
      .flatMap((line, r) =>
        r > 0 && line.slice(first, first + width).some((v) => String(v).trim() !== '') ? [{ row: r + 1, required: line[5] === true }] : [],
      );
  for (const hand of edits) {
    const [rules, tiers] = [rowsOf(0, 6), rowsOf(7, 2)];
    if (hand.kind === 'formula') {
      const items = hand.table === 'rules' ? rules : tiers;
      const item = items[hand.at % Math.max(1, items.length)];
      if (!item?.row) continue;
      const column = hand.table === 'rules' ? 1 + (hand.column % 6) : 8 + (hand.column % 2);
      const range = tab.getRange(item.row, column);
      if (range.getFormulas()[0][0] === '') range.setFormula(formula(range.getValue()));
    } else if (hand.kind === 'ja') {
      const rule = rules[hand.at % Math.max(1, rules.length)];
      const range = rule?.row ? tab.getRange(rule.row, 6) : null;
      if (rule?.required && range && range.getFormulas()[0][0] === '') range.setValue('ja');
    } else {
      const below = Math.max(rules.at(-1)?.row ?? 1, tiers.at(-1)?.row ?? 1);
      const row = Math.max(2, below + hand.below);
      const line = tab.getRange(row, 1, 1, COLUMNS);
      const free = line.getValues()[0].every((v, c) => !inBlock(c) || v === '') && line.getFormulas()[0].every((f, c) => !inBlock(c) || f === '');
      if (!free) continue;
      for (const c of hand.columns) tab.getRange(row, c + 1).setFormula(formula(''));
      counts.blankRows++;
      world.guards.push(only(filledCells(h), tab, (r, c) => r === row && inBlock(c - 1)));
    }
  }
}

/** The sidebar's edits, with its own draft operations, on the draft it loaded. */
function sidebarEdits(d: CriteriaDraft, edits: readonly SidebarEdit[], attributes: readonly string[]): CriteriaDraft {
  const attribute = (seed: RuleSeed) => attributes[seed.attribute % Math.max(1, attributes.length)] ?? 'Industry';
  const fields = (seed: RuleSeed): Pick<RuleDraft, RuleField> => ({
    profile: seed.profile,
    attribute: attribute(seed),
    operator: seed.operator,
    value: seed.value,
    points: String(seed.points),
    required: seed.required,
  });
  for (const change of edits) {
    counts.edits++;
    const at = (n: number) => (change.kind !== 'addTier' && 'at' in change ? change.at % Math.max(1, n) : 0);
    if (change.kind === 'remove' && d.rules.length) d = edit.removeRule(d, at(d.rules.length));
    if (change.kind === 'move' && d.rules.length) d = edit.moveRule(d, at(d.rules.length), change.down ? 1 : -1);
    if (change.kind === 'add') {
      const profiles = edit.profiles(d);
      const profile = profiles[change.profile % profiles.length];
      d = edit.addRule(d, profile, attribute(change.seed));
      const index = edit.ruleIndices(d, profile).at(-1)!;
      const { profile: _, ...rest } = fields(change.seed);
      for (const [field, value] of Object.entries(rest)) d = edit.updateRule(d, index, field as RuleField, value);
    }
    if (change.kind === 'change' && d.rules.length) d = edit.updateRule(d, at(d.rules.length), change.field, fields(change.seed)[change.field]);
    if (change.kind === 'addTier') d = edit.addTier(d);
    if (change.kind === 'removeTier' && d.tiers.length) d = edit.removeTier(d, at(d.tiers.length));
    if (change.kind === 'changeTier' && d.tiers.length) {
      const index = at(d.tiers.length);
      d = change.label === null ? edit.updateTier(d, index, 'min', String(change.min)) : edit.updateTier(d, index, 'label', change.label);
    }
  }
  return d;
}

type Content = { value: unknown; formula: string };

/** What the cells of the tab's criteria (A:F) and tiers (H:I) hold, as `row:column` (1-based) → content. */
function blockCells(tab: FakeSheet): Map<string, Content> {
  const range = tab.getRange(1, 1, Math.max(1, tab.getLastRow()), COLUMNS);
  const values = range.getValues();
  const found = new Map<string, Content>();
  range.getFormulas().forEach((line, r) =>
    line.forEach((formula, c) => {
      if (inBlock(c) && (formula !== '' || values[r][c] !== '')) found.set(`${r + 1}:${c + 1}`, { value: values[r][c], formula });
    }),
  );
  return found;
}

const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';
/** A cell's content as text to compare: its formula, or its value with its type (a date by its time). */
const shown = (cell: Content | undefined) => cell?.formula || (isDate(cell?.value) ? `date ${cell.value.getTime()}` : JSON.stringify(cell?.value ?? ''));
const ruleTexts = (r: RuleDraft) => [r.profile, r.attribute, r.operator, r.value, r.points, String(r.required)];
const tierTexts = (t: { label: string; min: string }) => [t.label, t.min];

/** Every cell that holds something in column G and right of I (the user's), as `row:column content`. */
function outside(tab: FakeSheet | null): string[] {
  return (tab?.rows ?? []).flatMap((line, r) =>
    (line ?? []).flatMap((cell, c) => ((c === 6 || c > 8) && cell && (cell.value !== '' || cell.formula !== '') ? [`${r + 1}:${c + 1} ${shown(cell)}`] : [])),
  );
}

const texts = (d: CriteriaDraft) => ({ rules: d.rules.map(({ row: _, ...rule }) => rule), tiers: d.tiers.map(({ row: _, ...tier }) => tier) });

function save(world: World, step: Save): void {
  const { h, guards } = world;
  const tab = h.spreadsheet.getSheetByName('ICP Criteria');
  if (tab) {
    // The user's own notes in the spacer column G and right of the tiers.
    step.notes.forEach((note, i) => tab.getRange(world.noteRow++, i % 2 ? 10 : 7).setValue(note));
    guards.push(only(filledCells(h), tab, (_, c) => c === 7 || c >= 10));
    handEdits(world, tab, step.hand);
  }
  const state = loaded(h);
  const attributes = state.table?.headers ?? [];
  const payload = step.fresh
    ? draft(
        step.fresh.rules.map((r) => [
          r.profile,
          attributes[r.attribute % Math.max(1, attributes.length)] ?? 'Industry',
          r.operator,
          r.value,
          String(r.points),
          r.required,
        ]),
        step.fresh.tiers.map(([label, min]) => [label, String(min)]),
      )
    : sidebarEdits(state.draft, step.edits, attributes);
  const cells = tab ? blockCells(tab) : new Map<string, Content>();
  const before = filledCells(h);
  const notes = outside(tab);
  const outcome = h.run('saveCriteria', payload, state.version);
  const saved = h.spreadsheet.getSheetByName('ICP Criteria')!;
  expect(outside(saved)).toEqual(notes); // blank cells there stay blank too
  if (!outcome.ok) {
    expect(outcome.stale).toBeUndefined();
    expect(changedCells(before, h)).toEqual([]);
    return;
  }
  counts.saved++;
  const back = loaded(h).draft;
  expect(texts(back)).toEqual({ rules: texts(payload).rules, tiers: payload.tiers.length ? texts(payload).tiers : texts(back).tiers });
  expect(JSON.parse(JSON.stringify(outcome.draft))).toEqual(back);
  // What a rule's or tier's cells hold (a formula, `ja`, a number) moves or stays with it while the sidebar
  // left the field as it was; the add-on writes no formula of its own, and none of the user's text becomes one.
  const after = blockCells(saved);
  const tables = [
    { loaded: state.draft.rules, sent: payload.rules, back: back.rules, first: 1, fields: ruleTexts },
    { loaded: state.draft.tiers, sent: payload.tiers, back: back.tiers, first: 8, fields: tierTexts },
  ] as const;
  for (const table of tables) {
    if (step.fresh) break; // a payload of its own has no rows: it replaces the criteria
    const fields = table.fields as (item: object) => string[];
    table.sent.forEach((item: { row?: number }, i) => {
      const source = (table.loaded as readonly { row?: number }[]).find((it) => it.row !== undefined && it.row === item.row);
      if (!source) return;
      const target = table.back[i].row!;
      fields(item).forEach((text, c) => {
        if (text !== fields(source)[c]) return;
        const was = cells.get(`${item.row}:${table.first + c}`);
        if (was?.formula) {
          counts.kept++;
          if (target !== item.row) counts.moved++;
        }
        expect([`row ${target}`, c, shown(after.get(`${target}:${table.first + c}`))]).toEqual([`row ${target}`, c, shown(was)]);
      });
    });
  }
  const userFormulas = new Set([...cells.values()].map((c) => c.formula));
  expect([...after.values()].map((c) => c.formula).filter((f) => f !== '' && !userFormulas.has(f))).toEqual([]);
}

function run(world: World, step: Action): void {
  const { h, accounts, headers, guards } = world;
  counts.actions++;
  h.spreadsheet.setActiveSheet(accounts as never);
  if (step.kind === 'template') h.run('createTemplate');
  if (step.kind === 'score') {
    counts.scored++;
    h.ui.alertAnswers.push('YES');
    h.run('scoreThisSheet');
    h.ui.alertAnswers.length = 0;
  }
  if (step.kind === 'segments' || step.kind === 'validate') {
    h.ui.promptAnswers.push({ text: typeof step.by === 'number' ? (headers[step.by % Math.max(1, headers.length)] ?? 'x') : step.by, button: 'OK' });
    h.run(step.kind === 'segments' ? 'buildSegmentSummary' : 'validateIcp');
    h.ui.promptAnswers.length = 0;
  }
  if (step.kind === 'save') save(world, step);
  for (const guard of guards) expect(changedCells(guard, h)).toEqual([]);
}

describe('safety property', () => {
  it('keeps every cell the user wrote through any sequence of actions and saves', () => {
    fc.assert(
      fc.property(userSheet, fc.array(action, { minLength: 1, maxLength: 5 }), (seed, steps) => {
        counts.sheets++;
        const h = harness();
        const accounts = withAccounts(h, sheetValues(seed));
        const world: World = { h, accounts, headers: seed.headers, guards: [filledCells(h)], noteRow: 2, formulas: 0 };
        for (const step of steps) run(world, step);
      }),
      { seed: 20260611, numRuns: 150 },
    );
  }, 120_000);

  it('keeps formulas, `ja` and notes of the criteria tab through the sidebar’s deletes, inserts and moves', () => {
    const accounts: Value[][] = [
      ['Company', 'Industry', 'Region', 'Employees', 'Notes'],
      ['Acme', 'SaaS', 'DACH', 120, 'x'],
      ['Beta', 'Retail', 'US', 15, ''],
    ];
    fc.assert(
      fc.property(fresh, fc.array(saveStep(fc.constant(null)), { minLength: 1, maxLength: 5 }), (first, steps) => {
        counts.sheets++;
        const h = harness();
        const sheet = withAccounts(
          h,
          accounts.map((row) => [...row]),
        );
        const world: World = { h, accounts: sheet, headers: accounts[0] as string[], guards: [filledCells(h)], noteRow: 2, formulas: 0 };
        for (const step of [{ ...steps[0], hand: [], edits: [], fresh: first }, ...steps]) run(world, step);
      }),
      { seed: 20260613, numRuns: 150 },
    );
  }, 120_000);

  it('keeps them too when scores are written as values (over 250,000 rows)', () => {
    fc.assert(
      fc.property(userSheet, fc.array(action, { minLength: 1, maxLength: 3 }), (seed, steps) => {
        counts.sheets++;
        const h = harness();
        const values = sheetValues(seed);
        const accounts = withAccounts(h, values);
        accounts.maxRows = 250_010;
        accounts.getRange(250_005, 1).setValue("'the last row"); // a user's cell far down makes the table large
        const world: World = { h, accounts, headers: seed.headers, guards: [filledCells(h)], noteRow: 2, formulas: 0 };
        for (const step of [{ kind: 'score' as const }, ...steps]) run(world, step);
      }),
      { seed: 20260612, numRuns: 4 },
    );
  }, 240_000);
});
