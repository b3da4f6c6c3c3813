// Fuzz: every custom function of the registry, called through the built bundle in node:vm with arguments
// generated per parameter (ranges of hostile cells, scalars, missing arguments, ranges where one value is
// expected, huge text, `__proto__` headers, dates, NaN-like text, extreme numbers). A function added to the
// registry is fuzzed here without a change. Fixed seeds: a failure reproduces; the counts are printed.

import fc from 'fast-check';
import { afterAll, describe, it } from 'vitest';
import { loadRegistry } from '../../build.mjs';
import { bundle } from '../helpers';
import { arbitraries } from './arbitraries';
import { expectClean, expectSheetsValue, seedOf, Tally } from './check';

const RUNS_PER_FUNCTION = 2000;
const registry = await loadRegistry();

describe('fuzz: custom functions through the bundle', () => {
  const sheets = bundle();
  const arb = arbitraries(sheets.Date);
  const tally = new Tally();
  afterAll(() => console.log(tally.report('fuzz: custom functions')));

  for (const fn of registry.CUSTOM_FUNCTIONS) {
    it(`${fn.name} answers values Sheets can show, or says what is wrong, within a second`, () => {
      const args = fc.tuple(...fn.params.map((p) => arb.argument(p)));
      fc.assert(
        fc.property(args, (values) => {
          const outcome = expectClean(fn.name, () => sheets.call(fn.name, ...values));
          if (!outcome.error) expectSheetsValue(fn.name, outcome.value);
          tally.add(fn.name, outcome);
        }),
        { seed: seedOf(fn.name), numRuns: RUNS_PER_FUNCTION },
      );
    }, 120_000);
  }
});
