// The playground's formula engine: HyperFormula (GPL-3.0, local tooling only, never shipped) mirrors the
// in-memory workbook the add-on writes to, and the add-on's custom functions are registered in it from the
// same registry that generates the Apps Script stubs, running the real dist/Code.js.

import vm from 'node:vm';
import {
  ArraySize,
  CellError,
  DetailedCellError,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  type RawCellContent,
  type SimpleCellAddress,
  SimpleRangeValue,
} from 'hyperformula';
import type { CellData, FakeRange, FakeSheet, FakeSpreadsheet, WorkbookObserver } from '../emulator/apps-script';
import { type FunctionSpec, SUGGEST_ROWS } from '../src/addon/registry';
import { cellText, columnLetter } from '../src/core/cells';
import { type Lang, languageOf } from '../src/core/i18n';

type Bundle = vm.Context & Record<string, (...args: unknown[]) => unknown>;
type Ast = { args: unknown[] };
type Value = string | number | boolean | Date;

/** What a cell shows: its text, and the error message when it holds an error. */
export interface Shown {
  readonly text: string;
  readonly value: string | number | boolean | null;
  readonly error?: string;
}

/** Open-ended ranges (`A1:L`, Sheets syntax) closed at the sheet's last row, which HyperFormula needs. */
export function closeOpenRanges(formula: string, rowsOf: (sheet: string | undefined) => number): string {
  return formula.replace(
    /((?:'(?:[^']|'')+'|[A-Za-z_][\w.]*)!)?(\$?[A-Z]{1,3}\$?\d+):(\$?[A-Z]{1,3})(?![\w$(])/g,
    (_, prefix: string | undefined, start: string, end: string) => {
      const sheet = prefix ? prefix.slice(0, -1).replace(/^'|'$/g, '').replace(/''/g, "'") : undefined;
      return `${prefix ?? ''}${start}:${end}${rowsOf(sheet)}`;
    },
  );
}

let registered = false;

/**
 * Registers every custom function of the registry as a HyperFormula plugin, once per process (HyperFormula
 * keeps plugins globally). Each call reaches the bundle of the engine that evaluates it through that
 * engine's `context` setting, so two playgrounds in one process (English and German) keep their own.
 */
function registerFunctions(functions: readonly FunctionSpec[]): void {
  if (registered) return;
  registered = true;
  class IcpPlugin extends FunctionPlugin {}
  const implemented: Record<string, object> = {};
  const prototype = IcpPlugin.prototype as unknown as Record<string, unknown>;
  for (const fn of functions) {
    implemented[fn.name] = {
      method: fn.name,
      sizeOfResultArrayMethod: `${fn.name}_SIZE`,
      parameters: fn.params.map((p) => ({ argumentType: FunctionArgumentType.ANY, optionalArg: Boolean(p.optional) })),
    };
    const size = function (this: IcpPlugin, ast: Ast, state: unknown): ArraySize {
      const sizes: ArraySize[] = ast.args.map((arg) => (this as any).arraySizeForAst(arg, state));
      const first = sizes[0] ?? ArraySize.scalar();
      switch (fn.spill) {
        case 'column':
          return new ArraySize(1, first.height);
        case 'segments':
          return new ArraySize(10, first.height + 1);
        case 'elementwise':
          return new ArraySize(Math.max(...sizes.map((s) => s.width)), Math.max(...sizes.map((s) => s.height)));
        case 'suggest':
          return new ArraySize(9, SUGGEST_ROWS + first.width);
        case 'validate':
          return new ArraySize(7, 12 + 2 * (ast.args.length > 4 && sizes[4].height > 1 ? sizes[4].height : 4));
        default:
          return ArraySize.scalar();
      }
    };
    prototype[fn.name] = function (this: IcpPlugin, ast: Ast, state: unknown) {
      // Results whose height depends on the data are padded to the size declared before evaluating.
      const shape = fn.spill === 'suggest' || fn.spill === 'validate' ? size.call(this, ast, state) : undefined;
      return (this as any).runFunction(ast.args, state, (this as any).metadata(fn.name), (...args: unknown[]) =>
        call((this as any).config.context as Bundle, fn.name, args, shape),
      );
    };
    prototype[`${fn.name}_SIZE`] = size;
  }
  (IcpPlugin as unknown as { implementedFunctions: object }).implementedFunctions = implemented;
  const names = Object.fromEntries(functions.map((f) => [f.name, f.name]));
  HyperFormula.registerFunctionPlugin(IcpPlugin, { enGB: names, enUS: names });
}

