// The ICP template: its columns, three example accounts and a starter profile over those columns, so that
// Create ICP template followed by Score this sheet shows scores. The column names are those the example
// criteria (examples/criteria.csv) look at, so those criteria fit the template too.

import type { Cell } from './cells';
import type { RuleDraft } from './draft';

export const TEMPLATE_COLUMNS = [
  'Company', 'Industry', 'Operating model', 'Business model', 'Case study link', 'Employees', 'Revenue', 'Region',
  'Regions active', 'Tech stack', 'Problems', 'Budget', 'Decision makers', 'Buying process',
  'MRR', 'Churned', 'Customer since', 'CAC', 'Outcome', 'Deal value',
] as const;

export type TemplateColumn = (typeof TEMPLATE_COLUMNS)[number];

/** The values an Outcome cell takes; a blank one is a deal still open. */
export const OUTCOMES = ['Won', 'Lost'];

/**
 * Three accounts that show the shape of the data (numbers as people type them, a tech stack as a list) and
 * score A, B and D with the starter profile. Their names say they are examples, to be typed over.
 */
export function templateRows(): Cell[][] {
  const row = (values: Record<TemplateColumn, Cell>) => TEMPLATE_COLUMNS.map((column) => values[column]);
  return [
    row({
      Company: 'Example: Nordwind Software', Industry: 'SaaS', 'Operating model': 'Subscription', 'Business model': 'B2B SaaS',
      'Case study link': 'https://example.com/cases/nordwind', Employees: 250, Revenue: '30 Mio €', Region: 'DACH',
      'Regions active': 'DACH, Nordics', 'Tech stack': 'HubSpot, Slack', Problems: 'Manual pipeline reporting', Budget: '50k €',
      'Decision makers': 'CFO, Head of Sales', 'Buying process': 'Pilot, then annual contract', MRR: 2400, Churned: false,
      'Customer since': new Date(2023, 2, 1), CAC: 9000, Outcome: 'Won', 'Deal value': 28800,
    }),
    row({
      Company: 'Example: Fjord Payments', Industry: 'Fintech', 'Operating model': 'Marketplace', 'Business model': 'Transaction fees',
      'Case study link': '', Employees: 40, Revenue: '4 Mio €', Region: 'Nordics', 'Regions active': 'Nordics',
      'Tech stack': 'Salesforce', Problems: 'Onboarding takes weeks', Budget: '15k €', 'Decision makers': 'CEO',
      'Buying process': 'Founder decides', MRR: 900, Churned: false, 'Customer since': new Date(2024, 5, 1), CAC: 4000,
      Outcome: 'Won', 'Deal value': 10800,
    }),
    row({
      Company: 'Example: Atlas Devices', Industry: 'Manufacturing', 'Operating model': 'Hardware', 'Business model': 'Device sales',
      'Case study link': '', Employees: 1200, Revenue: '$150M', Region: 'US', 'Regions active': 'US, UK', 'Tech stack': 'SAP',
      Problems: 'Long procurement', Budget: '', 'Decision makers': 'Procurement, CIO', 'Buying process': 'RFP',
      MRR: '', Churned: '', 'Customer since': '', CAC: 15000, Outcome: 'Lost', 'Deal value': 60000,
    }),
  ];
}

/** The profile a new criteria tab starts with: B2B software in the mid-market, over the template's columns. */
export function starterProfile(): RuleDraft[] {
  const rule = (attribute: TemplateColumn, operator: string, value: string, points: number): RuleDraft =>
    ({ profile: 'SaaS mid-market', attribute, operator, value, points: String(points), required: false });
  return [
    rule('Industry', 'is', 'SaaS, Fintech', 30),
    rule('Employees', 'between', '50-1000', 25),
    rule('Region', 'is', 'DACH, Nordics', 20),
    rule('Tech stack', 'includes', 'HubSpot, Salesforce', 15),
    rule('Case study link', 'is not blank', '', 10),
    rule('Operating model', 'is', 'Hardware', -20),
  ];
}
