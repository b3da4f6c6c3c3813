// Text as users mean it: case, accents, ß and stray spaces never decide whether two words are equal.

import { type Cell, cellText } from './cells';
import { fmt, T } from './i18n';

const COMBINING_MARKS = /[\u0300-\u036f]/g;
const SPACES = /\s+/g;
const ASCII_PLAIN = /^[\x20-\x7e]*$/;

/** Lower case, no accents (`é` = `e`, `ß` = `ss`), trimmed, inner whitespace collapsed. */
export function normalizeText(text: string): string {
  let out = text.toLowerCase();
  if (!ASCII_PLAIN.test(out)) {
    out = out.normalize('NFD').replace(COMBINING_MARKS, '').replace(/ß/g, 'ss');
  }
  return out.replace(SPACES, ' ').trim();
}

/** Normalized text of a cell; blank cells give `""`. */
export function cellKey(cell: Cell): string {
  return normalizeText(cellText(cell));
}

const VALUE_SEPARATORS = /[,;\n]/;
const LIST_SEPARATORS = /[,;|\n]/;

/** The values of a criteria cell (`SaaS, Fintech; E-commerce`), normalized, blanks dropped. */
export function splitValues(text: string): string[] {
  return splitOn(text, VALUE_SEPARATORS);
}

/** The items of a list cell (`Slack, Jira | HubSpot`), normalized, blanks dropped. */
export function splitList(text: string): string[] {
  return splitOn(text, LIST_SEPARATORS);
}

function splitOn(text: string, separators: RegExp): string[] {
  const out: string[] = [];
  for (const part of text.split(separators)) {
    const key = normalizeText(part);
    if (key !== '') out.push(key);
  }
  return out;
}

/**
 * Levenshtein distance, for "did you mean" suggestions; `closest` keeps its inputs short. Past `limit` the
 * exact figure does not matter: any value above it is returned as soon as it is certain.
 */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (current[j] < best) best = current[j];
    }
    if (best > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length];
}

// A typo of a header or an operator is short. Longer text gets no suggestion: an edit distance costs the
// product of the two lengths, and Sheets allows 50,000 characters a cell (a megabyte took minutes).
const SUGGEST_MAX_LENGTH = 64;
/** More than a sheet's 18,278 columns. */
const SUGGEST_MAX_CANDIDATES = 20_000;
const RELATED = -100;

/**
 * The candidates closest to `wanted`, best first: those that contain it or that it contains, then those
 * within a few typos (a third of its length); none when nothing is that close.
 */
export function closest(wanted: string, candidates: readonly string[], count = 3): string[] {
  if (wanted.length > 4 * SUGGEST_MAX_LENGTH) return [];
  const key = normalizeText(wanted);
  if (key === '' || key.length > SUGGEST_MAX_LENGTH) return [];
  const tolerance = Math.max(1, Math.floor(key.length / 3));
  const best: { c: string; d: number }[] = [];
  for (let i = 0; i < candidates.length && i < SUGGEST_MAX_CANDIDATES; i++) {
    const c = candidates[i];
    if (c.length > 4 * SUGGEST_MAX_LENGTH) continue;
    const other = normalizeText(c);
    if (other === '' || other.length > SUGGEST_MAX_LENGTH) continue;
    const related = other.includes(key) || key.includes(other) ? RELATED : 0;
    // Only a candidate that can still enter the best `count` needs its exact distance, and one that is not
    // related must be a near miss (a typo or two), or it is no suggestion at all.
    const limit = Math.min(best.length < count ? Infinity : best[best.length - 1].d - related - 1, related ? Infinity : tolerance);
    if (limit < 0) continue;
    const raw = editDistance(key, other, limit);
    if (raw > limit) continue;
    const d = raw + related;
    if (best.length === count && d >= best[best.length - 1].d) continue;
    let at = best.length;
    while (at > 0 && best[at - 1].d > d) at--;
    best.splice(at, 0, { c, d });
    if (best.length > count) best.pop();
  }
  return best.map((x) => x.c);
}

/** The most characters of user input a message quotes: enough to recognise it, never a whole cell. */
export const QUOTE_MAX = 60;

/** User input in quotes for a message, cut to QUOTE_MAX characters with `…`. */
export function quote(text: string): string {
  if (text.length <= QUOTE_MAX) return `"${text}"`;
  let end = QUOTE_MAX - 1;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--; // never split a surrogate pair
  return `"${text.slice(0, end)}…"`;
}

const LIST_MAX = 10;

/** `"a", "b" or "c"` for messages (in the active language); past ten items, `"a", …, "j" and 30 more`. */
export function quoteList(items: readonly string[], last: 'and' | 'or' = 'or'): string {
  const quoted = items.slice(0, LIST_MAX).map(quote);
  if (items.length > LIST_MAX) return fmt(T.moreItems_, quoted.join(', '), items.length - LIST_MAX);
  if (quoted.length <= 1) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')} ${last === 'and' ? T.and_ : T.or_} ${quoted[quoted.length - 1]}`;
}
