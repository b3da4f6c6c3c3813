// The menu actions: create the ICP template, score this sheet with live formulas, build the segment summary
// and the validation tab, and the starter profile the criteria editor offers. Each reads a range with one
// getValues and writes it in one batch, whatever the number of rows, and writes only into new sheets or into
// columns that are empty or the add-on's own. An action says what it did in words (a toast), or what is wrong (an alert): before
// writing formulas it computes with the core what they will show, and after writing it reads what they show.
// Actions speak the user's language; what they compute of the formulas' output is in the spreadsheet's.

import { freeColumns, starterRules } from '../core/account-sheet';
import type { Cell } from '../core/cells';
import { operatorName, parseCriteria } from '../core/criteria';
import { type CriteriaDraft, defaultTierDrafts, draftTiers, draftToGrid, type RuleDraft, type TierDraft } from '../core/draft';
import { attempt, IcpError, icpError } from '../core/errors';
import { decimal, fmt, language } from '../core/i18n';
import * as icp from '../core/icp';
import { type OutcomeKind, tooFew } from '../core/learn/outcome';
import { percent, validateCriteria } from '../core/learn/validate';
import { compileCriteria } from '../core/scoring';
import { summarizeSegments } from '../core/segments';
import { readTable } from '../core/table';
import { normalizeText } from '../core/text';
import { parseTiers } from '../core/tiers';
import { CRITERIA_RANGE_NAME, criteriaSheet, ensureCriteriaTab, readCriteriaCells, readCriteriaTab, TIERS_RANGE_NAME } from './criteria-tab';
import { checkDraft } from './draft';
import type { ServerTexts } from './i18n/en';
import { TEMPLATE_COLUMN } from './i18n/template';
import { inSheetLanguage, speakToUser } from './locale';
import type { Tab } from './messages';
import {
  type AccountTable,
  accountSheet,
  activeSpreadsheet,
  asCell,
  boldHeader,
  columnLetter,
  formulaText,
  insertTab,
  isOwnSheet,
  markOutputColumns,
  outputLabels,
  readAccountTable,
  rememberedSheet,
  rememberSheet,
  sheetRef,
  spreadsheetUi,
  validateColumn,
} from './sheets';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Messages = ServerTexts;

/** Above this many rows one live custom-function result is too large for Sheets; scores go in as values. */
export const MAX_LIVE_ROWS = 250_000;

/**
 * Tier backgrounds, best to worst: a diverging blue–orange scale (ColorBrewer RdBu's hues), which people
 * with red–green colour blindness tell apart too, as two similar greens were not. `tierColour` spreads the
 * tiers over it, so the default four are strong blue, light blue, light orange, strong orange. Black text
 * keeps a contrast of at least 6:1 on each, and DQ is a mid grey, apart from every tier.
 */
const TIER_COLOURS = ['#4393c3', '#74add1', '#92c5de', '#c6dbef', '#fddbc7', '#f4a582', '#e0785c'];
const DQ_COLOUR = '#9e9e9e';

/** The background of the `i`-th of `count` tiers (best first), spread from one end of the scale to the other. */
function tierColour(i: number, count: number): string {
  const last = TIER_COLOURS.length - 1;
  return TIER_COLOURS[count < 2 ? 0 : Math.round((i * last) / (count - 1))];
}

/**
 * Creates `ICP Accounts` (or `ICP Accounts 2`, …) with the ICP columns and three example accounts, and a
 * Personas sheet, in the user's language. A criteria tab created here starts with a profile over the
 * template's columns; an existing one is kept as it is (the template's columns are those the example criteria use).
 */
