import { describe, expect, it } from 'vitest';
import { parseNumber, parseRange } from '../../src/core/numbers';

describe('numbers', () => {
  describe('parseNumber', () => {
    it.each([
      [1200, 1200],
      ['1200', 1200],
      ['1,200', 1200],
      ['1.200', 1200],
      ['1.200.000', 1_200_000],
      ['1,200,000', 1_200_000],
      ['1 200 000', 1_200_000],
      ["1'200", 1200],
      ['1,5', 1.5],
      ['0.125', 0.125],
      ['0,125', 0.125],
      ['1.234,5', 1234.5],
      ['1,234.5', 1234.5],
      ['1,5 Mio', 1_500_000],
      ['1,5 Mio €', 1_500_000],
      ['$10M', 10_000_000],
      ['€2.5bn', 2_500_000_000],
      ['3 Mrd', 3_000_000_000],
      ['3 Mrd.', 3_000_000_000],
      ['250k', 250_000],
      ['12 Tsd.', 12_000],
      ['12%', 0.12],
      ['12,5 %', 0.125],
      ['-5', -5],
      ['−5', -5],
      ['500+', 500],
      ['~40', 40],
      ['USD 1,200', 1200],
      ['50-200', 125],
      ['50..200', 125],
      ['50 to 200', 125],
      ['50 bis 200', 125],
      ['1-5 Mio', 3_000_000],
      ['10M-50M', 30_000_000],
      // As Danish sheets write them.
      ['1,5 mio. kr.', 1_500_000],
      ['2 mia.', 2_000_000_000],
      ['2 mia. kr.', 2_000_000_000],
      ['250 t.kr.', 250_000],
      ['250 tkr', 250_000],
      ['1.500.000 kr.', 1_500_000],
      ['kr. 1.500', 1500],
      ['DKK 10 mio', 10_000_000],
      ['45 DKK', 45],
      ['cirka 40', 40],
      ['50 til 200', 125],
      ['100-250 t.kr.', 175_000],
    ])('reads %j as %d', (input, expected) => {
      expect(parseNumber(input)).toBeCloseTo(expected, 9);
    });

    it.each(['', '   ', 'n/a', 'about fifty', '12 employees', '1.2.3', '1,23,4', 'SaaS'])('treats %j as missing', (input) => {
      expect(parseNumber(input)).toBeNaN();
    });

    it('treats booleans, dates, null and non-finite numbers as missing', () => {
      for (const cell of [true, false, new Date(2024, 0, 1), null, undefined, Infinity, NaN]) {
        expect(parseNumber(cell)).toBeNaN();
      }
    });
  });

  describe('parseRange', () => {
    it('reads inclusive ranges in every spelling, lowest first', () => {
      expect(parseRange('50-200')).toEqual({ low: 50, high: 200 });
      expect(parseRange('200 - 50')).toEqual({ low: 50, high: 200 });
      expect(parseRange('50 to 200')).toEqual({ low: 50, high: 200 });
      expect(parseRange('1,5 Mio - 3 Mio')).toEqual({ low: 1_500_000, high: 3_000_000 });
      expect(parseRange('-10 - 10')).toEqual({ low: -10, high: 10 });
    });

    it('refuses what is not a range', () => {
      expect(parseRange('50')).toBeUndefined();
      expect(parseRange('-50')).toBeUndefined();
      expect(parseRange('fifty-two hundred')).toBeUndefined();
    });
  });
});

describe('the common-shape fast path', () => {
  it('agrees with the general parser on every shape it accepts', async () => {
    const { default: fc } = await import('fast-check');
    const { parseAnyNumber } = await import('../../src/core/numbers');
    const digits = fc.stringMatching(/^[0-9]{1,7}$/);
    const grouped = fc
      .tuple(fc.integer({ min: 1, max: 999 }), fc.array(fc.stringMatching(/^[0-9]{3}$/), { minLength: 1, maxLength: 3 }), fc.constantFrom(',', '.'))
      .map(([head, groups, mark]) => [String(head), ...groups].join(mark));
    const number = fc
      .tuple(
        fc.constantFrom('', '-', '−', '+'),
        fc.constantFrom('', '$', '€', '£ '),
        fc.oneof(digits, grouped),
        fc.option(fc.tuple(fc.constantFrom(',', '.'), fc.stringMatching(/^[0-9]{1,4}$/)), { nil: undefined }),
        fc.constantFrom('', ' k', 'k', ' Mio', ' Mio.', 'M', 'bn', ' Mrd', ' %', '%', ' Tsd.', ' mio.', ' mia.', ' mia'),
        fc.constantFrom('', ' €', '$', ' EUR', ' usd', ' kr.', ' kr', ' DKK'),
      )
      .map(([sign, lead, whole, decimal, unit, trail]) => `${sign}${lead}${whole}${decimal ? decimal.join('') : ''}${unit}${trail}`);
    fc.assert(
      fc.property(number, (text) => {
        const fast = parseNumber(text);
        const general = parseAnyNumber(text);
        if (Number.isNaN(general)) expect(fast).toBeNaN();
        else expect(fast).toBeCloseTo(general, 6);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('the scanner for the commonest shapes', () => {
  it('answers exactly as the regular expression does wherever it answers, and often', async () => {
    const { default: fc } = await import('fast-check');
    const { parseCommonNumber, scanNumber } = await import('../../src/core/numbers');
    // Strings built from the characters numbers are written with, so most are near-misses of a number.
    const piece = fc.constantFrom(
      '0',
      '1',
      '2',
      '5',
      '9',
      '12',
      '123',
      '1234',
      '007',
      ',',
      '.',
      ' ',
      '  ',
      '-',
      '%',
      '€',
      '$',
      '£',
      'k',
      'K',
      'm',
      'M',
      'Mio',
      'mio',
      'mm',
      'MN',
      'b',
      'bn',
      'Mrd',
      'Tsd',
      'tsd.',
      'EUR',
      'usd',
      'eur',
      'x',
      'constructor',
      '\u00a0',
      'mia',
      'Mia.',
      'kr',
      'kr.',
      'Kr',
      'DKK',
      't.kr.',
    );
    let answered = 0;
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 6 }).map((parts) => parts.join('')),
        (text) => {
          const scanned = scanNumber(text);
          if (scanned === undefined) return;
          answered++;
          expect(Object.is(scanned, parseCommonNumber(text))).toBe(true);
        },
      ),
      { seed: 11, numRuns: 20000 },
    );
    expect(answered).toBeGreaterThan(1000);
    expect(['353,6 Mio €', '1.234', '1,5', '12%', '250k', '7 EUR', '0,125', '1234.567', '1,5 mio. kr.', '2 mia', '45 DKK'].map(scanNumber)).toEqual([
      353_600_000, 1234, 1.5, 0.12, 250_000, 7, 0.125, 1234.567, 1_500_000, 2_000_000_000, 45,
    ]);
    expect(['-5', '1.234,5', '$5', '5 x', '12%€', ' 1.234.567'].map(scanNumber)).toEqual([undefined, undefined, undefined, undefined, undefined, undefined]);
  });
});
