import { checkChoice, checkInteger, checkNumber, checkOptions, DOMAIN } from '../domain.js';
import { DomainError } from '../errors.js';
import type { LatticeSums } from '../latticeSums/types.js';
import { ANHARMONIC_FITS, type AnharmonicParameters } from '../ocp/solidFreeEnergy.js';
import { LIQUID_FITS, type LiquidFitParameters } from '../ocp/liquidFreeEnergy.js';

/**
 * Argument checks shared by the public entry points (src/api/*): each throws a DomainError
 * naming the argument and the supported range.
 */

/** Lattice sums as latticeSums/getLatticeSums return them, with at least `shells` shells. */
export function checkSums(sums: unknown, shells = 1): LatticeSums {
  const s = sums as LatticeSums;
  if (s === null || typeof s !== 'object' || !Array.isArray(s.shells)) {
    throw new DomainError('sums must be lattice sums from latticeSums() or getLatticeSums()');
  }
  if (s.shells.length < shells) throw new DomainError(`sums cover ${s.shells.length} shells, ${shells} are needed (getLatticeSums(${shells}))`);
  if (!Number.isFinite(s.zeta) || !Number.isFinite(s.T0) || s.shells.some((q) => !Number.isFinite(q?.T) || !Number.isFinite(q?.I))) {
    throw new DomainError('sums must hold finite zeta, T0 and T_i, I_i (lattice sums from latticeSums())');
  }
  return s;
}

/** A parameter set: one of the named sets, or an object of the same keys with finite numbers. */
function checkParameterSet<T extends object>(name: string, v: unknown, sets: Readonly<Record<string, T>>): T | undefined {
  if (v === undefined) return undefined;
  const known = Object.values(sets);
  if (known.includes(v as T)) return v as T;
  const keys = Object.keys(known[0]);
  if (v === null || typeof v !== 'object') throw new DomainError(`${name} must be one of the exported parameter sets (${Object.keys(sets).join(', ')})`);
  for (const k of keys) {
    const x = (v as Record<string, unknown>)[k];
    if (k === 'name' ? typeof x !== 'string' : typeof x !== 'number' || !Number.isFinite(x)) {
      throw new DomainError(`${name}.${k} must be ${k === 'name' ? 'a string' : 'a finite number'} (a parameter set like ${Object.keys(sets)[0]})`);
    }
  }
  return v as T;
}

/** Options of the one-component plasma (liquid fit, anharmonic terms, u_ln, zeta) plus `extra` keys. */
export function checkOcpOptions(name: string, options: unknown, extra: readonly string[] = []): void {
  const o = checkOptions(name, options as object | undefined, ['liquidFit', 'anharmonic', 'uLn', 'zeta', ...extra]) as {
    liquidFit?: unknown; anharmonic?: unknown; uLn?: unknown; zeta?: unknown;
  };
  checkParameterSet<LiquidFitParameters>(`${name}: liquidFit`, o.liquidFit, LIQUID_FITS);
  checkParameterSet<AnharmonicParameters>(`${name}: anharmonic`, o.anharmonic, ANHARMONIC_FITS);
  if (o.uLn !== undefined) checkNumber(`${name}: uLn`, o.uLn, -2, 0);
  if (o.zeta !== undefined) checkNumber(`${name}: zeta`, o.zeta, 0.8, 1);
}

/** The liquid's ideal-mixing term. */
export function checkIdealMixing(name: string, v: unknown): void {
  if (v !== undefined) checkChoice(name, v, ['smix', 'smixz']);
}

/**
 * A Gamma scan gammaMin..gammaMax in steps of gammaStep inside the domain, with at most
 * `maxValues` values (a finer scan would run for hours or exhaust the memory).
 */
export function checkScan(name: string, gammaMin: unknown, gammaMax: unknown, gammaStep: unknown, maxValues: number): void {
  const lo = checkNumber(`${name}gammaMin`, gammaMin, DOMAIN.gammaMin, DOMAIN.gammaMax);
  const hi = checkNumber(`${name}gammaMax`, gammaMax, DOMAIN.gammaMin, DOMAIN.gammaMax);
  const step = checkNumber(`${name}gammaStep`, gammaStep, 0.01, 100);
  if (!(lo < hi)) throw new DomainError(`${name}gammaMin must be smaller than gammaMax, got ${lo} >= ${hi}`);
  const n = Math.floor((hi - lo) / step + 1e-9) + 1;
  if (n > maxValues) throw new DomainError(`${name}gammaStep ${step} gives ${n} Gamma values; at most ${maxValues} are supported`);
}

/** A composition grid: an array of x in (0, 1) (at most 1e5), or {step, edge, perDecade}. */
export function checkGrid(name: string, grid: unknown): void {
  if (grid === undefined) return;
  if (Array.isArray(grid)) {
    if (grid.length < 3 || grid.length > 100_000) throw new DomainError(`${name} must hold 3 to 100000 compositions, got ${grid.length}`);
    for (const x of grid) checkNumber(`${name} entries`, x, 0, 1);
    return;
  }
  const g = checkOptions(name, grid as object, ['step', 'edge', 'perDecade']) as { step?: unknown; edge?: unknown; perDecade?: unknown };
  const step = g.step === undefined ? 0.005 : checkNumber(`${name}.step`, g.step, 1e-4, 0.1);
  if (g.edge !== undefined) checkNumber(`${name}.edge`, g.edge, 1e-12, step / 2);
  if (g.perDecade !== undefined) checkInteger(`${name}.perDecade`, g.perDecade, 1, 100);
}
