// The ICP Criteria tab is the source of truth: a visible criteria table (A:F) and tiers table (H:I), covered
// by the named ranges ICP_CRITERIA and ICP_TIERS that formulas take as arguments, so every formula
// recalculates when the criteria change. A save writes only the cells of those two tables that change,
// each rule and tier in its own row, and only while the tab still holds what the sidebar loaded.

import { type Cell, cellText, isBlank, isBlankRow, parseFlag } from '../core/cells';
import { CRITERIA_HEADER, criteriaHeader, operatorNames } from '../core/criteria';
import { type CriteriaDraft, defaultTierDrafts, draftVersion, fingerprint, placeRows, type RuleDraft, type TierDraft } from '../core/draft';
import { icpError } from '../core/errors';
import { language, T } from '../core/i18n';
import { parseNumber } from '../core/numbers';
import { DEFAULT_TIERS } from '../core/tiers';
import type { ServerTexts } from './i18n/en';
import { asCell, boldHeader, findTab, insertTab, validateColumn } from './sheets';

export const CRITERIA_RANGE_NAME = 'ICP_CRITERIA';
export const TIERS_RANGE_NAME = 'ICP_TIERS';
const RULE_WIDTH = 6; // A:F
const TIERS_COLUMN = 8; // H; G between them is the user's
const WIDTH = 9; // A:I
/** How long a save waits for another one to finish, well inside google.script.run's patience. */
const LOCK_WAIT_MS = 10_000;

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The criteria tab, found by its marker or by its name in any language; null when there is none yet. */
export function criteriaSheet(ss: Spreadsheet): Sheet | null {
  return findTab(ss, 'criteria');
}

/**
 * The criteria tab, created with its header, default tiers, named ranges and validation on first use, and
 * with the `seed` rules when it is created (an existing tab is never written here). A new tab speaks the
 * active language (the user's): its name, headers and operator dropdown; the named ranges keep their names.
 */
export function ensureCriteriaTab(ss: Spreadsheet, headers: readonly string[], seed: readonly RuleDraft[] = []): Sheet {
  const existing = criteriaSheet(ss);
  if (existing) {
    ensureNamedRanges(ss, existing);
    return existing;
  }
  const sheet = insertTab(ss, 'criteria', language());
  const block: Cell[][] = [[...criteriaHeader(), '', ...T.tiersColumns_.split('|')]];
  for (let i = 0; i < Math.max(seed.length, DEFAULT_TIERS.length); i++) {
    const rule = seed[i];
    const tier = DEFAULT_TIERS[i];
    block.push([
      ...(rule ? [rule.profile, rule.attribute, rule.operator, rule.value, numberOrText(rule.points), rule.required] : ['', '', '', '', '', '']),
      '',
      ...(tier ? [tier.label, tier.min] : ['', '']),
    ]);
  }
  sheet.getRange(1, 1, block.length, WIDTH).setValues(block.map((row) => row.map(asCell)));
  boldHeader(sheet, WIDTH);
  ensureNamedRanges(ss, sheet);
  applyValidation(sheet, headers);
  return sheet;
}

function ensureNamedRanges(ss: Spreadsheet, sheet: Sheet): void {
  const rows = sheet.getMaxRows();
  if (!ss.getRangeByName(CRITERIA_RANGE_NAME)) ss.setNamedRange(CRITERIA_RANGE_NAME, sheet.getRange(1, 1, rows, CRITERIA_HEADER.length));
  if (!ss.getRangeByName(TIERS_RANGE_NAME)) ss.setNamedRange(TIERS_RANGE_NAME, sheet.getRange(1, TIERS_COLUMN, rows, 2));
}

/**
 * Operator and attribute dropdowns, a Required checkbox and numeric points, for every criteria row. The
 * operators are the active language's; `attributesOnly` refreshes the attribute dropdown alone, so a tab
 * keeps the operators of the language it was made in whoever saves it later.
 */