export function createTemplate(): string {
  const text = speakToUser();
  const template = text.template_;
  const lang = language();
  const ss = activeSpreadsheet();
  const sheet = insertTab(ss, 'accounts', lang);
  const columns = template.columns;
  const rows = template.rows.map((row) => row.map((cell, c) => (c === TEMPLATE_COLUMN.since && typeof cell === 'string' && cell ? isoDay(cell) : cell)));
  sheet.getRange(1, 1, rows.length + 1, columns.length).setValues([[...columns], ...rows].map((row) => row.map(asCell)));
  boldHeader(sheet, columns.length);
  const below = sheet.getMaxRows() - 1;
  const column = (index: number, rule: Parameters<typeof validateColumn>[3]) => validateColumn(sheet, index + 1, below, rule);
  column(TEMPLATE_COLUMN.churned, (rule) => rule.requireCheckbox());
  column(TEMPLATE_COLUMN.since, (rule) => rule.requireDate());
  column(TEMPLATE_COLUMN.link, (rule) => rule.requireTextIsUrl());
  column(TEMPLATE_COLUMN.outcome, (rule) => rule.requireValueInList([...template.outcomes], true));
  for (const index of [TEMPLATE_COLUMN.employees, TEMPLATE_COLUMN.mrr, TEMPLATE_COLUMN.cac, TEMPLATE_COLUMN.dealValue]) {
    column(index, (rule) => rule.requireNumberGreaterThanOrEqualTo(0));
  }
  const personas = insertTab(ss, 'personas', lang);
  personas.getRange(1, 1, 1, template.personas.length).setValues([template.personas.map(asCell)]);
  boldHeader(personas, template.personas.length);
  const seeded = !criteriaSheet(ss);
  const starter = template.rules.map(
    ([c, operator, value, points]): RuleDraft => ({
      profile: template.profile,
      attribute: columns[c],
      operator: operatorName(operator),
      value,
      points: String(points),
      required: false,
    }),
  );
  const tab = ensureCriteriaTab(ss, columns, starter);
  ss.setActiveSheet(sheet);
  rememberSheet(sheet);
  toast(fmt(seeded ? text.templateSeeded_ : text.templateKept_, sheet.getName(), personas.getName(), tab.getName()));
  return sheet.getName();
}

/** What an action did, in a toast. */
function toast(message: string): void {
  activeSpreadsheet().toast(message, 'icp-sheets');
}

/** A date of the script's time zone from `yyyy-mm-dd`. */
function isoDay(text: string): Date {
  const [y, m, d] = text.split('-').map(Number);
  return new Date(y, m - 1, d);
}

/**
 * Adds or updates ICP score, ICP tier and Why to the right of the active sheet's table: one formula each over
 * open-ended ranges, so new rows are scored automatically. Running it again changes nothing more. The
 * columns are the add-on's by the marker it puts on them; new ones go where every cell is empty. Criteria
 * that do not fit the table are named instead of written into formulas that would all show #ERROR!.
 */
export function scoreThisSheet(): void {
  const ss = activeSpreadsheet();
  const ui = spreadsheetUi();
  const text = speakToUser();
  const sheet = ss.getActiveSheet();
  const table = isOwnSheet(sheet) ? null : readAccountTable(sheet);
  if (!table) {
    ui.alert(text.noTable_);
    return;
  }
  rememberSheet(sheet);
  if (!criteriaSheet(ss)) {
    ui.alert(fmt(text.noCriteria_, sheet.getName()));
    return;
  }
  const tabSheet = ensureCriteriaTab(ss, table.attributes_);
  const tab = readCriteriaCells(tabSheet);
  const criteria = tab.draft;
  const problem = scoringProblem(table, tab, text, tabSheet.getName());
  if (problem) {
    ui.alert(problem);
    return;
  }
  const column = table.output_?.column_ ?? freeOutputColumn(table);
  const rows = table.values_.length - 1;
  const asValues = rows > MAX_LIVE_ROWS;
  if (asValues && ui.alert(fmt(text.largeTable_, rows), ui.ButtonSet.YES_NO) !== ui.Button.YES) {
    toast(text.notScored_);
    return;
  }
  if (sheet.getMaxColumns() < column + 2) sheet.insertColumnsAfter(sheet.getMaxColumns(), column + 2 - sheet.getMaxColumns());
  const header = sheet.getRange(table.headerRow_, column, 1, 3);
  if (asValues) {
    const error = attempt(() => writeScoresAsValues(table, column, criteria, text, tabSheet.getName()));
    if (error) return void ui.alert(fmt(text.criteriaProblem_, tabSheet.getName(), error.message));
  } else {
    const area = `A${table.headerRow_}:${columnLetter(table.width_)}`;
    // Scores an earlier run wrote as values would block the spill: clear those (in the add-on's columns) first.
    if (table.output_ && !table.output_.live_ && sheet.getMaxRows() > table.headerRow_) {
      sheet.getRange(table.headerRow_ + 1, column, sheet.getMaxRows() - table.headerRow_, 3).clearContent();
    }
    header.setFormulas([
      [
        `=ICP_SCORE(${area}, ${CRITERIA_RANGE_NAME})`,
        `=ICP_TIER(${area}, ${CRITERIA_RANGE_NAME}, "", ${TIERS_RANGE_NAME})`,
        `=ICP_EXPLAIN(${area}, ${CRITERIA_RANGE_NAME})`,
      ],
    ]);
    header.setNote('');
  }
  if (!table.output_?.marked_) markOutputColumns(sheet, column);
  header.setFontWeight('bold');
  colourTiers(sheet, table.headerRow_, column + 1, criteria.tiers);
  const shown = asValues ? null : shownError(header);
  if (shown) {
    const cell = `${columnLetter(column + shown.index)}${table.headerRow_}`;
    ui.alert(shown.error === '#REF!' ? fmt(text.spillBlocked_, cell, header.getA1Notation()) : fmt(text.formulaError_, cell, shown.error));
    return;
  }
  toast(fmt(text.scored_, sheet.getName()));
}

