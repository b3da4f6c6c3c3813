// Every global function Apps Script must see, declared once. The build generates the top-level JSDoc'd
// stubs from this table, the playground registers the custom functions in its formula engine from it, and
// the README's function reference is checked against it.

export interface ParamSpec {
  readonly name: string;
  /** The JSDoc type hint Sheets shows, e.g. `A1:L200`. */
  readonly type: string;
  readonly doc: string;
  readonly optional?: boolean;
}

/**
 * The shape of a custom function's result, for engines that must know it before evaluating (the
 * playground's HyperFormula): `column`, one column as tall as the first argument; `segments`, ten columns
 * and at most the first argument's height plus one; `elementwise`, the shape of the largest argument;
 * `scalar`, one value; `suggest`, nine columns and at most SUGGEST_ROWS plus the first argument's width;
 * `validate`, seven columns and at most 12 plus twice the tiers argument's height (4 tiers by default).
 * Engines pad shorter results with blanks.
 */
export type Spill = 'column' | 'segments' | 'elementwise' | 'scalar' | 'suggest' | 'validate';

/** Rows of ICP_SUGGEST's result beyond one per column of the table: 50 rules at most, notes, warnings. */
export const SUGGEST_ROWS = 60;

export interface FunctionSpec {
  readonly name: string;
  readonly summary: string;
  readonly params: readonly ParamSpec[];
  readonly returns: string;
  readonly spill?: Spill;
  /** A real formula and what it shows, for autocomplete and the README. */
  readonly example?: { readonly formula: string; readonly result: string };
}

const table: ParamSpec = { name: 'table', type: 'A1:L200', doc: 'Account table with its header row; A1:L works.' };
const criteria: ParamSpec = { name: 'criteria', type: 'ICP_CRITERIA', doc: 'Criteria: Profile, Attribute, Operator, Value, Points, Required.' };
const profile: ParamSpec = { name: 'profile', type: '"SaaS mid-market"', doc: 'Profile to score; blank: the best one.', optional: true };
const scoreOptions: ParamSpec = { name: 'options', type: '"missing=neutral"', doc: 'missing=zero (default) or missing=neutral.', optional: true };
const tiers: ParamSpec = { name: 'tiers', type: 'ICP_TIERS', doc: 'Tier label, minimum score. Default A 80, B 60, C 40, D 0.', optional: true };
const header: ParamSpec = { name: 'header', type: '$A$1:$L$1', doc: 'Header row of the account table.' };
const row: ParamSpec = { name: 'row', type: 'A2:L2', doc: 'One account row.' };

