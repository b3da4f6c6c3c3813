// Every custom function's documented example (registry.ts → Sheets' autocomplete and the README) is a real
// formula with its real result: each is typed into the playground's example workbook, computed by the formula
// engine with the built bundle, and compared with what the example says it shows.
//
// How an example's result reads: cells separated by " | "; a lone "…" ends the comparison; inside a cell,
// "…" stands for any text, so "0.0093431…" is a number that starts with those digits. One-column results
// are read down the column from the formula's cell (the label first); tables along the first row whose
// first cell is the example's first cell. A cell left blank reads as two spaces between bars.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRegistry } from '../../build.mjs';
import { launch } from '../../playground/start.mjs';

let playground: Awaited<ReturnType<typeof launch>>;
const registry = await loadRegistry();

beforeAll(async () => {
  playground = await launch({ port: 0 });
});

afterAll(async () => {
  await playground?.close();
});

/**
 * True when `text` matches `pattern`, whose "…" stand for any text (the first piece anchored at the start);
 * a run of spaces or new lines in either counts as one space, as a cell's text reads in the README.
 */
function matches(pattern: string, cellText: string): boolean {
  const text = cellText.replace(/\s+/g, ' ');
  const pieces = pattern.replace(/\s+/g, ' ').split('…');
  if (!text.startsWith(pieces[0])) return false;
  let at = pieces[0].length;
  for (const piece of pieces.slice(1, -1)) {
    const found = text.indexOf(piece, at);
    if (found < 0) return false;
    at = found + piece.length;
  }
  const last = pieces.length > 1 ? pieces[pieces.length - 1] : '';
  return pieces.length === 1 ? text === pieces[0] : text.length - last.length >= at && text.endsWith(last);
}

const COLUMN = 20; // T: right of the example table and the score columns it gets

describe('registry examples', () => {
  it('reads "…" as any text, and a whole cell otherwise', () => {
    expect(matches('0.0093431…', '0.009343112')).toBe(true);
    expect(matches('0.0093431…', '0.0093')).toBe(false);
    expect(matches('-- ICP … FROM `t` …', '-- ICP score FROM `t` AS a')).toBe(true);
    expect(matches('A', 'AB')).toBe(false);
  });

  for (const fn of registry.CUSTOM_FUNCTIONS) {
    it(`${fn.name}: ${fn.example?.formula ?? '(no example)'}`, () => {
      expect(fn.example, `${fn.name} needs an example for autocomplete and the README`).toBeDefined();
      const { formula, result } = fn.example!;
      const { workbook } = playground;
      const sheet = workbook.sheet('ICP Accounts');
      workbook.edit('ICP Accounts', 1, COLUMN, formula);
      try {
        const expected = result.split(' | ');
        const end = expected.indexOf('…');
        const wanted = end >= 0 ? expected.slice(0, end) : expected;
        const table = fn.spill === 'segments' || fn.spill === 'suggest' || fn.spill === 'validate';
        const grid = workbook.engine.window(sheet, 0, table ? 200 : wanted.length, COLUMN - 1, table ? 12 : 1);
        const cell = (c: { value: unknown; error?: string }) => {
          expect(c.error, `${formula} shows an error`).toBeUndefined();
          return c.value === null ? '' : String(c.value);
        };
        const shown = table ? (grid.map((row) => row.map(cell)).find((row) => row[0] === wanted[0]) ?? []) : grid.map(([c]) => cell(c));
        expect(shown.length, `${formula}: no row starts with "${wanted[0]}"`).toBeGreaterThan(0);
        wanted.forEach((pattern, i) => {
          expect(matches(pattern, shown[i] ?? ''), `${formula}, cell ${i + 1}: "${shown[i]}" is not "${pattern}"`).toBe(true);
        });
      } finally {
        workbook.edit('ICP Accounts', 1, COLUMN, '');
      }
    });
  }
});
