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

export interface FunctionSpec {
  readonly name: string;
  readonly summary: string;
  readonly params: readonly ParamSpec[];
  readonly returns: string;
  /** A real formula and what it shows, for autocomplete and the README. */
  readonly example?: { readonly formula: string; readonly result: string };
}

const table: ParamSpec = { name: 'table', type: 'A1:L200', doc: 'The account table including its header row; open ranges like A1:L work.' };
const criteria: ParamSpec = { name: 'criteria', type: 'ICP_CRITERIA', doc: 'The criteria table: Profile | Attribute | Operator | Value | Points | Required, header row first.' };
const profile: ParamSpec = { name: 'profile', type: '"SaaS mid-market"', doc: 'The profile to score; blank means the best-scoring profile.', optional: true };
const scoreOptions: ParamSpec = { name: 'options', type: '"missing=neutral"', doc: 'missing=zero (default) or missing=neutral: rules without data leave the possible total.', optional: true };
const tiers: ParamSpec = { name: 'tiers', type: 'ICP_TIERS', doc: 'Two columns: tier label, minimum score. Default A 80, B 60, C 40, D 0.', optional: true };
const header: ParamSpec = { name: 'header', type: '$A$1:$L$1', doc: 'The header row of the account table (anchor it with $).' };
const row: ParamSpec = { name: 'row', type: 'A2:L2', doc: 'One account row, as wide as the header.' };

