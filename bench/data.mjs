// Deterministic synthetic ICP tables for the benchmarks: realistic value mixes, including the messy text
// numbers (`1.200`, `1,5 Mio €`) and lists that the add-on has to parse.

import { random } from './random.mjs';

const INDUSTRIES = ['SaaS', 'Fintech', 'E-commerce', 'Healthcare', 'Manufacturing', 'Logistics', 'Media', 'Education'];
const MODELS = ['B2B SaaS', 'Marketplace', 'Services', 'B2B2C', 'Hardware'];
const REGIONS = ['DACH', 'US', 'UK', 'Nordics', 'France', 'Benelux'];
const STACKS = ['HubSpot, Slack', 'Salesforce, Slack, Jira', 'Pipedrive | Notion', 'SAP, Excel', 'HubSpot, Jira', 'Salesforce', 'Zoho', ''];

export const HEADER = [
  'Company',
  'Industry',
  'Operating model',
  'Case study link',
  'Employees',
  'Revenue',
  'Region',
  'Tech stack',
  'MRR',
  'Churned',
  'Customer since',
  'CAC',
];

/**
 * @param {number} rows
 * @param {DateConstructor} [DateType] the Date of the realm that will read the table
 */
export function accountTable(rows, DateType = Date) {
  const next = random(42);
  /** @param {string[]} list */
  const pick = (list) => list[Math.floor(next() * list.length)];
  /** @type {unknown[][]} */
  const table = [HEADER];
  for (let i = 0; i < rows; i++) {
    const employees = Math.round(10 + next() * 5000);
    const revenue = employees * (50_000 + next() * 150_000);
    table.push([
      `Account ${i}`,
      pick(INDUSTRIES),
      pick(MODELS),
      next() < 0.3 ? `https://example.com/case/${i}` : '',
      i % 10 === 0 ? employees.toLocaleString('de-DE') : i % 17 === 0 ? '' : employees,
      i % 3 === 0 ? `${(revenue / 1e6).toFixed(1).replace('.', ',')} Mio €` : Math.round(revenue),
      pick(REGIONS),
      pick(STACKS),
      Math.round(employees * (5 + next() * 15)),
      next() < 0.2,
      new DateType(2020 + Math.floor(next() * 6), Math.floor(next() * 12), 1),
      i % 5 === 0 ? '' : Math.round(2000 + next() * 50_000),
    ]);
  }
  return table;
}

/** Fifteen rules over the table's columns, two profiles. */
export const CRITERIA = [
  ['Profile', 'Attribute', 'Operator', 'Value', 'Points', 'Required'],
  ['Mid-market', 'Industry', 'is', 'SaaS, Fintech', 30, ''],
  ['Mid-market', 'Operating model', 'is not', 'Hardware', 10, ''],
  ['Mid-market', 'Case study link', 'is not blank', '', 10, ''],
  ['Mid-market', 'Employees', 'between', '50-1000', 25, ''],
  ['Mid-market', 'Revenue', '>=', '5 Mio', 15, ''],
  ['Mid-market', 'Region', 'is', 'DACH, Nordics', 20, ''],
  ['Mid-market', 'Tech stack', 'includes', 'HubSpot, Salesforce', 15, ''],
  ['Mid-market', 'MRR', '>', '2000', 10, ''],
  ['Mid-market', 'Churned', 'is', 'FALSE', 10, ''],
  ['Mid-market', 'CAC', '<', '30000', 5, ''],
  ['Enterprise', 'Employees', '>=', '2000', 40, 'TRUE'],
  ['Enterprise', 'Revenue', '>=', '100 Mio', 30, ''],
  ['Enterprise', 'Tech stack', 'contains', 'SAP', 20, ''],
  ['Enterprise', 'Region', 'is not', 'France', 10, ''],
  ['Enterprise', 'Customer since', 'is not blank', '', 5, ''],
];

/**
 * Deals with known drivers, for learning: the chance of winning rises with Industry SaaS (+1.2) or Fintech
 * (+0.6), Region DACH (+0.8), 50–999 employees (+0.9), a HubSpot tech stack (+0.7) and a case study link
 * (+0.6), and falls with Industry Manufacturing (−0.9); the deal value follows the same drivers. Account
 * ID, Company and Notes are different in every row; Lead source, Segment, Rating and Budget are noise;
 * Revenue goes with Employees. About 8 % of deals are open (Won blank).
 * @param {number} rows
 * @param {DateConstructor} [DateType]
 * @param {number} [seed]
 */
