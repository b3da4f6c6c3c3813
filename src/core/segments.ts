// Segment summaries: accounts, churn, ARPA, CLV, CAC, CLV:CAC and payback per segment, with health checks.
// Input columns are found by header (English, German or Danish) or named in the options; a missing column
// only blanks the metrics that need it.

import { type Cell, cellText, fitCell, isBlank, isBlankRow, parseFlag, toGrid } from './cells';
import { icpError } from './errors';
import { decimal, fmt, T } from './i18n';
import { churnFromTenure, churnOverPeriod, clv, clvOverHorizon, MONTH_MS, parseDate, parseMargin, payback, sizeBand } from './metrics';
import { parseNumber } from './numbers';
import { parseOptions } from './options';
import { findColumn, readTable, requireColumn, type Table } from './table';
import { normalizeText, quote } from './text';
import { words } from './words';

/** The input columns and the header spellings that find them. */
export const METRIC_COLUMNS = {
  mrr: words(
    'MRR|Monthly revenue|Monthly recurring revenue|Monatsumsatz|Monatlicher Umsatz|MRR (€)|MRR ($)|Månedlig omsætning|Månedsomsætning|MRR (kr.)|MRR (DKK)',
  ),
  arr: words('ARR|Annual recurring revenue|Jahresumsatz wiederkehrend|ARR (€)|ARR ($)|Årlig tilbagevendende omsætning|ARR (kr.)|ARR (DKK)'),
  churned: words('Churned|Churn|Lost|Cancelled|Canceled|Gekündigt|Abgewandert|Verloren|Opsagt|Churnet|Tabt'),
  since: words('Customer since|Start date|Start|Signed|Kunde seit|Vertragsbeginn|Startdatum|Kunde siden|Kontraktstart'),
  end: words('Churn date|Churned on|Cancelled on|End date|Gekündigt am|Kündigungsdatum|Vertragsende|Opsagt den|Opsigelsesdato|Slutdato'),
  months: words('Months|Tenure|Tenure (months)|Months active|Laufzeit|Monate|Laufzeit (Monate)|Måneder|Løbetid|Løbetid (måneder)'),
  cac: words('CAC|Acquisition cost|Customer acquisition cost|Akquisitionskosten|CAC (€)|CAC ($)|Anskaffelsesomkostning|CAC (kr.)|CAC (DKK)'),
};

/** The headers that find employees and revenue, for the size band (ICP_SIZE_BAND's bands). */
const EMPLOYEE_COLUMNS = words('Employees|Mitarbeitende|Mitarbeiter|Headcount|FTE|Medarbejdere|Ansatte|Antal medarbejdere');
const REVENUE_COLUMNS = words('Revenue|Umsatz|Annual revenue|Jahresumsatz|Omsætning|Årsomsætning');
/** A segment named so is derived from employees and revenue when the table has no such column. */
const SIZE_BAND_NAMES = words('Size band|Größenklasse|Størrelse');
type MetricColumn = keyof typeof METRIC_COLUMNS;

const OPTION_NAMES = [...Object.keys(METRIC_COLUMNS), 'margin', 'asof', 'period', 'horizon'];

/** The summary's header row in the active language. */
export function segmentHeader(): string[] {
  return T.segmentHeader_.split('|');
}

// Health thresholds from the ICP literature (the 3 and 12 are in the texts too).
const MIN_CLV_TO_CAC = 3;
const MAX_PAYBACK_MONTHS = 12;
const MAX_MONTHLY_CHURN = 0.05;
const MIN_ACCOUNTS = 30;

/** Fields end in `_`: the options never leave the module, and the build shortens them (MANGLED in build.mjs). */
export interface SegmentOptions {
  readonly columns_: Readonly<Record<MetricColumn, number>>;
  readonly margin_: number;
  readonly asOf_: number;
  /** Months the table covers, for churn without tenure data; NaN when not given. */
  readonly period_: number;
  readonly horizon_: number;
}

export interface SegmentMetrics {
  readonly segment: string;
  readonly accounts: number;
  readonly churned: number;
  readonly monthlyChurn: number;
  readonly arpa: number;
  readonly clv: number;
  readonly cac: number;
  readonly clvToCac: number;
  readonly paybackMonths: number;
  /** Why a metric is blank, e.g. which column it needs; '' when it has a value. */
  readonly churnNote: string;
  readonly health: string;
}