/** What Sheets shows in a cell whose formula failed (getValues returns these as text). */
const SHOWN_ERROR = /^#(ERROR!|REF!|N\/A|VALUE!|NAME\?|DIV\/0!|NUM!|NULL!)$/;

/**
 * After the formulas are written: lets Sheets calculate, then reads what the cells show, and returns the
 * first error among them (custom functions still loading show no error and pass).
 */
function shownError(range: GoogleAppsScript.Spreadsheet.Range): { index: number; error: string } | null {
  SpreadsheetApp.flush();
  const shown = range.getValues()[0];
  const index = shown.findIndex((value) => typeof value === 'string' && SHOWN_ERROR.test(value));
  return index < 0 ? null : { index, error: String(shown[index]) };
}

/**
 * Why the score formulas would fail on this table, computed by the core on the cells they read (the
 * criteria and tiers ranges, the table's header row), or null when they will work. Rules that do not fit
 * are named one by one, checked as the criteria editor checks them.
 */
function scoringProblem(table: AccountTable, tab: CriteriaCells, text: Messages, tabName: string): string | null {
  const sheet = table.sheet_.getName();
  const criteria = tab.draft;
  if (criteria.rules.length === 0) return fmt(text.noCriteria_, sheet);
  const error = attempt(() => {
    compileCriteria(parseCriteria(tab.criteria), readTable([table.values_[0].slice(0, table.width_)]));
    parseTiers(tab.tiers);
  });
  if (!error) return null;
  const checked = checkDraft(criteria, table.attributes_, text);
  const misfits = 'errors' in checked ? checked.errors.filter((e) => e.scope === 'rule') : [];
  if (misfits.length === 0) return fmt(text.criteriaProblem_, tabName, error.message);
  const indices = [...new Set(misfits.map((e) => e.index))];
  const lines = indices.slice(0, 5).map((i) => `• ${describeDraftRule(criteria.rules[i])}: ${misfits.find((e) => e.index === i)!.message}`);
  if (indices.length > 5) lines.push(fmt(text.more_, indices.length - 5));
  const [count, total, list] = [indices.length, criteria.rules.length, lines.join('\n')];
  return misfits.every((e) => e.field === 'attribute')
    ? fmt(text.unfitColumns_, count, total, tabName, sheet, list)
    : fmt(text.unfitRules_, count, total, tabName, list, sheet);
}

type CriteriaCells = ReturnType<typeof readCriteriaCells>;

