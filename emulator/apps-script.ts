// An in-memory Apps Script environment: SpreadsheetApp, Sheet, Range, named ranges, data validation,
// conditional formatting, charts, Ui, HtmlService, Session, PropertiesService, LockService, ScriptApp and
// Charts. The add-on tests run the bundle against it, and the playground mirrors it into its formula engine.
// Each fake declares which methods of the real service it stands in for, typed against
// @types/google-apps-script, so a renamed method or a changed parameter list fails the typecheck.
// Every call is counted, so tests can assert that work is batched.

import { columnLetter } from '../src/core/cells';

type Cell = string | number | boolean | Date;
type Gas = typeof GoogleAppsScript;
/** The real methods' names and parameter lists; return types are the fake's own (chaining returns the fake). */
type Like<T, K extends keyof T> = { [P in K]: T[P] extends (...args: infer A) => unknown ? (...args: A) => unknown : never };
type RangeApi = GoogleAppsScript.Spreadsheet.Range;
type SheetApi = GoogleAppsScript.Spreadsheet.Sheet;
type SpreadsheetApi = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface CellData {
  value: Cell;
  formula: string;
  note: string;
  format: string;
  bold: boolean;
}

export class Calls {
  readonly counts = new Map<string, number>();
  add(name: string): void {
    this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
  }
  get(name: string): number {
    return this.counts.get(name) ?? 0;
  }
  /** The counts as a plain object, for comparing two runs. */
  snapshot(): Record<string, number> {
    return Object.fromEntries([...this.counts].sort());
  }
  reset(): void {
    this.counts.clear();
  }
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?(%)?$/i;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * What Sheets stores for a value written with setValue(s) or typed into a cell (en_US): one leading `'`
 * makes the rest text and is dropped; numbers (`-5`, `1e3`, `12%`), TRUE/FALSE in any case and ISO dates
 * are parsed; `=…`, `+…`, `-…` and `@…` become formulas. Anything else is text as it is.
 */
export function typed(input: Cell): { value: Cell; formula: string } {
  // Sheets stores a date, not the script's Date object: keep one of this realm, whichever realm wrote it.
  if (typeof input === 'object' && Object.prototype.toString.call(input) === '[object Date]' && !(input instanceof Date)) {
    return { value: new Date((input as Date).getTime()), formula: '' };
  }
  if (typeof input !== 'string') return { value: input, formula: '' };
  if (input.startsWith("'")) return { value: input.slice(1), formula: '' };
  const number = NUMBER.exec(input);
  if (number) return { value: Number(input.replace('%', '')) / (number[4] ? 100 : 1), formula: '' };
  if (/^(true|false)$/i.test(input)) return { value: input.toLowerCase() === 'true', formula: '' };
  const date = ISO_DATE.exec(input);
  if (date) return { value: new Date(Number(date[1]), Number(date[2]) - 1, Number(date[3])), formula: '' };
  // Sheets parses these as formulas too (`+1+1`, `-A1`, `@name`): a user's text must never arrive like this.
  if (/^[=+\-@]/.test(input)) return { value: '', formula: input.startsWith('=') ? input : `=${input}` };
  return { value: input, formula: '' };
}

export class FakeRange
  implements
    Like<
      RangeApi,
      | 'getValues'
      | 'getValue'
      | 'setValues'
      | 'setValue'
      | 'getFormulas'
      | 'setFormula'
      | 'setFormulas'
      | 'clearContent'
      | 'getRow'
      | 'getColumn'
      | 'getNumRows'
      | 'getNumColumns'
      | 'getLastRow'
      | 'getLastColumn'
      | 'getA1Notation'
      | 'getSheet'
      | 'setDataValidation'
      | 'setNumberFormat'
      | 'setNote'
      | 'getNote'
      | 'setFontWeight'
      | 'setBackground'
      | 'addDeveloperMetadata'
      | 'getDeveloperMetadata'
    >
{
  constructor(
    readonly sheet: FakeSheet,
    readonly row: number,
    readonly column: number,
    readonly numRows: number,
    readonly numColumns: number,
  ) {}

  /** Visits every cell of the range; reads (`write` false) leave cells that were never written unmade. */
  private each<T>(fn: (cell: CellData, r: number, c: number) => T, write = true): T[][] {
    const out: T[][] = [];
    for (let r = 0; r < this.numRows; r++) {
      const line: T[] = [];
      for (let c = 0; c < this.numColumns; c++) {
        const cell = write ? this.sheet.cell(this.row + r, this.column + c) : this.sheet.peek(this.row + r, this.column + c);
        line.push(fn(cell, r, c));
      }
      out.push(line);
    }
    return out;
  }

  private count(name: string) {
    this.sheet.spreadsheet.calls.add(`Range.${name}`);
  }

  private checkShape(values: unknown[][], what: string) {
    if (values.length !== this.numRows || values.some((row) => row.length !== this.numColumns)) {
      throw new Error(`The number of rows or columns in the ${what} does not match the range ${this.getA1Notation()}.`);
    }
  }

  getValues(): Cell[][] {
    this.count('getValues');
    return this.each((cell) => cell.value, false);
  }
  getValue(): Cell {
    this.count('getValue');
    return this.sheet.peek(this.row, this.column).value;
  }
  setValues(values: Cell[][]): this {
    this.count('setValues');
    this.checkShape(values, 'data');
    this.each((_, r, c) => this.sheet.write(this.row + r, this.column + c, typed(values[r][c])));
    return this;
  }
  setValue(value: Cell): this {
    this.count('setValue');
    this.sheet.write(this.row, this.column, typed(value));
    return this;
  }
  getFormulas(): string[][] {
    this.count('getFormulas');
    return this.each((cell) => cell.formula, false);
  }
  setFormula(formula: string): this {
    this.count('setFormula');
    this.sheet.write(this.row, this.column, { value: '', formula });
    return this;
  }
  setFormulas(formulas: string[][]): this {
    this.count('setFormulas');
    this.checkShape(formulas, 'formulas');
    this.each((_, r, c) => this.sheet.write(this.row + r, this.column + c, { value: '', formula: formulas[r][c] }));
    return this;
  }
  clearContent(): this {
    this.count('clearContent');
    this.each((_, r, c) => this.sheet.write(this.row + r, this.column + c, { value: '', formula: '' }));
    return this;
  }
  getRow() {
    return this.row;
  }
  getColumn() {
    return this.column;
  }
  getNumRows() {
    return this.numRows;
  }
  getNumColumns() {
    return this.numColumns;
  }
  getLastRow() {
    return this.row + this.numRows - 1;
  }
  getLastColumn() {
    return this.column + this.numColumns - 1;
  }
  getSheet() {
    return this.sheet;
  }
  getA1Notation(): string {
    const end = `${columnLetter(this.column + this.numColumns - 1)}${this.row + this.numRows - 1}`;
    const start = `${columnLetter(this.column)}${this.row}`;
    return start === end ? start : `${start}:${end}`;
  }
  setDataValidation(rule: GoogleAppsScript.Spreadsheet.DataValidation | null): this {
    this.count('setDataValidation');
    this.sheet.validations = this.sheet.validations.filter((v) => !sameArea(v.range, this));
    if (rule) this.sheet.validations.push({ range: this, rule: fake(rule) });
    return this;
  }
  setNumberFormat(format: string): this {
    this.count('setNumberFormat');
    this.each((cell) => (cell.format = format));
    return this;
  }
  setNote(note: string | null): this {
    this.count('setNote');
    this.each((cell) => (cell.note = note ?? ''));
    return this;
  }
  getNote(): string {
    return this.sheet.peek(this.row, this.column).note;
  }
  setFontWeight(weight: string | null): this {
    this.count('setFontWeight');
    this.each((cell) => (cell.bold = weight === 'bold'));
    return this;
  }
  setBackground(_colour: string | null): this {
    this.count('setBackground');
    return this;
  }
  /** As in Sheets, metadata belongs to whole columns (or rows, sheets, the spreadsheet): here, columns only. */
  addDeveloperMetadata(key: string, value?: string, visibility?: GoogleAppsScript.Spreadsheet.DeveloperMetadataVisibility): this {
    this.count('addDeveloperMetadata');
    if (this.row !== 1 || this.numRows !== this.sheet.maxRows || this.numColumns !== 1) {
      throw new Error(
        'Adding developer metadata to arbitrary ranges is not currently supported. Developer metadata may only be added to the top-level spreadsheet, an individual sheet, or an entire row or column.',
      );
    }
    const project = this.sheet.spreadsheet.scriptProject;
    this.sheet.metadata.push(new FakeDeveloperMetadata(this.sheet, key, value ?? null, String(visibility ?? 'DOCUMENT'), this.column, project));
    return this;
  }
  getDeveloperMetadata(): FakeDeveloperMetadata[] {
    this.count('getDeveloperMetadata');
    const whole = this.row === 1 && this.numRows === this.sheet.maxRows && this.numColumns === 1;
    return whole ? this.sheet.metadata.filter((m) => m.column === this.column && m.visible()) : [];
  }
}

let metadataIds = 0;

/**
 * Developer metadata on a column (it moves with the column and is gone when the column is) or, with column 0,
 * on a whole sheet (gone with the sheet). With PROJECT visibility only scripts of the Cloud project that
 * wrote it see it (FakeSpreadsheet.scriptProject).
 */
export class FakeDeveloperMetadata
  implements Like<GoogleAppsScript.Spreadsheet.DeveloperMetadata, 'getId' | 'getKey' | 'getValue' | 'getVisibility' | 'getLocation' | 'setValue' | 'remove'>
{
  readonly id = ++metadataIds;
  constructor(
    readonly sheet: FakeSheet,
    readonly key: string,
    public value: string | null,
    readonly visibility: string,
    public column: number,
    readonly project: string,
  ) {}
  /** Whether the script running now sees it. */
  visible(): boolean {
    return this.visibility !== 'PROJECT' || this.project === this.sheet.spreadsheet.scriptProject;
  }
  getId() {
    return this.id;
  }
  getKey() {
    return this.key;
  }
  getValue() {
    return this.value;
  }
  getVisibility() {
    return fake<GoogleAppsScript.Spreadsheet.DeveloperMetadataVisibility>(this.visibility);
  }
  getLocation() {
    const { sheet, column } = this;
    return {
      getLocationType: () => (column === 0 ? 'SHEET' : 'COLUMN'),
      getColumn: () => (column === 0 ? null : new FakeRange(sheet, 1, column, sheet.maxRows, 1)),
      getRow: () => null,
      getSheet: () => sheet,
    };
  }
  setValue(value: string) {
    this.value = value;
    return this;
  }
  remove() {
    this.sheet.spreadsheet.calls.add('DeveloperMetadata.remove');
    this.sheet.metadata = this.sheet.metadata.filter((m) => m !== this);
  }
}

class FakeDeveloperMetadataFinder implements Like<GoogleAppsScript.Spreadsheet.DeveloperMetadataFinder, 'withKey' | 'withValue' | 'find'> {
  private readonly tests: ((m: FakeDeveloperMetadata) => boolean)[] = [];
  /** Searches one sheet, or every sheet of the spreadsheet when `sheet` is the spreadsheet. */
  constructor(private readonly scope: FakeSheet | FakeSpreadsheet) {}
  withKey(key: string) {
    this.tests.push((m) => m.key === key);
    return this;
  }
  withValue(value: string) {
    this.tests.push((m) => m.value === value);
    return this;
  }
  find(): FakeDeveloperMetadata[] {
    const { scope } = this;
    const sheets = scope instanceof FakeSheet ? [scope] : scope.sheets;
    (scope instanceof FakeSheet ? scope.spreadsheet : scope).calls.add('DeveloperMetadataFinder.find');
    return sheets.flatMap((sheet) => sheet.metadata.filter((m) => m.visible() && this.tests.every((test) => test(m))));
  }
}

/** The code under test only ever hands back objects this environment made: view them as the fakes they are. */
function fake<T>(value: unknown): T {
  return value as T;
}

function sameArea(a: FakeRange, b: FakeRange) {
  return a.row === b.row && a.column === b.column && a.numRows === b.numRows && a.numColumns === b.numColumns;
}

/** Spilled cells are keyed by one number, row × 2^15 + column: Sheets allows 18,278 columns, fewer than 2^15. */
const SPILL_COLUMNS = 1 << 15;
export function spillKey(row: number, column: number): number {
  return row * SPILL_COLUMNS + column;
}
const spillRow = (key: number) => Math.floor(key / SPILL_COLUMNS);
const spillColumn = (key: number) => key % SPILL_COLUMNS;

function columnNumber(text: string): number {
  return [...text.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}

export class FakeSheet
  implements
    Like<
      SheetApi,
      | 'getName'
      | 'getRange'
      | 'getDataRange'
      | 'getLastRow'
      | 'getLastColumn'
      | 'getMaxRows'
      | 'getMaxColumns'
      | 'insertColumnsAfter'
      | 'deleteRows'
      | 'setFrozenRows'
      | 'getFrozenRows'
      | 'getConditionalFormatRules'
      | 'setConditionalFormatRules'
      | 'newChart'
      | 'insertChart'
      | 'getCharts'
      | 'createDeveloperMetadataFinder'
      | 'addDeveloperMetadata'
      | 'getDeveloperMetadata'
    >
{
  readonly rows: CellData[][] = [];
  metadata: FakeDeveloperMetadata[] = [];
  validations: { range: FakeRange; rule: FakeDataValidation }[] = [];
  conditionalRules: FakeConditionalFormatRule[] = [];
  charts: FakeChart[] = [];
  frozenRows = 0;
  /**
   * What formulas' array results show in the cells below and right of them, by `spillKey`, as set by
   * whatever calculates the workbook (see FakeSpreadsheet.calculate). Reads see these values; writes
   * store their own over them, and the next calculation decides again.
   */
  readonly spilled = new Map<number, Cell>();

  constructor(
    readonly spreadsheet: FakeSpreadsheet,
    public name: string,
    public maxRows = 1000,
    public maxColumns = 26,
  ) {}

  cell(row: number, column: number): CellData {
    if (row < 1 || column < 1 || row > this.maxRows || column > this.maxColumns) {
      throw new Error(`Range (${row}, ${column}) is outside the sheet ${this.name} (${this.maxRows}×${this.maxColumns}).`);
    }
    const line = (this.rows[row - 1] ??= []);
    return (line[column - 1] ??= { value: '', formula: '', note: '', format: '', bold: false });
  }

  /**
   * A cell for reading: the stored one, else what a formula's array result shows there (Sheets returns
   * spilled values from getValues, with no formula), else an empty one that is not stored.
   */
  peek(row: number, column: number): CellData {
    if (row < 1 || column < 1 || row > this.maxRows || column > this.maxColumns) this.cell(row, column); // throws
    const stored = this.rows[row - 1]?.[column - 1];
    if (stored && (stored.value !== '' || stored.formula !== '')) return stored;
    const spilled = this.spilled.get(spillKey(row, column));
    if (spilled !== undefined) return { value: spilled, formula: '', note: stored?.note ?? '', format: stored?.format ?? '', bold: stored?.bold ?? false };
    return stored ?? { value: '', formula: '', note: '', format: '', bold: false };
  }

  write(row: number, column: number, content: { value: Cell; formula: string }): void {
    const cell = this.cell(row, column);
    // Writing the formula a cell already has leaves its computed value as it is, as in Sheets.
    if (content.formula && content.formula === cell.formula) return;
    cell.value = content.formula ? (this.spreadsheet.formulaValues.get(content.formula) ?? content.value) : content.value;
    cell.formula = content.formula;
    this.spreadsheet.observer?.cellWritten(this, row, column, cell);
  }

  /** Test helper: the stored values of the used area (no spilled ones), without counting a call. */
  values(): Cell[][] {
    return Array.from({ length: this.lastRow(true) }, (_, r) => Array.from({ length: this.lastColumn(true) }, (_, c) => this.rows[r]?.[c]?.value ?? ''));
  }

  /** Test helper: fills the sheet from the top-left corner, without counting a call. */
  load(values: Cell[][]): this {
    this.maxRows = Math.max(this.maxRows, values.length);
    this.maxColumns = values.reduce((n, r) => Math.max(n, r.length), this.maxColumns);
    const observer = this.spreadsheet.observer;
    this.spreadsheet.observer = undefined;
    // Values arrive as an import stores them (numbers, dates, text): only formulas are parsed again.
    const stored = (value: Cell) => (typeof value === 'string' && value.startsWith('=') ? typed(value) : { value, formula: '' });
    values.forEach((row, r) => row.forEach((value, c) => this.write(r + 1, c + 1, stored(value))));
    this.spreadsheet.observer = observer;
    observer?.sheetLoaded(this);
    return this;
  }

  /** Test and playground helper: empties the sheet, as a new sheet would be. */
  clear(): this {
    this.rows.length = 0;
    this.spilled.clear();
    this.metadata = [];
    this.validations = [];
    this.conditionalRules = [];
    this.charts = [];
    return this;
  }

  /** The last row holding something; spilled values count, as they do in Sheets, unless `stored` only. */
  private lastRow(stored = false): number {
    let last = 0;
    for (let r = this.rows.length; r > 0; r--) {
      if (this.rows[r - 1]?.some((c) => c && (c.value !== '' || c.formula))) {
        last = r;
        break;
      }
    }
    if (!stored) for (const [key, value] of this.spilled) if (value !== '') last = Math.max(last, spillRow(key));
    return last;
  }

  private lastColumn(stored = false): number {
    let last = 0;
    for (const row of this.rows)
      row?.forEach((c, i) => {
        if (c && (c.value !== '' || c.formula) && i + 1 > last) last = i + 1;
      });
    if (!stored) for (const [key, value] of this.spilled) if (value !== '') last = Math.max(last, spillColumn(key));
    return last;
  }

  getName() {
    return this.name;
  }

  getRange(a1OrRow: string | number, column?: number, numRows = 1, numColumns = 1): FakeRange {
    this.spreadsheet.calls.add('Sheet.getRange');
    if (typeof a1OrRow === 'number') return new FakeRange(this, a1OrRow, column ?? 1, numRows, numColumns);
    const m = /^([A-Z]+)(\d+)?(?::([A-Z]+)(\d+)?)?$/i.exec(a1OrRow);
    if (!m) throw new Error(`Range not found: ${a1OrRow}`);
    const c1 = columnNumber(m[1]);
    const r1 = m[2] ? Number(m[2]) : 1;
    const c2 = m[3] ? columnNumber(m[3]) : c1;
    const r2 = m[4] ? Number(m[4]) : m[3] ? this.maxRows : r1;
    return new FakeRange(this, r1, c1, r2 - r1 + 1, c2 - c1 + 1);
  }

  getDataRange(): FakeRange {
    this.spreadsheet.calls.add('Sheet.getDataRange');
    return new FakeRange(this, 1, 1, Math.max(1, this.lastRow()), Math.max(1, this.lastColumn()));
  }

  getLastRow() {
    return this.lastRow();
  }
  getLastColumn() {
    return this.lastColumn();
  }
  getMaxRows() {
    return this.maxRows;
  }
  getMaxColumns() {
    return this.maxColumns;
  }
  /** New empty columns after `after`: cells, column metadata, validation and formatting right of it move. */
  insertColumnsAfter(after: number, howMany: number) {
    this.spreadsheet.calls.add('Sheet.insertColumnsAfter');
    this.spilled.clear(); // the next calculation spills again where the formulas now are
    this.maxColumns += howMany;
    if (after >= this.maxColumns - howMany) return this;
    for (const line of this.rows) if (line && line.length > after) line.splice(after, 0, ...new Array<CellData>(howMany));
    for (const m of this.metadata) if (m.column > after) m.column += howMany;
    const moved = (r: FakeRange) => (r.column > after ? new FakeRange(this, r.row, r.column + howMany, r.numRows, r.numColumns) : r);
    this.validations = this.validations.map((v) => ({ ...v, range: moved(v.range) }));
    this.conditionalRules = this.conditionalRules.map(
      (rule) => new FakeConditionalFormatRule(rule.condition, rule.value, rule.background, rule.ranges.map(moved)),
    );
    this.spreadsheet.observer?.sheetLoaded(this);
    return this;
  }
  /** Removes rows; the rows below move up. */
  deleteRows(rowPosition: number, howMany: number) {
    this.spreadsheet.calls.add('Sheet.deleteRows');
    this.spilled.clear();
    this.rows.splice(rowPosition - 1, howMany);
    this.maxRows -= howMany;
    this.spreadsheet.observer?.sheetLoaded(this);
  }
  createDeveloperMetadataFinder() {
    return new FakeDeveloperMetadataFinder(this);
  }
  /** Metadata on the whole sheet (column metadata is added through a column's range). */
  addDeveloperMetadata(key: string, value?: string, visibility?: GoogleAppsScript.Spreadsheet.DeveloperMetadataVisibility): this {
    this.spreadsheet.calls.add('Sheet.addDeveloperMetadata');
    this.metadata.push(new FakeDeveloperMetadata(this, key, value ?? null, String(visibility ?? 'DOCUMENT'), 0, this.spreadsheet.scriptProject));
    return this;
  }
  getDeveloperMetadata(): FakeDeveloperMetadata[] {
    this.spreadsheet.calls.add('Sheet.getDeveloperMetadata');
    return this.metadata.filter((m) => m.column === 0 && m.visible());
  }
  setFrozenRows(rows: number) {
    this.frozenRows = rows;
  }
  getFrozenRows() {
    return this.frozenRows;
  }
  getConditionalFormatRules() {
    return [...this.conditionalRules];
  }
  setConditionalFormatRules(rules: GoogleAppsScript.Spreadsheet.ConditionalFormatRule[]) {
    this.spreadsheet.calls.add('Sheet.setConditionalFormatRules');
    this.conditionalRules = rules.map((rule) => fake(rule));
  }
  newChart() {
    return new FakeChartBuilder();
  }
  insertChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart) {
    this.charts.push(fake(chart));
  }
  getCharts() {
    return [...this.charts];
  }
}

/** Told about every change, so a formula engine (the playground's) can mirror the workbook. */
export interface WorkbookObserver {
  cellWritten(sheet: FakeSheet, row: number, column: number, cell: CellData): void;
  sheetAdded(sheet: FakeSheet): void;
  sheetLoaded(sheet: FakeSheet): void;
  namedRangeSet(name: string, range: FakeRange): void;
}

export class FakeSpreadsheet
  implements
    Like<
      SpreadsheetApi,
      | 'getSheetByName'
      | 'insertSheet'
      | 'getSheets'
      | 'getActiveSheet'
      | 'setActiveSheet'
      | 'setNamedRange'
      | 'getRangeByName'
      | 'toast'
      | 'getSpreadsheetLocale'
      | 'getName'
      | 'createDeveloperMetadataFinder'
    >
{
  readonly calls = new Calls();
  readonly sheets: FakeSheet[] = [];
  readonly named = new Map<string, FakeRange>();
  readonly toasts: string[] = [];
  active: FakeSheet;
  observer?: WorkbookObserver;
  /**
   * The Cloud project of the script that runs now. Developer metadata written with PROJECT visibility is
   * seen only by that project: switching the script to a standard Cloud project (as publishing needs) or
   * running a test deployment hides it. A test changes this to see what such a switch does.
   */
  scriptProject = 'default-project';
  /**
   * What formulas other than the add-on's show (`=Lists!A1` → `DACH`): this environment computes only the
   * add-on's own functions (see calculate), so a test names the value a user's formula shows wherever it is
   * written, moved or typed. Formulas not named here show blank.
   */
  readonly formulaValues = new Map<string, Cell>();
  /**
   * Brings formula results up to date, as Sheets does before SpreadsheetApp.flush() returns: the formula
   * cells' values and what their array results spill (FakeSheet.spilled). Set by whatever computes
   * formulas (the add-on tests' harness, the playground's engine); without it formulas show blank.
   */
  calculate?: () => void;

  constructor(
    firstSheet = 'Sheet1',
    public locale = 'en_US',
  ) {
    this.active = this.addSheet(firstSheet);
  }

  addSheet(name: string): FakeSheet {
    const sheet = new FakeSheet(this, name);
    this.sheets.push(sheet);
    this.observer?.sheetAdded(sheet);
    return sheet;
  }

  getName() {
    return 'Fake spreadsheet';
  }
  getSheetByName(name: string) {
    return this.sheets.find((s) => s.name === name) ?? null;
  }
  insertSheet(name: string): FakeSheet {
    this.calls.add('Spreadsheet.insertSheet');
    if (this.getSheetByName(name)) throw new Error(`A sheet with the name "${name}" already exists.`);
    const sheet = this.addSheet(name);
    this.active = sheet;
    return sheet;
  }
  getSheets() {
    return [...this.sheets];
  }
  getActiveSheet() {
    return this.active;
  }
  setActiveSheet(sheet: GoogleAppsScript.Spreadsheet.Sheet) {
    this.active = fake(sheet);
    return this.active;
  }
  setNamedRange(name: string, range: GoogleAppsScript.Spreadsheet.Range) {
    this.named.set(name, fake(range));
    this.observer?.namedRangeSet(name, fake(range));
  }
  getRangeByName(name: string) {
    return this.named.get(name) ?? null;
  }
  toast(message: string) {
    this.toasts.push(message);
  }
  getSpreadsheetLocale() {
    return this.locale;
  }
  /** Finds metadata on every sheet (the add-on marks its tabs and its output columns). */
  createDeveloperMetadataFinder() {
    return new FakeDeveloperMetadataFinder(this);
  }
}

export class FakeDataValidation {
  constructor(
    readonly type: string,
    readonly values: unknown[],
    readonly allowInvalid: boolean,
  ) {}
  getCriteriaType() {
    return this.type;
  }
  getCriteriaValues() {
    return this.values;
  }
  getAllowInvalid() {
    return this.allowInvalid;
  }
}

class FakeDataValidationBuilder
  implements
    Like<
      GoogleAppsScript.Spreadsheet.DataValidationBuilder,
      | 'requireValueInList'
      | 'requireCheckbox'
      | 'requireDate'
      | 'requireTextIsUrl'
      | 'requireNumberBetween'
      | 'requireNumberGreaterThanOrEqualTo'
      | 'setAllowInvalid'
      | 'build'
    >
{
  private type = '';
  private values: unknown[] = [];
  private allowInvalid = true;
  private require(type: string, values: unknown[]) {
    this.type = type;
    this.values = values;
    return this;
  }
  requireValueInList(values: string[], showDropdown?: boolean) {
    return this.require('VALUE_IN_LIST', [values, showDropdown ?? true]);
  }
  requireCheckbox() {
    return this.require('CHECKBOX', []);
  }
  requireDate() {
    return this.require('DATE_IS_VALID_DATE', []);
  }
  requireTextIsUrl() {
    return this.require('TEXT_IS_VALID_URL', []);
  }
  requireNumberBetween(start: number, end: number) {
    return this.require('NUMBER_BETWEEN', [start, end]);
  }
  requireNumberGreaterThanOrEqualTo(number: number) {
    return this.require('NUMBER_GREATER_THAN_OR_EQUAL_TO', [number]);
  }
  setAllowInvalid(allow: boolean) {
    this.allowInvalid = allow;
    return this;
  }
  build() {
    return new FakeDataValidation(this.type, this.values, this.allowInvalid);
  }
}

export class FakeConditionalFormatRule {
  constructor(
    readonly condition: string,
    readonly value: string,
    readonly background: string,
    readonly ranges: FakeRange[],
  ) {}
  getRanges() {
    return [...this.ranges];
  }
}

class FakeConditionalFormatRuleBuilder
  implements
    Like<
      GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder,
      'whenTextEqualTo' | 'whenTextContains' | 'whenTextStartsWith' | 'setBackground' | 'setRanges' | 'build'
    >
{
  private condition = '';
  private value = '';
  private background = '';
  private ranges: FakeRange[] = [];
  private when(condition: string, value: string) {
    this.condition = condition;
    this.value = value;
    return this;
  }
  whenTextEqualTo(text: string) {
    return this.when('TEXT_EQUAL_TO', text);
  }
  whenTextContains(text: string) {
    return this.when('TEXT_CONTAINS', text);
  }
  whenTextStartsWith(text: string) {
    return this.when('TEXT_STARTS_WITH', text);
  }
  setBackground(colour: string | null) {
    this.background = colour ?? '';
    return this;
  }
  setRanges(ranges: GoogleAppsScript.Spreadsheet.Range[]) {
    this.ranges = ranges.map((r) => fake(r));
    return this;
  }
  build() {
    return new FakeConditionalFormatRule(this.condition, this.value, this.background, this.ranges);
  }
}

export interface FakeChart {
  readonly type: string;
  readonly ranges: FakeRange[];
  /** Options as setOption received them, e.g. `vAxes`, `series`, `hAxis` (Google Charts configuration options). */
  readonly options: Record<string, unknown>;
  readonly position: number[];
  /** Rows of the ranges that are headers (series names), when set. */
  readonly numHeaders: number | null;
}

class FakeChartBuilder
  implements Like<GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder, 'setChartType' | 'addRange' | 'setPosition' | 'setOption' | 'setNumHeaders' | 'build'>
{
  private chart: { type: string; ranges: FakeRange[]; options: Record<string, unknown>; position: number[]; numHeaders: number | null } = {
    type: '',
    ranges: [],
    options: {},
    position: [],
    numHeaders: null,
  };
  setChartType(type: GoogleAppsScript.Charts.ChartType) {
    this.chart.type = String(type);
    return this;
  }
  addRange(range: GoogleAppsScript.Spreadsheet.Range) {
    this.chart.ranges.push(fake(range));
    return this;
  }
  setPosition(row: number, column: number, offsetX: number, offsetY: number) {
    this.chart.position = [row, column, offsetX, offsetY];
    return this;
  }
  setOption(option: string, value: unknown) {
    this.chart.options[option] = value;
    return this;
  }
  setNumHeaders(headers: number) {
    this.chart.numHeaders = headers;
    return this;
  }
  build(): FakeChart {
    return { ...this.chart };
  }
}

export class FakeHtmlOutput implements Like<GoogleAppsScript.HTML.HtmlOutput, 'setTitle' | 'getTitle' | 'setWidth' | 'setHeight' | 'getContent' | 'append'> {
  title = '';
  width = 0;
  height = 0;
  constructor(public content: string) {}
  append(addedContent: string) {
    this.content += addedContent;
    return this;
  }
  setTitle(title: string) {
    this.title = title;
    return this;
  }
  getTitle() {
    return this.title;
  }
  setWidth(width: number) {
    this.width = width;
    return this;
  }
  setHeight(height: number) {
    this.height = height;
    return this;
  }
  getContent() {
    return this.content;
  }
}

const BUTTON = { CLOSE: 'CLOSE', OK: 'OK', CANCEL: 'CANCEL', YES: 'YES', NO: 'NO' } as const;
const BUTTON_SET = { OK: 'OK', OK_CANCEL: 'OK_CANCEL', YES_NO: 'YES_NO', YES_NO_CANCEL: 'YES_NO_CANCEL' } as const;
type Button = (typeof BUTTON)[keyof typeof BUTTON];

export class FakeMenu implements Like<GoogleAppsScript.Base.Menu, 'addItem' | 'addSeparator' | 'addToUi'> {
  readonly items: { caption: string; functionName: string }[] = [];
  added = false;
  addItem(caption: string, functionName: string) {
    this.items.push({ caption, functionName });
    return this;
  }
  addSeparator() {
    this.items.push({ caption: '—', functionName: '' });
    return this;
  }
  addToUi() {
    this.added = true;
  }
}

export class FakeUi implements Like<GoogleAppsScript.Base.Ui, 'createAddonMenu' | 'alert' | 'prompt' | 'showSidebar' | 'showModalDialog'> {
  readonly Button = BUTTON;
  readonly ButtonSet = BUTTON_SET;
  readonly menus: FakeMenu[] = [];
  readonly alerts: string[] = [];
  readonly prompts: string[] = [];
  readonly sidebars: FakeHtmlOutput[] = [];
  readonly dialogs: { html: FakeHtmlOutput; title: string }[] = [];
  /** Scripted answers: the next alert's button, the next prompt's text and button. */
  alertAnswers: Button[] = [];
  promptAnswers: { text: string; button: Button }[] = [];

