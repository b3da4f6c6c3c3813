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
] as const satisfies readonly FunctionSpec[];

export type CustomFunctionName = (typeof CUSTOM_FUNCTIONS)[number]['name'];
