// ICP_VALIDATE's core: how well a set of criteria, learned or hand-made, separates good accounts from bad
// ones. Per tier: accounts, wins (value, churned), the rate and the share of all wins; overall: the AUC and
// the headline a sales leader reads ("Tiers A+B: 22 % of accounts, 61 % of wins").

import { cellText, firstCell } from '../cells';
import { parseCriteria } from '../criteria';
import { IcpError } from '../errors';
import { fmt, T } from '../i18n';
import { compileCriteria, DISQUALIFIED, scoreTable } from '../scoring';
import { quote } from '../text';
import { DQ_TIER, parseTiers, tierOf } from '../tiers';
import { concordance } from './concordance';
import { learningInput, MIN_ACCOUNTS, type OutcomeKind, outcomeWords, tooFew } from './outcome';

export interface TierResult {
  readonly tier: string;
  readonly accounts: number;
  readonly share: number;
  /** Wins, total value, or churned accounts. */
  readonly outcome: number;
  /** Win rate, mean value, churn rate or monthly churn. */
  readonly rate: number;
  /** Share of all wins (value, churned accounts). */
  readonly outcomeShare: number;
  readonly lift: number;
}

export interface Validation {
  readonly kind: OutcomeKind;
  readonly outcome: string;
  readonly perMonth: boolean;
  readonly tiers: readonly TierResult[];
  /** The chance a good account (won, retained, of higher value) scores above a bad one, ties half. */
  readonly auc: number;
  readonly accounts: number;
  readonly positives: number;
  readonly baseRate: number;
  /** The top tiers (A and B of four), their share of accounts and of the outcome. */
  readonly headline: {
    readonly label: string;
    readonly tiers: readonly string[];
    readonly accountShare: number;
    readonly outcomeShare: number;
    readonly text: string;
  };
  readonly leftOut: number;
  readonly leftOutExample: string;
  readonly warnings: readonly string[];
}

