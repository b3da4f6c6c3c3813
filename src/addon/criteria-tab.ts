// The ICP Criteria tab is the source of truth: a visible criteria table (A:F) and tiers table (H:I), covered
// by the named ranges ICP_CRITERIA and ICP_TIERS that formulas take as arguments, so every formula
// recalculates when the criteria change. An existing tab is read, never overwritten: a save writes only
// those two tables, and only while the tab still holds the criteria the sidebar loaded.

import { cellText, isBlank, isBlankRow, parseFlag, type Cell } from '../core/cells';
import { CRITERIA_HEADER, criteriaHeader, operatorNames } from '../core/criteria';
import { defaultTierDrafts, draftVersion, type CriteriaDraft, type RuleDraft, type TierDraft } from '../core/draft';
import { language, T } from '../core/i18n';
import { parseNumber } from '../core/numbers';
import { DEFAULT_TIERS } from '../core/tiers';
import { asCell, findTab, insertTab } from './sheets';

export const CRITERIA_RANGE_NAME = 'ICP_CRITERIA';
export const TIERS_RANGE_NAME = 'ICP_TIERS';
const RULE_WIDTH = 6; // A:F
const TIERS_COLUMN = 8; // H; G between them is the user's
const WIDTH = 9; // A:I
const TIERS_HEADER = ['Tier', 'Minimum score'];

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
      '', ...(tier ? [tier.label, tier.min] : ['', '']),
    ]);
  }
  sheet.getRange(1, 1, block.length, WIDTH).setValues(block.map((row) => row.map(asCell)));
  sheet.getRange(1, 1, 1, WIDTH).setFontWeight('bold');
  sheet.setFrozenRows(1);
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
  const list = (values: readonly string[]) =>
    SpreadsheetApp.newDataValidation().requireValueInList([...values], true).setAllowInvalid(true).build();
  const attributes = headers.filter((h) => h.trim() !== '');
  if (attributes.length) sheet.getRange(2, 2, rows, 1).setDataValidation(list(attributes));
  if (attributesOnly) return;
  sheet.getRange(2, 3, rows, 1).setDataValidation(list(operatorNames()));
  sheet.getRange(2, 5, rows, 1).setDataValidation(SpreadsheetApp.newDataValidation().requireNumberBetween(-1000, 1000).setAllowInvalid(true).build());
  sheet.getRange(2, 6, rows, 1).setDataValidation(SpreadsheetApp.newDataValidation().requireCheckbox().build());
}

/** The tab's cells A:I down to its last row (at least `height` rows), read with one getValues. */
function readCells(sheet: Sheet, height = 0): Cell[][] {
  const rows = Math.max(sheet.getLastRow(), height);
  return rows === 0 ? [] : (sheet.getRange(1, 1, rows, WIDTH).getValues() as Cell[][]);
}

/** The criteria and tiers that cells of the tab hold, as a draft. */
function draftOf(values: readonly Cell[][]): CriteriaDraft {
  if (values.length === 0) return { rules: [], tiers: defaultTierDrafts() };
  const rules: RuleDraft[] = [];
  const tiers: TierDraft[] = [];
  for (const row of values.slice(1)) {
    const rule = row.slice(0, RULE_WIDTH);
    if (!isBlankRow(rule)) {
      rules.push({
        profile: cellText(rule[0]), attribute: cellText(rule[1]), operator: cellText(rule[2]), value: cellText(rule[3]),
        points: cellText(rule[4]), required: parseFlag(rule[5]) === true,
      });
    }
    const tier = row.slice(TIERS_COLUMN - 1, TIERS_COLUMN + 1);
    if (!isBlankRow(tier)) tiers.push({ label: cellText(tier[0]), min: cellText(tier[1]) });
  }
  return { rules, tiers };
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

/**
 * Writes a checked draft when the tab still reads as version `basis` (the one the sidebar loaded), and
 * returns the tab's new version; returns null, writing nothing, when the tab was changed in between.
 * Only the criteria table (A:F) and the tiers table (H:I) are written, one setValues each; a cell that
 * already reads as the draft says keeps what it holds (a formula, `ja` for Required, a German header), and
 * rows the draft no longer fills are blanked.
 */
export function writeCriteriaTab(sheet: Sheet, draft: CriteriaDraft, basis: unknown): string | null {
  const height = Math.max(draft.rules.length + 1, draft.tiers.length + 1);
  const values = readCells(sheet, height);
  if (draftVersion(draftOf(values)) !== basis) return null;
  const formulas = sheet.getRange(1, 1, values.length, WIDTH).getFormulas();
  const keep = (r: number, c: number, wanted: Cell, same: (current: Cell) => boolean): Cell =>
    formulas[r][c] !== '' && same(values[r][c]) ? formulas[r][c] : same(values[r][c]) ? asCell(values[r][c]) : asCell(wanted);
  const asTyped = (wanted: string) => (current: Cell) => cellText(current) === wanted;
  const header = (r: number, c: number, text: string) => keep(r, c, text, (current) => !isBlank(current) || formulas[r][c] !== '');
  const rules: Cell[][] = values.map((_, r) => {
    if (r === 0) return CRITERIA_HEADER.map((text, c) => header(0, c, text));
    const rule = draft.rules[r - 1];
    if (!rule) return ['', '', '', '', '', ''];
    const texts = [rule.profile, rule.attribute, rule.operator, rule.value];
    return [
      ...texts.map((text, c) => keep(r, c, text, asTyped(text))),
      keep(r, 4, numberOrText(rule.points), asTyped(rule.points)),
      keep(r, 5, rule.required, (current) => !isBlank(current) && (parseFlag(current) === true) === rule.required),
    ];
  });
  const tiers: Cell[][] = values.map((_, r) => {
    const column = TIERS_COLUMN - 1;
    if (r === 0) return TIERS_HEADER.map((text, c) => header(0, column + c, text));
    const tier = draft.tiers[r - 1];
    if (!tier) return ['', ''];
    return [keep(r, column, tier.label, asTyped(tier.label)), keep(r, column + 1, numberOrText(tier.min), asTyped(tier.min))];
  });
  sheet.getRange(1, 1, values.length, RULE_WIDTH).setValues(rules);
  sheet.getRange(1, TIERS_COLUMN, values.length, 2).setValues(tiers);
  return criteriaVersion(sheet);
}

/** A number cell when the text is a number (so the sheet shows `-10`, not a formula), else the text. */
function numberOrText(text: string): Cell {
  const n = parseNumber(text);
  return Number.isNaN(n) || text.trim() === '' ? text : n;
}
