/**
 * Forward-mode dual numbers v + d eps (eps^2 = 0): one directional derivative, exact to
 * rounding, for the smooth moment-dependent parts of the c-species free energies
 * (docs/physics.md section 13). Only the operations those formulas need.
 *
 * @example mul(dual(3, 1), dual(3, 1)) // { v: 9, d: 6 }
 */
export interface Dual {
  readonly v: number;
  readonly d: number;
}

/** v + d eps. */
export const dual = (v: number, d = 0): Dual => ({ v, d });
export const add = (a: Dual, b: Dual): Dual => ({ v: a.v + b.v, d: a.d + b.d });
export const sub = (a: Dual, b: Dual): Dual => ({ v: a.v - b.v, d: a.d - b.d });
export const mul = (a: Dual, b: Dual): Dual => ({ v: a.v * b.v, d: a.d * b.v + a.v * b.d });
export const scale = (a: Dual, s: number): Dual => ({ v: a.v * s, d: a.d * s });
export const addc = (a: Dual, s: number): Dual => ({ v: a.v + s, d: a.d });
export function div(a: Dual, b: Dual): Dual {
  const v = a.v / b.v;
  return { v, d: (a.d - v * b.d) / b.v };
}
/** a^p for a constant exponent p (a > 0). */
export function powc(a: Dual, p: number): Dual {
  const v = Math.pow(a.v, p);
  return { v, d: p * (v / a.v) * a.d };
}
export function exp(a: Dual): Dual {
  const v = Math.exp(a.v);
  return { v, d: v * a.d };
}
export function expm1(a: Dual): Dual {
  return { v: Math.expm1(a.v), d: Math.exp(a.v) * a.d };
}
export function log(a: Dual): Dual {
  return { v: Math.log(a.v), d: a.d / a.v };
}
export function log1p(a: Dual): Dual {
  return { v: Math.log1p(a.v), d: a.d / (1 + a.v) };
}