export function applyValidation(sheet: Sheet, headers: readonly string[], attributesOnly = false): void {
  const rows = sheet.getMaxRows() - 1;
  const list = (column: number, values: readonly string[]) => validateColumn(sheet, column, rows, (rule) => rule.requireValueInList([...values], true));
  const attributes = headers.filter((h) => h.trim() !== '');
  if (attributes.length) list(2, attributes);
  if (attributesOnly) return;
  list(3, operatorNames());
  validateColumn(sheet, 5, rows, (rule) => rule.requireNumberBetween(-1000, 1000));
  validateColumn(sheet, 6, rows, (rule) => rule.requireCheckbox());
}

/** The tab's cells A:I down to its last row, read with one getValues. */
function readCells(sheet: Sheet): Cell[][] {
  const rows = sheet.getLastRow();
  return rows === 0 ? [] : (sheet.getRange(1, 1, rows, WIDTH).getValues() as Cell[][]);
}

/** The criteria and tiers that cells of the tab hold, as a draft, each with the row it came from. */
function draftOf(values: readonly Cell[][]): CriteriaDraft {
  if (values.length === 0) return { rules: [], tiers: defaultTierDrafts() };
  const rules: RuleDraft[] = [];
  const tiers: TierDraft[] = [];
  values.forEach((line, r) => {
    if (r === 0) return;
    const rule = line.slice(0, RULE_WIDTH);
    if (!isBlankRow(rule)) {
      rules.push({
        profile: cellText(rule[0]),
        attribute: cellText(rule[1]),
        operator: cellText(rule[2]),
        value: cellText(rule[3]),
        points: cellText(rule[4]),
        required: parseFlag(rule[5]) === true,
        row: r + 1,
      });
    }
    const tier = line.slice(TIERS_COLUMN - 1, TIERS_COLUMN + 1);
    if (!isBlankRow(tier)) tiers.push({ label: cellText(tier[0]), min: cellText(tier[1]), row: r + 1 });
  });
  return { rules, tiers, origin: fingerprint([rules, tiers]) };
}

/** The tab's criteria and tiers as a draft, read with one getValues. */
export function readCriteriaTab(sheet: Sheet): CriteriaDraft {
  return draftOf(readCells(sheet));
}

/**
 * The tab's draft and, from the same getValues, the cells the formulas read through ICP_CRITERIA (A:F) and
 * ICP_TIERS (H:I), as the core must see them to tell what the formulas will show.
 */
export function readCriteriaCells(sheet: Sheet): { draft: CriteriaDraft; criteria: Cell[][]; tiers: Cell[][] } {
  const values = readCells(sheet);
  return {
    draft: draftOf(values),
    criteria: values.map((row) => row.slice(0, RULE_WIDTH)),
    tiers: values.map((row) => row.slice(TIERS_COLUMN - 1, TIERS_COLUMN + 1)),
  };
}

/**
 * The version of the criteria a save would replace: that of the tab's draft, or of the empty draft with the
 * default tiers the sidebar shows when there is no tab (a tab created since with those reads the same).
 */
export function criteriaVersion(sheet: Sheet | null): string {
  return draftVersion(sheet ? readCriteriaTab(sheet) : draftOf([]));
}

/** The tab as a save left it: what the sidebar holds next, and its version. */
export interface SavedCriteria {
  readonly version: string;
  readonly draft: CriteriaDraft;
}

/**
 * Writes a checked draft when the tab still reads as version `basis` (the one the sidebar loaded) with its
 * rules and tiers in the rows the draft says, and returns the tab as saved; returns null, writing
 * nothing, when the tab was changed in between. The check and the write hold the document lock, so two
 * saves (two collaborators, two sidebars) never interleave. Throws when another save keeps the lock.
 */
export function writeCriteriaTab(sheet: Sheet, draft: CriteriaDraft, basis: unknown, text: ServerTexts): SavedCriteria | null {
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(LOCK_WAIT_MS)) throw icpError(text.saveBusy_, sheet.getName());
  try {
    // The read-back below makes Sheets apply the writes, so they land before the lock is released.
    return writeLocked(sheet, draft, basis, text);
  } finally {
    lock.releaseLock();
  }
}

