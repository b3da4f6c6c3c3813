// The invariant that matters most, as a property of the built bundle on the in-memory Sheets: for random
// sheets (any headers, the add-on's own labels included, any content, unlabelled columns) and random
// sequences of menu actions and criteria saves, every cell the user wrote stays exactly as it was, and text
// saved from the sidebar is stored as that text, never as a formula.

import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { FakeSheet } from '../../emulator/apps-script';
import { changedCells, draft, filledCells, harness, withAccounts, type Harness, type Snapshot } from './harness';

type Value = string | number | boolean | Date;

const hostile = fc.constantFrom('=1+1', '=HYPERLINK("http://evil.example","x")', '+49 30 1234', '-note', '@team', "'quoted", "''two", 'TRUE', '12%', '1/2', '2026-01-01', ' spaced ');
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

type Action = { kind: 'template' | 'score' } | { kind: 'segments' | 'validate'; by: number | string } | { kind: 'save'; rules: RuleSeed[]; tiers: [string, number][]; notes: Value[] };
type RuleSeed = { attribute: number; operator: string; value: string; profile: string; points: number; required: boolean };

const text = fc.oneof(hostile, fc.string({ minLength: 1, maxLength: 8 }));
const ruleSeed: fc.Arbitrary<RuleSeed> = fc.record({
  attribute: fc.nat(7),
  operator: fc.constantFrom('is', 'is not', 'contains', 'includes', 'is blank', 'is not blank'),
  value: text,
  profile: fc.oneof(fc.constant(''), text),
  points: fc.integer({ min: -50, max: 100 }),
  required: fc.boolean(),
});
const action: fc.Arbitrary<Action> = fc.oneof(
  fc.constant({ kind: 'template' as const }),
  fc.constant({ kind: 'score' as const }),
  fc.record({ kind: fc.constant('segments' as const), by: fc.oneof(fc.nat(7), text) }),
  fc.record({ kind: fc.constant('validate' as const), by: fc.oneof(fc.nat(7), text) }),
  fc.record({
    kind: fc.constant('save' as const),
    rules: fc.array(ruleSeed, { minLength: 1, maxLength: 4 }),
    tiers: fc.array(fc.tuple(text, fc.integer({ min: 0, max: 100 })), { maxLength: 4 }),
    notes: fc.array(cell, { maxLength: 3 }),
  }),
);

const counts = { sheets: 0, actions: 0, saved: 0, scored: 0 };
afterAll(() => console.log(`safety property: ${counts.sheets} sheets, ${counts.actions} actions (${counts.scored} scorings, ${counts.saved} saved drafts)`));

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
    h.ui.promptAnswers.push({ text: typeof step.by === 'number' ? headers[step.by % Math.max(1, headers.length)] ?? 'x' : step.by, button: 'OK' });
    h.run(step.kind === 'segments' ? 'buildSegmentSummary' : 'validateIcp');
    h.ui.promptAnswers.length = 0;
  }
  if (step.kind === 'save') {
    const tab = h.spreadsheet.getSheetByName('ICP Criteria');
    if (tab) {
      // The user's own notes in the spacer column G and right of the tiers.
      step.notes.forEach((note, i) => tab.getRange(world.noteRow++, i % 2 ? 10 : 7).setValue(note));
      guards.push(only(filledCells(h), tab, (_, c) => c === 7 || c >= 10));
    }
    const state = h.run('getSidebarState');
    const attributes: string[] = state.table?.headers ?? [];
    const payload = draft(
      step.rules.map((r) => [r.profile, attributes[r.attribute % Math.max(1, attributes.length)] ?? 'Industry', r.operator, r.value, String(r.points), r.required]),
      step.tiers.map(([label, min]) => [label, String(min)]),
    );
    const outcome = h.run('saveCriteria', payload, state.version);
    if (outcome.ok) {
      counts.saved++;
      const back = h.run('getSidebarState').draft;
      expect(JSON.parse(JSON.stringify(back))).toEqual({ rules: payload.rules, tiers: payload.tiers.length ? payload.tiers : back.tiers });
      const saved = h.spreadsheet.getSheetByName('ICP Criteria')!;
      const formulas = saved.getRange(1, 1, Math.max(1, saved.getLastRow()), 9).getFormulas();
      expect(formulas.flatMap((row) => [...row.slice(0, 6), ...row.slice(7, 9)]).filter((f) => f !== '')).toEqual([]);
    }
  }
  for (const guard of guards) expect(changedCells(guard, h)).toEqual([]);
}

describe('safety property', () => {
  it('keeps every cell the user wrote through any sequence of actions and saves', () => {
    fc.assert(fc.property(userSheet, fc.array(action, { minLength: 1, maxLength: 5 }), (seed, steps) => {
      counts.sheets++;
      const h = harness();
      const accounts = withAccounts(h, sheetValues(seed));
      const world: World = { h, accounts, headers: seed.headers, guards: [filledCells(h)], noteRow: 2 };
      for (const step of steps) run(world, step);
    }), { seed: 20260611, numRuns: 150 });
  }, 120_000);

  it('keeps them too when scores are written as values (over 250,000 rows)', () => {
    fc.assert(fc.property(userSheet, fc.array(action, { minLength: 1, maxLength: 3 }), (seed, steps) => {
      counts.sheets++;
      const h = harness();
      const values = sheetValues(seed);
      const accounts = withAccounts(h, values);
      accounts.maxRows = 250_010;
      accounts.getRange(250_005, 1).setValue("'the last row"); // a user's cell far down makes the table large
      const world: World = { h, accounts, headers: seed.headers, guards: [filledCells(h)], noteRow: 2 };
      for (const step of [{ kind: 'score' as const }, ...steps]) run(world, step);
    }), { seed: 20260612, numRuns: 4 });
  }, 240_000);
});
