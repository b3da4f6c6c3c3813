// The scoring functions as whole-table operations: what each ICP_* custom function computes, minus the
// spreadsheet plumbing. Every result is one value per table row; blank rows give "".

import { type Cell, cellText, fitCell, scalarArgument, toGrid } from './cells';
import { parseCriteria } from './criteria';
import { icpError } from './errors';
import { T } from './i18n';
import { parseOptions } from './options';
import {
  compileCriteria,
  DISQUALIFIED,
  explainRow,
  formatExplanation,
  type MissingPolicy,
  outcomesAt,
  type ScoreOptions,
  scoreTable,
  type TableScores,
} from './scoring';
import { readTable, type Table } from './table';
import { quote } from './text';
import { parseTiers, type Tier, tierOf } from './tiers';

export type Value = string | number;

export interface ScoredTable extends TableScores {
  readonly table: Table;
}

const SCORE_OPTIONS = ['missing'];

/** Reads `missing=zero|neutral`. */
export function parseScoreOptions(value: unknown, fn: string): ScoreOptions {
  const missing = (parseOptions(value, SCORE_OPTIONS, fn).get('missing') ?? 'zero').toLowerCase();
  if (missing !== 'zero' && missing !== 'neutral') {
    throw icpError(T.missingOption_, fn, quote(missing));
  }
  return { missing: missing as MissingPolicy };
}

/** Scores a table (header row first) against a criteria range, keeping each row's best profile. */
export function scoreSheet(table: unknown, criteria: unknown, profile: unknown, options: unknown, fn: string): ScoredTable {
  const parsedTable = readTable(table);
  const scorers = compileCriteria(parseCriteria(criteria), parsedTable, cellText(scalarArgument(profile, fn, 'profile')), parseScoreOptions(options, fn));
  return { table: parsedTable, ...scoreTable(parsedTable.rows, scorers) };
}

function perRow(scored: ScoredTable, value: (score: number, row: number) => Value): Value[] {
  const out: Value[] = new Array(scored.scores.length);
  for (let r = 0; r < out.length; r++) {
    const score = scored.scores[r];
    out[r] = score !== score ? '' : value(score, r);
  }
  return out;
}

export function scores(scored: ScoredTable): Value[] {
  return perRow(scored, (score) => (score === DISQUALIFIED ? 0 : score));
}

export function tiers(scored: ScoredTable, tierRange: unknown): Value[] {
  return tiersWith(scored, parseTiers(tierRange));
}

export function tiersWith(scored: ScoredTable, parsed: readonly Tier[]): Value[] {
  return perRow(scored, (score) => tierOf(score, score === DISQUALIFIED, parsed));
}

export function explanations(scored: ScoredTable): Value[] {
  return perRow(scored, (_, r) => explanationOf(scored, r));
}

/** The explanation of one row (by index under the header), naming the profile when several compete. */
export function explanationOf(scored: ScoredTable, row: number): string {
  const scorer = scored.scorers_[scored.best_[row]];
  // Explanations quote cells, which may be long: the result must still fit in a cell.
  return fitCell(formatExplanation(explainRow(scorer, scored.table.rows[row], outcomesAt(scorer, scored.codes, row)), scored.scorers_.length > 1));
}

/** The best profile's name; "" when every profile disqualifies the row. */
export function bestProfiles(scored: ScoredTable): Value[] {
  return perRow(scored, (score, r) => (score === DISQUALIFIED ? '' : scored.scorers_[scored.best_[r]].profile.name));
}

/** Joins a header row and one data row into a one-row table, refusing anything else. */
export function rowAsTable(header: unknown, row: unknown, fn: string): Cell[][] {
  const headers = toGrid(header);
  const cells = toGrid(row);
  if (headers.length !== 1 || cells.length !== 1) throw icpError(T.oneRow_, fn);
  if (headers[0].length !== cells[0].length) throw icpError(T.rowWidth_, fn, headers[0].length, cells[0].length);
  return [headers[0], cells[0]];
}