/** A rule as the user wrote it, shortened: `Region is DACH, Nordics (SaaS mid-market)`. */
function describeDraftRule(rule: CriteriaDraft['rules'][number]): string {
  const short = (t: string) => (t.length > 60 ? `${t.slice(0, 59)}…` : t);
  const words = [rule.attribute, rule.operator, rule.value]
    .map((t) => short(t.trim()))
    .filter((t) => t !== '')
    .join(' ');
  return rule.profile.trim() ? `${words} (${short(rule.profile.trim())})` : words;
}

/**
 * The first of three adjacent columns right of the table that are empty from the header row to the last
 * row, so that neither a spill nor values cover a cell of the user's. A cell whose formula shows blank is
 * not empty: the formulas of the candidate columns are read to make sure.
 */
function freeOutputColumn(table: AccountTable): number {
  const taken = new Set<number>();
  const used = table.values_[0].length;
  for (;;) {
    const start = freeColumns(table.values_, table.width_, 3, taken);
    if (start >= used) return start + 1;
    const formulas = table.sheet_.getRange(table.headerRow_, start + 1, table.values_.length, Math.min(3, used - start)).getFormulas();
    const busy = formulas[0].map((_, c) => c).filter((c) => formulas.some((row) => row[c] !== ''));
    if (busy.length === 0) return start + 1;
    for (const c of busy) taken.add(start + c);
  }
}

/** The scores as values, as the formulas would show them (in the spreadsheet's language). */
function writeScoresAsValues(table: AccountTable, column: number, criteria: CriteriaDraft, text: Messages, tabName: string): void {
  const { tiers, problems } = draftTiers(criteria.tiers);
  if (problems.length) throw icpError(text.tierProblem_, tabName, problems[0].index + 1, problems[0].problem);
  const grid = table.values_.map((row) => row.slice(0, table.width_));
  const out = inSheetLanguage(() => {
    const scored = icp.scoreSheet(grid, draftToGrid(criteria), '', '', 'Score this sheet');
    const score = icp.scores(scored);
    const tier = icp.tiersWith(scored, tiers);
    const why = icp.explanations(scored);
    const cells: Cell[][] = [outputLabels().map(asCell)];
    for (let i = 0; i < score.length; i++) cells.push([asCell(score[i]), asCell(tier[i]), asCell(why[i])]);
    return cells;
  });
  const sheet = table.sheet_;
  sheet.getRange(table.headerRow_, column, out.length, 3).setValues(out);
  const when = new Date().toISOString().replace('T', ' ').slice(0, 16);
  sheet.getRange(table.headerRow_, column).setNote(fmt(text.valuesNote_, `${when} UTC`));
}

type RuleBuilder = GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder;

/** A conditional format that gives the cells of `range` a background when `when` holds. */
function background(range: GoogleAppsScript.Spreadsheet.Range, colour: string, when: (rule: RuleBuilder) => RuleBuilder) {
  return when(SpreadsheetApp.newConditionalFormatRule()).setBackground(colour).setRanges([range]).build();
}

/** One background per tier (A blue … D orange, DQ grey), replacing the add-on's earlier rules on that column only. */
function colourTiers(sheet: Sheet, headerRow: number, column: number, tiers: readonly TierDraft[]): void {
  const range = sheet.getRange(headerRow + 1, column, Math.max(1, sheet.getMaxRows() - headerRow), 1);
  const read = draftTiers(tiers);
  // With a tier that cannot be read the formulas say what is wrong; colour the labels in the order written.
  const ordered = read.problems.length ? tiers.map((t) => t.label) : read.tiers.map((t) => t.label);
  const ours = ordered.map((label, i) => background(range, tierColour(i, ordered.length), (rule) => rule.whenTextEqualTo(label)));
  ours.push(background(range, DQ_COLOUR, (rule) => rule.whenTextEqualTo('DQ')));
  const others = sheet.getConditionalFormatRules().filter((rule) => !rule.getRanges().every((r) => r.getColumn() === column && r.getNumColumns() === 1));
  sheet.setConditionalFormatRules([...others, ...ours]);
}

/**
 * Asks which column to segment by, then creates `ICP Segments` with ICP_SEGMENTS, formats and a chart. The
 * formula reads the whole table, the score columns included, so `ICP tier` is a column to segment by.
 */
