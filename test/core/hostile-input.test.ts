// Careless and hostile input reaching the core: huge cells, ranges where one value is expected, extreme
// numbers, keys such as `__proto__`. Each case is a defect from issue 8, kept as a test.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scalarArgument } from '../../src/core/cells';
import { parseCriteria } from '../../src/core/criteria';
import { IcpError } from '../../src/core/errors';
import * as icp from '../../src/core/icp';
import { parseNumber } from '../../src/core/numbers';
import { parseOptions } from '../../src/core/options';
import { segmentTable, summarizeSegments } from '../../src/core/segments';
import { closest, editDistance, normalizeText, QUOTE_MAX, quote, quoteList } from '../../src/core/text';
import { parseTiers } from '../../src/core/tiers';

const HEADER = ['Profile', 'Attribute', 'Operator', 'Value', 'Points', 'Required'];
const TABLE = [
  ['Company', 'Industry', 'Employees'],
  ['Acme', 'SaaS', 120],
];

/** The message of what `fn` throws; fails the test when it throws anything but an IcpError. */
function messageOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(IcpError);
    return (error as Error).message;
  }
  throw new Error('expected an IcpError');
}

/** The longest run of one character in a message: what is left of a quoted huge input. */
const longestRun = (text: string, ch: string) => Math.max(0, ...(text.match(new RegExp(`${ch}+`, 'g')) ?? []).map((m) => m.length));

