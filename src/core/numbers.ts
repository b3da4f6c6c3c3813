// Numbers as people type them into sheets: `1,200`, `1.200.000`, `1,5 Mio €`, `1,5 mio. kr.`, `$10M`, `12%`,
// `50-200`.
// Unparseable text is NaN, which the scoring treats as missing data.

import type { Cell } from './cells';
import { words } from './words';

// The unit words after a number (`1,5 Mio`), the short ones first: those are the ones the fast paths know.
const UNIT_WORDS = words('k|tsd|m|mm|mn|mio|b|bn|mrd|mia');
// Maps, not objects: the word comes from a cell, and `constructor` or `__proto__` must not find anything.
const MULTIPLIERS: ReadonlyMap<string, number> = new Map(
  (
    [
      [1e3, 'k|tsd|thousand|tausend|tusind'],
      [1e6, 'm|mm|mn|mio|million|millions|millionen|millioner'],
      [1e9, 'b|bn|billion|billions|mrd|milliarde|milliarden|mia|milliard|milliarder'],
    ] as const
  ).flatMap(([factor, list]) => words(list).map((word) => [word, factor] as const)),
);

// A cell may hold 50,000 characters, so no pattern may backtrack over a run of spaces more than once:
// `(?<!\s)` lets a run of spaces be tried only from its first character (each pattern stays linear).
const CURRENCY = /^(?:[$€£¥]|usd|eur|gbp|chf|dkk|kr\.|us\$)\s*|(?<!\s)\s*(?:[$€£¥]|usd|eur|gbp|chf|dkk|kr\.?)$/i;
// `250 t.kr.` (Danish: thousands of kroner) is `250k`.
const THOUSAND_KRONER = /(?<!\s)\s*t\.?\s?kr\.?$/i;
const APPROX = /^(?:~|≈|ca\.?\s|approx\.?\s|about\s|circa\s|rund\s|etwa\s|cirka\s|omkring\s)\s*/i;
const TRAILING_WORD = /^(.*?\d)\s*([a-zäöü]+)\.?$/i;
const GROUPED_SPACES = /^\d{1,3}(?:[ '\u00a0\u202f]\d{3})+(?:[.,]\d+)?$/;
const RANGE = /^(.+?)(?<!\s)\s*(?:\.\.|–|—|-|\bto\b|\bbis\b|\btil\b)\s*(.+)$/i;

interface Parsed {
  value: number;
  factor: number;
}

/** A cell as a number; NaN when it is blank or not a number. Ranges such as `50-200` give their midpoint. */
export function parseNumber(cell: Cell): number {
  if (typeof cell === 'number') return cell - cell === 0 ? cell : NaN; // finite, without a global lookup
  if (typeof cell !== 'string') return NaN;
  const fast = scanNumber(cell) ?? parseCommonNumber(cell);
  return fast === undefined ? parseAnyNumber(cell) : fast;
}

/**
 * The commonest shapes without a regular expression or a new string, cheap enough to run on every cell of
 * a column: up to 15 digits with at most one `.` or `,`, then optionally a unit (`k`, `Mio`, `mia.`, `%`, …)
 * and a currency (`€`, `EUR`, `kr.`, …), separated by spaces. Anything else is undefined, for parseCommonNumber. Where
 * it answers it answers as parseCommonNumber does (a property test checks): the digits make an exact
 * integer, and one division by a power of ten rounds as reading the decimal does.
 */
export function scanNumber(text: string): number | undefined {
  const n = text.length;
  let i = 0;
  while (i < n && text.charCodeAt(i) === 32) i++;
  const start = i;
  let value = 0;
  for (let c = text.charCodeAt(i); c >= 48 && c <= 57; c = text.charCodeAt(++i)) value = value * 10 + (c - 48);
  const wholeDigits = i - start;
  if (wholeDigits === 0) return undefined;
  let scale = 1;
  let fractionDigits = 0;
  const mark = text.charCodeAt(i);
  if (mark === 44 || mark === 46) {
    const from = ++i;
    for (let c = text.charCodeAt(i); c >= 48 && c <= 57; c = text.charCodeAt(++i)) value = value * 10 + (c - 48);
    fractionDigits = i - from;
    if (fractionDigits === 0) return undefined;
    // A single mark followed by exactly three digits after a 1–3 digit number separates thousands (`1,200`).
    if (!(fractionDigits === 3 && wholeDigits <= 3 && text.charCodeAt(start) !== 48)) scale = 10 ** fractionDigits;
  }
  if (wholeDigits + fractionDigits > 15) return undefined; // beyond 15 digits the integer would not be exact
  while (i < n && text.charCodeAt(i) === 32) i++;
  let factor = 1;
  const percent = text.charCodeAt(i) === 37;
  if (percent) {
    factor = 0.01;
    i++;
  } else {
    const from = i;
    while (i < n && letter(text.charCodeAt(i))) i++;
    factor = unitFactor(text, from, i);
    if (factor !== factor) {
      factor = 1;
      i = from; // not a unit: perhaps a currency word
    } else if (factor !== 1 && text.charCodeAt(i) === 46) i++;
  }
  while (i < n && text.charCodeAt(i) === 32) i++;
  const from = i;
  const c = text.charCodeAt(i);
  if (c === 36 || c === 8364 || c === 163)
    i++; // $ € £
  else {
    while (i < n && letter(text.charCodeAt(i))) i++;
    if (word(text, from, i, 'kr')) {
      if (text.charCodeAt(i) === 46) i++; // `kr.`
    } else if (i > from && !word(text, from, i, 'eur') && !word(text, from, i, 'usd') && !word(text, from, i, 'dkk')) return undefined;
  }
  const currency = i > from;
  while (i < n && text.charCodeAt(i) === 32) i++;
  if (i < n || (percent && currency)) return undefined;
  return (value / scale) * factor;
}

function letter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/** Whether text[from, to) is `lower` in any case (ASCII letters). */
function word(text: string, from: number, to: number, lower: string): boolean {
  if (to - from !== lower.length) return false;
  for (let k = 0; k < lower.length; k++) if ((text.charCodeAt(from + k) | 32) !== lower.charCodeAt(k)) return false;
  return true;
}

/** The factor of a unit word in text[from, to): 1 for none, NaN for a word that is not a unit. */
function unitFactor(text: string, from: number, to: number): number {
  if (to === from) return 1;
  for (const unit of UNIT_WORDS) if (word(text, from, to, unit)) return MULTIPLIERS.get(unit)!;
  return NaN;
}

// The shapes almost every sheet uses (`1200`, `1.200`, `1,5 Mio €`, `2 mia. kr.`, `$10M`, `12%`) in one regular expression:
// sign, currency, digits with optional thousands groups, decimals, unit, currency. Anything else, or any
// doubt, goes to the general parser, which gives the same result for these shapes (a property test checks).
// Every run of spaces is followed by a token it must precede, so a failing match never backtracks through
// the combinations of adjacent `\s*` (that was cubic: `1`, 10,000 spaces and `2` took minutes).
const COMMON =
  /^\s*(?:([-−+])\s*)?([$€£]\s*)?([1-9]\d{0,2}([.,])\d{3}(?:\4\d{3})*|\d+)(?:([.,])(\d+))?(?:\s*(?:(k|tsd|m|mm|mn|mio|b|bn|mrd|mia|%)\.?|\.))?(?:\s*([$€£]|eur|usd|dkk|kr\.?))?\s*$/i;

export function parseCommonNumber(text: string): number | undefined {
  const m = COMMON.exec(text);
  if (m === null) return undefined;
  const [, sign, lead, whole, group, mark, fraction, unit, trail] = m;
  if (group !== undefined && group === mark) return undefined; // `1,200,5`: let the general parser refuse it
  if (unit === '%' && (lead !== undefined || trail !== undefined)) return undefined; // `$12%` makes no sense
  let digits = group === undefined ? whole : whole.split(group).join('');
  if (mark !== undefined) {
    // A single mark followed by exactly three digits after a 1–3 digit number separates thousands (`1,200`).
    if (group === undefined && fraction.length === 3 && whole.length <= 3 && whole[0] !== '0') digits += fraction;
    else digits += `.${fraction}`;
  }
  const value = Number(digits) * (unit === undefined ? 1 : unit === '%' ? 0.01 : MULTIPLIERS.get(unit.toLowerCase())!);
  return sign === '-' || sign === '−' ? -value : value;
}

/** The general parser: approximations, words, spaced and Swiss thousands, ranges. */
export function parseAnyNumber(cell: string): number {
  const text = cell.trim();
  const single = parseSingle(text);
  if (single) return single.value;
  const range = parseRange(text);
  return range ? (range.low + range.high) / 2 : NaN;
}

/** An inclusive range written `50-200`, `50..200`, `50 to 200`, `1-5 Mio`; undefined when it is not one. */
export function parseRange(text: string): { low: number; high: number } | undefined {
  const match = RANGE.exec(text.trim());
  if (!match) return undefined;
  const left = parseSingle(match[1]);
  const right = parseSingle(match[2]);
  if (!left || !right) return undefined;
  // `1-5 Mio` means one to five million: the right side's unit carries over to a bare left side.
  const low = left.factor === 1 ? left.value * right.factor : left.value;
  const high = right.value;
  return low <= high ? { low, high } : { low: high, high: low };
}

function parseSingle(raw: string): Parsed | undefined {
  let text = raw.trim().replace(APPROX, '').replace(THOUSAND_KRONER, 'k');
  let sign = 1;
  if (text.startsWith('-') || text.startsWith('−')) {
    sign = -1;
    text = text.slice(1).trim();
  } else if (text.startsWith('+')) text = text.slice(1).trim();
  text = text.replace(CURRENCY, '');
  let factor = 1;
  if (text.endsWith('%')) {
    factor = 0.01;
    text = text.slice(0, -1).trim();
  }
  if (text.endsWith('+')) text = text.slice(0, -1).trim();
  text = text.replace(CURRENCY, '');
  const word = TRAILING_WORD.exec(text);
  if (word) {
    const multiplier = MULTIPLIERS.get(word[2].toLowerCase());
    if (multiplier === undefined) return undefined;
    factor *= multiplier;
    text = word[1];
  }
  text = text.replace(CURRENCY, '').trim();
  const value = parseDigits(text);
  return Number.isNaN(value) ? undefined : { value: sign * value * factor, factor };
}

/** Digits with thousands and decimal marks in English or German style. */
function parseDigits(text: string): number {
  if (text === '') return NaN;
  if (GROUPED_SPACES.test(text)) text = text.replace(/[ '\u00a0\u202f]/g, '');
  if (!/^\d[\d.,]*$/.test(text) && !/^[.,]\d+$/.test(text)) return NaN;
  const lastComma = text.lastIndexOf(',');
  const lastDot = text.lastIndexOf('.');
  if (lastComma >= 0 && lastDot >= 0) {
    // Both marks: the last one is the decimal mark, the other separates thousands.
    const decimal = lastComma > lastDot ? ',' : '.';
    const thousands = decimal === ',' ? '.' : ',';
    const [whole, fraction, extra] = text.split(decimal);
    if (extra !== undefined || !isGrouped(whole, thousands)) return NaN;
    return Number(`${whole.split(thousands).join('')}.${fraction}`);
  }
  const mark = lastComma >= 0 ? ',' : lastDot >= 0 ? '.' : '';
  if (mark === '') return Number(text);
  const parts = text.split(mark);
  if (parts.length > 2) return isGrouped(text, mark) ? Number(parts.join('')) : NaN;
  // One mark: thousands when exactly three digits follow and the number does not start with 0 (`0.125`).
  if (/^[1-9]\d{0,2}$/.test(parts[0]) && /^\d{3}$/.test(parts[1])) return Number(parts.join(''));
  return Number(`${parts[0] || '0'}.${parts[1]}`);
}

function isGrouped(text: string, mark: string): boolean {
  const groups = text.split(mark);
  return (/^\d{1,3}$/.test(groups[0]) && groups.slice(1).every((g) => /^\d{3}$/.test(g))) || (groups.length === 1 && /^\d+$/.test(text));
}
