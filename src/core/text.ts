// Text as users mean it: case, accents, ß and stray spaces never decide whether two words are equal.

import { cellText, type Cell } from './cells';

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

/** Levenshtein distance, for "did you mean" suggestions. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
    }
    previous = current;
  }
  return previous[b.length];
}

/** The candidates closest to `wanted`, best first: substrings first, then by edit distance. */
export function closest(wanted: string, candidates: readonly string[], count = 3): string[] {
  const key = normalizeText(wanted);
  return candidates
    .filter((c) => c.trim() !== '')
    .map((c) => {
      const other = normalizeText(c);
      const related = other.includes(key) || key.includes(other) ? -100 : 0;
      return { c, d: editDistance(key, other) + related };
    })
    .sort((x, y) => x.d - y.d)
    .slice(0, count)
    .map((x) => x.c);
}

/** `"a", "b" or "c"` for messages. */
export function quoteList(items: readonly string[], last = 'or'): string {
  const quoted = items.map((i) => `"${i}"`);
  if (quoted.length <= 1) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')} ${last} ${quoted[quoted.length - 1]}`;
}
