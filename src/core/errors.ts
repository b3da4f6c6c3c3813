// One error type for everything a user can fix; Sheets shows its message on the formula cell.

/** A problem in the user's input, with a message that names the row, column or criteria line at fault. */
export class IcpError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IcpError';
  }
}
