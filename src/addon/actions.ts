// The menu actions: create the ICP template, score this sheet with live formulas, build the segment summary.
// Each reads a range with one getValues and writes it in one batch, whatever the number of rows, and writes
// only into new sheets or into columns that are empty or the add-on's own.

import { freeColumns } from '../core/account-sheet';
import { type Cell } from '../core/cells';
import { draftTiers, draftToGrid, type CriteriaDraft, type TierDraft } from '../core/draft';
import { IcpError } from '../core/errors';
import * as icp from '../core/icp';
import { summarizeSegments } from '../core/segments';
import { CRITERIA_RANGE_NAME, ensureCriteriaTab, readCriteriaTab, TIERS_RANGE_NAME } from './criteria-tab';
import { messages, userLanguage } from './locale';
import {
  ACCOUNT_SHEET_PROPERTY, ACCOUNTS_SHEET, asCell, columnLetter, CRITERIA_SHEET, formulaText, freeSheetName, isOwnSheet, markOutputColumns,
  OUTPUT_COLUMNS, PERSONAS_SHEET, readAccountTable, SEGMENTS_SHEET, sheetRef, type AccountTable,
} from './sheets';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export const TEMPLATE_COLUMNS = [
  'Company / customer', 'Industry', 'Operating model', 'Case study link', 'Employees', 'Revenue', 'Region (HQ)',
  'Regions active', 'Business model', 'Tech stack', 'Problems', 'Budget', 'Decision makers', 'Buying process',
  'MRR', 'Churned', 'Customer since', 'CAC',
];
export const PERSONA_COLUMNS = ['ICP profile', 'Role', 'Goals', 'Challenges', 'Objections', 'Message'];

/** Above this many rows one live custom-function result is too large for Sheets; scores go in as values. */
export const MAX_LIVE_ROWS = 250_000;

const TIER_COLOURS = ['#b7e1cd', '#d9ead3', '#fff2cc', '#fce5cd', '#f4cccc', '#ead1dc'];
const DQ_COLOUR = '#d9d9d9';

/** Creates `ICP Accounts` (or `ICP Accounts 2`, …) with the ICP columns, and a Personas sheet. */
export function createTemplate(): string {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const sheet = ss.insertSheet(freeSheetName(ss, ACCOUNTS_SHEET));
  sheet.getRange(1, 1, 1, TEMPLATE_COLUMNS.length).setValues([TEMPLATE_COLUMNS.map(asCell)]).setFontWeight('bold');
  sheet.setFrozenRows(1);
  const rows = sheet.getMaxRows() - 1;
  const column = (name: string) => TEMPLATE_COLUMNS.indexOf(name) + 1;
  const builder = () => SpreadsheetApp.newDataValidation().setAllowInvalid(true);
  sheet.getRange(2, column('Churned'), rows, 1).setDataValidation(SpreadsheetApp.newDataValidation().requireCheckbox().build());
  sheet.getRange(2, column('Customer since'), rows, 1).setDataValidation(builder().requireDate().build());
  sheet.getRange(2, column('Case study link'), rows, 1).setDataValidation(builder().requireTextIsUrl().build());
  for (const name of ['Employees', 'MRR', 'CAC']) {
    sheet.getRange(2, column(name), rows, 1).setDataValidation(builder().requireNumberGreaterThanOrEqualTo(0).build());
  }
  const personas = ss.insertSheet(freeSheetName(ss, PERSONAS_SHEET));
  personas.getRange(1, 1, 1, PERSONA_COLUMNS.length).setValues([PERSONA_COLUMNS.map(asCell)]).setFontWeight('bold');
  personas.setFrozenRows(1);
  ensureCriteriaTab(ss, TEMPLATE_COLUMNS);
  ss.setActiveSheet(sheet);
  PropertiesService.getDocumentProperties().setProperty(ACCOUNT_SHEET_PROPERTY, sheet.getName());
  return sheet.getName();
}

/**
 * Adds or updates ICP score, ICP tier and Why to the right of the active sheet's table: one formula each over
 * open-ended ranges, so new rows are scored automatically. Running it again changes nothing more. The
 * columns are the add-on's by the marker it puts on them; new ones go where every cell is empty.
 */
