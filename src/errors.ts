/**
 * The library's error classes. Every exported entry point throws one of these for a problem
 * the caller can act on; anything else is a defect. The CLI maps DomainError to one line on
 * stderr and exit code 2, UncertifiedError (a computation that did not reach its certificate)
 * to one line and exit code 1.
 */

/** Base class of every error the library throws on purpose. */
export class CoulomixError extends Error {
  override name = 'CoulomixError';
}

/**
 * An input outside the supported domain (wrong type, out of range, unknown option value).
 * The message names the argument and the supported range.
 *
 * @example new DomainError('x must lie strictly between 0 and 1, got 1.5')
 */
export class DomainError extends CoulomixError {
  override name = 'DomainError';
}

/**
 * A computation on accepted input that ended without its certificate (duality gap,
 * |Delta_k|^2 check, convergence of a refinement). `details` carries what was obtained.
 */
export class UncertifiedError extends CoulomixError {
  override name = 'UncertifiedError';
  constructor(
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}