export function buildSegmentSummary(): void {
  const ss = activeSpreadsheet();
  const ui = spreadsheetUi();
  const text = speakToUser();
  const asked = askColumn(text, text.segmentTitle_, text.segmentPrompt_, text.segmentsCancelled_);
  if (!asked) return;
  const { table, column: segmentBy } = asked;
  // Every column the sheet uses: the attributes, the add-on's score columns and any column right of them.
  const width = table.values_[0].length;
  const cells = segmentCells(ss, table, width, segmentBy);
  if (cells instanceof IcpError) return void ui.alert(fmt(text.scoresBroken_, table.sheet_.getName(), cells.message));
  const summary = attempt(() => summarizeSegments(cells, segmentBy, '', Date.now()));
  if (summary instanceof IcpError) return void ui.alert(fmt(text.segmentsFailed_, summary.message));
  const labels = summary.map((m) => m.segment);
  const sheet = createSegmentSheet(table, width, segmentBy, labels, text);
  const shown = shownError(sheet.getRange(1, 1));
  if (shown) {
    ui.alert(fmt(text.segmentsShowError_, sheet.getName(), shown.error));
    return;
  }
  toast(fmt(text.segmentsBuilt_, sheet.getName(), labels.length - 1, segmentBy));
}

/**
 * The account table a summary tab reads (the remembered sheet, else the active one) and the column the user
 * names in a prompt listing its headers; null when there is no table or the user cancelled (both said).
 */
function askColumn(
  text: Messages,
  title: string,
  prompt: Messages['segmentPrompt_' | 'validatePrompt_'],
  cancelled: string,
): { table: AccountTable; column: string } | null {
  const ss = activeSpreadsheet();
  const ui = spreadsheetUi();
  const source = rememberedSheet(ss) ?? ss.getActiveSheet();
  const table = isOwnSheet(source) ? null : readAccountTable(source);
  if (!table) {
    ui.alert(text.noTable_);
    return null;
  }
  const answer = ui.prompt(title, fmt(prompt, table.headers_.filter((h) => h).join(', ')), ui.ButtonSet.OK_CANCEL);
  if (answer.getSelectedButton() !== ui.Button.OK) {
    toast(cancelled);
    return null;
  }
  return { table, column: answer.getResponseText().trim() };
}

/**
 * Asks for the outcome column, then creates `ICP Validation` (in the user's language) with ICP_VALIDATE over
 * the whole table (the outcome and any score columns included) against the criteria tab, with formats and
 * a chart of the win rate (mean value, churn) by tier. The validation is computed by the core on the same
 * cells first: what cannot be validated is named and nothing is built.
 */
export function validateIcp(): void {
  const ss = activeSpreadsheet();
  const ui = spreadsheetUi();
  const text = speakToUser();
  const tab = criteriaSheet(ss);
  if (!tab) return void ui.alert(text.validateNoCriteria_);
  const asked = askColumn(text, text.validateTitle_, text.validatePrompt_, text.validationCancelled_);
  if (!asked) return;
  const { table, column: outcome } = asked;
  const width = table.values_[0].length;
  const { criteria, tiers } = readCriteriaCells(tab);
  const v = attempt(() =>
    validateCriteria(
      table.values_.map((row) => row.slice(0, width)),
      criteria,
      outcome,
      '',
      tiers,
      '',
      Date.now(),
    ),
  );
  if (v instanceof IcpError) return void ui.alert(fmt(text.validationFailed_, v.message));
  const sheet = formulaTab(
    'validation',
    table,
    width,
    7,
    (area) => `=ICP_VALIDATE(${area}, ${CRITERIA_RANGE_NAME}, ${formulaText(outcome)}, "", ${TIERS_RANGE_NAME})`,
  );
  // Rows: the header, one per tier, a blank row, then AUC, base rate and the headline (label | number | note).
  const n = v.tiers.length;
  const rate = v.kind === 'value' ? '#,##0' : v.perMonth ? '0.00%' : '0.0%';
  numberFormats(sheet, [
    [2, 3, n, 1, '0.0%'],
    [2, 4, n, 1, '#,##0'],
    [2, 5, n, 1, rate],
    [2, 6, n, 1, '0.0%'],
    [2, 7, n, 1, '0.00'],
    [n + 3, 2, 1, 1, '0.000'],
    [n + 4, 2, 1, 1, rate],
    [n + 5, 2, 1, 1, '0.0%'],
  ]);
  const kind = KINDS.indexOf(v.kind);
  sheet.insertChart(
    columnChart(sheet, [1, 5], n + 1, 1, 9)
      .setOption('title', text.validationCharts_.split('|')[kind])
      .setOption('legend', { position: 'none' })
      .setOption('vAxis', { minValue: 0, format: v.kind === 'value' ? '#,##0' : 'percent' })
      .build(),
  );
  ss.setActiveSheet(sheet);
  const shown = shownError(sheet.getRange(1, 1));
  if (shown) return void ui.alert(fmt(text.validationShowError_, sheet.getName(), shown.error));
  const top = v.headline;
  const rough = tooFew(v.kind, v.accounts, v.positives) ? text.validationRough_ : '';
  toast(
    fmt(
      text.validationBuilt_,
      sheet.getName(),
      v.outcome,
      decimal(v.auc, 2),
      top.tiers.join('+'),
      percent(top.accountShare),
      percent(top.outcomeShare),
      text.validationOf_.split('|')[kind],
      rough,
    ),
  );
}