export const CUSTOM_FUNCTIONS = [
  {
    name: 'ICP_SCORE',
    spill: 'column',
    summary: 'Scores every account row against the ICP criteria (0–100).',
    params: [table, criteria, profile, scoreOptions],
    returns: '"ICP score", then 0–100 per row.',
    example: { formula: '=ICP_SCORE(A1:L, ICP_CRITERIA)', result: 'ICP score | 65 | 30 | 60 | 20 | …' },
  },
  {
    name: 'ICP_TIER',
    spill: 'column',
    summary: 'ICP tier of every row: A, B, C, D, or DQ when a required rule fails.',
    params: [table, criteria, profile, tiers, scoreOptions],
    returns: '"ICP tier", then a tier per row.',
    example: { formula: '=ICP_TIER(A1:L, ICP_CRITERIA, , ICP_TIERS)', result: 'ICP tier | B | D | B | D | …' },
  },
  {
    name: 'ICP_EXPLAIN',
    spill: 'column',
    summary: "Explains every row's score rule by rule.",
    params: [table, criteria, profile, scoreOptions],
    returns: '"Why", then one line per row.',
    example: {
      formula: '=ICP_EXPLAIN(A1:L, ICP_CRITERIA)',
      result: 'Why | [SaaS mid-market] 65 = +30 Industry is SaaS, Fintech · 0 Employees between 50 and 1000 (no data) · +20 Region is DACH, Nordics · …',
    },
  },
  {
    name: 'ICP_MATCH',
    spill: 'column',
    summary: 'The best-fitting profile of every row.',
    params: [table, criteria, scoreOptions],
    returns: '"Best profile", then a name per row.',
    example: { formula: '=ICP_MATCH(A1:L, ICP_CRITERIA)', result: 'Best profile | SaaS mid-market | SaaS mid-market | …' },
  },
  {
    name: 'ICP_ROW',
    spill: 'scalar',
    summary: 'Score, tier or explanation of one row, for a formula filled down beside each row.',
    params: [header, row, criteria, { name: 'show', type: '"tier"', doc: '"score" (default), "tier" or "why".', optional: true }, profile, tiers, scoreOptions],
    returns: 'The score, tier or explanation of that row.',
    example: { formula: '=ICP_ROW($A$1:$L$1, A2:L2, ICP_CRITERIA, "tier")', result: 'B' },
  },
  {
    name: 'ICP_SEGMENTS',
    spill: 'segments',
    summary: 'Churn, ARPA, CLV, CAC, CLV:CAC and payback per segment, with health checks.',
    params: [
      table,
      { name: 'segment_by', type: '"Industry, Size band"', doc: 'Column(s) to segment by, comma-separated; Size band is derived if absent.' },
      {
        name: 'options',
        type: '"margin=80%; asof=2026-06-30"',
        doc: 'name=value; …: mrr, arr, churned, since, end, months, cac, margin, asof, period, horizon.',
        optional: true,
      },
    ],
    returns: 'Segment, Accounts, Churned, Monthly churn, ARPA, CLV, CAC, CLV:CAC, CAC payback, Health.',
    example: {
      formula: '=ICP_SEGMENTS(A1:L, "Industry", "margin=80%; asof=2026-06-30")',
      result: 'SaaS | 13 | 4 | 0.0093431… | 10285.538… | 880695.53… | 91221 | 9.6545… | 11.086… | ✓ CLV:CAC 9.7 ≥ 3 · …',
    },
  },
  {
    name: 'ICP_SUGGEST',
    spill: 'suggest',
    summary: 'Learns ICP criteria from your accounts’ outcomes: won/lost, a value, or churn.',
    params: [
      table,
      { name: 'outcome', type: '"Won"', doc: 'Header of the outcome column (won/lost, a value, or churned), or a one-column range as tall as the table.' },
      {
        name: 'options',
        type: '"max_rules=10"',
        doc: 'name=value; …: outcome (won, value, churn), tenure, asof, min_support, max_rules, profile.',
        optional: true,
      },
    ],
    returns: 'Criteria rules (Profile … Required) with Accounts, rate and Lift, then the base rate, cross-validated AUC and skipped columns.',
    example: { formula: '=ICP_SUGGEST(A1:N, "Won")', result: 'Learned | Operating model | is | Services | 15 |  | 7 | 0.7143 | 1.89 | …' },
  },
  {
    name: 'ICP_VALIDATE',
    spill: 'validate',
    summary: 'How well criteria separate good accounts from bad: outcome per tier, AUC, top tiers’ share.',
    params: [
      table,
      criteria,
      { name: 'outcome', type: '"Won"', doc: 'Header of the outcome column (won/lost, a value, or churned), or a one-column range as tall as the table.' },
      profile,
      tiers,
      { name: 'options', type: '"missing=neutral"', doc: 'name=value; …: outcome (won, value, churn), tenure, asof, missing.', optional: true },
    ],
    returns: 'Tier, Accounts, Share of accounts, Won, Win rate, Share of wins, Lift; then AUC, base rate, top tiers.',
    example: { formula: '=ICP_VALIDATE(A1:N, ICP_CRITERIA, "Won", , ICP_TIERS)', result: 'A | 8 | 0.216 | 4 | 0.5 | 0.286 | 1.32 | …' },
  },
  {
    name: 'ICP_CLV',
    spill: 'elementwise',
    summary: 'CLV = ARPA × margin ÷ monthly churn.',
    params: [
      { name: 'arpa', type: 'E2:E10', doc: 'Average revenue per account per month.' },
      { name: 'monthly_churn', type: 'D2:D10', doc: 'Monthly churn rate as a fraction (2% = 0.02).' },
      { name: 'margin', type: '80%', doc: 'Gross margin; default 100%.', optional: true },
    ],
    returns: 'CLV; blank where churn is 0.',
    example: { formula: '=ICP_CLV(1000, 2%, 80%)', result: '40000' },
  },
  {
    name: 'ICP_PAYBACK',
    spill: 'elementwise',
    summary: 'CAC payback months = CAC ÷ (ARPA × margin).',
    params: [
      { name: 'cac', type: 'G2:G10', doc: 'Customer acquisition cost.' },
      { name: 'arpa', type: 'E2:E10', doc: 'Average revenue per account per month.' },
      { name: 'margin', type: '80%', doc: 'Gross margin; default 100%.', optional: true },
    ],
    returns: 'Months to recover the CAC.',
    example: { formula: '=ICP_PAYBACK(9600, 1000, 80%)', result: '12' },
  },
  {
    name: 'ICP_CHURN',
    spill: 'elementwise',
    summary: 'Monthly churn = churned ÷ customer-months.',
    params: [
      { name: 'churned', type: 'C2:C10', doc: 'Number of churned accounts.' },
      { name: 'months', type: 'H2:H10', doc: 'Customer-months observed (sum of every account’s months).' },
    ],
    returns: 'Monthly churn as a fraction.',
    example: { formula: '=ICP_CHURN(3, 150)', result: '0.02' },
  },
  {
    name: 'ICP_SIZE_BAND',
    spill: 'elementwise',
    summary: 'Size band from employees and revenue: SMB, Mid-market or Enterprise.',
    params: [
      { name: 'employees', type: 'E2:E', doc: 'Employees; text such as 1.200 or 50-200 is read too.' },
      { name: 'revenue', type: 'F2:F', doc: 'Annual revenue; text such as 1,5 Mio € or $2bn is read too.', optional: true },
    ],
    returns: 'SMB, Mid-market or Enterprise.',
    example: { formula: '=ICP_SIZE_BAND(1200, "$20M")', result: 'Mid-market' },
  },
  {
    name: 'ICP_SQL',
    spill: 'scalar',
    summary: 'A SQL query that scores a warehouse table as ICP_SCORE, ICP_TIER and ICP_MATCH score the sheet.',
    params: [
      criteria,
      { ...profile, doc: 'Profile to score; blank: every profile, each row keeping its best.' },
      { name: 'dialect', type: '"bigquery"', doc: '"bigquery" (default), "postgres" or "duckdb".', optional: true },
      {
        name: 'options',
        type: '"table=crm.accounts; missing=neutral"',
        doc: 'table=name (default accounts); missing=zero or neutral; columns=exact or snake.',
        optional: true,
      },
      tiers,
    ],
    returns:
      'One cell: the query, giving every column of the table plus icp_score, icp_tier and icp_profile (a table that has such a column already is refused).',
    example: {
      formula: '=ICP_SQL(ICP_CRITERIA, , "bigquery", "table=my-project.crm.accounts")',
      result:
        '-- ICP score, tier and best profile of every row, written by icp-sheets (ICP_SQL) for BigQuery. … WITH icp_text AS ( … FROM `my-project.crm.accounts` AS account …',
    },
  },
] as const satisfies readonly FunctionSpec[];

