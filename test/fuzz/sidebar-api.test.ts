// Fuzz: the sidebar's server functions (getSidebarState, previewCriteria, saveCriteria) called through the
// built bundle against the in-memory Apps Script services: hostile account sheets, hostile criteria tabs and
// hostile payloads, each passed through JSON as google.script.run passes it. Fixed seed; counts printed.

import fc from 'fast-check';
import { afterAll, describe, it } from 'vitest';
import { harness, withAccounts } from '../addon/harness';
import { arbitraries, type Cell, CORE_HEADERS, text } from './arbitraries';
import { expectClean, seedOf, Tally } from './check';

const RUNS = 1000;
const SERVER_FUNCTIONS = ['getSidebarState', 'previewCriteria', 'saveCriteria'] as const;

const OPERATORS = ['is', 'is not', 'includes', 'contains', 'between', '>=', '<', 'is blank', 'is not blank', 'equalz', ''];

/** A sidebar draft as the sidebar sends it (every field text, required a boolean), mostly plausible. */
const ruleDraft = fc.record({
  profile: fc.oneof({ weight: 4, arbitrary: fc.constantFrom('', 'SaaS', 'Enterprise', 'SaaS  mid-market') }, { weight: 1, arbitrary: text }),
  attribute: fc.oneof({ weight: 4, arbitrary: fc.constantFrom<string>(...CORE_HEADERS) }, { weight: 1, arbitrary: text }),
  operator: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...OPERATORS) }, { weight: 1, arbitrary: text }),
  value: fc.oneof(
    { weight: 2, arbitrary: fc.constantFrom('SaaS', '50-200', '100', 'SaaS, Fintech', '', '=HYPERLINK("x")', "'quoted") },
    { weight: 1, arbitrary: text },
  ),
  points: fc.oneof({ weight: 3, arbitrary: fc.integer({ min: -100, max: 100 }).map(String) }, { weight: 1, arbitrary: text }),
  required: fc.boolean(),
});
const tierDraft = fc.record({
  label: fc.oneof({ weight: 3, arbitrary: fc.constantFrom('A', 'B', 'Hot', '-', '=1+1', '__proto__') }, { weight: 1, arbitrary: text }),
  min: fc.oneof({ weight: 3, arbitrary: fc.integer({ min: -10, max: 110 }).map(String) }, { weight: 1, arbitrary: text }),
});
const draft = fc.record({ rules: fc.array(ruleDraft, { maxLength: 6 }), tiers: fc.array(tierDraft, { maxLength: 5 }) });

/** Payloads no sidebar sends: wrong types, prototype keys, too many rules or tiers, text too long. */
const hostilePayload = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom<unknown>(null, undefined, [], {}, { rules: null }, { rules: [], tiers: {} }, { rules: [{}], tiers: [] }),
  draft.map((d) => ({ ...d, rules: d.rules.map((r) => ({ ...r, points: Number(r.points), required: String(r.required) })) })),
  fc
    .tuple(draft, fc.constantFrom('__proto__', 'constructor', 'prototype'))
    .map(([d, key]) => JSON.parse(`{"${key}": {"rules": 1}, "rules": ${JSON.stringify(d.rules)}, "tiers": ${JSON.stringify(d.tiers)}}`)),
  fc.constantFrom('rules', 'tiers', 'text').chain((what) =>
    draft.map((d) => {
      const rule = { profile: '', attribute: 'Industry', operator: 'is', value: 'SaaS', points: '1', required: false };
      if (what === 'rules') return { ...d, rules: Array.from({ length: 501 }, () => rule) };
      if (what === 'tiers') return { ...d, tiers: Array.from({ length: 21 }, (_, i) => ({ label: `T${i}`, min: String(i) })) };
      return { ...d, rules: [{ ...rule, value: 'x'.repeat(2001) }] };
    }),
  ),
);
const payload = fc.oneof({ weight: 3, arbitrary: draft }, { weight: 1, arbitrary: hostilePayload });

describe('fuzz: sidebar API through the bundle', () => {
  const h = harness();
  const accounts = withAccounts(h, [['Company'], ['Acme']]);
  // The fakes store the test's own Dates, as the harness does elsewhere; the core reads dates of any realm.
  // Every cell of a sheet is read for the value suggestions, so cell-long text is rarer here than in the
  // custom functions' arguments: a call stays well within its second on a loaded machine.
  const arb = arbitraries(Date, { hugeEvery: 60 });
  const tally = new Tally();
  afterAll(() => console.log(tally.report('fuzz: sidebar API')));

  /** A criteria tab as a user may leave it: criteria in A:F, anything in G, tiers in H:I. */
  const criteriaTab = fc.option(
    fc
      .tuple(fc.boolean(), fc.array(fc.array(arb.cell, { minLength: 9, maxLength: 9 }), { maxLength: 5 }))
      .map(([withHeader, rows]) => [
        ...(withHeader ? [['Profile', 'Attribute', 'Operator', 'Value', 'Points', 'Required', '', 'Tier', 'Minimum score'] as Cell[]] : []),
        ...rows,
      ]),
  );
  const sheet = fc.oneof({ weight: 4, arbitrary: arb.table }, { weight: 1, arbitrary: arb.grid(arb.cell, 6, 6) });

  /** A fresh workbook for each case, so a failure replays alone. */
  function reset(values: Cell[][], tab: Cell[][] | null, criteriaActive: boolean): void {
    const ss = h.spreadsheet;
    ss.sheets.splice(1);
    ss.named.clear();
    h.documentProperties.store.clear();
    accounts.clear();
    accounts.load(values);
    ss.active = accounts;
    if (tab) {
      const criteria = ss.addSheet('ICP Criteria').load(tab);
      if (criteriaActive) ss.active = criteria;
    }
  }

  /** A call as google.script.run makes it: arguments and result through JSON. */
  const call = (name: (typeof SERVER_FUNCTIONS)[number], ...args: unknown[]) => {
    const outcome = expectClean(name, () => {
      const result = h.run(name, ...JSON.parse(JSON.stringify(args)));
      return result === undefined ? undefined : JSON.parse(JSON.stringify(result));
    });
    tally.add(name, outcome);
  };

  it('getSidebarState, previewCriteria and saveCriteria answer or say what is wrong, within a second', () => {
    fc.assert(
      fc.property(sheet, criteriaTab, fc.boolean(), payload, (values, tab, criteriaActive, sent) => {
        reset(values, tab, criteriaActive);
        call('getSidebarState');
        call('previewCriteria', sent);
        call('saveCriteria', sent);
        call('getSidebarState');
      }),
      { seed: seedOf('sidebar API'), numRuns: RUNS },
    );
  }, 120_000);
});
