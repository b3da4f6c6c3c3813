// Tiers turn a score into a label: A (≥ 80), B (≥ 60), C (≥ 40), D, and DQ for disqualified rows.

import { type Cell, cellText, isBlankRow, toGrid } from './cells';
import { IcpError, icpError } from './errors';
import { fmt, T } from './i18n';
import { parseNumber } from './numbers';
import { quote } from './text';

export interface Tier {
  readonly label: string;
  /** The lowest score that earns this tier. */
  readonly min: number;
}

export const DQ_TIER = 'DQ';

export const DEFAULT_TIERS: readonly Tier[] = [
  { label: 'A', min: 80 },
  { label: 'B', min: 60 },
  { label: 'C', min: 40 },
  { label: 'D', min: 0 },
];

/** A tier from its two cells, or which of them is wrong and why. */
export function readTier(labelCell: Cell, minCell: Cell): Tier | { field: 'label' | 'min'; problem: string } {
  const label = cellText(labelCell).trim();
  const min = parseNumber(minCell);
  if (label === '') return { field: 'label', problem: T.tierNoLabel_ };
  if (Number.isNaN(min)) return { field: 'min', problem: fmt(T.tierMinNotNumber_, quote(cellText(minCell))) };
  return { label, min };
}

/**
 * Reads a two-column range (label, minimum score); a header row is allowed. Blank means the defaults.
 * Messages count rows from the range's first row, blank rows included, so they name the row the user sees.
 */
export function parseTiers(range: unknown): Tier[] {
  const grid = toGrid(range);
  const tiers: Tier[] = [];
  let first = true;
  for (let i = 0; i < grid.length; i++) {
    const row = grid[i];
    if (isBlankRow(row)) continue;
    const isHeader = first && Number.isNaN(parseNumber(row[1]));
    first = false;
    if (isHeader) continue;
    if (row.length < 2) throw new IcpError(T.tiersTwoColumns_);
    const tier = readTier(row[0], row[1]);
    if ('problem' in tier) throw icpError(T.tiersRow_, i + 1, tier.problem);
    tiers.push(tier);
  }
  if (first) return [...DEFAULT_TIERS];
  if (tiers.length === 0) throw new IcpError(T.tiersEmpty_);
  return tiers.sort((a, b) => b.min - a.min);
}

/** The tier of a score; DQ for disqualified rows; "" when the score is below every tier's minimum. */
export function tierOf(score: number, disqualified: boolean, tiers: readonly Tier[]): string {
  if (disqualified) return DQ_TIER;
  for (const tier of tiers) if (score >= tier.min) return tier.label;
  return '';
}
