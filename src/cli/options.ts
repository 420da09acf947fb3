import { parseArgs } from 'node:util';
import { DOMAIN, DOMAIN_TEXT } from '../domain.js';
import { UsageError } from './usageError.js';

/** Declaration of one command-line option. */
export interface OptionSpec {
  type: 'string' | 'boolean';
  default?: string | boolean;
  /** One-letter alias (e.g. 'h' for --help). */
  short?: string;
}

/** Thrown by {@link parseOptions} after it printed a command's help: the CLI exits 0. */
export class HelpShown extends Error {
  override name = 'HelpShown';
}

const HELP_FLAGS = new Set(['-h', '--help']);

/**
 * Strict option parsing for one sub-command, with the conventions every command shares
 * (docs/cli-conventions.md):
 * - `-h`/`--help` anywhere before `--`: when `help` is given, it is printed on stdout and
 *   {@link HelpShown} is thrown (exit 0); otherwise `help: true` is returned;
 * - unknown flags, positional arguments, missing values and a flag given twice are a
 *   UsageError (exit code 2, one line on stderr);
 * - `--flag -1` is read as a (negative) value, so that range checks give their own message.
 *
 * @example parseOptions('melt', ['--json'], { json: { type: 'boolean' } }, HELP) // { json: true }
 */
export function parseOptions(
  command: string,
  argv: string[],
  spec: Record<string, OptionSpec>,
  help?: string,
): Record<string, string | boolean | undefined> {
  const end = argv.indexOf('--');
  if (argv.slice(0, end < 0 ? argv.length : end).some((a) => HELP_FLAGS.has(a))) {
    if (help !== undefined) {
      process.stdout.write(help);
      throw new HelpShown();
    }
    return { help: true };
  }
  const full: Record<string, OptionSpec> = { ...spec, help: { type: 'boolean', short: 'h' } };
  const args: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i].startsWith('--') ? argv[i].slice(2) : undefined;
    if (name && full[name]?.type === 'string' && /^-(\d|\.\d|Infinity|NaN)/.test(argv[i + 1] ?? '')) {
      args.push(`${argv[i]}=${argv[++i]}`);
    } else args.push(argv[i]);
  }
  try {
    const { values, positionals, tokens } = parseArgs({
      args,
      options: full as never,
      strict: true,
      allowPositionals: true,
      tokens: true,
    });
    if (positionals.length > 0) throw new UsageError(`${command}: unexpected argument '${positionals[0]}'`);
    const seen = new Set<string>();
    for (const t of tokens ?? []) {
      if (t.kind !== 'option') continue;
      if (seen.has(t.name)) throw new UsageError(`${command}: --${t.name} is given more than once`);
      seen.add(t.name);
    }
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

/** A number in [min, max] from a flag value (default `fallback`), else a UsageError naming the range. */
export function rangeOption(flag: string, raw: string | boolean | undefined, fallback: number, min: number, max: number): number {
  return numberOption(flag, raw, fallback, (v) => (v >= min && v <= max ? undefined : `must lie in [${min}, ${max}]`));
}

/** A required flag: its raw value, else a UsageError. */
export function required(command: string, opts: Record<string, unknown>, flag: string): string {
  const v = opts[flag];
  if (v === undefined) throw new UsageError(`${command}: --${flag} is required`);
  return String(v);
}

/** --x: the number fraction of the Z2 ions in [1e-6, 1 - 1e-6] (src/domain.ts). */
export function xOption(raw: string | boolean | undefined, flag = 'x'): number {
  return numberOption(flag, raw, NaN, (v) =>
    v >= DOMAIN.xMin && v <= DOMAIN.xMax ? undefined : `(number fraction of Z2) must lie in ${DOMAIN_TEXT.xRange}`,
  );
}

/** --gamma: Gamma_1 = U_1/T in [1, 1e4] (src/domain.ts). */
export function gammaOption(raw: string | boolean | undefined, fallback = NaN, flag = 'gamma'): number {
  return rangeOption(flag, raw, fallback, DOMAIN.gammaMin, DOMAIN.gammaMax);
}

/** --z1 and --z2: integer charges 1 <= Z1 < Z2 <= 100 (defaults 6, 8: C/O). */
export function chargeOptions(opts: Record<string, unknown>): { z1: number; z2: number } {
  const z1 = integerOption('z1', opts.z1 as string | undefined, 6, DOMAIN.zMin, DOMAIN.zMax);
  const z2 = integerOption('z2', opts.z2 as string | undefined, 8, DOMAIN.zMin, DOMAIN.zMax);
  if (!(z1 < z2)) throw new UsageError(`--z1 must be smaller than --z2, got z1 = ${z1}, z2 = ${z2}`);
  return { z1, z2 };
}

/**
 * A flag that does not apply in this invocation (e.g. --shells with --model ogata) is a
 * UsageError instead of being ignored silently.
 *
 * @param flags flags (without dashes) that apply only when `applies` is true
 * @param why what they apply to, for the message (e.g. "--model random or sro")
 * @example onlyWith(opts, ['shells'], model === 'sro', '--model sro')
 */
export function onlyWith(opts: Record<string, unknown>, flags: readonly string[], applies: boolean, why: string): void {
  if (applies) return;
  for (const f of flags) {
    if (opts[f] !== undefined) throw new UsageError(`--${f} applies only to ${why}`);
  }
}