const FN = 'ICP_SEGMENTS';

/** Reads the options text and locates the input columns. `today` is the as-of date when none is given. */
export function segmentOptions(table: Table, options: unknown, today: number): SegmentOptions {
  const parsed = parseOptions(options, OPTION_NAMES, FN);
  const columns = {} as Record<MetricColumn, number>;
  for (const key of Object.keys(METRIC_COLUMNS) as MetricColumn[]) {
    const named = parsed.get(key);
    columns[key] = named ? requireColumn(table, named, fmt(T.optionWhere_, FN, key)) : findColumn(table, METRIC_COLUMNS[key]);
  }
  const asOfText = parsed.get('asof');
  const asOf = asOfText ? parseDate(asOfText) : today;
  if (Number.isNaN(asOf)) throw icpError(T.asofNotDate_, FN, quote(asOfText ?? ''));
  const margin = parsed.has('margin') ? parseMargin(parsed.get('margin'), fmt(T.optionWhere_, FN, 'margin')) : 1;
  const period = positive(parsed.get('period'), 'period');
  const horizon = positive(parsed.get('horizon'), 'horizon');
  return { columns_: columns, margin_: margin, asOf_: asOf, period_: period, horizon_: Number.isNaN(horizon) ? 60 : horizon };
}

function positive(text: string | undefined, name: string): number {
  if (text === undefined) return NaN;
  const n = parseNumber(text);
  if (!(n > 0)) throw icpError(T.notMonths_, FN, name, quote(text));
  return n;
}

/** Fields ending in `_` never leave the module: the build shortens them (see MANGLED in build.mjs). */
interface Accumulator {
  accounts: number;
  churned: number;
  /** Accounts with tenure data, their churned count and their customer-months. */
  tenureAccounts_: number;
  tenureChurned_: number;
  customerMonths_: number;
  mrrSum_: number;
  mrrCount_: number;
  cacSum_: number;
  cacCount_: number;
}

/**
 * The columns to segment by: text (`"Industry, Size band"`), a header cell, or a range of header cells such
 * as B1:B or B1:C1, whose first row holds the headers (Sheets passes a range's values, not its address).
 */
function segmentNames(segmentBy: unknown): string[] {
  const headers = toGrid(segmentBy)[0] ?? [];
  const names: string[] = [];
  for (const cell of headers) {
    for (const name of cellText(cell).split(/[,;]/)) if (name.trim() !== '') names.push(name.trim());
  }
  return names;
}

/** The segment key of each row: the values of the segment columns joined with ` · `. */
function segmentKeys(table: Table, names: readonly string[]): ((row: Cell[]) => string)[] {
  if (names.length === 0) throw icpError(T.segmentByMissing_, FN);
  const blank = T.blankSegment_;
  return names.map((name) => {
    const index = findColumn(table, [name]);
    if (index < 0 && SIZE_BAND_NAMES.some((band) => normalizeText(band) === normalizeText(name))) {
      // No Size band column: derive it from employees and revenue, as ICP_SIZE_BAND does.
      const employees = findColumn(table, EMPLOYEE_COLUMNS);
      const revenue = findColumn(table, REVENUE_COLUMNS);
      if (employees >= 0 || revenue >= 0) return (row) => sizeBand(row[employees], row[revenue]) || blank;
    }
    const column = index >= 0 ? index : requireColumn(table, name, `${FN}, segment_by`);
    const labels = new Map<Cell, string>();
    return (row) => {
      const cell = row[column];
      let label = labels.get(cell);
      if (label === undefined) labels.set(cell, (label = cellText(cell).trim().replace(/\s+/g, ' ') || blank));
      return label;
    };
  });
}