  createAddonMenu() {
    const menu = new FakeMenu();
    this.menus.push(menu);
    return menu;
  }
  alert(...args: unknown[]): Button {
    this.alerts.push(args.filter((a) => typeof a === 'string' && !(Object.values(BUTTON_SET) as string[]).includes(a)).join('\n'));
    return this.alertAnswers.shift() ?? BUTTON.OK;
  }
  prompt(...args: unknown[]) {
    this.prompts.push(args.filter((a) => typeof a === 'string' && !(Object.values(BUTTON_SET) as string[]).includes(a)).join('\n'));
    const answer = this.promptAnswers.shift() ?? { text: '', button: BUTTON.CANCEL };
    return { getResponseText: () => answer.text, getSelectedButton: () => answer.button };
  }
  showSidebar(html: GoogleAppsScript.HTML.HtmlOutput) {
    this.sidebars.push(fake(html));
  }
  showModalDialog(html: GoogleAppsScript.HTML.HtmlOutput, title: string) {
    this.dialogs.push({ html: fake(html), title });
  }
}

export class FakeProperties implements Like<GoogleAppsScript.Properties.Properties, 'getProperty' | 'setProperty'> {
  readonly store = new Map<string, string>();
  getProperty(key: string) {
    return this.store.get(key) ?? null;
  }
  setProperty(key: string, value: string) {
    this.store.set(key, value);
    return this;
  }
}

/**
 * The document lock every execution in this spreadsheet shares. Executions run one at a time here, so a
 * test plays the other one: `busyElsewhere` holds the lock for it, `whileWaiting` runs what it does before
 * it lets go (a collaborator's save, a hand edit) just before a waiting execution gets the lock.
 */
export class FakeDocumentLock {
  holder: FakeLock | null = null;
  busyElsewhere = false;
  whileWaiting?: () => void;
  /** The timeouts executions asked for, in order. */
  readonly requests: number[] = [];
}

export class FakeLock implements Like<GoogleAppsScript.Lock.Lock, 'hasLock' | 'releaseLock' | 'tryLock' | 'waitLock'> {
  constructor(private readonly shared: FakeDocumentLock) {}
  hasLock() {
    return this.shared.holder === this;
  }
  releaseLock() {
    if (this.shared.holder === this) this.shared.holder = null;
  }
  tryLock(timeoutInMillis: number): boolean {
    if (this.hasLock()) return true;
    this.shared.requests.push(timeoutInMillis);
    const other = this.shared.whileWaiting;
    this.shared.whileWaiting = undefined;
    other?.();
    if (this.shared.busyElsewhere || this.shared.holder) return false;
    this.shared.holder = this;
    return true;
  }
  waitLock(timeoutInMillis: number) {
    if (!this.tryLock(timeoutInMillis)) throw new Error('Lock timeout: another process was holding the lock for too long.');
  }
}

export type AuthMode = 'NONE' | 'LIMITED' | 'FULL';

export interface FakeEnvironment {
  readonly spreadsheet: FakeSpreadsheet;
  readonly ui: FakeUi;
  readonly documentProperties: FakeProperties;
  readonly documentLock: FakeDocumentLock;
  /** The globals to hand to the bundle's context. */
  readonly globals: Record<string, unknown>;
  authMode: AuthMode;
  locale: string;
}

/**
 * A fresh environment; in AuthMode.NONE every service that needs authorization throws, as in Sheets.
 * `files` are the project's HTML files by name (the sidebar, the language data `i18n-de`, …); `locale` is the
 * user's (Session) and, unless `sheetLocale` says otherwise, the new spreadsheet's (File → Settings).
 */
export function fakeAppsScript(
  options: { files?: Record<string, string>; locale?: string; sheetLocale?: string; spreadsheet?: FakeSpreadsheet } = {},
): FakeEnvironment {
  const spreadsheet = options.spreadsheet ?? new FakeSpreadsheet('Sheet1', options.sheetLocale ?? options.locale ?? 'en_US');
  const ui = new FakeUi();
  const documentProperties = new FakeProperties();
  const documentLock = new FakeDocumentLock();
  const env: FakeEnvironment = { spreadsheet, ui, documentProperties, documentLock, globals: {}, authMode: 'FULL', locale: options.locale ?? 'en_US' };
  const authorized = <T>(service: string, value: () => T): T => {
    if (env.authMode === 'NONE') throw new Error(`You do not have permission to call ${service} in AuthMode.NONE.`);
    return value();
  };
  const files = options.files ?? {};
  const SpreadsheetApp: Partial<
    Like<
      GoogleAppsScript.Spreadsheet.SpreadsheetApp,
      'getActiveSpreadsheet' | 'getActive' | 'getUi' | 'newDataValidation' | 'newConditionalFormatRule' | 'flush'
    >
  > & {
    DeveloperMetadataVisibility: Record<keyof typeof GoogleAppsScript.Spreadsheet.DeveloperMetadataVisibility, string>;
  } = {
    DeveloperMetadataVisibility: { DOCUMENT: 'DOCUMENT', PROJECT: 'PROJECT' },
    getActiveSpreadsheet: () => authorized('SpreadsheetApp.getActiveSpreadsheet', () => spreadsheet),
    getActive: () => authorized('SpreadsheetApp.getActive', () => spreadsheet),
    getUi: () => ui,
    newDataValidation: () => new FakeDataValidationBuilder(),
    newConditionalFormatRule: () => new FakeConditionalFormatRuleBuilder(),
    flush: () => {
      spreadsheet.calls.add('SpreadsheetApp.flush');
      spreadsheet.calculate?.();
    },
  };
  const HtmlService: Partial<Like<GoogleAppsScript.HTML.HtmlService, 'createHtmlOutputFromFile' | 'createHtmlOutput'>> = {
    createHtmlOutputFromFile: (name: string) => {
      const content = files[name];
      if (content === undefined) throw new Error(`No HTML file named ${name} was found.`);
      return new FakeHtmlOutput(content);
    },
    createHtmlOutput: (html?: unknown) => new FakeHtmlOutput(String(html ?? '')),
  };
  const Session: Partial<Like<GoogleAppsScript.Base.Session, 'getActiveUserLocale'>> = { getActiveUserLocale: () => env.locale };
  const PropertiesService: Partial<Like<GoogleAppsScript.Properties.PropertiesService, 'getDocumentProperties'>> = {
    getDocumentProperties: () => authorized('PropertiesService.getDocumentProperties', () => documentProperties),
  };
  // Needs no authorization scope, so it works in every AuthMode.
  const LockService: Partial<Like<GoogleAppsScript.Lock.LockService, 'getDocumentLock'>> = { getDocumentLock: () => new FakeLock(documentLock) };
  const ScriptApp = { AuthMode: { NONE: 'NONE', LIMITED: 'LIMITED', FULL: 'FULL', CUSTOM_FUNCTION: 'CUSTOM_FUNCTION' } };
  const Charts = {
    ChartType: { COLUMN: 'COLUMN', BAR: 'BAR', LINE: 'LINE', COMBO: 'COMBO' } satisfies Partial<Record<keyof Gas['Charts']['ChartType'], string>>,
  };
  Object.assign(env.globals, { SpreadsheetApp, HtmlService, Session, PropertiesService, LockService, ScriptApp, Charts });
  return env;
}