/** The outcome kinds in the order the catalogs list their words (chart titles, what the top tiers hold). */
const KINDS: readonly OutcomeKind[] = ['won', 'value', 'churn'];

/**
 * The cells ICP_SEGMENTS will read: the table to column `width`, with the add-on's live score columns as
 * their formulas show them (in the spreadsheet's language), computed here by the core from the criteria
 * and tiers ranges (so the check does not depend on Sheets having calculated them yet). The Why column is
 * computed only when it is a segment. When the score formulas fail (and a summary reading them would too),
 * their error instead, in the user's language.
 */
function segmentCells(ss: Spreadsheet, table: AccountTable, width: number, segmentBy: string): Cell[][] | IcpError {
  const grid = table.values_.map((row) => row.slice(0, width));
  const output = table.output_;
  const tab = criteriaSheet(ss);
  if (!output?.live_ || !tab) return grid;
  const first = output.column_ - 1;
  const { criteria, tiers } = readCriteriaCells(tab);
  const score = () =>
    icp.scoreSheet(
      grid.map((row) => row.slice(0, table.width_)),
      criteria,
      '',
      '',
      'ICP_SCORE',
    );
  const columns = attempt(() =>
    inSheetLanguage(() => {
      const scored = score();
      const labels = outputLabels();
      const named = new Set(segmentBy.split(/[,;]/).map((name) => normalizeText(name)));
      const why = named.has(normalizeText(labels[2])) ? icp.explanations(scored) : [];
      return [labels, icp.scores(scored), icp.tiers(scored, tiers), why];
    }),
  );
  // The same problem, said in the user's language.
  if (columns instanceof IcpError) {
    const again = attempt(() => icp.tiers(score(), tiers));
    return again instanceof IcpError ? again : columns;
  }
  const [labels, ...values] = columns;
  grid.forEach((row, r) =>
    values.forEach((column, i) => {
      if (first + i < width) row[first + i] = r === 0 ? labels[i] : (column[r - 1] ?? '');
    }),
  );
  return grid;
}

/**
 * A new tab of this kind whose A1 holds the formula `formula` makes of the account table's first `width`
 * columns (`'ICP Accounts'!A1:L`), its first `columns` columns a bold header row.
 */
function formulaTab(kind: Tab, table: AccountTable, width: number, columns: number, formula: (area: string) => string): Sheet {
  const sheet = insertTab(activeSpreadsheet(), kind, language());
  sheet.getRange(1, 1).setFormula(formula(`${sheetRef(table.sheet_)}A${table.headerRow_}:${columnLetter(width)}`));
  boldHeader(sheet, columns);
  return sheet;
}

/** Number formats by range: row, column, rows, columns, format. */
function numberFormats(sheet: Sheet, ranges: readonly (readonly [number, number, number, number, string])[]): void {
  for (const [row, column, rows, columns, format] of ranges) sheet.getRange(row, column, rows, columns).setNumberFormat(format);
}