export const CUSTOM_FUNCTIONS = [
  {
    name: 'ICP_SCORE',
    summary: 'Scores every account row against the ICP criteria: 0–100, spilling down from the header row.',
    params: [table, criteria, profile, scoreOptions],
    returns: 'One column: "ICP score", then a score from 0 to 100 per row (0 for disqualified rows).',
    example: { formula: '=ICP_SCORE(A1:L, ICP_CRITERIA)', result: 'ICP score | 85 | 40 | 0 | …' },
  },
  {
    name: 'ICP_TIER',
    summary: 'Gives every account row its ICP tier: A (≥ 80), B (≥ 60), C (≥ 40), D, or DQ when a required rule fails.',
    params: [table, criteria, profile, tiers, scoreOptions],
    returns: 'One column: "ICP tier", then a tier label per row.',
    example: { formula: '=ICP_TIER(A1:L, ICP_CRITERIA, , ICP_TIERS)', result: 'ICP tier | A | C | DQ | …' },
  },
  {
    name: 'ICP_EXPLAIN',
    summary: "Explains every row's score rule by rule; the contributions add up to the score.",
    params: [table, criteria, profile, scoreOptions],
    returns: 'One column: "Why", then one line of text per row.',
    example: { formula: '=ICP_EXPLAIN(A1:L, ICP_CRITERIA)', result: 'Why | 85 = +40 Industry is SaaS · +45 Employees between 50 and 500 · 0 Region is DACH (US)' },
  },
  {
    name: 'ICP_MATCH',
    summary: 'Names the best-fitting profile for every row (blank when every profile disqualifies it).',
    params: [table, criteria, scoreOptions],
    returns: 'One column: "Best profile", then a profile name per row.',
    example: { formula: '=ICP_MATCH(A1:L, ICP_CRITERIA)', result: 'Best profile | SaaS mid-market | Enterprise | …' },
  },
  {
    name: 'ICP_SCORE_ROW',
    summary: 'Scores one account row, for a formula filled down next to each row.',
    params: [header, row, criteria, profile, scoreOptions],
    returns: 'The score of that row, 0–100.',
    example: { formula: '=ICP_SCORE_ROW($A$1:$L$1, A2:L2, ICP_CRITERIA)', result: '85' },
  },
  {
    name: 'ICP_TIER_ROW',
    summary: 'Gives one account row its tier, for a formula filled down next to each row.',
    params: [header, row, criteria, profile, tiers, scoreOptions],
    returns: 'The tier label of that row.',
    example: { formula: '=ICP_TIER_ROW($A$1:$L$1, A2:L2, ICP_CRITERIA)', result: 'A' },
  },
  {
    name: 'ICP_EXPLAIN_ROW',
    summary: "Explains one row's score, for a formula filled down next to each row.",
    params: [header, row, criteria, profile, scoreOptions],
    returns: "The explanation of that row's score.",
    example: { formula: '=ICP_EXPLAIN_ROW($A$1:$L$1, A2:L2, ICP_CRITERIA)', result: '85 = +40 Industry is SaaS · +45 Employees between 50 and 500' },
  },
  {
    name: 'ICP_SEGMENTS',
    summary: 'Unit economics per segment: accounts, churn, ARPA, CLV, CAC, CLV:CAC, payback and health checks, plus a row All.',
    params: [
      table,
      { name: 'segment_by', type: '"Industry, Size band"', doc: 'Column(s) to segment by, comma-separated; "Size band" is derived from employees and revenue when there is no such column; "ICP tier" compares fit tiers.' },
      { name: 'options', type: '"margin=80%; asof=2026-06-30"', doc: 'name=value pairs separated by ; : mrr, arr, churned, since, end, months, cac (column names), margin, asof, period, horizon.', optional: true },
    ],
    returns: 'A table: Segment | Accounts | Churned | Monthly churn | ARPA | CLV | CAC | CLV:CAC | CAC payback (months) | Health.',
    example: { formula: '=ICP_SEGMENTS(A1:L, "Industry", "margin=80%")', result: 'SaaS | 14 | 2 | 0.012 | 1450 | 96666.67 | 9800 | 9.86 | 8.4 | ✓ CLV:CAC 9.9 ≥ 3 · …' },
  },
  {
    name: 'ICP_CLV',
    summary: 'Customer lifetime value = ARPA × margin ÷ monthly churn, element-wise over ranges.',
    params: [
      { name: 'arpa', type: 'E2:E10', doc: 'Average revenue per account per month.' },
      { name: 'monthly_churn', type: 'D2:D10', doc: 'Monthly churn rate as a fraction (2% = 0.02).' },
      { name: 'margin', type: '80%', doc: 'Gross margin; default 100%.', optional: true },
    ],
    returns: 'CLV per element; blank where churn is 0 or an input is missing.',
    example: { formula: '=ICP_CLV(1000, 2%, 80%)', result: '40000' },
  },
  {
    name: 'ICP_PAYBACK',
    summary: 'CAC payback in months = CAC ÷ (ARPA × margin), element-wise over ranges.',
    params: [
      { name: 'cac', type: 'G2:G10', doc: 'Customer acquisition cost.' },
      { name: 'arpa', type: 'E2:E10', doc: 'Average revenue per account per month.' },
      { name: 'margin', type: '80%', doc: 'Gross margin; default 100%.', optional: true },
    ],
    returns: 'Months to recover the CAC per element.',
    example: { formula: '=ICP_PAYBACK(9600, 1000, 80%)', result: '12' },
  },
  {
    name: 'ICP_CHURN',
    summary: 'Monthly churn = churned accounts ÷ customer-months observed, element-wise over ranges.',
    params: [
      { name: 'churned', type: 'C2:C10', doc: 'Number of churned accounts.' },
      { name: 'months', type: 'H2:H10', doc: 'Customer-months observed (sum of every account’s months).' },
    ],
    returns: 'Monthly churn rate per element, as a fraction.',
    example: { formula: '=ICP_CHURN(3, 150)', result: '0.02' },
  },
  {
    name: 'ICP_SIZE_BAND',
    summary: 'SMB (< 500 employees, < $50M), Mid-market (500–2,000 or $50M–$1B), Enterprise (> 2,000 or > $1B); the larger band wins.',
    params: [
      { name: 'employees', type: 'E2:E', doc: 'Employees; text such as 1.200 or 50-200 is read too.' },
      { name: 'revenue', type: 'F2:F', doc: 'Annual revenue; text such as 1,5 Mio € or $2bn is read too.', optional: true },
    ],
    returns: 'The size band per element; blank when both are missing.',
    example: { formula: '=ICP_SIZE_BAND(1200, "$20M")', result: 'Mid-market' },
  },
] as const satisfies readonly FunctionSpec[];

export type CustomFunctionName = (typeof CUSTOM_FUNCTIONS)[number]['name'];