describe('hostile input', () => {
  describe('quoting user input in messages', () => {
    it('quotes at most QUOTE_MAX characters, ending long text with an ellipsis', () => {
      expect(quote('Industy')).toBe('"Industy"');
      const long = quote('x'.repeat(100_000));
      expect(long.length).toBe(QUOTE_MAX + 2);
      expect(long.endsWith('…"')).toBe(true);
      // A surrogate pair is never cut in half.
      expect(quote('😀'.repeat(100))).not.toMatch(/[\ud800-\udbff]…/);
    });

    it('lists at most ten items, each quoted short', () => {
      const items = Array.from({ length: 40 }, (_, i) => `${'h'.repeat(200)}${i}`);
      const list = quoteList(items, 'and');
      expect(list).toMatch(/ and 30 more$/);
      expect(list.length).toBeLessThan(11 * (QUOTE_MAX + 4));
    });

    it('every criteria message quotes a megabyte cell in at most ~60 characters', () => {
      const huge = 'q'.repeat(1_000_000);
      const cases: unknown[][] = [
        ['', 'Industry', huge, 'x', 1, ''],
        ['', 'Employees', 'between', huge, 1, ''],
        ['', 'Employees', '>=', huge, 1, ''],
        ['', 'Industry', 'is', 'x', huge, ''],
        ['', 'Industry', 'is', 'x', 1, huge],
      ];
      for (const line of cases) {
        const message = messageOf(() => parseCriteria([HEADER, line]));
        expect(longestRun(message, 'q')).toBeLessThanOrEqual(QUOTE_MAX);
      }
      const header = messageOf(() =>
        parseCriteria([
          [huge, `${huge}x`],
          ['a', 'b'],
        ]),
      );
      expect(longestRun(header, 'q')).toBeLessThanOrEqual(QUOTE_MAX);
    });

    it('so do the table, profile, options, tiers and segment messages', () => {
      const huge = 'q'.repeat(1_000_000);
      const criteria = [HEADER, ['', 'Industry', 'is', 'SaaS', 10, '']];
      const messages = [
        messageOf(() => icp.scoreSheet(TABLE, [HEADER, ['', huge, 'is', 'x', 1, '']], '', '', 'T')),
        messageOf(() => icp.scoreSheet(TABLE, criteria, huge, '', 'T')),
        messageOf(() => icp.scoreSheet(TABLE, [HEADER, [huge, 'Industry', 'is', 'x', 1, '']], 'nope', '', 'T')),
        messageOf(() => icp.scoreSheet(TABLE, criteria, '', `${huge}=1`, 'T')),
        messageOf(() => icp.scoreSheet(TABLE, criteria, '', `missing=${huge}`, 'T')),
        messageOf(() => icp.scoreSheet(TABLE, criteria, '', huge, 'T')),
        messageOf(() =>
          parseTiers([
            ['Tier', 'Min'],
            ['A', huge],
          ]),
        ),
        messageOf(() => summarizeSegments(TABLE, huge, '', 0)),
        messageOf(() => summarizeSegments(TABLE, 'Industry', `asof=${huge}`, 0)),
        messageOf(() => summarizeSegments(TABLE, 'Industry', `margin=${huge}`, 0)),
        messageOf(() => summarizeSegments(TABLE, 'Industry', `period=${huge}`, 0)),
        messageOf(() => summarizeSegments(TABLE, 'Industry', `mrr=${huge}`, 0)),
      ];
      for (const message of messages) expect(longestRun(message, 'q')).toBeLessThanOrEqual(QUOTE_MAX);
    });
  });

  describe('"did you mean" suggestions', () => {
    // Sheets allows 50,000 characters a cell; a full edit distance on such cells took seconds to minutes.
    it('answers an Operator cell of 50,000 characters or a megabyte without a suggestion', () => {
      for (const size of [50_000, 1_000_000]) {
        const message = messageOf(() => parseCriteria([HEADER, ['', 'Industry', 'e'.repeat(size), 'x', 1, '']]));
        expect(message).toMatch(/is not an operator\. Use one of: is, is not/);
      }
    });

    it('answers an Attribute of 20,000 characters against a header of 20,000', () => {
      const table = [
        ['Company', 'a'.repeat(20_000)],
        ['Acme', 'x'],
      ];
      const message = messageOf(() => icp.scoreSheet(table, [HEADER, ['', 'b'.repeat(20_000), 'is', 'x', 1, '']], '', '', 'T'));
      expect(message).toMatch(/^Criteria row 2, Attribute: "b+…" is not a column of the table\.$/);
    });

    it('still suggests for short names, among many candidates', () => {
      const headers = Array.from({ length: 5000 }, (_, i) => `Column ${i}`).concat('Industry');
      expect(closest('Industy', headers, 1)).toEqual(['Industry']);
      expect(closest('x'.repeat(1000), ['x'.repeat(1000)])).toEqual([]);
    });

    it('picks what a full sort by edit distance picks, for short names', () => {
      // The plain definition: substrings first, then by distance, ties in the candidates' order; a name that
      // is not a substring counts only within a third of the wanted name's length (at least one typo).
      const reference = (wanted: string, candidates: string[], count: number) => {
        const key = normalizeText(wanted);
        const tolerance = Math.max(1, Math.floor(key.length / 3));
        return candidates
          .filter((c) => normalizeText(c) !== '')
          .map((c) => {
            const other = normalizeText(c);
            const related = other.includes(key) || key.includes(other);
            return { c, related, d: editDistance(key, other) + (related ? -100 : 0) };
          })
          .filter((x) => x.related || x.d <= tolerance)
          .sort((x, y) => x.d - y.d)
          .slice(0, count)
          .map((x) => x.c);
      };
      const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'A', ' ', 'é'), minLength: 1, maxLength: 8 });
      fc.assert(
        fc.property(
          word.filter((w) => normalizeText(w) !== ''),
          fc.array(word, { maxLength: 12 }),
          fc.integer({ min: 1, max: 4 }),
          (wanted, candidates, count) => {
            expect(closest(wanted, candidates, count)).toEqual(reference(wanted, candidates, count));
          },
        ),
        { seed: 8007, numRuns: 500 },
      );
    });
  });

  describe('ranges where one value is expected', () => {
    it('reads a single cell or a 1×1 range, and refuses a larger range with a clear message', () => {
      expect(scalarArgument('SaaS', 'T', 'profile')).toBe('SaaS');
      expect(scalarArgument([['SaaS']], 'T', 'profile')).toBe('SaaS');
      expect(scalarArgument(undefined, 'T', 'profile')).toBe('');
      expect(scalarArgument([], 'T', 'profile')).toBe('');
      expect(() => scalarArgument([['a'], ['b']], 'T', 'profile')).toThrow('T: profile must be one cell or text, not 2×1 cells.');
    });

    it('profile and options given as ranges give clear messages, never a TypeError', () => {
      const criteria = [HEADER, ['SaaS', 'Industry', 'is', 'SaaS', 10, '']];
      expect(icp.scores(icp.scoreSheet(TABLE, criteria, [['SaaS']], '', 'T'))).toEqual([100]);
      expect(messageOf(() => icp.scoreSheet(TABLE, criteria, [['SaaS'], ['x']], '', 'T'))).toMatch(/T: profile must be one cell/);
      expect(icp.scores(icp.scoreSheet(TABLE, criteria, '', [['missing', 'neutral']], 'T'))).toEqual([100]);
    });

    it('ICP_SEGMENTS accepts a header cell, a header name or a column range for segment_by', () => {
      const table = [
        ['Company', 'Industry', 'MRR'],
        ['Acme', 'SaaS', 100],
        ['Globex', 'Retail', 50],
        ['Hooli', 'SaaS', 10],
      ];
      const segmentsOf = (by: unknown) => summarizeSegments(table, by, '', 0).map((m) => [m.segment, m.accounts]);
      const expected = [
        ['SaaS', 2],
        ['Retail', 1],
        ['All', 3],
      ];
      expect(segmentsOf('Industry')).toEqual(expected);
      expect(segmentsOf([['Industry']])).toEqual(expected); // B1 as a 1×1 range
      expect(segmentsOf([['Industry'], ['SaaS'], ['Retail'], ['SaaS'], ['']])).toEqual(expected); // B1:B
      expect(segmentsOf([['Industry', 'Company']]).length).toBe(4); // B1:A1, two columns
      expect(messageOf(() => segmentsOf([[''], ['SaaS']]))).toMatch(/ICP_SEGMENTS: name the column\(s\) to segment by/);
      expect(messageOf(() => segmentsOf(new Date(2026, 0, 1)))).toMatch(/ICP_SEGMENTS, segment_by: "2026-01-01" is not a column/);
    });

    it('options given as a tall range of text still read every cell', () => {
      expect([...parseOptions([['missing=neutral'], ['']], ['missing'], 'T')]).toEqual([['missing', 'neutral']]);
    });
  });

  describe('results that fit in a cell', () => {
    it('cuts segment labels and explanations to the 50,000 characters a cell holds', () => {
      const long = 'x'.repeat(30_000);
      const table = [
        ['Company', 'Industry', 'Region'],
        ['Acme', long, long],
      ];
      const [, first] = segmentTable(summarizeSegments(table, 'Industry, Region', '', 0));
      expect(String(first[0]).length).toBe(50_000);
      expect(String(first[0]).endsWith('…')).toBe(true);
      const criteria = [HEADER, ['', 'Industry', 'is', 'x', 10, ''], ['', 'Region', 'is', 'y', 10, '']];
      const [why] = icp.explanations(icp.scoreSheet(table, criteria, '', '', 'T'));
      expect(String(why).length).toBeLessThanOrEqual(50_000);
    });
  });

  describe('tiers', () => {
    it('names the true row when blank rows come before the bad one', () => {
      expect(
        messageOf(() =>
          parseTiers([
            ['Tier', 'Min'],
            ['', ''],
            ['', ''],
            ['Gold', 'high'],
          ]),
        ),
      ).toBe('Tiers row 4: the minimum score "high" is not a number.');
      expect(
        messageOf(() =>
          parseTiers([
            ['', ''],
            ['Gold', 80],
            ['', ''],
            ['', 'x'],
          ]),
        ),
      ).toBe('Tiers row 4: the tier needs a label.');
    });
  });

  describe('extreme numbers', () => {
    it('one rule for non-finite figures: blank in the cell, not judged in the Health text', () => {
      const table = [
        ['Company', 'Industry', 'MRR', 'CAC', 'Churned', 'Months'],
        ['Acme', 'SaaS', 1e308, 1, true, 1],
        ['Globex', 'SaaS', 1e308, 1, false, 1],
      ];
      const [header, saas] = segmentTable(summarizeSegments(table, 'Industry', '', 0));
      const at = (name: string) => saas[header.indexOf(name)];
      expect(at('ARPA')).toBe(''); // the mean overflows
      expect(at('CLV:CAC')).toBe('');
      const health = String(at('Health'));
      expect(health).not.toMatch(/Infinity|NaN/);
      expect(health).not.toMatch(/CLV:CAC/);
      expect(health).toMatch(/too large/);
    });

    it('reads cells of 50,000 characters with long runs of spaces (they took minutes: the test times out)', () => {
      const spaces = ' '.repeat(50_000);
      for (const cell of [spaces, `1${spaces}2`, `a${spaces}b`, `1${spaces}x`, `1${spaces}-${spaces}x`]) expect(parseNumber(cell)).toBeNaN();
      expect(parseNumber(`${spaces}1`)).toBe(1);
      expect(parseNumber(`1${spaces}-${spaces}2`)).toBe(1.5);
      expect(parseNumber(`1${spaces}k`)).toBe(1000);
      expect(parseNumber(`${spaces}-${spaces}$${spaces}12${spaces}`)).toBe(-12);
      const options = (text: string) => [...parseOptions(text, ['missing'], 'T')];
      expect(options(`${spaces}missing${spaces}=${spaces}neutral${spaces}`)).toEqual([['missing', 'neutral']]);
      for (const text of [`${spaces}1`, `a${spaces}b`]) expect(() => options(text)).toThrow(/T options: ".*" should read name=value\./);
    });

    it('reads multiplier words without consulting Object.prototype', () => {
      for (const word of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf']) {
        expect(parseNumber(`5 ${word}`)).toBeNaN();
        expect(parseNumber(`5${word}`)).toBeNaN();
      }
    });
  });
});