/** The summary tab over the table's first `width` columns, with formats and a chart sized to `labels`. */
function createSegmentSheet(table: AccountTable, width: number, segmentBy: string, labels: readonly string[], text: Messages): Sheet {
  const sheet = formulaTab('segments', table, width, 10, (area) => `=ICP_SEGMENTS(${area}, ${formulaText(segmentBy)})`);
  const rows = labels.length + 1;
  numberFormats(sheet, [
    [2, 4, rows, 1, '0.0%'],
    [2, 5, rows, 3, '#,##0'],
    [2, 8, rows, 2, '0.0'],
  ]);
  const health = sheet.getRange(2, 10, rows, 1);
  sheet.setConditionalFormatRules([
    background(health, '#f4cccc', (rule) => rule.whenTextContains('✗')),
    background(health, '#d9ead3', (rule) => rule.whenTextStartsWith('✓')),
  ]);
  // CLV:CAC (a ratio) and churn (a percentage) each get their own vertical axis, with a title; the
  // segment labels are slanted when they would not fit level under their columns.
  const chartWidth = Math.min(1200, Math.max(600, 60 * labels.length));
  const slanted = labels.some((label) => label.length * 7 > chartWidth / labels.length);
  const chart = columnChart(sheet, [1, 8, 4], rows, rows + 3, 1)
    .setOption('title', text.chartTitle_)
    .setOption('legend', { position: 'top' })
    .setOption('series', { 0: { targetAxisIndex: 0 }, 1: { targetAxisIndex: 1 } })
    .setOption('vAxes', { 0: { title: 'CLV:CAC', minValue: 0 }, 1: { title: text.monthlyChurn_, format: 'percent', minValue: 0 } })
    .setOption('hAxis', slanted ? { title: segmentBy, slantedText: true, slantedTextAngle: 45 } : { title: segmentBy, slantedText: false })
    .setOption('width', chartWidth)
    .setOption('height', 420)
    .build();
  sheet.insertChart(chart);
  activeSpreadsheet().setActiveSheet(sheet);
  return sheet;
}

/** A column chart of the tab's `columns` (the first one the labels), their header and `rows - 1` values, placed at `row`, `column`. */
function columnChart(sheet: Sheet, columns: readonly number[], rows: number, row: number, column: number): GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder {
  const chart = sheet.newChart().setChartType(Charts.ChartType.COLUMN);
  for (const c of columns) chart.addRange(sheet.getRange(1, c, rows, 1));
  return chart.setNumHeaders(1).setPosition(row, column, 0, 0);
}

/** A starter profile for the criteria editor, drawn from an account table's columns (not saved). */
export interface StarterDraft {
  /** The sheet whose columns it was drawn from. */
  readonly sheet: string;
  /** One rule per column that describes accounts, 10 points each, and the tab's tiers (or the defaults). */
  readonly draft: CriteriaDraft;
  /** The columns left out: the name column, IDs and notes, dates, the economics and outcome columns. */
  readonly skipped: string[];
}

/**
 * The criteria editor's "start from this sheet's columns": a profile with one rule per useful column of the
 * account table (its most frequent value, the middle half of its numbers, or a link being filled in), for
 * the user to edit and save. Null when there is no account table.
 */
export function starterDraft(): StarterDraft | null {
  const ss = activeSpreadsheet();
  const sheet = accountSheet(ss);
  const table = sheet ? readAccountTable(sheet) : null;
  if (!table) return null;
  const text = speakToUser();
  const { rules, skipped } = starterRules(table.values_, table.width_);
  const tab = criteriaSheet(ss);
  const tiers = tab ? readCriteriaTab(tab).tiers : [];
  return {
    sheet: table.sheet_.getName(),
    draft: {
      rules: rules.map((rule) => ({ profile: text.starterProfile_, ...rule, operator: operatorName(rule.operator), points: '10', required: false })),
      tiers: tiers.length ? tiers : defaultTierDrafts(),
    },
    skipped,
  };
}
