// One error type for everything a user can fix; Sheets shows its message on the formula cell, and the
// sidebar shows `detail` next to the field named by `at`. Messages are written in the active language.

import { type Args, EN, fmt, T } from './i18n';

export interface ErrorLocation {
  /** Row within the criteria range, the header row being row 1. */
  readonly row: number;
  /** The criteria column, in English whatever the language: Profile, Attribute, Operator, Value, Points or Required. */
  readonly column: string;
  /** The message without its location. */
  readonly detail: string;
}

/** A problem in the user's input, with a message that names the row, column or criteria line at fault. */
export class IcpError extends Error {
  constructor(
    message: string,
    readonly at?: ErrorLocation,
  ) {
    super(message);
    this.name = 'IcpError';
  }
}

/** A problem with a message from the catalog: `throw icpError(T.notNumber_, quote(text))`. */
export function icpError<S extends string>(text: S, ...args: Args<S>): IcpError {
  return new IcpError(fmt(text, ...args));
}

/** An error in one cell of the criteria table; `column` is its English name, shown in the active language. */
export function criteriaError(row: number, column: string, detail: string): IcpError {
  const shown = T.criteriaColumns_.split('|')[EN.criteriaColumns_.split('|').indexOf(column)] ?? column;
  return new IcpError(fmt(T.criteriaAt_, row, shown, detail), { row, column, detail });
}

/** What `compute` returns, or the IcpError it throws (any other error is a bug and goes on up). */
export function attempt<T>(compute: () => T): T | IcpError {
  try {
    return compute();
  } catch (error) {
    if (error instanceof IcpError) return error;
    throw error;
  }
}