/** One summary row per segment (largest first) and a last row `All`. */
export function summarizeSegments(tableValue: unknown, segmentBy: unknown, options: unknown, today: number): SegmentMetrics[] {
  const table = readTable(tableValue);
  const opts = segmentOptions(table, options, today);
  const keyOf = segmentKeys(table, segmentNames(segmentBy));
  const { columns_: columns } = opts;
  type Group = { label: string; acc: Accumulator };
  const groups = new Map<string, Group>();
  // Labels as written map to their group without normalizing the same text again for every row.
  const byLabel = new Map<string, Group>();
  const all = emptyAccumulator();
  for (const row of table.rows) {
    if (isBlankRow(row)) continue;
    const label = keyOf.length === 1 ? keyOf[0](row) : keyOf.map((k) => k(row)).join(' · ');
    let group = byLabel.get(label);
    if (!group) {
      const key = normalizeText(label);
      group = groups.get(key);
      if (!group) groups.set(key, (group = { label, acc: emptyAccumulator() }));
      byLabel.set(label, group);
    }
    const churned = columns.churned >= 0 && parseFlag(row[columns.churned]) === true;
    const months = tenure(row, churned, opts);
    const mrr = columns.mrr >= 0 ? parseNumber(row[columns.mrr]) : columns.arr >= 0 ? parseNumber(row[columns.arr]) / 12 : NaN;
    const cac = columns.cac >= 0 ? parseNumber(row[columns.cac]) : NaN;
    add(group.acc, churned, months, mrr, cac);
    add(all, churned, months, mrr, cac);
  }
  const rows = [...groups.values()].sort((a, b) => b.acc.accounts - a.acc.accounts || a.label.localeCompare(b.label)).map((g) => metrics(g.label, g.acc, opts));
  rows.push(metrics(T.allSegments_, all, opts));
  return rows;
}

function emptyAccumulator(): Accumulator {
  return { accounts: 0, churned: 0, tenureAccounts_: 0, tenureChurned_: 0, customerMonths_: 0, mrrSum_: 0, mrrCount_: 0, cacSum_: 0, cacCount_: 0 };
}

function add(acc: Accumulator, churned: boolean, months: number, mrr: number, cac: number): void {
  acc.accounts++;
  if (churned) acc.churned++;
  if (months === months) {
    acc.tenureAccounts_++;
    acc.customerMonths_ += months;
    if (churned) acc.tenureChurned_++;
  }
  if (mrr === mrr) {
    acc.mrrSum_ += mrr;
    acc.mrrCount_++;
  }
  if (cac === cac) {
    acc.cacSum_ += cac;
    acc.cacCount_++;
  }
}

/** Months an account was observed: a Months column, or Customer since → churn/end date or the as-of date. */
function tenure(row: Cell[], churned: boolean, opts: SegmentOptions): number {
  const { columns_: columns } = opts;
  if (columns.months >= 0 && !isBlank(row[columns.months])) {
    const months = parseNumber(row[columns.months]);
    return months >= 0 ? months : NaN;
  }
  if (columns.since < 0) return NaN;
  const since = parseDate(row[columns.since]);
  if (since !== since) return NaN;
  const end = columns.end >= 0 ? parseDate(row[columns.end]) : NaN;
  const until = end === end && (churned || end < opts.asOf_) ? end : opts.asOf_;
  const months = (until - since) / MONTH_MS;
  return months >= 0 ? months : NaN;
}

