// What the add-on's menu actions and the sidebar's server functions say, in English: alerts, toasts, prompts,
// the chart, the criteria tab's tiers header, the ICP template. None of it is in Code.js: the build writes
// every language (this one included) to a data file that server functions load (src/addon/locale.ts).
// Placeholders and keys work as in src/core/i18n/en.ts.

import type { Template } from './template';

const TEMPLATE: Template = {
  columns: [
    'Company', 'Industry', 'Operating model', 'Business model', 'Case study link', 'Employees', 'Revenue', 'Region',
    'Regions active', 'Tech stack', 'Problems', 'Budget', 'Decision makers', 'Buying process',
    'MRR', 'Churned', 'Customer since', 'CAC', 'Outcome', 'Deal value',
  ],
  rows: [
    ['Example: Nordwind Software', 'SaaS', 'Subscription', 'B2B SaaS', 'https://example.com/cases/nordwind', 250, '30 Mio €', 'DACH',
      'DACH, Nordics', 'HubSpot, Slack', 'Manual pipeline reporting', '50k €', 'CFO, Head of Sales', 'Pilot, then annual contract',
      2400, false, '2023-03-01', 9000, 'Won', 28800],
    ['Example: Fjord Payments', 'Fintech', 'Marketplace', 'Transaction fees', '', 40, '4 Mio €', 'Nordics',
      'Nordics', 'Salesforce', 'Onboarding takes weeks', '15k €', 'CEO', 'Founder decides',
      900, false, '2024-06-01', 4000, 'Won', 10800],
    ['Example: Atlas Devices', 'Manufacturing', 'Hardware', 'Device sales', '', 1200, '$150M', 'US',
      'US, UK', 'SAP', 'Long procurement', '', 'Procurement, CIO', 'RFP',
      '', '', '', 15000, 'Lost', 60000],
  ],
  outcomes: ['Won', 'Lost'],
  personas: ['ICP profile', 'Role', 'Goals', 'Challenges', 'Objections', 'Message'],
  profile: 'SaaS mid-market',
  rules: [
    [1, 'is', 'SaaS, Fintech', 30],
    [5, 'between', '50-1000', 25],
    [7, 'is', 'DACH, Nordics', 20],
    [9, 'includes', 'HubSpot, Salesforce', 15],
    [4, 'is not blank', '', 10],
    [2, 'is', 'Hardware', -20],
  ],
};