export function dealTable(rows, DateType = Date, seed = 7) {
  const next = random(seed);
  /** @template T @param {T[]} list @returns {T} */
  const pick = (list) => list[Math.floor(next() * list.length)];
  /** @type {unknown[][]} */
  const table = [
    [
      'Account ID',
      'Company',
      'Industry',
      'Region',
      'Employees',
      'Revenue',
      'Tech stack',
      'Case study link',
      'Lead source',
      'Segment',
      'Rating',
      'Budget',
      'Customer since',
      'Notes',
      'Won',
      'Deal value',
    ],
  ];
  const stacks = ['HubSpot, Slack', 'Salesforce, Slack, Jira', 'Pipedrive | Notion', 'SAP, Excel', 'HubSpot, Jira', 'Salesforce', 'Zoho', ''];
  for (let i = 0; i < rows; i++) {
    const industry = pick(INDUSTRIES);
    const region = pick(REGIONS);
    const employees = Math.round(Math.exp(2 + next() * 6.5));
    const stack = pick(stacks);
    const caseStudy = next() < 0.35;
    const logit =
      -1.6 +
      (industry === 'SaaS' ? 1.2 : industry === 'Fintech' ? 0.6 : industry === 'Manufacturing' ? -0.9 : 0) +
      (region === 'DACH' ? 0.8 : 0) +
      (employees >= 50 && employees < 1000 ? 0.9 : 0) +
      (stack.includes('HubSpot') ? 0.7 : 0) +
      (caseStudy ? 0.6 : 0);
    const won = next() < 1 / (1 + Math.exp(-logit));
    const value = Math.round(Math.exp(8 + 0.5 * logit + next()));
    table.push([
      `A-${String(100000 + i)}`,
      `Company ${i} ${pick(['GmbH', 'Ltd', 'Inc', 'AG', 'ApS'])}`,
      industry,
      region,
      i % 9 === 0 ? employees.toLocaleString('de-DE') : employees,
      Math.round(employees * (40_000 + next() * 160_000)),
      stack,
      caseStudy ? `https://example.com/case/${i}` : '',
      pick(['Inbound', 'Outbound', 'Partner', 'Event', 'Referral']),
      pick(['Alpha', 'Beta', 'Gamma', 'Delta']),
      1 + Math.floor(next() * 5),
      `${Math.round(next() * 200)}k €`,
      new DateType(2021 + Math.floor(next() * 5), Math.floor(next() * 12), 1),
      `Met at ${pick(['fair', 'webinar', 'call'])} on day ${i}; ${Math.floor(next() * 1e6)}`,
      next() < 0.08 ? '' : won ? pick(['Won', 'Closed Won']) : pick(['Lost', 'Closed Lost']),
      value,
    ]);
  }
  return table;
}

const COUNTRIES = [
  ['Germany', 'DACH'],
  ['Austria', 'DACH'],
  ['Switzerland', 'DACH'],
  ['USA', 'North America'],
  ['Canada', 'North America'],
  ['UK', 'UK & Ireland'],
  ['Ireland', 'UK & Ireland'],
  ['Denmark', 'Nordics'],
  ['Sweden', 'Nordics'],
  ['France', 'Southern Europe'],
  ['Spain', 'Southern Europe'],
];
const TOOLS = ['Salesforce', 'HubSpot', 'Slack', 'Zapier', 'SAP', 'Excel'];

/**
 * Deals whose drivers pull both ways, for judging whole points against a logistic regression: Region DACH
 * (+0.7; Country says the same, a correlated pair), 200 employees or more (+1.0, a threshold; Plan goes with
 * size), monthly visits (+0.5 per tenfold, a smooth effect), a Salesforce integration (+0.6), Excel (−0.7),
 * no support tickets on record (blank, −0.5), cold outbound (−1.0) and the public sector (−1.2). Account ID is
 * different in every row; Owner, Rating and Segment are noise.
 * @param {number} rows
 * @param {number} [seed]
 */
export function driverTable(rows, seed = 3) {
  const next = random(seed);
  /** @template T @param {T[]} list @returns {T} */
  const pick = (list) => list[Math.floor(next() * list.length)];
  /** @type {unknown[][]} */
  const table = [
    [
      'Account ID',
      'Country',
      'Region',
      'Industry',
      'Employees',
      'Plan',
      'Monthly visits',
      'Integrations',
      'Support tickets',
      'Source',
      'Owner',
      'Rating',
      'Segment',
      'Won',
    ],
  ];
  for (let i = 0; i < rows; i++) {
    const [country, region] = pick(COUNTRIES);
    const industry = pick(['Software', 'Retail', 'Finance', 'Public sector', 'Health', 'Industry']);
    const employees = Math.round(Math.exp(1.5 + next() * 7));
    const plan =
      employees >= 500 ? pick(['Enterprise', 'Enterprise', 'Pro']) : employees >= 50 ? pick(['Pro', 'Pro', 'Starter']) : pick(['Starter', 'Free', 'Free']);
    const visits = Math.round(10 ** (2 + next() * 4));
    const integrations = TOOLS.filter(() => next() < 0.3);
    const tickets = next() < 0.3 ? '' : Math.floor(next() * 40);
    const source = pick(['Inbound', 'Referral', 'Partner', 'Cold outbound', 'Cold outbound']);
    const logit =
      -0.6 +
      (region === 'DACH' ? 0.7 : 0) +
      (employees >= 200 ? 1.0 : 0) +
      0.5 * (Math.log10(visits) - 4) +
      (integrations.includes('Salesforce') ? 0.6 : 0) -
      (integrations.includes('Excel') ? 0.7 : 0) -
      (tickets === '' ? 0.5 : 0) -
      (source === 'Cold outbound' ? 1.0 : 0) -
      (industry === 'Public sector' ? 1.2 : 0);
    table.push([
      `D-${String(500000 + i)}`,
      country,
      region,
      industry,
      employees,
      plan,
      visits,
      integrations.join(', '),
      tickets,
      source,
      pick(['Anna', 'Ben', 'Chloé', 'Dieter', 'Emil', 'Freya']),
      1 + Math.floor(next() * 5),
      pick(['Alpha', 'Beta', 'Gamma']),
      next() < 1 / (1 + Math.exp(-logit)) ? 'Won' : 'Lost',
    ]);
  }
  return table;
}