function metrics(segment: string, acc: Accumulator, opts: SegmentOptions): SegmentMetrics {
  const { columns_: columns, margin_: margin } = opts;
  // One rule for figures too large for a number (sums of extreme cells): blank in the cell, not judged in
  // Health, and named there, so the text never says `Infinity` beside a blank cell.
  const tooLarge: string[] = [];
  const [, , , churnName, arpaName, clvName, cacName, ratioName, paybackName] = segmentHeader();
  const finite = (n: number, name: string) => {
    if (n === n && n - n !== 0) {
      tooLarge.push(name);
      return NaN;
    }
    return n;
  };
  let monthlyChurn = NaN;
  let churnNote = '';
  if (columns.churned < 0) {
    churnNote = T.needsChurned_;
  } else if (acc.tenureAccounts_ > 0) {
    monthlyChurn = churnFromTenure(acc.tenureChurned_, finite(acc.customerMonths_, churnName));
  } else if (opts.period_ === opts.period_) {
    monthlyChurn = churnOverPeriod(acc.churned, acc.accounts, opts.period_);
  } else {
    // With a tenure column that is blank for every account here (lost deals have no start date), the
    // column is there: say the segment lacks it, not the table.
    churnNote = columns.since >= 0 || columns.months >= 0 ? T.noTenureHere_ : T.needsTenure_;
  }
  const arpa = finite(acc.mrrCount_ > 0 ? acc.mrrSum_ / acc.mrrCount_ : NaN, arpaName);
  const cac = finite(acc.cacCount_ > 0 ? acc.cacSum_ / acc.cacCount_ : NaN, cacName);
  const noChurnObserved = monthlyChurn === 0;
  const lifetimeValue = finite(noChurnObserved ? clvOverHorizon(arpa, margin, opts.horizon_) : clv(arpa, monthlyChurn, margin), clvName);
  const clvToCac = finite(cac > 0 ? lifetimeValue / cac : NaN, ratioName);
  const paybackMonths = finite(payback(cac, arpa, margin), paybackName);
  const result = { segment, accounts: acc.accounts, churned: acc.churned, monthlyChurn, arpa, clv: lifetimeValue, cac, clvToCac, paybackMonths, churnNote };
  return { ...result, health: health(result, acc, opts, noChurnObserved, tooLarge) };
}

function health(m: Omit<SegmentMetrics, 'health'>, acc: Accumulator, opts: SegmentOptions, noChurnObserved: boolean, tooLarge: readonly string[]): string {
  const notes: string[] = [];
  // A check passes (✓) or fails (✗) with the comparison it made: `signs` holds its sign for each case.
  const check = (value: number, pass: boolean, signs: string, text: (sign: string) => string) => {
    if (value === value) notes.push(`${pass ? '✓' : '✗'} ${text(signs[pass ? 0 : 1])}`);
  };
  check(m.clvToCac, m.clvToCac >= MIN_CLV_TO_CAC, '≥<', (sign) => `CLV:CAC ${decimal(m.clvToCac, 1)} ${sign} 3`);
  check(m.paybackMonths, m.paybackMonths <= MAX_PAYBACK_MONTHS, '≤>', (sign) => fmt(T.healthPayback_, decimal(m.paybackMonths, 1), sign));
  check(m.monthlyChurn, m.monthlyChurn < MAX_MONTHLY_CHURN, '<≥', (sign) => fmt(T.healthChurn_, decimal(m.monthlyChurn * 100, 1), sign));
  if (noChurnObserved) notes.push(fmt(T.noChurnObserved_, opts.horizon_));
  if (m.accounts < MIN_ACCOUNTS) notes.push(fmt(T.smallSegment_, m.accounts, MIN_ACCOUNTS));
  const { columns_: columns } = opts;
  const missing: string[] = [];
  if (columns.mrr < 0 && columns.arr < 0) missing.push(T.needsRevenue_);
  if (columns.cac < 0) missing.push(T.needsCac_);
  if (m.churnNote) missing.push(fmt(T.blankChurn_, m.churnNote));
  if (missing.length) notes.push(fmt(T.blankMetrics_, missing.join('; ')));
  if (tooLarge.length) notes.push(fmt(T.tooLarge_, tooLarge.join(', ')));
  if (acc.tenureAccounts_ > 0 && acc.tenureAccounts_ < acc.accounts) notes.push(fmt(T.tenureKnown_, acc.tenureAccounts_, acc.accounts));
  return notes.join(' · ');
}

/**
 * The summary as a table that spills: header row, segments, `All`. Blank metrics are "". Figures keep full
 * precision, since formulas build on them; number formats (set by the segment summary action) round them
 * for display.
 */
export function segmentTable(rows: readonly SegmentMetrics[]): (string | number)[][] {
  const value = (n: number) => (n === n ? n : '');
  return [
    segmentHeader(),
    ...rows.map((m) => [
      fitCell(m.segment),
      m.accounts,
      m.churned,
      m.churnNote ? `— ${m.churnNote}` : value(m.monthlyChurn),
      value(m.arpa),
      value(m.clv),
      value(m.cac),
      value(m.clvToCac),
      value(m.paybackMonths),
      m.health,
    ]),
  ];
}
