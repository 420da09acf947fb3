import { loadWasm } from '../kernels/loadWasm.js';
import { mcKernel } from '../kernels/mcKernel.js';
import type { LatticeMonteCarloResult } from './latticeMonteCarlo.js';
import { streamOf } from './rng.js';
import { randomSites, supercellSetup } from './supercell.js';
import { bccShells } from '../lattice/bccShells.js';
import { MAX_DRIFT_Z } from './extendSampling.js';

/** One self-check of a run: what, the measured number, the bound, and whether it holds. */
export interface McCheck {
  name: string;
  value: number;
  bound: number;
  pass: boolean;
}

/** Swap acceptance every ladder neighbour pair must reach in the production run. */
export const MIN_SWAP_ACCEPTANCE = 0.05;

/** Standard errors a statistical check allows. */
const SIGMAS = 4;

/**
 * The checks every run makes on itself (docs/physics.md section 12):
 * - the running energy equals the one recomputed from scratch after 10^6 moves at Gamma_max;
 * - u(Gamma = 0) equals its exact value, alpha_i = x (N2 - 1)/(N - 1) on the supercell;
 * - Gibbs-Bogoliubov: f <= u(0) - s_0/Gamma at every Gamma (within SIGMAS errors);
 * - Gibbs-Bogoliubov against one arrangement: f <= u of the ordered start (orderedStart.ts), since
 *   Z >= exp(-Gamma N u_ord) (a run trapped above the ordered state integrates too high a u);
 * - 0 <= s <= s_0 within errors;
 * - every ladder neighbour pair swapped in at least MIN_SWAP_ACCEPTANCE of its attempts;
 * - no replica's mean energy drifts by more than MAX_DRIFT_Z errors (analysis.ts), after the
 *   continued sampling of extendSampling.ts.
 */
export function runChecks(r: LatticeMonteCarloResult): McCheck[] {
  const checks: McCheck[] = [];
  const setup = supercellSetup(r.L, r.couplings);
  const k = mcKernel(setup, 1, loadWasm());
  const rng = streamOf(r.seed, 999);
  k.load(randomSites(r.N, Math.round(r.xCell * r.N), rng), rng.kernelState());
  const sweeps = Math.ceil(1e6 / r.N);
  k.sweeps(r.ladder[r.ladder.length - 1], sweeps, 0);
  const scale = setup.slotJ.reduce((s, j) => s + Math.abs(j), 0) * r.N;
  const drift = Math.abs(k.energy() - k.recomputedEnergy());
  checks.push({ name: 'incremental energy = recomputed (10^6 moves)', value: drift, bound: 1e-12 * scale, pass: drift <= 1e-12 * scale });
  const m = bccShells(r.couplings.length).map((s) => s.m);
  const n2 = Math.round(r.xCell * r.N);
  const a0 = (r.xCell * (n2 - 1)) / (r.N - 1);
  const x2 = r.xCell * r.xCell;
  // u(0) exact: u(alpha = x^2) + (1/2) sum_i m_i J_i (a0 - x^2).
  const mj = r.couplings.reduce((s, j, i) => s + m[i] * j, 0);
  const uRandom = r.uRandomCell;
  const exact0 = uRandom + 0.5 * mj * (a0 - x2);
  const e0 = Math.abs(r.u0 - exact0);
  checks.push({ name: 'u(Gamma = 0) = exact random-cell value', value: e0, bound: SIGMAS * r.u0Error + 1e-15, pass: e0 <= SIGMAS * r.u0Error + 1e-15 });
  // Gibbs-Bogoliubov f <= bound(Gamma): the row whose excess f - bound most exceeds SIGMAS errors.
  const upperBound = (name: string, bound: (row: LatticeMonteCarloResult['rows'][number]) => number): McCheck => {
    let worst = -Infinity, allowed = 0;
    for (const row of r.rows) {
      const excess = row.f - bound(row);
      if (excess - SIGMAS * row.fError > worst - allowed) [worst, allowed] = [excess, SIGMAS * row.fError];
    }
    return { name, value: worst, bound: allowed, pass: worst <= allowed };
  };
  let sLow = Infinity, sHigh = -Infinity, sBound = 0;
  for (const row of r.rows) {
    if (row.s + SIGMAS * row.sError < sLow) [sLow, sBound] = [row.s + SIGMAS * row.sError, SIGMAS * row.sError];
    sHigh = Math.max(sHigh, row.s - SIGMAS * row.sError - r.s0);
  }
  checks.push(upperBound('Gibbs-Bogoliubov f <= f_random(cell)', (row) => exact0 - r.s0 / row.gamma));
  checks.push(upperBound('Gibbs-Bogoliubov f <= u(ordered arrangement)', () => r.ordered.u));
  checks.push({ name: 's >= 0 within errors', value: sLow - sBound, bound: -sBound, pass: sLow >= 0 });
  checks.push({ name: 's <= s_0 within errors', value: sHigh, bound: 0, pass: sHigh <= 0 });
  const minSwap = Math.min(...r.swapAcceptance);
  checks.push({ name: `every ladder pair swaps (acceptance >= ${MIN_SWAP_ACCEPTANCE})`, value: minSwap, bound: MIN_SWAP_ACCEPTANCE, pass: minSwap >= MIN_SWAP_ACCEPTANCE });
  checks.push({ name: `equilibration drift max |z| <= ${MAX_DRIFT_Z}`, value: r.maxDriftZ, bound: MAX_DRIFT_Z, pass: r.maxDriftZ <= MAX_DRIFT_Z });
  return checks;
}
