// Tiers turn a score into a label: A (≥ 80), B (≥ 60), C (≥ 40), D, and DQ for disqualified rows.

import { cellText, isBlankRow, toGrid } from './cells';
import { IcpError } from './errors';
import { parseNumber } from './numbers';

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

/** Reads a two-column range (label, minimum score); a header row is allowed. Blank means the defaults. */
export function parseTiers(range: unknown): Tier[] {
  const grid = toGrid(range).filter((row) => !isBlankRow(row));
  if (grid.length === 0) return [...DEFAULT_TIERS];
  const tiers: Tier[] = [];
  grid.forEach((row, i) => {
    const label = cellText(row[0]).trim();
    const min = parseNumber(row[1]);
    if (i === 0 && Number.isNaN(min)) return; // the header row
    if (row.length < 2) throw new IcpError('The tiers must be a two-column range: label, minimum score.');
    if (label === '') throw new IcpError(`Tiers row ${i + 1}: the tier needs a label.`);
    if (Number.isNaN(min)) throw new IcpError(`Tiers row ${i + 1}: the minimum score "${cellText(row[1])}" is not a number.`);
    tiers.push({ label, min });
  });
  if (tiers.length === 0) throw new IcpError('The tiers range has no tiers under its header row.');
  return tiers.sort((a, b) => b.min - a.min);
}

/** The tier of a score; DQ for disqualified rows; "" when the score is below every tier's minimum. */
export function tierOf(score: number, disqualified: boolean, tiers: readonly Tier[]): string {
  if (disqualified) return DQ_TIER;
  for (const tier of tiers) if (score >= tier.min) return tier.label;
  return '';
}
