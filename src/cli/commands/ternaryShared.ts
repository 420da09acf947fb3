import { existsSync } from 'node:fs';
import { MULTI_SOLID_MODELS, type MultiSolidModel } from '../../multi/models.js';
import { UsageError } from '../usageError.js';

/** Element symbols of the charges the commands name (others print as Z=..). */
const SYMBOLS: Record<number, string> = { 1: 'H', 2: 'He', 6: 'C', 7: 'N', 8: 'O', 10: 'Ne', 11: 'Na', 12: 'Mg', 14: 'Si', 26: 'Fe' };
export const speciesLabel = (z: number): string => SYMBOLS[z] ?? `Z=${z}`;

/**
 * --z a,b,c: exactly `count` integer charges 1..100 in non-decreasing order (Gamma is that of the
 * first, lowest charge, docs/physics.md section 13; equal charges, e.g. 20Ne/22Ne, are allowed).
 */
export function chargesOption(raw: string | boolean | undefined, fallback: number[], count = 3): number[] {
  if (raw === undefined) return fallback;
  const parts = String(raw).split(',').map((s) => (s.trim() === '' ? NaN : Number(s.trim())));
  const sorted = parts.every((v, k) => k === 0 || v >= parts[k - 1]);
  if (parts.length !== count || parts.some((v) => !Number.isInteger(v) || v < 1 || v > 100) || !sorted || parts[0] === parts[count - 1]) {
    throw new UsageError(`--z must be ${count} comma-separated integer charges from 1 to 100 in non-decreasing order, not all equal, got '${raw}'`);
  }
  return parts;
}

/** The output flags `ternary` and `distillation` share: --svg FILE [--force], --quiet, --json|--csv, --help. */
export const OUTPUT_FLAGS = {
  svg: { type: 'string' },
  force: { type: 'boolean' },
  quiet: { type: 'boolean' },
  json: { type: 'boolean' },
  csv: { type: 'boolean' },
  help: { type: 'boolean' },
} as const;

/** --json and --csv exclude each other. */
export function checkFormat(o: Record<string, unknown>): void {
  if (o.json && o.csv) throw new UsageError('choose one of --json and --csv');
}

/** --model sro|random (default sro, the paper's solid). */
export function modelOption(raw: string | boolean | undefined): MultiSolidModel {
  const m = (raw === undefined ? 'sro' : String(raw)) as MultiSolidModel;
  if (!MULTI_SOLID_MODELS.includes(m)) throw new UsageError(`--model must be one of ${MULTI_SOLID_MODELS.join(', ')}, got '${raw}'`);
  return m;
}

/** A file the command will write: refuse to overwrite it unless --force. */
export function outputFile(flag: string, raw: string | boolean | undefined, force: boolean): string | undefined {
  if (raw === undefined) {
    if (force) throw new UsageError(`--force applies only with --${flag} FILE`);
    return undefined;
  }
  const p = String(raw);
  if (p === '' || p === 'true') throw new UsageError(`--${flag} needs a file name`);
  if (existsSync(p) && !force) throw new UsageError(`${p} exists; use --force to overwrite it`);
  return p;
}

/** Fixed-width number for the text tables. */
export const fmt = (v: number, digits = 6): string => (Math.abs(v) !== 0 && Math.abs(v) < 1e-3 ? v.toExponential(digits - 2) : v.toFixed(digits));
