import { DomainError } from './errors.js';

/**
 * The supported domain of the public entry points (the library's API and the CLI state the
 * same ranges). Inside it every model returns finite numbers; outside it the entry points
 * throw a {@link DomainError} that names the range.
 *
 * - x, the number fraction of the Z2 ions: [1e-6, 1 - 1e-6] for one point of a model
 *   ([0, 1] for the fixed-microstructure models and the liquid, whose pure ends are defined);
 * - Gamma = Gamma_1 = U_1/T (U_1 = Z1^(5/3) e^2/a_e): [1, 1e4];
 * - charges Z1 < Z2: integers from 1 to 100.
 */
export const DOMAIN = Object.freeze({
  xMin: 1e-6,
  xMax: 1 - 1e-6,
  gammaMin: 1,
  gammaMax: 1e4,
  zMin: 1,
  zMax: 100,
});

/** How the composition bounds are printed. */
const X_MIN_TEXT = '1e-6';

/** One-line statement of the domain, for help texts and the README. */
export const DOMAIN_TEXT = Object.freeze({
  xRange: `[${X_MIN_TEXT}, 1 - ${X_MIN_TEXT}]`,
  x: `x = number fraction of the Z2 ions, ${X_MIN_TEXT} <= x <= 1 - ${X_MIN_TEXT}`,
  gamma: `Gamma = Gamma_1 = U_1/T, ${DOMAIN.gammaMin} <= Gamma <= ${DOMAIN.gammaMax}`,
  z: `charges Z1 < Z2, integers from ${DOMAIN.zMin} to ${DOMAIN.zMax}`,
});

function show(v: unknown): string {
  if (typeof v === 'string') return `'${v}'`;
  if (typeof v === 'number' || typeof v === 'boolean' || v === null || v === undefined) return String(v);
  if (typeof v === 'function') return 'a function';
  return Array.isArray(v) ? 'an array' : typeof v;
}

/**
 * A finite number in [min, max], else a DomainError naming `name` and the range.
 *
 * @example checkNumber('gamma', 175, 1, 1e4) // 175
 */
export function checkNumber(name: string, v: unknown, min = -Infinity, max = Infinity): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new DomainError(`${name} must be a finite number, got ${show(v)}`);
  if (v < min || v > max) throw new DomainError(`${name} must lie in [${min}, ${max}], got ${v}`);
  return v;
}

/** An integer in [min, max], else a DomainError. */
export function checkInteger(name: string, v: unknown, min: number, max: number): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
    throw new DomainError(`${name} must be an integer from ${min} to ${max}, got ${show(v)}`);
  }
  return v;
}

/** A number > 0 (and <= max), else a DomainError. */
export function checkPositive(name: string, v: unknown, max = Infinity): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || !(v > 0) || v > max) {
    throw new DomainError(`${name} must be a positive finite number${max < Infinity ? ` <= ${max}` : ''}, got ${show(v)}`);
  }
  return v;
}

/** One of `choices` (exact, case-sensitive), else a DomainError listing them. */
export function checkChoice<T extends string>(name: string, v: unknown, choices: readonly T[]): T {
  if (typeof v !== 'string' || !choices.includes(v as T)) {
    throw new DomainError(`${name} must be one of ${choices.map((c) => `'${c}'`).join(', ')}, got ${show(v)}`);
  }
  return v as T;
}

/** Undefined or a boolean, else a DomainError. */
export function checkBoolean(name: string, v: unknown): boolean | undefined {
  if (v !== undefined && typeof v !== 'boolean') throw new DomainError(`${name} must be true or false, got ${show(v)}`);
  return v as boolean | undefined;
}

/** Undefined or a function, else a DomainError. */
export function checkCallback(name: string, v: unknown): void {
  if (v !== undefined && typeof v !== 'function') throw new DomainError(`${name} must be a function, got ${show(v)}`);
}

/**
 * An options object (or undefined) whose keys are all in `allowed`; an unknown key (a typo
 * that would otherwise fall back to a default silently) is a DomainError.
 *
 * @example checkOptions('randomSolid options', { shells: 8 }, ['shells']) // {shells: 8}
 */
export function checkOptions<T extends object>(name: string, v: T | undefined, allowed: readonly string[]): Partial<T> {
  if (v === undefined) return {};
  if (v === null || typeof v !== 'object' || Array.isArray(v)) throw new DomainError(`${name} must be an object, got ${show(v)}`);
  for (const k of Object.keys(v)) {
    if (!allowed.includes(k)) {
      throw new DomainError(`${name}: unknown option '${k}' (known: ${allowed.length ? allowed.join(', ') : 'none'})`);
    }
    if ((v as Record<string, unknown>)[k] === null) throw new DomainError(`${name}: ${k} must be a value or left out, got null`);
  }
  return v;
}

/** Gamma = Gamma_1 in the supported domain [1, 1e4], else a DomainError. */
export function checkGamma(v: unknown, name = 'gamma'): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < DOMAIN.gammaMin || v > DOMAIN.gammaMax) {
    throw new DomainError(`${name} must lie in [${DOMAIN.gammaMin}, ${DOMAIN.gammaMax}] (Gamma_1 = U_1/T), got ${show(v)}`);
  }
  return v;
}

/** A charge number: an integer from 1 to 100, else a DomainError. */
export function checkCharge(name: string, v: unknown): number {
  return checkInteger(name, v, DOMAIN.zMin, DOMAIN.zMax);
}

/** Options of {@link checkMixture}. */
export interface CheckMixtureOptions {
  /** Accept the pure ends, 0 <= x <= 1 (fixed-microstructure models, the liquid). Default false. */
  closed?: boolean;
}

/**
 * A mixture {z1, z2, x} in the supported domain: integer charges 1 <= Z1 < Z2 <= 100 and
 * 1e-6 <= x <= 1 - 1e-6 (0 <= x <= 1 with `closed`). Throws a DomainError otherwise.
 *
 * @example checkMixture({ z1: 6, z2: 8, x: 0.5 })
 */
export function checkMixture<T extends { z1: number; z2: number; x: number }>(mix: T, options: CheckMixtureOptions = {}): T {
  if (mix === null || typeof mix !== 'object') throw new DomainError(`the mixture must be an object {z1, z2, x}, got ${show(mix)}`);
  const z1 = checkCharge('z1', mix.z1);
  const z2 = checkCharge('z2', mix.z2);
  if (z1 >= z2) throw new DomainError(`z1 must be smaller than z2, got z1 = ${z1}, z2 = ${z2}`);
  const [lo, hi] = options.closed ? [0, 1] : [DOMAIN.xMin, DOMAIN.xMax];
  const range = options.closed ? '[0, 1]' : `[${X_MIN_TEXT}, 1 - ${X_MIN_TEXT}]`;
  if (typeof mix.x !== 'number' || !Number.isFinite(mix.x) || mix.x < lo || mix.x > hi) {
    throw new DomainError(`x (number fraction of Z2) must lie in ${range}, got ${show(mix.x)}`);
  }
  return mix;
}

/**
 * A finite result, else an Error: the last line of defence of the public entry points
 * (a NaN here is a defect, never an answer).
 */
export function assertFinite(name: string, v: number): number {
  if (!Number.isFinite(v)) throw new Error(`${name} is not finite (${v}): a defect, please report it`);
  return v;
}