/**
 * What a cell holds: its formula, or else its value. Here and in Field and Tab, fields end in `_`: a save's
 * plan never leaves this module, and the build shortens them (MANGLED in build.mjs).
 */
interface Content {
  readonly value_: Cell;
  readonly formula_: string;
}

/** One field of a rule or tier: whether a cell already reads as the draft says, and what to write if not. */
interface Field {
  readonly same_: (cell: Cell) => boolean;
  readonly value_: Cell;
}

const textField = (text: string): Field => ({ same_: (cell) => cellText(cell) === text, value_: text });
const numberField = (text: string): Field => ({ same_: (cell) => cellText(cell) === text, value_: numberOrText(text) });

function ruleFields(rule: RuleDraft): Field[] {
  return [
    ...[rule.profile, rule.attribute, rule.operator, rule.value].map(textField),
    numberField(rule.points),
    // `ja`, `x` or a formula that shows TRUE reads as required: it stays as the user wrote it.
    { same_: (cell) => parseFlag(cell) === rule.required, value_: rule.required },
  ];
}

const tierFields = (tier: TierDraft): Field[] => [textField(tier.label), numberField(tier.min)];

/** The tab's cells A:I as a save reads them before it writes. */
interface Tab {
  readonly values_: readonly Cell[][];
  readonly formulas_: readonly string[][];
  readonly maxRows_: number;
  /**
   * Whether the draft's rows can be trusted (it was read from the tab as it is). A draft that was not
   * (a payload of its own) replaces the criteria: its items go into the rows from the top, and a cell
   * there that already reads as the draft says keeps what it holds.
   */
  readonly trusted_: boolean;
}

function writeLocked(sheet: Sheet, draft: CriteriaDraft, basis: unknown, text: ServerTexts): SavedCriteria | null {
  const values = readCells(sheet);
  const now = draftOf(values);
  if (draftVersion(now) !== basis) return null;
  // Rows read off another state of the tab would pair a rule with someone else's cells.
  if (draft.origin !== undefined && draft.origin !== now.origin) return null;
  const tab: Tab = {
    values_: values,
    formulas_: values.length ? sheet.getRange(1, 1, values.length, WIDTH).getFormulas() : [],
    maxRows_: sheet.getMaxRows(),
    trusted_: draft.origin !== undefined,
  };
  // A header cell left blank gets the header in the active language (the user's), as a new tab would.
  const tooShort = () => icpError(text.tabTooShort_, sheet.getName(), tab.maxRows_);
  const rules = plan(
    tab,
    0,
    criteriaHeader(),
    now.rules,
    draft.rules.map((rule) => ({ row: rule.row, fields: ruleFields(rule) })),
    tooShort,
  );
  const tiers = plan(
    tab,
    TIERS_COLUMN - 1,
    T.tiersColumns_.split('|'),
    now.tiers,
    draft.tiers.map((tier) => ({ row: tier.row, fields: tierFields(tier) })),
    tooShort,
  );
  writeCells(sheet, 1, rules);
  writeCells(sheet, TIERS_COLUMN, tiers);
  const back = draftOf(readCells(sheet));
  return { version: draftVersion(back), draft: back };
}

/**
 * The cells of one table (columns `first`… of the tab, 0-based) a save must write, by row and column
 * within the table: the header where it is blank; each item in the row placeRows gives it, its cells that
 * already read as the draft says moving or staying as they are (formulas too), the others as the draft
 * says; and blank where an item was that is deleted or moved away. Rows of the table that hold formulas
 * showing blank, and every other cell, are left alone.
 */
