import { parseArgs } from 'node:util';
import { UsageError } from './usageError.js';

/** Declaration of one command-line option. */
export interface OptionSpec {
  type: 'string' | 'boolean';
  default?: string | boolean;
}

/**
 * Strict option parsing for one sub-command: unknown flags, positional arguments and
 * missing values become a UsageError (exit code 2, one line on stderr).
 */
export function parseOptions(
  command: string,
  argv: string[],
  spec: Record<string, OptionSpec>,
): Record<string, string | boolean | undefined> {
  // `--step -1`: node's parseArgs refuses a value that starts with '-'; glue negative numbers
  // to their flag so that the range check can give its own clear message.
  const args: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i].startsWith('--') ? argv[i].slice(2) : undefined;
    if (name && spec[name]?.type === 'string' && /^-(\d|\.\d|Infinity|NaN)/.test(argv[i + 1] ?? '')) {
      args.push(`${argv[i]}=${argv[++i]}`);
    } else args.push(argv[i]);
  }
  try {
    const { values, positionals } = parseArgs({
      args,
      options: spec as never,
      strict: true,
      allowPositionals: true,
    });
    if (positionals.length > 0) throw new UsageError(`${command}: unexpected argument '${positionals[0]}'`);
    return values as Record<string, string | boolean | undefined>;
  } catch (err) {
    if (err instanceof UsageError) throw err;
    const msg = err instanceof Error ? err.message.split('\n')[0].replace(/\. To specify a positional.*/, '') : String(err);
    throw new UsageError(`${command}: ${msg}`);
  }
}

/** A finite number from a flag value, else a UsageError naming the flag. */
export function numberOption(
  flag: string,
  raw: string | boolean | undefined,
  fallback: number,
  check?: (v: number) => string | undefined,
): number {
  if (raw === undefined) return fallback;
  const s = String(raw).trim();
  const v = s === '' ? NaN : Number(s);
  if (!Number.isFinite(v)) throw new UsageError(`--${flag} must be a finite number, got '${raw}'`);
  const problem = check?.(v);
  if (problem) throw new UsageError(`--${flag} ${problem}, got ${s}`);
  return v;
}

/** An integer in [min, max] from a flag value, else a UsageError. */
export function integerOption(
  flag: string,
  raw: string | boolean | undefined,
  fallback: number,
  min: number,
  max: number,
): number {
  return numberOption(flag, raw, fallback, (v) =>
    Number.isInteger(v) && v >= min && v <= max ? undefined : `must be an integer from ${min} to ${max}`,
  );
}
