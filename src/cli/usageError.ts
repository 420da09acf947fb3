/** An error in the user's input: the CLI prints its message on one line and exits with code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}