function plan(
  tab: Tab,
  first: number,
  header: readonly string[],
  current: readonly { row?: number }[],
  items: { row?: number; fields: Field[] }[],
  tooShort: () => Error,
): Map<number, Map<number, Cell>> {
  const width = header.length;
  const at = (row: number, c: number): Content => ({ value_: tab.values_[row - 1]?.[first + c] ?? '', formula_: tab.formulas_[row - 1]?.[first + c] ?? '' });
  const taken = new Set(current.map((item) => item.row));
  // A row's first claim counts; a row no item of the tab is in (a draft from elsewhere) is no claim.
  const claimed = new Set<number>();
  const sources = items.map(({ row }) => {
    if (!tab.trusted_ || row === undefined || !taken.has(row) || claimed.has(row)) return undefined;
    claimed.add(row);
    return row;
  });
  const blocked = (row: number) => {
    const line = tab.values_[row - 1];
    if (!line || taken.has(row)) return false;
    for (let c = 0; c < width; c++) if (at(row, c).formula_ !== '') return true;
    return false;
  };
  const targets = placeRows(sources, blocked);
  const wanted = new Map<number, Content[]>();
  for (const row of taken)
    if (row !== undefined)
      wanted.set(
        row,
        header.map(() => ({ value_: '', formula_: '' })),
      );
  items.forEach((item, i) => {
    const source = sources[i];
    wanted.set(
      targets[i],
      item.fields.map((field, c) => {
        const cell = source !== undefined ? at(source, c) : tab.trusted_ ? undefined : at(targets[i], c);
        const kept = cell && (source !== undefined || cell.formula_ !== '' || !isBlank(cell.value_));
        return kept && field.same_(cell.value_) ? cell : { value_: field.value_, formula_: '' };
      }),
    );
  });
  const last = Math.max(0, ...targets);
  if (last > tab.maxRows_) throw tooShort();
  const writes = new Map<number, Map<number, Cell>>();
  const write = (row: number, c: number, content: Content) => {
    const cell = at(row, c);
    if (content.formula_ ? content.formula_ === cell.formula_ : cell.formula_ === '' && sameValue(content.value_, cell.value_)) return;
    if (!writes.has(row)) writes.set(row, new Map());
    writes.get(row)!.set(c, content.formula_ || asCell(content.value_));
  };
  header.forEach((text, c) => {
    const cell = at(1, c);
    if (isBlank(cell.value_) && cell.formula_ === '') write(1, c, { value_: text, formula_: '' });
  });
  for (const [row, cells] of wanted) cells.forEach((content, c) => write(row, c, content));
  return writes;
}

function sameValue(a: Cell, b: Cell): boolean {
  const time = (v: Cell) => (v !== null && typeof v === 'object' && typeof v.getTime === 'function' ? v.getTime() : undefined);
  return a === b || (time(a) !== undefined && time(a) === time(b));
}

/**
 * Writes cells given by row and column (0-based within the table starting at `column`), one setValues
 * for each rectangle of changed cells, so a cell that does not change is never written: a formula keeps
 * its cell, and a value some other formula spills there is not stamped over.
 */
function writeCells(sheet: Sheet, column: number, cells: Map<number, Map<number, Cell>>): void {
  interface Block {
    top: number;
    from: number;
    to: number;
    rows: Cell[][];
  }
  const open = new Map<string, Block>();
  const blocks: Block[] = [];
  for (const row of [...cells.keys()].sort((a, b) => a - b)) {
    const line = cells.get(row)!;
    const runs: [number, number][] = [];
    for (const c of [...line.keys()].sort((a, b) => a - b)) {
      const run = runs[runs.length - 1];
      if (run && run[1] === c - 1) run[1] = c;
      else runs.push([c, c]);
    }
    for (const [from, to] of runs) {
      const key = `${from}:${to}`;
      const values = Array.from({ length: to - from + 1 }, (_, i) => line.get(from + i) as Cell);
      const block = open.get(key);
      if (block && block.top + block.rows.length === row) {
        block.rows.push(values);
        continue;
      }
      if (block) blocks.push(block);
      open.set(key, { top: row, from, to, rows: [values] });
    }
  }
  blocks.push(...open.values());
  for (const b of blocks) sheet.getRange(b.top, column + b.from, b.rows.length, b.to - b.from + 1).setValues(b.rows);
}

/** A number cell when the text is a number (so the sheet shows `-10`, not a formula), else the text. */
function numberOrText(text: string): Cell {
  const n = parseNumber(text);
  return Number.isNaN(n) || text.trim() === '' ? text : n;
}