/** Scores `table` with the criteria and compares tiers and scores with the outcome. */
export function validateCriteria(
  tableValue: unknown,
  criteria: unknown,
  outcomeSpec: unknown,
  profile: unknown,
  tiersValue: unknown,
  optionsValue: unknown,
  today: number,
  fn = 'ICP_VALIDATE',
): Validation {
  const { table, options, outcome } = learningInput(tableValue, outcomeSpec, optionsValue, ['missing'], today, fn);
  const missing = (options.get('missing') || 'zero').toLowerCase();
  if (missing !== 'zero' && missing !== 'neutral') throw new IcpError(fmt(T.missingOption_, fn, quote(missing)));
  const scorers = compileCriteria(parseCriteria(criteria), table, cellText(firstCell(profile)), { missing });
  const { scores } = scoreTable(table.rows, scorers);
  const tiers = parseTiers(tiersValue);
  const perMonth = outcome.tenure >= 0;

  // Tiers in order, then DQ (when any rule is required or a row is disqualified), then rows below every tier.
  const labels = tiers.map((t) => t.label);
  const required = scorers.some((s) => s.rules.some((r) => r.rule.required));
  const sums = new Map<string, { accounts: number; outcome: number; months: number }>();
  for (const label of [...labels, DQ_TIER, '']) sums.set(label, { accounts: 0, outcome: 0, months: 0 });
  const good = new Float64Array(scores.length).fill(NaN);
  let accounts = 0;
  let total = 0;
  let months = 0;
  for (let r = 0; r < scores.length; r++) {
    const y = outcome.y[r];
    if (y !== y || scores[r] !== scores[r]) continue;
    const sum = sums.get(tierOf(scores[r], scores[r] === DISQUALIFIED, tiers))!;
    sum.accounts++;
    sum.outcome += y;
    sum.months += outcome.months[r];
    accounts++;
    total += y;
    months += outcome.months[r];
    good[r] = outcome.kind === 'churn' ? 1 - y : y;
  }
  if (accounts === 0) throw new IcpError(fmt(T.noOutcomeRows_, fn, quote(outcome.label)));
  const rateOf = (s: { accounts: number; outcome: number; months: number }) => (perMonth ? s.outcome / s.months : s.outcome / s.accounts);
  const baseRate = rateOf({ accounts, outcome: total, months });
  const results: TierResult[] = [];
  const warnings: string[] = [];
  const small: string[] = [];
  for (const [label, sum] of sums) {
    const shown = label === DQ_TIER ? sum.accounts > 0 || required : label === '' ? sum.accounts > 0 : true;
    if (!shown) continue;
    const name = label === '' ? T.belowTiers_ : label;
    const rate = sum.accounts > 0 ? rateOf(sum) : NaN;
    results.push({
      tier: name,
      accounts: sum.accounts,
      share: sum.accounts / accounts,
      outcome: sum.outcome,
      rate,
      outcomeShare: total !== 0 ? sum.outcome / total : NaN,
      lift: baseRate !== 0 ? rate / baseRate : NaN,
    });
    if (sum.accounts === 0 && label !== DQ_TIER) warnings.push(fmt(T.tierEmpty_, name));
    else if (sum.accounts < 10) small.push(name);
  }
  const positives = outcome.kind === 'value' ? accounts : total;
  const few = tooFew(outcome.kind, accounts, total);
  if (few) {
    warnings.unshift(fmt(T.fewForAuc_, few, MIN_ACCOUNTS));
  } else if (small.length) {
    warnings.push(fmt(T.fewInTiers_, small.join(', ')));
  }
  // The headline covers the top two tiers (the top one when there are fewer than three).
  const top = results.slice(0, labels.length >= 3 ? 2 : 1);
  const accountShare = top.reduce((s, t) => s + t.accounts, 0) / accounts;
  const outcomeShare = top.reduce((s, t) => s + t.outcome, 0) / total;
  const label = fmt(top.length > 1 ? T.headTiers_ : T.headTier_, top.map((t) => t.tier).join('+'));
  const headline = outcome.kind === 'won' ? T.headWon_ : outcome.kind === 'value' ? T.headValue_ : T.headChurn_;
  const text = fmt(headline, label, percent(accountShare), percent(outcomeShare));
  return {
    kind: outcome.kind,
    outcome: outcome.label,
    perMonth,
    tiers: results,
    auc: concordance(scores, good),
    accounts,
    positives,
    baseRate,
    headline: { label, tiers: top.map((t) => t.tier), accountShare, outcomeShare, text },
    leftOut: outcome.leftOut,
    leftOutExample: outcome.example,
    warnings,
  };
}

export function percent(share: number): string {
  return share === share ? `${Math.round(share * 100)} %` : '—';
}

type Grid = (string | number)[][];

/** The validation as a table that spills: one row per tier, a blank row, then label | number | note rows. */
export function validationTable(v: Validation): Grid {
  const words = outcomeWords(v.kind, v.perMonth);
  const note = (label: string, value: string | number, text = ''): (string | number)[] => [label, value, text, '', '', '', ''];
  const base = v.kind === 'value' ? fmt(T.validBaseValue_, v.accounts) : fmt(v.kind === 'won' ? T.validBaseWon_ : T.validBaseChurn_, v.positives, v.accounts);

  return [
    [T.colTier_, T.colAccounts_, T.colShareAccounts_, words.count, words.rate, words.share, T.colLift_],
    ...v.tiers.map((t) => [t.tier, t.accounts, round(t.share, 3), round(t.outcome, 2), round(t.rate, 4), round(t.outcomeShare, 3), round(t.lift, 2)]),
    note('', ''),
    note('AUC', round(v.auc, 3), words.auc),
    note(T.baseRate_, round(v.baseRate, 4), base),
    note(v.headline.label, round(v.headline.outcomeShare, 3), v.headline.text),
    ...(v.leftOut ? [note(T.leftOut_, v.leftOut, leftOutText(v.kind, v.leftOutExample))] : []),
    ...v.warnings.map((w) => note(T.warning_, '', w)),
  ];
}

/** Which rows were left out for want of an outcome, with one of their outcome cells. */
export function leftOutText(kind: OutcomeKind, example: string): string {
  const what = outcomeWords(kind, false).left;
  return example ? fmt(T.leftExample_, what, `"${example}"`) : what;
}

/** A number rounded for a cell; NaN and infinities become blank. */
export function round(n: number, digits: number): number | string {
  if (!Number.isFinite(n)) return '';
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}
