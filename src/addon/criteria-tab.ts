// The ICP Criteria tab is the source of truth: a visible criteria table (A:F) and tiers table (H:I), covered
// by the named ranges ICP_CRITERIA and ICP_TIERS that formulas take as arguments, so every formula
// recalculates when the criteria change. An existing tab is read, never overwritten.

import { cellText, isBlankRow, parseFlag, type Cell } from '../core/cells';
import { CRITERIA_HEADER, OPERATORS } from '../core/criteria';
import { parseNumber } from '../core/numbers';
import { DEFAULT_TIERS } from '../core/tiers';
import type { CriteriaDraft, RuleDraft, TierDraft } from './draft';
import { asText, CRITERIA_SHEET } from './sheets';

export const CRITERIA_RANGE_NAME = 'ICP_CRITERIA';
export const TIERS_RANGE_NAME = 'ICP_TIERS';
const TIERS_COLUMN = 8; // H
const WIDTH = 9; // A:I, the spacer G included so one write covers the whole tab
const TIERS_HEADER = ['Tier', 'Minimum score'];

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The criteria tab, created with its header, default tiers, named ranges and validation on first use. */
export function ensureCriteriaTab(ss: Spreadsheet, headers: readonly string[]): Sheet {
  const existing = ss.getSheetByName(CRITERIA_SHEET);
  if (existing) {
    ensureNamedRanges(ss, existing);
    return existing;
  }
  const sheet = ss.insertSheet(CRITERIA_SHEET);
  const block: Cell[][] = [[...CRITERIA_HEADER, '', ...TIERS_HEADER]];
  for (const tier of DEFAULT_TIERS) block.push(['', '', '', '', '', '', '', tier.label, tier.min]);
  sheet.getRange(1, 1, block.length, WIDTH).setValues(block);
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

/** Operator and attribute dropdowns, a Required checkbox and numeric points, for every criteria row. */
export function applyValidation(sheet: Sheet, headers: readonly string[]): void {
  const rows = sheet.getMaxRows() - 1;
  const list = (values: readonly string[]) =>
    SpreadsheetApp.newDataValidation().requireValueInList([...values], true).setAllowInvalid(true).build();
  const attributes = headers.filter((h) => h.trim() !== '');
  if (attributes.length) sheet.getRange(2, 2, rows, 1).setDataValidation(list(attributes));
  sheet.getRange(2, 3, rows, 1).setDataValidation(list(OPERATORS));
  sheet.getRange(2, 5, rows, 1).setDataValidation(SpreadsheetApp.newDataValidation().requireNumberBetween(-1000, 1000).setAllowInvalid(true).build());
  sheet.getRange(2, 6, rows, 1).setDataValidation(SpreadsheetApp.newDataValidation().requireCheckbox().build());
}

/** The tab's criteria and tiers as a draft, read with one getValues. */
export function readCriteriaTab(sheet: Sheet): CriteriaDraft {
  const last = sheet.getLastRow();
  if (last === 0) return { rules: [], tiers: defaultTierDrafts() };
  const values = sheet.getRange(1, 1, last, WIDTH).getValues() as Cell[][];
  const rules: RuleDraft[] = [];
  const tiers: TierDraft[] = [];
  for (const row of values.slice(1)) {
    const rule = row.slice(0, 6);
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

/**
 * Writes a checked draft in one setValues over A:I. Rows the draft no longer fills are blanked, and the
 * spacer column G is written back as it was read, so nothing of the user's is lost.
 */
export function writeCriteriaTab(sheet: Sheet, draft: CriteriaDraft): void {
  const height = Math.max(sheet.getLastRow(), draft.rules.length + 1, draft.tiers.length + 1);
  const current = sheet.getRange(1, 1, height, WIDTH).getValues() as Cell[][];
  const block: Cell[][] = current.map((row, r) => {
    const rule = r === 0 ? CRITERIA_HEADER : ruleCells(draft.rules[r - 1]);
    const tier = r === 0 ? TIERS_HEADER : draft.tiers[r - 1] ? [asText(draft.tiers[r - 1].label), numberOrText(draft.tiers[r - 1].min)] : ['', ''];
    return [...rule, row[6] ?? '', ...tier];
  });
  sheet.getRange(1, 1, height, WIDTH).setValues(block);
}

function ruleCells(rule: RuleDraft | undefined): Cell[] {
  if (!rule) return ['', '', '', '', '', ''];
  return [asText(rule.profile), asText(rule.attribute), asText(rule.operator), asText(rule.value), numberOrText(rule.points), rule.required];
}

/** A number cell when the text is a number (so the sheet shows `-10`, not a formula), else safe text. */
function numberOrText(text: string): Cell {
  const n = parseNumber(text);
  return Number.isNaN(n) || text.trim() === '' ? asText(text) : n;
}

/** The default tiers as the sidebar edits them. */
export function defaultTierDrafts(): TierDraft[] {
  return DEFAULT_TIERS.map((t) => ({ label: t.label, min: String(t.min) }));
}