export function scoreThisSheet(): void {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const ui = SpreadsheetApp.getUi();
  const text = messages(userLanguage());
  const sheet = ss.getActiveSheet();
  const table = isOwnSheet(sheet) ? null : readAccountTable(sheet);
  if (!table) {
    ui.alert(text.noTable);
    return;
  }
  PropertiesService.getDocumentProperties().setProperty(ACCOUNT_SHEET_PROPERTY, sheet.getName());
  const criteria = readCriteriaTab(ensureCriteriaTab(ss, table.attributes));
  const column = table.output?.column ?? freeOutputColumn(table);
  const rows = table.values.length - 1;
  const asValues = rows > MAX_LIVE_ROWS;
  if (asValues && ui.alert(text.largeTable(rows), ui.ButtonSet.YES_NO) !== ui.Button.YES) return;
  if (sheet.getMaxColumns() < column + 2) sheet.insertColumnsAfter(sheet.getMaxColumns(), column + 2 - sheet.getMaxColumns());
  if (asValues) {
    try {
      writeScoresAsValues(table, column, criteria);
    } catch (error) {
      if (!(error instanceof IcpError)) throw error;
      ui.alert(error.message);
      return;
    }
  } else {
    const area = `A${table.headerRow}:${columnLetter(table.width)}`;
    // Scores an earlier run wrote as values would block the spill: clear those (in the add-on's columns) first.
    if (table.output && !table.output.live && sheet.getMaxRows() > table.headerRow) {
      sheet.getRange(table.headerRow + 1, column, sheet.getMaxRows() - table.headerRow, 3).clearContent();
    }
    sheet.getRange(table.headerRow, column, 1, 3).setFormulas([[
      `=ICP_SCORE(${area}, ${CRITERIA_RANGE_NAME})`,
      `=ICP_TIER(${area}, ${CRITERIA_RANGE_NAME}, "", ${TIERS_RANGE_NAME})`,
      `=ICP_EXPLAIN(${area}, ${CRITERIA_RANGE_NAME})`,
    ]]);
    sheet.getRange(table.headerRow, column, 1, 3).setNote('');
  }
  if (!table.output?.marked) markOutputColumns(sheet, column);
  sheet.getRange(table.headerRow, column, 1, 3).setFontWeight('bold');
  colourTiers(sheet, table.headerRow, column + 1, criteria.tiers);
  ss.toast(text.scored(sheet.getName()), 'icp-sheets');
}

/**
 * The first of three adjacent columns right of the table that are empty from the header row to the last
 * row, so that neither a spill nor values cover a cell of the user's. A cell whose formula shows blank is
 * not empty: the formulas of the candidate columns are read to make sure.
 */
function freeOutputColumn(table: AccountTable): number {
  const taken = new Set<number>();
  const used = table.values[0].length;
  for (;;) {
    const start = freeColumns(table.values, table.width, 3, taken);
    if (start >= used) return start + 1;
    const formulas = table.sheet.getRange(table.headerRow, start + 1, table.values.length, Math.min(3, used - start)).getFormulas();
    const busy = formulas[0].map((_, c) => c).filter((c) => formulas.some((row) => row[c] !== ''));
    if (busy.length === 0) return start + 1;
    for (const c of busy) taken.add(start + c);
  }
}

function writeScoresAsValues(table: AccountTable, column: number, criteria: CriteriaDraft): void {
  const { tiers, problems } = draftTiers(criteria.tiers);
  if (problems.length) throw new IcpError(`${CRITERIA_SHEET}, tier ${problems[0].index + 1}: ${problems[0].problem}`);
  const grid = table.values.map((row) => row.slice(0, table.width));
  const scored = icp.scoreSheet(grid, draftToGrid(criteria), '', '', 'Score this sheet');
  const score = icp.scores(scored);
  const tier = icp.tiersWith(scored, tiers);
  const why = icp.explanations(scored);
  const out: Cell[][] = [OUTPUT_COLUMNS.map(asCell)];
  for (let i = 0; i < score.length; i++) out.push([asCell(score[i]), asCell(tier[i]), asCell(why[i])]);
  const sheet = table.sheet;
  sheet.getRange(table.headerRow, column, out.length, 3).setValues(out);
  const when = new Date().toISOString().replace('T', ' ').slice(0, 16);
  sheet.getRange(table.headerRow, column).setNote(messages(userLanguage()).valuesNote(`${when} UTC`));
}

