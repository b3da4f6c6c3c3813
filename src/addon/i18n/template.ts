// The shape of the ICP template the add-on creates (Create ICP template), the same in every language: its
// columns in a fixed order, so the actions know which column gets which validation without reading names.

/** One example account: numbers, flags and text; the Customer since date as `yyyy-mm-dd`. */
export type TemplateCell = string | number | boolean;

export interface Template {
  /** The account sheet's twenty columns, in the order of TEMPLATE_COLUMN. */
  readonly columns: readonly string[];
  /** Three example accounts, to be typed over. */
  readonly rows: readonly (readonly TemplateCell[])[];
  /** The two values of the Outcome column: won, lost. */
  readonly outcomes: readonly [string, string];
  /** The Personas sheet's header. */
  readonly personas: readonly string[];
  /** The starter profile's name and rules: column (index), operator (canonical), value, points. */
  readonly profile: string;
  readonly rules: readonly (readonly [number, string, string, number])[];
}

/** Where the columns that get a validation sit in every language's template. */
export const TEMPLATE_COLUMN = {
  link: 4,
  employees: 5,
  mrr: 14,
  churned: 15,
  since: 16,
  cac: 17,
  outcome: 18,
  dealValue: 19,
} as const;
