// Hostile and careless spreadsheet input for the fuzz suite: cells as Sheets passes them (text, finite
// numbers, booleans, dates of the bundle's realm), ranges of them, and arguments chosen per parameter of the
// registry, so a custom function added to the registry is fuzzed without a line here.

import fc from 'fast-check';
import type { ParamSpec } from '../../src/addon/registry';

export type Cell = string | number | boolean | Date;
export type Argument = Cell | Cell[][] | undefined;

/** The columns every generated table has, so generated criteria can name them. */
export const CORE_HEADERS = ['Company', 'Industry', 'Employees', 'MRR', 'Churned', 'Customer since', 'CAC', '__proto__', 'constructor'] as const;

/** Headers users write, the add-on's own labels, and names that are properties of every object. */
export const HEADERS = [
  'Company',
  'Industry',
  'Employees',
  'Revenue',
  'Region',
  'Tech stack',
  'Operating model',
  'MRR',
  'ARR',
  'Churned',
  'Customer since',
  'Churn date',
  'Months',
  'CAC',
  'Size band',
  'ICP score',
  'ICP tier',
  'Why',
  'Best profile',
  'Branche',
  'Mitarbeitende',
  'Umsatz',
  'Gekündigt',
  'Kunde seit',
  'Laufzeit',
  'Profile',
  'Attribute',
  'Operator',
  'Value',
  'Points',
  'Required',
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'prototype',
  '',
  ' ',
  'INDUSTRY',
  ' industry  ',
  'Straße',
  'Größe',
  '=A1',
  '-',
  "'Region",
] as const;

const OPERATOR_WORDS = [
  'is',
  'is not',
  'includes',
  'contains',
  'between',
  '>=',
  '<=',
  '>',
  '<',
  'is blank',
  'is not blank',
  '=',
  '!=',
  '<>',
  'ist',
  'zwischen',
  'mindestens',
  'enthält',
  'equalz',
  'like to be',
  '',
  '__proto__',
  'constructor',
  'toString',
];

const TEXT = [
  '',
  ' ',
  '  \n\t ',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  '=HYPERLINK("http://example.com","Hot")',
  '=1+1',
  '+49 30 1234',
  '-note',
  '-',
  '@name',
  "'quoted",
  'NaN',
  'Infinity',
  '-Infinity',
  '1e308',
  '-1e308',
  '1e-320',
  '0x1F',
  '∞',
  'null',
  'undefined',
  'true',
  'FALSE',
  'ja',
  'x',
  '\u0000',
  '\ud800',
  '😀',
  'e\u0301',
  'ß',
  'İ',
  'Ǆ',
  '\u202e',
  '1,5 Mio €',
  '$10M',
  '€2.5bn',
  '250k',
  '12%',
  '500+',
  '50-200',
  '1.200.000',
  '1,234.5',
  '1,2,3',
  '- 5',
  '5 constructor',
  '5 __proto__',
  '5toString',
  '9'.repeat(400),
  '2026-06-30',
  '30.06.2026',
  '9999-99-99',
  '0000-00-00',
  'SaaS',
  'Fintech',
  'SaaS, Fintech',
  'Slack | Jira',
  'missing=neutral',
  'missing=zero',
  'missing=skip',
  'margin=80%',
  'margin=0',
  'margin=150%',
  'asof=2026-06-30',
  'asof=never',
  'period=12',
  'period=0',
  'horizon=1e308',
  'horizon=-1',
  'mrr=__proto__',
  'mrr=MRR',
  'a=b=c',
  ';;',
  '=',
  'score',
  'tier',
  'why',
  'Default',
  'Enterprise',
  'Size band',
  'Industry, Size band',
  'ICP tier',
];

/** Text of a whole cell: up to Sheets' 50,000 characters. */
const hugeText = fc
  .tuple(fc.constantFrom('a', 'é', '😀', '1', ' ', ',', '-', 'Ab,'), fc.constantFrom(1_000, 20_000, 50_000))
  .map(([unit, length]) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length));

/** Cell text; `hugeEvery` is how many texts there are, on average, for each cell-long one. */
function textOf(hugeEvery: number): fc.Arbitrary<string> {
  const rest = hugeEvery - 1;
  return fc.oneof(
    { weight: Math.round(rest / 2), arbitrary: fc.constantFrom(...TEXT, ...HEADERS, ...OPERATOR_WORDS) },
    { weight: Math.round(rest / 4), arbitrary: fc.string({ maxLength: 20 }) },
    { weight: rest - Math.round(rest / 2) - Math.round(rest / 4), arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
    { weight: 1, arbitrary: hugeText },
  );
}

export const text: fc.Arbitrary<string> = textOf(12);

/** Finite numbers only: Sheets never hands NaN or Infinity to a custom function (it shows #NUM! instead). */
export const number: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(0, -0, 1, -1, 0.5, 0.02, 80, 100, 1e308, -1e308, Number.MAX_VALUE, Number.MIN_VALUE, 2 ** 53, -(2 ** 31)),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer({ min: -1_000_000, max: 1_000_000 }),
);