/** One background per tier (A green … DQ grey), replacing the add-on's earlier rules on that column only. */
function colourTiers(sheet: Sheet, headerRow: number, column: number, tiers: readonly TierDraft[]): void {
  const range = sheet.getRange(headerRow + 1, column, Math.max(1, sheet.getMaxRows() - headerRow), 1);
  const read = draftTiers(tiers);
  // With a tier that cannot be read the formulas say what is wrong; colour the labels in the order written.
  const ordered = read.problems.length ? tiers.map((t) => t.label) : read.tiers.map((t) => t.label);
  const ours = ordered.map((label, i) =>
    SpreadsheetApp.newConditionalFormatRule().whenTextEqualTo(label).setBackground(TIER_COLOURS[i % TIER_COLOURS.length]).setRanges([range]).build(),
  );
  ours.push(SpreadsheetApp.newConditionalFormatRule().whenTextEqualTo('DQ').setBackground(DQ_COLOUR).setRanges([range]).build());
  const others = sheet.getConditionalFormatRules().filter((rule) => !rule.getRanges().every((r) => r.getColumn() === column && r.getNumColumns() === 1));
  sheet.setConditionalFormatRules([...others, ...ours]);
}

/** Asks which column to segment by, then creates `ICP Segments` with ICP_SEGMENTS, formats and a chart. */
export function buildSegmentSummary(): void {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const ui = SpreadsheetApp.getUi();
  const text = messages(userLanguage());
  const remembered = PropertiesService.getDocumentProperties().getProperty(ACCOUNT_SHEET_PROPERTY);
  const source = (remembered && ss.getSheetByName(remembered)) || ss.getActiveSheet();
  const table = isOwnSheet(source) ? null : readAccountTable(source);
  if (!table) {
    ui.alert(text.noTable);
    return;
  }
  const answer = ui.prompt(text.segmentTitle, text.segmentPrompt + table.headers.filter((h) => h).join(', '), ui.ButtonSet.OK_CANCEL);
  if (answer.getSelectedButton() !== ui.Button.OK) return;
  const segmentBy = answer.getResponseText().trim();
  let count: number;
  try {
    count = summarizeSegments(table.values, segmentBy, '', Date.now()).length;
  } catch (error) {
    if (!(error instanceof IcpError)) throw error;
    ui.alert(error.message);
    return;
  }
  createSegmentSheet(table, segmentBy, count);
}

/** The summary tab for a known segment_by; exported for the sidebar-free playground buttons and tests. */
export function createSegmentSheet(table: AccountTable, segmentBy: string, segments: number): Sheet {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const sheet = ss.insertSheet(freeSheetName(ss, SEGMENTS_SHEET));
  const area = `${sheetRef(table.sheet)}A${table.headerRow}:${columnLetter(table.width)}`;
  sheet.getRange(1, 1).setFormula(`=ICP_SEGMENTS(${area}, ${formulaText(segmentBy)})`);
  const rows = segments + 1;
  sheet.getRange(1, 1, 1, 10).setFontWeight('bold');
  sheet.setFrozenRows(1);
  sheet.getRange(2, 4, rows, 1).setNumberFormat('0.0%');
  sheet.getRange(2, 5, rows, 3).setNumberFormat('#,##0');
  sheet.getRange(2, 8, rows, 2).setNumberFormat('0.0');
  const health = sheet.getRange(2, 10, rows, 1);
  sheet.setConditionalFormatRules([
    SpreadsheetApp.newConditionalFormatRule().whenTextContains('✗').setBackground('#f4cccc').setRanges([health]).build(),
    SpreadsheetApp.newConditionalFormatRule().whenTextStartsWith('✓').setBackground('#d9ead3').setRanges([health]).build(),
  ]);
  const chart = sheet.newChart()
    .setChartType(Charts.ChartType.COLUMN)
    .addRange(sheet.getRange(1, 1, rows, 1))
    .addRange(sheet.getRange(1, 8, rows, 1))
    .addRange(sheet.getRange(1, 4, rows, 1))
    .setPosition(rows + 3, 1, 0, 0)
    .setOption('title', 'CLV:CAC and monthly churn per segment')
    .setOption('series', { 1: { targetAxisIndex: 1 } })
    .build();
  sheet.insertChart(chart);
  ss.setActiveSheet(sheet);
  return sheet;
}
