import { existsSync } from 'node:fs';
import { MULTI_SOLID_MODELS, type MultiSolidModel } from '../../multi/models.js';
import { UsageError } from '../usageError.js';

/** Element symbols of the charges the commands name (others print as Z=..). */
const SYMBOLS: Record<number, string> = { 1: 'H', 2: 'He', 6: 'C', 7: 'N', 8: 'O', 10: 'Ne', 11: 'Na', 12: 'Mg', 14: 'Si', 26: 'Fe' };
export const speciesLabel = (z: number): string => SYMBOLS[z] ?? `Z=${z}`;

/** --z a,b,c: exactly `count` positive charges up to 100. */
export function chargesOption(raw: string | boolean | undefined, fallback: number[], count = 3): number[] {
  if (raw === undefined) return fallback;
  const parts = String(raw).split(',').map((s) => Number(s.trim()));
  if (parts.length !== count || parts.some((v) => !Number.isFinite(v) || v <= 0 || v > 100)) {
    throw new UsageError(`--z must be ${count} comma-separated charges in (0, 100], got '${raw}'`);
  }
  return parts;
}

/** --model sro|random (default sro, the paper's solid). */
export function modelOption(raw: string | boolean | undefined): MultiSolidModel {
  const m = (raw === undefined ? 'sro' : String(raw)) as MultiSolidModel;
  if (!MULTI_SOLID_MODELS.includes(m)) throw new UsageError(`--model must be one of ${MULTI_SOLID_MODELS.join(', ')}, got '${raw}'`);
  return m;
}

/** A file the command will write: refuse to overwrite it unless --force. */
export function outputFile(flag: string, raw: string | boolean | undefined, force: boolean): string | undefined {
  if (raw === undefined) return undefined;
  const p = String(raw);
  if (p === '' || p === 'true') throw new UsageError(`--${flag} needs a file name`);
  if (existsSync(p) && !force) throw new UsageError(`${p} exists; use --force to overwrite it`);
  return p;
}

/** Fixed-width number for the text tables. */
export const fmt = (v: number, digits = 6): string => (Math.abs(v) !== 0 && Math.abs(v) < 1e-3 ? v.toExponential(digits - 2) : v.toFixed(digits));