/** Calls a custom function the way Sheets does: ranges as 2D arrays, blanks as "", dates as Date. */
function call(bundle: Bundle, name: string, args: unknown[], shape?: ArraySize) {
  const DateType = vm.runInContext('Date', bundle) as DateConstructor;
  const toCell = (v: unknown): Value | CellError => {
    if (v === EmptyValue || v === undefined || v === null) return '';
    if (v instanceof CellError) return v;
    if (typeof v === 'object' && v !== null && 'val' in v) {
      const number = (v as { val: number }).val;
      return v.constructor.name === 'DateNumber' ? new DateType(1899, 11, 30 + number) : number;
    }
    return v as Value;
  };
  const converted: unknown[] = [];
  for (const arg of args) {
    if (arg instanceof SimpleRangeValue) {
      const grid = arg.data.map((row) => row.map(toCell));
      const error = grid.flat().find((c) => c instanceof CellError);
      if (error) return error;
      converted.push(grid);
    } else {
      const cell = toCell(arg);
      if (cell instanceof CellError) return cell;
      converted.push(arg === undefined ? undefined : cell);
    }
  }
  try {
    const result = bundle[name](...converted);
    if (!Array.isArray(result)) return result === '' ? EmptyValue : result;
    const rows = (result as unknown[][]).map((row) => row.map((v) => (v === '' ? EmptyValue : v)));
    if (shape) {
      rows.length = Math.min(rows.length, shape.height);
      while (rows.length < shape.height) rows.push([]);
      for (const row of rows) while (row.length < shape.width) row.push(EmptyValue);
    }
    return SimpleRangeValue.onlyValues(rows as never);
  } catch (error) {
    return new CellError(ErrorType.ERROR, (error as Error).message);
  }
}

/** HyperFormula mirroring a FakeSpreadsheet: it observes every write and computes every formula. */
export class Engine implements WorkbookObserver {
  readonly hf: HyperFormula;
  private readonly formulaCells = new Map<FakeSheet, Set<string>>();

  constructor(
    readonly spreadsheet: FakeSpreadsheet,
    bundle: Bundle,
    functions: readonly FunctionSpec[],
  ) {
    registerFunctions(functions);
    this.hf = HyperFormula.buildEmpty({ licenseKey: 'gpl-v3', context: bundle, dateFormats: ['YYYY-MM-DD', 'DD.MM.YYYY', 'MM/DD/YYYY'], maxRows: 200_000 });
    for (const sheet of spreadsheet.sheets) {
      this.sheetAdded(sheet);
      this.sheetLoaded(sheet);
    }
    spreadsheet.observer = this;
  }

  private id(sheet: FakeSheet): number {
    const id = this.hf.getSheetId(sheet.name);
    if (id === undefined) throw new Error(`The engine has no sheet ${sheet.name}`);
    return id;
  }

  private content(sheet: FakeSheet, row: number, column: number, cell: CellData): RawCellContent {
    const formulas = this.formulaCells.get(sheet) ?? new Set<string>();
    this.formulaCells.set(sheet, formulas);
    const key = `${row},${column}`;
    if (cell.formula) {
      formulas.add(key);
      return closeOpenRanges(cell.formula, (name) => (name ? this.spreadsheet.getSheetByName(name)?.maxRows : sheet.maxRows) ?? sheet.maxRows);
    }
    formulas.delete(key);
    // A Date written by the bundle comes from its vm realm, where `instanceof Date` is false.
    if (isDate(cell.value)) return cellText(cell.value);
    if (cell.value === '') return null;
    // Text stays text: HyperFormula would read `1.200` as 1.2 and `2026-01-01` as a date, as typing would.
    return typeof cell.value === 'string' ? `'${cell.value}` : cell.value;
  }