/**
 * The arbitraries for one realm: dates must be the bundle's own Date, as Sheets' are. `hugeEvery`: one text
 * cell in that many holds tens of thousands of characters.
 */
export function arbitraries(DateType: DateConstructor, { hugeEvery = 12 } = {}) {
  const text = textOf(hugeEvery);
  const date = fc
    .date({ min: new Date(Date.UTC(1899, 11, 30)), max: new Date(Date.UTC(9999, 11, 31)), noInvalidDate: true })
    .map((d) => new DateType(d.getTime()) as Date);
  const cell: fc.Arbitrary<Cell> = fc.oneof(
    { weight: 6, arbitrary: text },
    { weight: 3, arbitrary: number },
    { weight: 1, arbitrary: fc.boolean() },
    { weight: 1, arbitrary: date },
  );
  const header: fc.Arbitrary<Cell> = fc.oneof({ weight: 6, arbitrary: fc.constantFrom<Cell>(...HEADERS) }, { weight: 1, arbitrary: cell });

  /** A rectangular range, as Sheets passes every range. */
  const grid = (of: fc.Arbitrary<Cell>, maxRows = 6, maxColumns = 5, minRows = 1) =>
    fc
      .integer({ min: 1, max: maxColumns })
      .chain((width) => fc.array(fc.array(of, { minLength: width, maxLength: width }), { minLength: minRows, maxLength: maxRows }));

  /** Anything Sheets (or a careless caller) may pass for any parameter. */
  const anything: fc.Arbitrary<Argument> = fc.oneof(
    { weight: 1, arbitrary: fc.constant(undefined) },
    { weight: 4, arbitrary: cell },
    { weight: 4, arbitrary: grid(cell) },
    { weight: 1, arbitrary: fc.constantFrom<Argument>([] as Cell[][], [[]] as Cell[][], [['']], [[''], ['']]) },
  );

  // Tables carry the core columns (two of them named like Object.prototype's properties) in any order, plus
  // a few hostile ones, so that criteria naming core columns parse and rows get scored, not only refused.
  const table = fc.oneof(
    {
      weight: 5,
      arbitrary: fc
        .tuple(fc.shuffledSubarray([...CORE_HEADERS], { minLength: CORE_HEADERS.length }), fc.array(header, { maxLength: 2 }))
        .chain(([core, extra]) =>
          fc
            .array(fc.array(cell, { minLength: core.length + extra.length, maxLength: core.length + extra.length }), { maxLength: 8 })
            .map((rows) => [[...core, ...extra], ...rows] as Cell[][]),
        ),
    },
    {
      weight: 1,
      arbitrary: fc
        .integer({ min: 1, max: 6 })
        .chain((width) =>
          fc
            .tuple(fc.array(header, { minLength: width, maxLength: width }), fc.array(fc.array(cell, { minLength: width, maxLength: width }), { maxLength: 6 }))
            .map(([head, rows]) => [head, ...rows] as Cell[][]),
        ),
    },
  );

  // Header variants, each with the order of the six fields in it.
  const FIELDS = ['profile', 'attribute', 'operator', 'value', 'points', 'required'] as const;
  const CRITERIA_HEADERS: { head: Cell[]; order: readonly (typeof FIELDS)[number][] }[] = [
    { head: ['Profile', 'Attribute', 'Operator', 'Value', 'Points', 'Required'], order: FIELDS },
    { head: ['Profil', 'Merkmal', 'Operator', 'Wert', 'Punkte', 'Pflicht'], order: FIELDS },
    { head: ['Points', 'Attribute', 'Operator', 'Value', 'Profile', 'Required'], order: ['points', 'attribute', 'operator', 'value', 'profile', 'required'] },
    { head: ['ICP', 'Column', 'Op', 'Values', 'Weight', 'KO'], order: FIELDS },
  ];
  /** Operator and value that belong together, as a user would mostly write them. */
  const condition = fc.oneof(
    fc.tuple(
      fc.constantFrom<Cell>('is', 'is not', 'includes', 'contains', 'ist', '=', 'one of'),
      fc.oneof(fc.constantFrom<Cell>('SaaS', 'Fintech', 'SaaS, Fintech', 'Slack; Jira', 'true'), text, number, date),
    ),
    fc.tuple(
      fc.constantFrom<Cell>('>=', '<=', '>', '<', 'at least', 'mindestens'),
      fc.oneof(number, fc.constantFrom<Cell>('1,200', '250k', '1,5 Mio €', '12%', '1e308')),
    ),
    fc.tuple(
      fc.constantFrom<Cell>('between', 'zwischen'),
      fc.oneof(
        fc.constantFrom<Cell>('50-200', '1-5 Mio', '0..1000', '10 to 20', '-5 - 5', '200-50', '0-1e308'),
        fc.tuple(fc.nat(), fc.nat()).map(([low, high]) => `${low}-${high}`),
      ),
    ),
    fc.tuple(fc.constantFrom<Cell>('is blank', 'is not blank', 'exists'), fc.constantFrom<Cell>('', 'x')),
  );
  const plausibleRule = fc
    .record({
      profile: fc.constantFrom<Cell>('', '', 'SaaS', 'Enterprise', 'saas  ', '__proto__'),
      attribute: fc.oneof({ weight: 8, arbitrary: fc.constantFrom<Cell>(...CORE_HEADERS, 'industry ', 'EMPLOYEES') }, { weight: 1, arbitrary: header }),
      condition,
      points: fc.oneof(
        { weight: 8, arbitrary: fc.integer({ min: -50, max: 100 }) },
        { weight: 1, arbitrary: number },
        { weight: 1, arbitrary: fc.constantFrom<Cell>('10', '-20', '1,5', '') },
      ),
      required: fc.oneof({ weight: 6, arbitrary: fc.constantFrom<Cell>('', false) }, { weight: 1, arbitrary: fc.constantFrom<Cell>(true, 'x', 'ja', 0, 'no') }),
    })
    .map(({ condition: [operator, value], ...rest }) => ({ ...rest, operator, value }));
  const hostileRule = fc.record(Object.fromEntries(FIELDS.map((f) => [f, cell])) as Record<(typeof FIELDS)[number], fc.Arbitrary<Cell>>);
  const rule = fc.oneof({ weight: 15, arbitrary: plausibleRule }, { weight: 1, arbitrary: hostileRule });
  const criteria = fc.oneof(
    {
      weight: 12,
      arbitrary: fc
        .tuple(fc.constantFrom(...CRITERIA_HEADERS), fc.array(rule, { minLength: 1, maxLength: 4 }), fc.nat(2))
        .map(([{ head, order }, rules, blankRows]) => [
          head,
          ...rules.map((r) => order.map((field) => r[field])),
          ...Array.from({ length: blankRows }, () => ['', '', '', '', '', ''] as Cell[]),
        ]),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.array(cell, { minLength: 6, maxLength: 6 }), fc.array(hostileRule, { maxLength: 3 }))
        .map(([head, rules]) => [head, ...rules.map((r) => FIELDS.map((f) => r[f]))]),
    },
  );

  const tiers = fc.oneof(
    fc.constantFrom<Argument>(undefined, ''),
    fc
      .tuple(
        fc.boolean(),
        fc.array(
          fc.tuple(
            fc.oneof({ weight: 4, arbitrary: fc.constantFrom<Cell>('A', 'B', 'Hot', 'Warm', 'DQ', '-', '=x', '__proto__') }, { weight: 1, arbitrary: cell }),
            fc.oneof({ weight: 4, arbitrary: fc.integer({ min: -10, max: 110 }) }, { weight: 1, arbitrary: cell }),
          ),
          { minLength: 1, maxLength: 5 },
        ),
        fc.array(fc.constant(['', ''] as Cell[]), { maxLength: 2 }),
      )
      .map(([withHeader, rows, blank]) => [...blank, ...(withHeader ? [['Tier', 'Minimum score'] as Cell[]] : []), ...rows.map((r) => [...r] as Cell[])]),
  );

  const numeric = fc.oneof(
    { weight: 3, arbitrary: fc.oneof(number, text) },
    {
      weight: 2,
      arbitrary: fc
        .constantFrom([1, 1], [3, 1], [1, 3], [2, 2])
        .chain(([rows, columns]) =>
          fc.array(fc.array(fc.oneof(number, cell), { minLength: columns, maxLength: columns }), { minLength: rows, maxLength: rows }),
        ),
    },
  );

  // ICP_ROW takes the header row and one account row apart: mostly of one width, as users fill them down.
  const headerRow = fc.oneof(
    { weight: 4, arbitrary: fc.constant([[...CORE_HEADERS]] as Cell[][]) },
    { weight: 1, arbitrary: fc.array(header, { minLength: 1, maxLength: 10 }).map((row) => [row]) },
  );
  const rowFor = fc.oneof(
    { weight: 4, arbitrary: fc.array(cell, { minLength: CORE_HEADERS.length, maxLength: CORE_HEADERS.length }).map((row) => [row]) },
    { weight: 1, arbitrary: fc.array(cell, { minLength: 1, maxLength: 10 }).map((row) => [row]) },
  );

  const segmentBy = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom<Argument>(...CORE_HEADERS, 'Size band', 'Industry, Size band', 'ICP tier', 'industry ; churned') },
    { weight: 1, arbitrary: fc.constantFrom<Argument>('', ' , ;', 'Nope') },
    { weight: 1, arbitrary: header },
    { weight: 1, arbitrary: fc.array(fc.constantFrom<Cell>(...CORE_HEADERS), { minLength: 1, maxLength: 3 }).map((row) => [row]) },
    { weight: 1, arbitrary: fc.tuple(header, fc.array(cell, { maxLength: 4 })).map(([head, below]) => [[head], ...below.map((c) => [c])]) },
  );

  /** Options from the parameter's example (`"margin=80%; asof=2026-06-30"`), with values sometimes hostile. */
  const optionsFor = (example: string) => {
    const pairs = example
      .replace(/^"|"$/g, '')
      .split(';')
      .map((p) => p.trim().split('=') as [string, string])
      .filter((p) => p.length === 2);
    return fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom<Argument>(undefined, '', example.replace(/^"|"$/g, '')) },
      {
        weight: 3,
        arbitrary: fc
          .subarray(pairs)
          .chain((chosen) =>
            fc.tuple(
              ...chosen.map(([key, value]) => fc.oneof({ weight: 3, arbitrary: fc.constant(value) }, { weight: 1, arbitrary: text }).map((v) => `${key}=${v}`)),
            ),
          )
          .map((parts) => parts.join('; ')),
      },
      { weight: 1, arbitrary: text },
      {
        weight: 1,
        arbitrary: fc
          .array(fc.tuple(fc.constantFrom<Cell>(...pairs.map(([key]) => key), '__proto__', 'constructor', ''), cell), { maxLength: 4 })
          .map((rows) => rows.map((r) => [...r] as Cell[])),
      },
    );
  };

  const byName = new Map<string, fc.Arbitrary<Argument>>([
    ['table', table],
    ['criteria', criteria],
    ['tiers', tiers],
    ['segment_by', segmentBy],
    ['header', headerRow],
    ['row', rowFor],
    [
      'profile',
      fc.oneof(
        { weight: 8, arbitrary: fc.constantFrom<Argument>(undefined, undefined, '', '', 'SaaS', 'Enterprise', ' saas ') },
        { weight: 1, arbitrary: text },
        { weight: 1, arbitrary: grid(text, 2, 2) },
      ),
    ],
    [
      'margin',
      fc.oneof({ weight: 4, arbitrary: fc.constantFrom<Argument>(undefined, '', '80%', 0.8, 80, 1, '100 %', [[0.5]]) }, { weight: 1, arbitrary: numeric }),
    ],
    ['show', fc.oneof(fc.constantFrom<Argument>('score', 'tier', 'why', 'Tier', '', 'rank', '__proto__'), anything)],
  ]);

  /** The meaningful arbitrary of a parameter the fuzz does not know by name: from its type hint. */
  const byType = (type: string): fc.Arbitrary<Argument> => {
    if (type === 'ICP_CRITERIA') return criteria;
    if (type === 'ICP_TIERS') return tiers;
    if (/^\$?A\$?1:/.test(type)) return table;
    if (/^\$?[A-Z]+\$?\d*:\$?[A-Z]+\$?\d*$/.test(type)) return numeric;
    if (/^\d/.test(type)) return numeric;
    return fc.oneof(text, anything);
  };

  /** Arguments for one parameter: mostly meaningful, sometimes anything; optional ones sometimes missing. */
  const argument = (param: ParamSpec): fc.Arbitrary<Argument> => {
    const meaningful = byName.get(param.name) ?? (param.name === 'options' ? optionsFor(param.type) : byType(param.type));
    const choices = [
      { weight: 12, arbitrary: meaningful },
      { weight: 1, arbitrary: anything },
    ];
    return fc.oneof(...choices, ...(param.optional ? [{ weight: 1, arbitrary: fc.constant<Argument>(undefined) }] : []));
  };

  return { cell, grid, table, criteria, tiers, argument, anything };
}
