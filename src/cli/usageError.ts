import { DomainError } from '../errors.js';

/** An error in the user's command line (unknown flag, bad value): one line on stderr, exit code 2. */
export class UsageError extends DomainError {
  override name = 'UsageError';
}