  sheetAdded(sheet: FakeSheet): void {
    if (this.hf.getSheetId(sheet.name) === undefined) this.hf.addSheet(sheet.name);
  }

  sheetLoaded(sheet: FakeSheet): void {
    const content = sheet.rows.map((row, r) => Array.from({ length: row?.length ?? 0 }, (_, c) => (row[c] ? this.content(sheet, r + 1, c + 1, row[c]) : null)));
    this.hf.setSheetContent(this.id(sheet), content);
    this.syncFormulaValues(sheet);
  }

  cellWritten(sheet: FakeSheet, row: number, column: number, cell: CellData): void {
    this.hf.setCellContents({ sheet: this.id(sheet), row: row - 1, col: column - 1 }, this.content(sheet, row, column, cell));
  }

  namedRangeSet(name: string, range: FakeRange): void {
    const sheet = range.sheet.name.replace(/'/g, "''");
    const end = `$${columnLetter(range.column + range.numColumns - 1)}$${range.row + range.numRows - 1}`;
    const expression = `='${sheet}'!$${columnLetter(range.column)}$${range.row}:${end}`;
    if (this.hf.isItPossibleToAddNamedExpression(name, expression)) this.hf.addNamedExpression(name, expression);
    else this.hf.changeNamedExpression(name, expression);
  }

  /** Runs an action with all its writes in one recalculation, then copies formula results into the workbook. */
  batch<T>(action: () => T): T {
    let result!: T;
    this.hf.batch(() => {
      result = action();
    });
    for (const sheet of this.spreadsheet.sheets) this.syncFormulaValues(sheet);
    return result;
  }

  /** Formula cells hold their computed value, as getValues returns it in Sheets. */
  private syncFormulaValues(sheet: FakeSheet): void {
    const id = this.hf.getSheetId(sheet.name);
    if (id === undefined) return;
    for (const key of this.formulaCells.get(sheet) ?? []) {
      const [row, column] = key.split(',').map(Number);
      const value = this.hf.getCellValue({ sheet: id, row: row - 1, col: column - 1 });
      const cell = sheet.rows[row - 1]?.[column - 1];
      if (cell) cell.value = value === null || typeof value === 'object' ? '' : (value as Value);
    }
  }

  /** What a window of the sheet shows (0-based start), computed values included. */
  window(sheet: FakeSheet, row: number, rows: number, column: number, columns: number): Shown[][] {
    const id = this.id(sheet);
    const out: Shown[][] = [];
    for (let r = row; r < row + rows; r++) {
      const line: Shown[] = [];
      for (let c = column; c < column + columns; c++) {
        const address = { sheet: id, row: r, col: c };
        const value = this.hf.getCellValue(address);
        if (value instanceof DetailedCellError) {
          // As in Sheets, a formula that fails shows its error in its own cell only: HyperFormula would
          // repeat it over the whole area the result was expected to spill into.
          if (this.failedSpillAt(address)) {
            line.push({ text: '', value: null });
            continue;
          }
          // Sheets calls a result blocked by cells in its way #REF!, with the same message.
          const text = value.value === '#SPILL!' ? '#REF!' : value.value;
          line.push({ text, value: text, error: value.message });
          continue;
        }
        const format = sheet.rows[r]?.[c]?.format ?? '';
        const type = typeof value === 'number' ? this.hf.getCellValueDetailedType(address) : '';
        line.push({ text: display(value as Value | null, format, type, this.spreadsheet.locale), value: value as string | number | boolean | null });
      }
      out.push(line);
    }
    return out;
  }

  /**
   * The cell whose formula's result shows at `row`, `column` (1-based), when that is another cell: what
   * Sheets' formula bar shows, greyed, for a cell inside a spilled result.
   */
  spillOrigin(sheet: FakeSheet, row: number, column: number): { row: number; column: number } | undefined {
    const address = { sheet: this.id(sheet), row: row - 1, col: column - 1 };
    const array = this.arrayAt(address);
    // The cells a failed formula would have spilled into are plain empty cells, as in Sheets.
    if (!array || array.isLeftCorner(address) || array.valueOrUndef() instanceof CellError) return undefined;
    return { row: array.leftCorner.row + 1, column: array.leftCorner.col + 1 };
  }

  /** A cell inside the area of a formula whose whole result is an error, other than the formula's own cell. */
  private failedSpillAt(address: SimpleCellAddress): boolean {
    const array = this.arrayAt(address);
    return array !== undefined && !array.isLeftCorner(address) && array.valueOrUndef() instanceof CellError;
  }

  /**
   * The array formula covering a cell. HyperFormula's public API says whether a cell is part of an array
   * but not which formula's; its dependency graph knows, through the formula vertex of the area.
   */
  private arrayAt(address: SimpleCellAddress): ArrayVertex | undefined {
    if (!this.hf.isCellPartOfArray(address)) return undefined;
    const vertex = this.hf.dependencyGraph.getCell(address) as Partial<ArrayVertex> | undefined;
    return vertex && typeof vertex.isLeftCorner === 'function' && typeof vertex.valueOrUndef === 'function' ? (vertex as ArrayVertex) : undefined;
  }

  /** Rows and columns that hold anything, spilled results included. */
  size(sheet: FakeSheet): { rows: number; columns: number } {
    const { height, width } = this.hf.getSheetDimensions(this.id(sheet));
    return { rows: Math.max(height, sheet.getLastRow()), columns: Math.max(width, sheet.getLastColumn()) };
  }
}

/** What the engine's array formula vertex offers (HyperFormula's ArrayFormulaVertex, not exported). */
interface ArrayVertex {
  readonly leftCorner: SimpleCellAddress;
  isLeftCorner(address: SimpleCellAddress): boolean;
  valueOrUndef(): unknown;
}

/** A Date from any realm (the bundle runs in node:vm, whose Date is another constructor). */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

/** TRUE and FALSE as Sheets shows them in a spreadsheet of each language. */
const BOOLEANS: Readonly<Record<Lang, readonly [string, string]>> = { en: ['TRUE', 'FALSE'], de: ['WAHR', 'FALSCH'], da: ['SAND', 'FALSK'] };

/** A value as a cell with `format` shows it in a spreadsheet of `locale` (its decimal mark, its TRUE). */
export function display(value: Value | null, format: string, type: string, locale = 'en_US'): string {
  if (value === null) return '';
  const lang = languageOf(locale);
  const tag = lang === 'en' ? 'en-US' : lang;
  const digits = (min: number, max = min) => new Intl.NumberFormat(tag, { minimumFractionDigits: min, maximumFractionDigits: max, useGrouping: false });
  if (typeof value === 'number') {
    if (type === 'NUMBER_DATE') return new Date(Date.UTC(1899, 11, 30) + value * 86_400_000).toISOString().slice(0, 10);
    // Decimals as the format has them: `0.0%` one, `#,##0.00` two.
    const decimals = /\.([0#]+)/.exec(format)?.[1].length ?? 0;
    if (format.endsWith('%'))
      return new Intl.NumberFormat(tag, { style: 'percent', minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(value);
    if (format.startsWith('#,##0')) return new Intl.NumberFormat(tag, { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(value);
    if (format === '0.0') return digits(1).format(value);
    return Number.isInteger(value) ? String(value) : digits(0, 2).format(value);
  }
  if (typeof value === 'boolean') return BOOLEANS[lang][value ? 0 : 1];
  return String(value);
}
