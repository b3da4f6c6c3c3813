// Unit economics formulas shared by ICP_SEGMENTS and the element-wise helpers (ICP_CLV, ICP_PAYBACK, …),
// and the date and size-band coercions they need.

import { type Cell, cellText } from './cells';
import { icpError } from './errors';
import { T } from './i18n';
import { parseNumber } from './numbers';
import { quote } from './text';

export const DAY_MS = 86_400_000;
/** Average month length, so tenure in months does not depend on which months were covered. */
export const MONTH_MS = (365.25 / 12) * DAY_MS;

/** Monthly churn = churned accounts ÷ customer-months observed. */
export function churnFromTenure(churned: number, customerMonths: number): number {
  return customerMonths > 0 ? churned / customerMonths : NaN;
}

/** Monthly churn from a share lost over a period of N months: 1 − (1 − churned ÷ accounts)^(1/N). */
export function churnOverPeriod(churned: number, accounts: number, months: number): number {
  if (accounts <= 0 || months <= 0) return NaN;
  return 1 - (1 - churned / accounts) ** (1 / months);
}

/** CLV = ARPA × margin ÷ monthly churn (NaN when churn is 0: see clvOverHorizon). */
export function clv(arpa: number, monthlyChurn: number, margin: number): number {
  return monthlyChurn > 0 ? (arpa * margin) / monthlyChurn : NaN;
}

/** CLV when no churn was observed: ARPA × margin × horizon months. */
export function clvOverHorizon(arpa: number, margin: number, horizonMonths: number): number {
  return arpa * margin * horizonMonths;
}

/** CAC payback in months = CAC ÷ (ARPA × margin). */
export function payback(cac: number, arpa: number, margin: number): number {
  const monthlyGross = arpa * margin;
  return monthlyGross > 0 ? cac / monthlyGross : NaN;
}

/** A margin as a fraction: `80%`, 0.8 and 80 all mean 0.8. */
export function parseMargin(cell: Cell, where: string): number {
  let margin = parseNumber(cell);
  if (Number.isNaN(margin)) throw icpError(T.marginNotPercent_, where, quote(cellText(cell)));
  if (margin > 1) margin /= 100;
  if (margin <= 0 || margin > 1) throw icpError(T.marginRange_, where);
  return margin;
}

/** A date cell as a timestamp (ms); text as `2026-06-30`, `30.06.2026` or `2026/06/30`; NaN otherwise. */
export function parseDate(cell: Cell): number {
  if (typeof cell === 'object' && cell !== null) return cell.getTime();
  if (typeof cell !== 'string') return NaN;
  const text = cell.trim();
  let m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(text);
  if (m) return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])).getTime();
  m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
  if (m) return new Date(Number(m[3]), Number(m[2]) - 1, Number(m[1])).getTime();
  return NaN;
}

export type SizeBand = 'SMB' | 'Mid-market' | 'Enterprise';
const BANDS: readonly SizeBand[] = ['SMB', 'Mid-market', 'Enterprise'];

/**
 * SMB (< 500 employees, < $50M revenue), Mid-market (500–2,000 employees or $50M–$1B), Enterprise
 * (> 2,000 employees or > $1B); when the two disagree the larger band wins. "" when both are missing.
 */
export function sizeBand(employees: Cell, revenue?: Cell): SizeBand | '' {
  const e = parseNumber(employees);
  const r = parseNumber(revenue);
  const byEmployees = Number.isNaN(e) ? -1 : e < 500 ? 0 : e <= 2000 ? 1 : 2;
  const byRevenue = Number.isNaN(r) ? -1 : r < 50e6 ? 0 : r <= 1e9 ? 1 : 2;
  const band = Math.max(byEmployees, byRevenue);
  return band < 0 ? '' : BANDS[band];
}
