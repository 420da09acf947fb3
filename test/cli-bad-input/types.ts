/** One row of a bad-input table: the arguments after the command, and what stderr must say. */
export interface BadInputRow {
  args: string[];
  /** The one stderr line must match this (default: any 'coulomix: ...' line). */
  stderr?: RegExp;
}
