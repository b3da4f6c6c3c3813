// One error type for everything a user can fix; Sheets shows its message on the formula cell, and the
// sidebar shows `detail` next to the field named by `at`.

export interface ErrorLocation {
  /** Row within the criteria range, the header row being row 1. */
  readonly row: number;
  /** The criteria column: Profile, Attribute, Operator, Value, Points or Required. */
  readonly column: string;
  /** The message without its location. */
  readonly detail: string;
}

/** A problem in the user's input, with a message that names the row, column or criteria line at fault. */
export class IcpError extends Error {
  constructor(message: string, readonly at?: ErrorLocation) {
    super(message);
    this.name = 'IcpError';
  }
}

/** An error in one cell of the criteria table. */
export function criteriaError(row: number, column: string, detail: string): IcpError {
  return new IcpError(`Criteria row ${row}, ${column}: ${detail}`, { row, column, detail });
}
