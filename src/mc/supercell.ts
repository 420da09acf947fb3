import { bccShells } from '../lattice/bccShells.js';
import type { McSetup } from '../kernels/mcKernel.js';
import { DomainError } from '../errors.js';
import { linearCoefficients } from '../mixture/electrostatic.js';
import type { Mixture } from '../mixture/composition.js';
import type { LatticeSums } from '../latticeSums/types.js';
import { SplitMix32 } from './rng.js';

/** Shells whose alpha_i the sampler measures (coupled or not). */
export const MEASURED_SHELLS = 30;
/**
 * Supported supercell edges (cubic cells); N = 2 L^3 sites. L_MAX = 32 gives N = 65536, the most
 * the kernel's 16-bit neighbour table (assembly/mcLayout.ts, NBR) can index.
 */
export const L_MIN = 4;
export const L_MAX = 32;

/**
 * The paper's pair couplings per shell in U_1 units (docs/physics.md section 12):
 * J_i = 2 p (I_i - T_i)/m_i with p = (Z2 - Z1)^2/(2 Z1^(5/3) <Z>^(1/3)) (eqs. 5, 6), i.e.
 * J_i = 2 g_i / m_i with g_i the linear coefficients of the SRO energy.
 *
 * @example paperCouplings({ z1: 6, z2: 8, x: 0.5 }, sums, 8)[0] // 2 * 0.0060636 / 8 = 0.0015159
 */
export function paperCouplings(mix: Mixture, sums: LatticeSums, shells: number): Float64Array {
  const g = linearCoefficients(mix, sums, shells);
  const m = bccShells(shells).map((s) => s.m);
  return g.map((gi, i) => (2 * gi) / m[i]);
}

/**
 * Kernel set-up for an L^3 bcc supercell with couplings J_1..J_n (U_1 units) on shells
 * 1..n: slot displacements merged modulo the supercell (an alias of two shell vectors
 * adds their couplings), and the table c_i(k)/(m_i N^2), i = 1..30, on the supercell's
 * 2 L^3 wave vectors k = (2 pi/(L a_l)) (m_x + sigma L, m_y, m_z) used for alpha_i.
 * Throws DomainError if a coupled shell vector is itself a supercell period (L too small).
 *
 * @example supercellSetup(8, paperCouplings(mix, sums, 8)).slotJ.length // 112
 */
export function supercellSetup(L: number, couplings: ArrayLike<number>, measureShells = MEASURED_SHELLS): McSetup {
  if (!Number.isInteger(L) || L < L_MIN || L > L_MAX) throw new DomainError(`supercell edge L must be an integer in ${L_MIN}..${L_MAX}, got ${L}`);
  const period = 2 * L;
  const mod = (v: number): number => ((v % period) + period) % period;
  const slots = new Map<number, { d: [number, number, number]; J: number }>();
  const shells = bccShells(Math.max(couplings.length, measureShells));
  for (let i = 0; i < couplings.length; i++) {
    if (couplings[i] === 0) continue;
    for (const v of shells[i].members) {
      const key = (mod(v[0]) * period + mod(v[1])) * period + mod(v[2]);
      if (key === 0) throw new DomainError(`L = ${L} is too small for ${couplings.length} coupled shells (shell ${i + 1} wraps onto itself); use L >= ${Math.ceil(Math.max(...v.map(Math.abs)) / 2) + 1}`);
      const hit = slots.get(key);
      if (hit) hit.J += couplings[i];
      else slots.set(key, { d: v, J: couplings[i] });
    }
  }
  const list = [...slots.entries()].sort((a, b) => a[0] - b[0]).map((e) => e[1]);
  const slotD = new Int32Array(3 * list.length);
  const slotJ = new Float64Array(list.length);
  list.forEach((s, k) => {
    slotD.set(s.d, 3 * k);
    slotJ[k] = s.J;
  });
  return { L, slotD, slotJ, measureShells, shellC: shellTable(L, measureShells), key: `L${L}:${Array.from(couplings).join(',')}:${measureShells}` };
}

/**
 * The integer vector m' = (m_x + sigma L, m_y, m_z) of the supercell wave vector with kernel
 * index sigma L^3 + (m_x L + m_y) L + m_z: k = (2 pi/(L a_l)) m'.
 *
 * @example waveIndexVector(8 ** 3, 8) // [8, 0, 0]: H = (1, 0, 0) 2 pi/a_l
 */
export function waveIndexVector(index: number, L: number): [number, number, number] {
  const half = L ** 3;
  const sigma = index >= half ? 1 : 0;
  const m = index - sigma * half;
  return [Math.floor(m / (L * L)) + sigma * L, Math.floor(m / L) % L, m % L];
}

/**
 * Doubled coordinates P = 2 i + s (units a_l/2) of the kernel site s L^3 + (i_x L + i_y) L + i_z,
 * sublattice s = 0 (corners) or 1 (centres), as assembly/mc.ts numbers them.
 *
 * @example siteCoordinates(8 ** 3, 8) // [1, 1, 1]: the first body centre
 */
export function siteCoordinates(site: number, L: number): [number, number, number] {
  const half = L ** 3;
  const s = site >= half ? 1 : 0, r = site % half;
  return [2 * Math.floor(r / (L * L)) + s, 2 * (Math.floor(r / L) % L) + s, 2 * (r % L) + s];
}

/**
 * sum over the members h of shell i of cos(k.d), d = (a_l/2) h, for every supercell k index and
 * shells i < count: out[k count + i]. k.d = pi (m'.h)/L, so a cosine table over (m'.h) mod 2L.
 */
export function shellCosines(L: number, count: number): Float64Array {
  const N = 2 * L ** 3;
  const period = 2 * L;
  const cosTable = Float64Array.from({ length: period }, (_, j) => Math.cos((Math.PI * j) / L));
  const shells = bccShells(count);
  const out = new Float64Array(N * count);
  for (let k = 0; k < N; k++) {
    const [mx, my, mz] = waveIndexVector(k, L);
    for (let i = 0; i < count; i++) {
      let c = 0;
      for (const h of shells[i].members) c += cosTable[(((mx * h[0] + my * h[1] + mz * h[2]) % period) + period) % period];
      out[k * count + i] = c;
    }
  }
  return out;
}

/** c_i(k)/(m_i N^2) for the supercell k grid (k index sigma L^3 + (m_x L + m_y) L + m_z). */
function shellTable(L: number, count: number): Float64Array {
  const N = 2 * L ** 3;
  const shells = bccShells(count);
  const out = shellCosines(L, count);
  for (let k = 0; k < N; k++) for (let i = 0; i < count; i++) out[k * count + i] /= shells[i].m * N * N;
  return out;
}

/**
 * A uniformly random arrangement of n2 Z2 ions (1) on N sites (Fisher-Yates from `rng`).
 *
 * @example randomSites(16, 8, new SplitMix32(1)).reduce((a, b) => a + b) // 8
 */
export function randomSites(N: number, n2: number, rng: SplitMix32): Uint8Array {
  const sites = new Uint8Array(N);
  for (let i = 0; i < n2; i++) sites[i] = 1;
  for (let i = N - 1; i > 0; i--) {
    const j = rng.below(i + 1);
    const t = sites[i];
    sites[i] = sites[j];
    sites[j] = t;
  }
  return sites;
}
