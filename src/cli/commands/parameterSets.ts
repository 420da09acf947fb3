import { UsageError } from '../usageError.js';

/**
 * Look up a named literature parameter set (e.g. --liquid-fit ds99, --anharmonic bc22)
 * or throw a one-line UsageError listing the choices.
 *
 * @param flag flag name without dashes, for the message
 * @param raw flag value (undefined -> fallback)
 * @param sets parameter sets by lower-case name
 * @param fallback default name
 * @example pickParameterSet('anharmonic', 'FH93', ANHARMONIC_FITS, 'bc22') // FH93
 */
export function pickParameterSet<T>(
  flag: string,
  raw: string | boolean | undefined,
  sets: Readonly<Record<string, T>>,
  fallback: string,
): T {
  const name = raw === undefined ? fallback : String(raw).trim().toLowerCase();
  const set = Object.prototype.hasOwnProperty.call(sets, name) ? sets[name] : undefined;
  if (!set) throw new UsageError(`--${flag} must be one of ${Object.keys(sets).join(', ')}, got '${raw}'`);
  return set;
}