export type CustomFunctionName = (typeof CUSTOM_FUNCTIONS)[number]['name'];

/** Globals that are not custom functions: triggers, menu actions and what the sidebar calls. */
export const SERVER_FUNCTIONS = [
  { name: 'onOpen', summary: 'Builds the add-on menu (works in AuthMode.NONE).', params: [{ name: 'e', type: 'Object', doc: 'The open event.' }], returns: '' },
  {
    name: 'onInstall',
    summary: 'Builds the add-on menu right after installation.',
    params: [{ name: 'e', type: 'Object', doc: 'The install event.' }],
    returns: '',
  },
  { name: 'showCriteriaEditor', summary: 'Opens the criteria editor sidebar.', params: [], returns: '' },
  {
    name: 'createTemplate',
    summary: 'Creates the ICP Accounts template with example accounts, a Personas sheet and the criteria tab.',
    params: [],
    returns: "The new sheet's name.",
  },
  {
    name: 'scoreThisSheet',
    summary: 'Adds ICP score, ICP tier and Why formulas to the right of the active table, when the criteria fit it.',
    params: [],
    returns: '',
  },
  { name: 'buildSegmentSummary', summary: 'Asks for a segment column and builds the ICP Segments tab.', params: [], returns: '' },
  { name: 'validateIcp', summary: 'Asks for an outcome column and builds the ICP Validation tab.', params: [], returns: '' },
  { name: 'showHelp', summary: 'Shows a short help text.', params: [], returns: '' },
  {
    name: 'starterDraft',
    summary: "Sidebar: a starter profile drawn from the account table's columns, not saved.",
    params: [],
    returns: 'The sheet, the draft and the columns left out; null without a table.',
  },
  { name: 'getSidebarState', summary: 'Sidebar: the account table, criteria and tiers.', params: [], returns: 'The sidebar state.' },
  {
    name: 'getSidebarStatus',
    summary: "Sidebar: the criteria tab's version and the active account table, to notice changes.",
    params: [],
    returns: 'The version and table key.',
  },
  {
    name: 'previewCriteria',
    summary: 'Sidebar: scores the account table with an unsaved draft.',
    params: [{ name: 'draft', type: 'Object', doc: 'The criteria draft.' }],
    returns: 'Tier counts and top accounts, or field errors.',
  },
  {
    name: 'saveCriteria',
    summary: 'Sidebar: validates the draft and writes the criteria tab unless it changed since the sidebar read it.',
    params: [
      { name: 'draft', type: 'Object', doc: 'The criteria draft.' },
      { name: 'version', type: 'string', doc: "The tab's version the draft was loaded from." },
    ],
    returns: 'The preview and the new version, or field errors (stale when the tab changed).',
  },
  {
    name: 'criteriaSql',
    summary: 'Sidebar: Copy as SQL, the query ICP_SQL writes for an unsaved draft.',
    params: [
      { name: 'draft', type: 'Object', doc: 'The criteria draft.' },
      { name: 'choice', type: 'Object', doc: 'Dialect, table and column names.' },
    ],
    returns: 'The query, or field errors.',
  },
  {
    name: 'learnFromData',
    summary: 'Sidebar: learns rules from an outcome column and compares them with the shown profile.',
    params: [
      { name: 'choice', type: 'Object', doc: 'Outcome, tenure and the profile to compare with.' },
      { name: 'draft', type: 'Object', doc: 'The criteria draft.' },
    ],
    returns: 'The columns, the suggestion and both rankings, or why nothing was learned; null without a table.',
  },
] as const satisfies readonly FunctionSpec[];

export type ServerFunctionName = (typeof SERVER_FUNCTIONS)[number]['name'];
