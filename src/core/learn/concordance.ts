// How well scores rank accounts: the share of pairs with different outcomes that the scores order the same
// way, ties in score counted half. For a won/lost outcome (1/0) this is the AUC: the chance that a random won
// account scores above a random lost one.

// Bound once: in Apps Script (and node:vm) every global lookup in a loop costs a property search.
const round = Math.round;

/** Concordance of `scores` with `outcome` over the rows where both are numbers; NaN without such a pair. */
export function concordance(scores: ArrayLike<number>, outcome: ArrayLike<number>): number {
  // Scores as ranks: the scorer's are whole numbers from -1 (DQ) to 100, counted directly; others sorted.
  let whole = true;
  for (let i = 0; i < scores.length && whole; i++) {
    const s = scores[i];
    whole = s !== s || (s === round(s) && s >= -1 && s <= 100);
  }
  const distinct = whole ? [] : [...new Set(Array.from(scores).filter((s) => s === s))].sort((a, b) => a - b);
  const ranks = new Map(distinct.map((s, i) => [s, i + 1]));
  const rankOf = (s: number) => (whole ? s + 2 : ranks.get(s)!);
  if (whole) {
    // Won/lost (1/0) against whole scores: count each class per score, then one pass up the scores.
    const counts = [new Float64Array(102), new Float64Array(102)];
    let binary = true;
    for (let i = 0; i < scores.length && binary; i++) {
      const o = outcome[i];
      if (scores[i] === scores[i] && o === o) {
        binary = o === 0 || o === 1;
        if (binary) counts[o][scores[i] + 1]++;
      }
    }
    if (binary) {
      let below = 0;
      let concordant = 0;
      let ones = 0;
      for (let k = 0; k < 102; k++) {
        concordant += counts[1][k] * (below + counts[0][k] / 2);
        below += counts[0][k];
        ones += counts[1][k];
      }
      return ones * below > 0 ? concordant / (ones * below) : NaN;
    }
  }
  // Rows grouped by outcome, lowest first; a Fenwick tree counts the earlier (lower-outcome) rows per score.
  const byOutcome = new Map<number, number[]>();
  for (let i = 0; i < scores.length; i++) {
    if (scores[i] !== scores[i] || outcome[i] !== outcome[i]) continue;
    let group = byOutcome.get(outcome[i]);
    if (!group) byOutcome.set(outcome[i], (group = []));
    group.push(rankOf(scores[i]));
  }
  const tree = new Float64Array((whole ? 102 : distinct.length) + 1);
  const below = (k: number) => {
    let sum = 0;
    for (; k > 0; k -= k & -k) sum += tree[k];
    return sum;
  };
  let earlier = 0;
  let pairs = 0;
  let concordant = 0;
  for (const [, group] of [...byOutcome].sort((a, b) => a[0] - b[0])) {
    for (const k of group) {
      const lower = below(k - 1);
      concordant += lower + (below(k) - lower) / 2;
    }
    pairs += earlier * group.length;
    for (const k0 of group) for (let k = k0; k < tree.length; k += k & -k) tree[k]++;
    earlier += group.length;
  }
  return pairs > 0 ? concordant / pairs : NaN;
}
