import { UncertifiedError } from '../errors.js';
import { finiteDifferencePotentials } from './fdPotentials.js';
import type { LatticeSums } from '../latticeSums/types.js';
import { bccShells } from '../lattice/bccShells.js';
import { referenceCharge, chargeMoments } from './composition.js';
import { chemicalPotentials, type PhaseFunction } from './phase.js';
import { randomEnergyMoments } from './random.js';
import { multiSroLowerBound, multiSroSolid, type MultiSroOptions, type MultiSroResult } from './sroSolid.js';
import { pairList } from './sroPairs.js';

/**
 * Gradient dF/dx_c (U_1) of the minimized SRO free energy by the envelope theorem: the
 * x-derivative of the Lagrangian L = e.z + U_rnd - (T + lambda_S) S(z; x) - sum_j lambda_j
 * (row_j.z + offset_j(x)) at the solution, with every place x enters the program data
 * differentiated: U_rnd(<Z^p>), e ~ <Z>^(-1/3), s0 = (sum m_i - 1) sum x ln x, the random
 * pair probabilities x_a x_b of the entropy terms, and the cut offsets v^T (diag x - x x^T) v.
 * Absent species get -Infinity (ln 0). Full-space partials, as PhaseFunction.grad expects.
 */
export function sroGradient(z: readonly number[], x: readonly number[], r: MultiSroResult, sums: LatticeSums): Float64Array {
  const c = z.length;
  const { present, program, point, cuts, entropyMultiplier, T } = r.internal;
  const cr = present.length;
  const pairs = pairList(cr);
  const P = pairs.length;
  const n = program.dim / P;
  const m = bccShells(n).map((s) => s.m);
  const msum = m.reduce((s, v) => s + v, 0);
  const zr = referenceCharge(z);
  const mom = chargeMoments(z, x);
  let ez = 0;
  for (let i = 0; i < program.dim; i++) ez += program.energy[i] * point.z[i];
  const g = new Float64Array(c).fill(-Infinity);
  const perShell = cr + P;
  const tau = T + entropyMultiplier;
  present.forEach((a, ka) => {
    const e = new Float64Array(c);
    e[a] = 1;
    let d = randomEnergyMoments(chargeMoments(z, x, e), zr, sums).d; // U_rnd
    d += (ez * -z[a]) / (3 * mom.m1.v); // e.z with e ~ <Z>^(-1/3)
    // dS/dx_a at fixed z
    let dS = (msum - 1) * (Math.log(x[a]) + 1);
    for (let i = 0; i < n; i++) {
      const t0 = i * perShell;
      dS -= m[i] * 0.5 * (Math.log(point.u[t0 + ka]) + 1) * 2 * x[a];
      pairs.forEach(([p, q], k) => {
        if (p !== ka && q !== ka) return;
        const other = present[p === ka ? q : p];
        dS -= m[i] * (Math.log(point.u[t0 + cr + k]) + 1) * x[other];
      });
    }
    d -= tau * dS;
    // cut offsets v^T (diag x - x x^T) v over the reduced species
    for (const cut of cuts) {
      if (!(cut.lambda > 0)) continue;
      const v = cut.tag.v;
      let xv = 0;
      for (let k = 0; k < cr; k++) xv += x[present[k]] * v[k];
      d -= cut.lambda * (v[ka] * v[ka] - 2 * xv * v[ka]);
    }
    g[a] = d;
  });
  return g;
}

/**
 * The SRO solid as a PhaseFunction (per ion in units of T): f = Gamma_1 F_SRO with the
 * envelope-theorem gradient. Each new composition is one certified minimization, warm-started
 * from the previous one; results are cached per composition.
 *
 * `shared.last` carries the warm start between phases (e.g. the same solid at nearby Gamma).
 *
 * @example multiSroPhase([6, 8, 10], 175, sums).f([0.5, 0.49, 0.01])
 */
export function multiSroPhase(
  z: readonly number[],
  gamma: number,
  sums: LatticeSums,
  options: MultiSroOptions = {},
  shared: { last?: MultiSroResult } = {},
): PhaseFunction & { evaluations: number; lowerBound(x: ArrayLike<number>): number; accuratePotentials(x: ArrayLike<number>): Float64Array } {
  const cache = new Map<string, MultiSroResult>();
  const phase = {
    name: 'sro',
    z,
    gamma,
    evaluations: 0,
    solve(x: ArrayLike<number>): MultiSroResult {
      const key = Array.from(x).join(',');
      const hit = cache.get(key);
      if (hit) return hit;
      const r = multiSroSolid(z, Array.from(x), gamma, sums, { ...options, warm: shared.last });
      phase.evaluations++;
      shared.last = r;
      if (cache.size > 256) cache.clear();
      cache.set(key, r);
      return r;
    },
    f(x: ArrayLike<number>) {
      // A pure plasma has no pairs to order: F = 0 (linear mixing subtracted), as for the random solid.
      if (Array.prototype.filter.call(x, (v: number) => v > 0).length < 2) return 0;
      const r = phase.trial(x);
      return r ? gamma * r.F : NaN;
    },
    /**
     * solve(x), except that at extreme trace compositions (some 0 < x_a < 1e-12, where solvers'
     * trial steps can land) an uncertified minimization gives undefined (f, grad NaN: the trial
     * step is rejected) instead of an error. Reported results are certified by their callers.
     */
    trial(x: ArrayLike<number>): MultiSroResult | undefined {
      try {
        return phase.solve(x);
      } catch (err) {
        const extreme = Array.prototype.some.call(x, (v: number) => v > 0 && v < 1e-12);
        if (err instanceof UncertifiedError && extreme) return undefined;
        throw err;
      }
    },
    /** A rigorous lower bound of f (units of T), cheap: see multiSroLowerBound. */
    lowerBound(x: ArrayLike<number>) {
      if (Array.prototype.filter.call(x, (v: number) => v > 0).length < 2) return 0;
      return gamma * multiSroLowerBound(z, Array.from(x), gamma, sums, options.shells ?? 8);
    },
    /**
     * Chemical potentials (units of T) accurate to about 1e-10: the envelope gradient where it is
     * exact (eq. 3 inactive, min eigenvalue > 1e-9, or the active-set polish gave the point, so
     * the multipliers are unique), otherwise from values of f (src/multi/fdPotentials.ts).
     */
    accuratePotentials(x: ArrayLike<number>): Float64Array {
      const r = phase.trial(x);
      if (r && (r.minEigen > 1e-9 || r.polished)) return chemicalPotentials(phase, x);
      return finiteDifferencePotentials((y) => phase.f(y), x);
    },
    grad(x: ArrayLike<number>) {
      const r = phase.trial(x);
      if (!r) return new Float64Array(z.length).fill(NaN);
      return sroGradient(z, Array.from(x), r, sums).map((v) => gamma * v);
    },
  };
  return phase;
}
