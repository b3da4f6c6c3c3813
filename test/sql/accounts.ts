// A generated, typed account table for the engine tests: the text people type into CRMs (any case, stray
// and non-breaking spaces, accents written composed or decomposed, ß, lists with every separator), blanks,
// NULLs, NaN, boundary numbers and hostile text, deterministic from a seed.

import { random } from '../../bench/random.mjs';
import type { SqlValue, TypedTable } from './engines';

export const HOSTILE = [
  "O'Reilly",
  "o'reilly media",
  'back\\slash',
  'C:\\new\\table',
  'two\nlines',
  "'; DROP TABLE accounts; --",
  '`tick`',
  '"double"',
  "it''s",
  '\\',
  "\\'",
  'tab\there',
  '$$dollar$$',
  '%_like_%',
  '/* comment */',
];

const INDUSTRIES = [
  'SaaS',
  ' saas ',
  'SAAS',
  'Saas\u00a0',
  'Fintech',
  'FinTech',
  'fin\u2009tech',
  'Fin  Tech',
  'E-Commerce',
  'Hardware',
  'hardware ',
  'Straße',
  'STRASSE',
  'strasse',
  'Café',
  'cafe\u0301',
  'CAFÉ',
  'Ökologie',
  'OKOLOGIE',
  'Ærø',
  'Ελληνικά',
  'ελληνικα',
  'Москва',
  'Ёлка',
  'ЕЛКА',
  'İstanbul',
  '',
  '   ',
  '\u00a0',
  null,
  null,
];
const REGIONS = ['DACH', 'dach ', ' Dach', 'Nordics', 'NORDICS', 'US', 'France', 'FRANCE', 'Fránce', 'Benelux', '', null];
const STACKS = [
  'HubSpot, Slack',
  'hubspot',
  ' HUBSPOT ',
  'Hub Spot',
  'Salesforce;Jira',
  'salesforce ; jira',
  'Pipedrive | Notion',
  'SAP\nExcel',
  'Salesforce\r\nSAP',
  'Zoho|SAP',
  'HubSpot,,Jira',
  ',',
  ' \n ',
  ';|;',
  'Straße, Café',
  'sap-excel',
  'SAPphire',
  'Sales force',
  'HubSpot\u00a0, Slack',
  '',
  null,
  null,
];
const NOTES = [...HOSTILE, 'plain note', '  ', '', null, null];

const pick = <T>(next: () => number, list: readonly T[]): T => list[Math.floor(next() * list.length)];

export const COLUMNS = [
  { name: 'id', type: 'integer' },
  { name: 'Company', type: 'text' },
  { name: 'Industry', type: 'text' },
  { name: 'Region', type: 'text' },
  { name: 'Tech stack', type: 'text' },
  { name: 'Employees', type: 'double' },
  { name: 'Revenue', type: 'bigint' },
  { name: 'Rating', type: 'integer' },
  { name: 'Churned', type: 'boolean' },
  { name: 'Customer since', type: 'date' },
  { name: 'Notes', type: 'text' },
] as const;

export function accounts(count: number, seed = 7): TypedTable {
  const next = random(seed);
  const rows: SqlValue[][] = [];
  for (let i = 0; i < count; i++) {
    const r = next();
    // Boundaries of the criteria (50, 1000, 2000, 10), fractions, NaN and NULL next to ordinary sizes.
    const employees = r < 0.05 ? null : r < 0.07 ? NaN : r < 0.15 ? pick(next, [50, 1000, 2000, 10, 49.5, 1000.25, 0, -3]) : Math.round(1 + next() * 5000);
    const revenue = next() < 0.1 ? null : Math.round(next() * 400) * 1_000_000;
    rows.push([
      i + 1,
      next() < 0.1 ? pick(next, HOSTILE) : `Account ${i + 1}`,
      pick(next, INDUSTRIES),
      pick(next, REGIONS),
      pick(next, STACKS),
      employees,
      revenue,
      next() < 0.1 ? null : Math.floor(next() * 6),
      next() < 0.1 ? null : next() < 0.3,
      next() < 0.2 ? null : { date: [2019 + Math.floor(next() * 7), 1 + Math.floor(next() * 12), 1 + Math.floor(next() * 28)] },
      pick(next, NOTES),
    ]);
  }
  return { columns: COLUMNS, rows };
}

const HEADER = ['Profile', 'Attribute', 'Operator', 'Value', 'Points', 'Required'];

/** Three profiles over every operator, with knock-outs, negative and fractional points and hostile values. */
export const CRITERIA: unknown[][] = [
  HEADER,
  ['SaaS mid-market', 'Industry', 'is', 'SaaS, Fintech', 30, ''],
  ['SaaS mid-market', 'Employees', 'between', '50-1000', 25, ''],
  ['SaaS mid-market', 'Region', 'is', 'DACH; Nordics', 20, ''],
  ['SaaS mid-market', 'Tech stack', 'includes', 'HubSpot, Salesforce', 15, ''],
  ['SaaS mid-market', 'Customer since', 'is not blank', '', 10, ''],
  ['SaaS mid-market', 'industry', 'is', 'Hardware', -20, ''],
  ['SaaS mid-market', 'Notes', 'contains', "o'reilly; \\", 5, ''],
  ['SaaS mid-market', 'Churned', 'is not', 'TRUE', '', 'x'],
  ['Enterprise', 'Employees', '>=', '2000', 40, 'TRUE'],
  ['Enterprise', 'Revenue', '>=', '100 Mio', 30, ''],
  ['Enterprise', 'Tech stack', 'includes', 'Salesforce, SAP', 20, ''],
  ['Enterprise', 'Region', 'is not', 'France', 10, ''],
  ['Enterprise', 'Churned', 'is', 'FALSE', 5, ''],
  ['Enterprise', 'Rating', '<', '2', -7.5, ''],
  ["Café & Straße (O'Brien)", 'Industry', 'is', 'Straße, Café; Ökologie; ελληνικα; ёлка; istanbul', 2.5, ''],
  ["Café & Straße (O'Brien)", 'Tech stack', 'contains', 'spot; force', 0.7, ''],
  ["Café & Straße (O'Brien)", 'Rating', 'is', '4, 5', 1.1, ''],
  ["Café & Straße (O'Brien)", 'Employees', '<', '10', -0.3, ''],
  ["Café & Straße (O'Brien)", 'Employees', '>', '49.5', 0.2, ''],
  ["Café & Straße (O'Brien)", 'Notes', 'is blank', '', 3, ''],
  ["Café & Straße (O'Brien)", 'Region', 'is not blank', '', '', 'yes'],
  ["Café & Straße (O'Brien)", 'Notes', 'is', 'O\'Reilly; two\nlines; \'; DROP TABLE accounts; --; `tick`; "double"', 4, ''],
];

/** Custom tiers: nothing below 40 gets a tier, and labels that need quoting. */
export const TIERS: unknown[][] = [
  ['Tier', 'Minimum score'],
  ["Hot 'n' ready", 75],
  ['Warm\\ish', 50.5],
  ['Lukewarm', 40],
];
