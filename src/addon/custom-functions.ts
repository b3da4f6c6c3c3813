// The custom functions Sheets calls. Each is a thin shell over src/core: arguments in as Sheets passes
// them (2D arrays, "" for blanks), one column out whose first cell is a label so it spills from the header.
// Each first picks the language it writes in (locale.ts). Their documentation lives in registry.ts, from
// which the build writes the JSDoc Sheets reads.

import { cellText, isBlank, scalarArgument } from '../core/cells';
import { elementwise, finiteOrBlank, type Result } from '../core/elementwise';
import { attempt, IcpError, icpError } from '../core/errors';
import { T, useLanguage } from '../core/i18n';
import * as icp from '../core/icp';
import { suggestCriteria, suggestionTable } from '../core/learn/suggest';
import { validateCriteria, validationTable } from '../core/learn/validate';
import { churnFromTenure, clv, parseMargin, payback, sizeBand } from '../core/metrics';
import { parseNumber } from '../core/numbers';
import { segmentTable, summarizeSegments } from '../core/segments';
import { icpSql } from '../core/sql';
import { quote } from '../core/text';
import { speakForSheet } from './locale';

type Column = (string | number)[][];

function column(label: string, values: readonly (string | number)[]): Column {
  const out: Column = new Array(values.length + 1);
  out[0] = [label];
  // Rows with the same value share one row: 100,000 scores need at most 101 arrays, not 100,000, which
  // is most of the allocation (and garbage collection) a whole-table function does. Sheets reads values.
  // Columns of mostly different values (explanations) stop looking once a thousand are kept.
  const shared = new Map<string | number, (string | number)[]>();
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    let row = shared.size < 1000 ? shared.get(value) : undefined;
    if (!row) {
      row = [value];
      if (shared.size < 1000) shared.set(value, row);
    }
    out[i + 1] = row;
  }
  return out;
}

export function ICP_SCORE(table: unknown, criteria: unknown, profile?: unknown, options?: unknown): Column {
  speakForSheet(options, 'ICP_SCORE');
  return column(T.scoreLabel_, icp.scores(icp.scoreSheet(table, criteria, profile, options, 'ICP_SCORE')));
}

export function ICP_TIER(table: unknown, criteria: unknown, profile?: unknown, tiers?: unknown, options?: unknown): Column {
  speakForSheet(options, 'ICP_TIER');
  return column(T.tierLabel_, icp.tiers(icp.scoreSheet(table, criteria, profile, options, 'ICP_TIER'), tiers));
}

export function ICP_EXPLAIN(table: unknown, criteria: unknown, profile?: unknown, options?: unknown): Column {
  speakForSheet(options, 'ICP_EXPLAIN');
  return column(T.whyLabel_, icp.explanations(icp.scoreSheet(table, criteria, profile, options, 'ICP_EXPLAIN')));
}

export function ICP_MATCH(table: unknown, criteria: unknown, options?: unknown): Column {
  speakForSheet(options, 'ICP_MATCH');
  return column(T.matchLabel_, icp.bestProfiles(icp.scoreSheet(table, criteria, '', options, 'ICP_MATCH')));
}

export function ICP_ROW(
  header: unknown,
  row: unknown,
  criteria: unknown,
  show?: unknown,
  profile?: unknown,
  tiers?: unknown,
  options?: unknown,
): string | number {
  speakForSheet(options, 'ICP_ROW');
  const scored = icp.scoreSheet(icp.rowAsTable(header, row, 'ICP_ROW'), criteria, profile, options, 'ICP_ROW');
  const what =
    cellText(scalarArgument(show, 'ICP_ROW', 'show'))
      .trim()
      .toLowerCase() || 'score';
  if (what === 'score') return icp.scores(scored)[0];
  if (what === 'tier') return icp.tiers(scored, tiers)[0];
  if (what === 'why') return icp.explanations(scored)[0];
  throw icpError(T.rowShow_, quote(what));
}

export function ICP_SEGMENTS(table: unknown, segment_by: unknown, options?: unknown): (string | number)[][] {
  speakForSheet(options, 'ICP_SEGMENTS');
  return segmentTable(summarizeSegments(table, segment_by, options, Date.now()));
}

export function ICP_SUGGEST(table: unknown, outcome: unknown, options?: unknown): (string | number)[][] {
  speakForSheet(options, 'ICP_SUGGEST');
  return suggestionTable(suggestCriteria(table, outcome, options, Date.now()));
}

export function ICP_VALIDATE(
  table: unknown,
  criteria: unknown,
  outcome: unknown,
  profile?: unknown,
  tiers?: unknown,
  options?: unknown,
): (string | number)[][] {
  speakForSheet(options, 'ICP_VALIDATE');
  return validationTable(validateCriteria(table, criteria, outcome, profile, tiers, options, Date.now()));
}

export function ICP_CLV(arpa: unknown, monthly_churn: unknown, margin?: unknown): Result | Result[][] {
  return numeric('ICP_CLV', () => {
    const m = optionalMargin(margin, 'ICP_CLV');
    return elementwise('ICP_CLV', ['arpa', 'monthly_churn'], [arpa, monthly_churn], (a, c) => finiteOrBlank(clv(parseNumber(a), parseNumber(c), m)));
  });
}

export function ICP_PAYBACK(cac: unknown, arpa: unknown, margin?: unknown): Result | Result[][] {
  return numeric('ICP_PAYBACK', () => {
    const m = optionalMargin(margin, 'ICP_PAYBACK');
    return elementwise('ICP_PAYBACK', ['cac', 'arpa'], [cac, arpa], (c, a) => finiteOrBlank(payback(parseNumber(c), parseNumber(a), m)));
  });
}

export function ICP_CHURN(churned: unknown, months: unknown): Result | Result[][] {
  return numeric('ICP_CHURN', () =>
    elementwise('ICP_CHURN', ['churned', 'months'], [churned, months], (c, m) => finiteOrBlank(churnFromTenure(parseNumber(c), parseNumber(m)))),
  );
}

export function ICP_SIZE_BAND(employees: unknown, revenue?: unknown): Result | Result[][] {
  return numeric('ICP_SIZE_BAND', () => elementwise('ICP_SIZE_BAND', ['employees', 'revenue'], [employees, revenue], (e, r) => sizeBand(e, r)));
}

export function ICP_SQL(criteria: unknown, profile?: unknown, dialect?: unknown, options?: unknown, tiers?: unknown): string {
  speakForSheet(options, 'ICP_SQL');
  return icpSql(criteria, profile, dialect, options, tiers);
}

/**
 * The element-wise functions write no text but their errors: they run in English, and only an error is
 * computed again in the spreadsheet's language, so the common call reads no locale.
 */
function numeric<R>(fn: string, compute: () => R): R {
  useLanguage('en');
  const result = attempt(compute);
  if (!(result instanceof IcpError)) return result;
  speakForSheet(undefined, fn);
  return compute();
}

function optionalMargin(margin: unknown, fn: string): number {
  const cell = scalarArgument(margin, fn, 'margin');
  return isBlank(cell) ? 1 : parseMargin(cell, fn);
}