export const SERVER_EN = {
  template_: TEMPLATE,
  helpTitle_: 'icp-sheets help',
  sidebarTitle_: 'ICP criteria',
  segmentTitle_: 'Segment summary',
  segmentPrompt_: 'Segment by which column? For example: Industry, or Industry, Size band. Columns: {columns}',
  largeTable_: '{rows} rows are more than one live formula can return. Write the scores as values instead (they will not update by themselves)?',
  valuesNote_: 'Written as values by icp-sheets on {when}; run Score this sheet to refresh.',
  noTable_: 'This sheet has no table: put column headers in the first row and one account per row below.',
  scored_: 'Scored {sheet}; the scores follow rows and criteria.',
  notScored_: 'Nothing was scored.',
  templateSeeded_: 'Created {sheet} with three example accounts to replace with yours, a {personas} sheet, and a starter profile in the {tab} tab. Run Score this sheet to see their scores.',
  templateKept_: 'Created {sheet} with three example accounts to replace with yours and a {personas} sheet; the {tab} tab stays as it was. Run Score this sheet to see their scores.',
  noCriteria_: 'Nothing was scored: there are no ICP criteria yet. Open Edit ICP criteria… to start a profile from the columns of {sheet}, then run Score this sheet again.',
  unfitColumns_: 'Nothing was scored: {count} of {total} rules in the {tab} tab do not fit the columns of {sheet}.\n{lines}\nOpen Edit ICP criteria… to start a profile from the columns of {sheet}, or change the Attribute of these rules in the {tab} tab.',
  unfitRules_: 'Nothing was scored: {count} of {total} rules in the {tab} tab cannot be used.\n{lines}\nOpen Edit ICP criteria… to start a profile from the columns of {sheet}, or correct these rules in the {tab} tab.',
  more_: '… and {count} more.',
  criteriaProblem_: 'Nothing was scored: the {tab} tab has a problem. {problem}',
  tierProblem_: '{tab}, tier {tier}: {problem}',
  spillBlocked_: 'The formula in {cell} shows #REF!: a cell below it holds something, so its results cannot spill. Move what is typed under {header} (icp-sheets’ output columns) elsewhere and run Score this sheet again.',
  formulaError_: 'The formula in {cell} shows {error} instead of scores. Select {cell} to read why.',
  segmentsBuilt_: 'Built {sheet}: {segments} segments by {by}, with a chart of CLV:CAC and monthly churn.',
  segmentsCancelled_: 'No segment summary was built.',
  segmentsFailed_: 'No segment summary was built: {problem}',
  scoresBroken_: 'No segment summary was built: it reads the score columns of {sheet}, and they show an error. {problem} Fix the criteria, run Score this sheet, then build the summary again.',
  segmentsShowError_: '{sheet} was built, but its formula in A1 shows {error} instead of the summary. Select A1 to read why.',
  chartTitle_: 'CLV:CAC and monthly churn per segment',
  monthlyChurn_: 'Monthly churn',
  starterProfile_: 'Starter profile',
  staleCriteria_: 'The {tab} tab changed since the editor loaded it: reload to see the change.',
  noRules_: 'Add at least one rule.',
  atMostRules_: 'At most {max} rules.',
  atMostTiers_: 'At most {max} tiers.',
  atMostCharacters_: 'At most {max} characters.',
  sqlDialectChoice_: 'The dialect is bigquery, postgres or duckdb.',
  sqlColumnsChoice_: 'Column names are exact or snake.',
  sqlTableLength_: 'At most {max} characters, as text.',
  sqlTableName_: '{name} is not a table name: write name, dataset.name or project.dataset.name.',
  validateTitle_: 'Validate ICP',
  validatePrompt_: 'Validate the criteria against which outcome column (won/lost, a value, or churned)? Columns: {columns}',
  validateNoCriteria_: 'No validation tab was built: there are no ICP criteria yet. Write or learn them in Edit ICP criteria… first.',
  validationCancelled_: 'No validation tab was built.',
  validationFailed_: 'No validation tab was built: {problem}',
  /** {what} is one of validationOf_, {rough} validationRough_ or nothing. */
  validationBuilt_: 'Built {sheet} against {outcome}: AUC {auc} (0.5 is a coin toss); tiers {tiers} hold {accounts} of the accounts and {share} of the {what}{rough}.',
  /** What the top tiers hold a share of, per outcome kind: won/lost, a value, churn. */
  validationOf_: 'wins|value|churned accounts',
  validationRough_: ' (rough: under 30 of them)',
  validationShowError_: '{sheet} was built, but its formula in A1 shows {error} instead of the validation. Select A1 to read why.',
  /** The validation chart's title per outcome kind: won/lost, a value, churn. */
  validationCharts_: 'Win rate by tier|Mean value by tier|Churn rate by tier',
  /** What the Learn panel's messages start with, as a custom function's start with its name. */
  learning_: 'Learning',
  comparing_: 'Comparing',
  saveBusy_: 'Another save of the {tab} tab is still running: nothing was saved. Save again in a moment.',
  tabTooShort_: 'The {tab} tab has {rows} rows, too few for these criteria: add rows at its end or clear rows you do not need, then save again.',
} as const;

/** The server's texts as code reads them: typed as English, so that `fmt` knows each text's placeholders. */
export type ServerTexts = typeof SERVER_EN;

/** A server catalog: the same keys as English; texts with the same placeholders, the template in kind. */
export type ServerCatalog = { readonly [K in keyof typeof SERVER_EN]: K extends 'template_' ? Template : string };
