/*
 * An ordered (cold) starting configuration for the replicas on the ordered side of the
 * transition (docs/physics.md section 12). Built from the couplings, not from a known
 * structure: the concentration wave of lowest pair energy is the k that minimises
 *     J(k) = sum_i J_i sum_{R in shell i} cos(k . R)
 * over the supercell's wave vectors (the energy of a weak wave n_R = x + eps cos(k.R + phi) is
 * E - E_random = (N eps^2 / 4) J(k)); a whole-ion arrangement is its "square wave": the n2 sites
 * with the largest cos(k.r + phi). For the few stars with the lowest J(k) and a few phases
 * the exact energy of that arrangement is evaluated by the kernel and the lowest kept.
 */
import { mcKernel } from '../kernels/mcKernel.js';
import { shellCosines, siteCoordinates, supercellSetup, waveIndexVector } from './supercell.js';
import { wedgeVector } from './wedgeK.js';

/** The chosen arrangement and how it was found. */
export interface OrderedStart {
  /** Occupations (1 = Z2), n2 of them. */
  sites: Uint8Array;
  /** Its wave vector reduced to the irreducible wedge (units 2 pi/a_l) and phase (radians). */
  k: [number, number, number];
  phase: number;
  /** J(k) of that wave (U_1 units) and the arrangement's exact cell energy per ion E/N (kernel units). */
  jk: number;
  energyPerIon: number;
  /** Candidate arrangements evaluated. */
  candidates: number;
}

/** Lowest-J(k) stars and phases in [0, 2 pi) tried by default. */
export const DEFAULT_STARS = 6;
export const DEFAULT_PHASES = 16;

/** Options: how many lowest-J(k) stars and how many phases in [0, 2 pi) are tried. */
export interface OrderedStartOptions {
  stars?: number;
  phases?: number;
}

/**
 * J(k) on every supercell wave vector k = (2 pi/(L a_l)) (m_x + sigma L, m_y, m_z) (the kernel's
 * k index sigma L^3 + (m_x L + m_y) L + m_z), with k.d = pi (m'.h)/L for d = (a_l/2) h.
 *
 * @example couplingTransform(8, [1])[8 ** 3] // H point: 8 cos(pi) = -8 for J_1 = 1
 */
export function couplingTransform(L: number, couplings: ArrayLike<number>): Float64Array {
  const N = 2 * L ** 3, n = couplings.length;
  const c = shellCosines(L, n);
  const out = new Float64Array(N);
  for (let k = 0; k < N; k++) {
    let jk = 0;
    for (let i = 0; i < n; i++) if (couplings[i] !== 0) jk += couplings[i] * c[k * n + i];
    out[k] = jk;
  }
  return out;
}

/** The square wave of index k and phase phi: the n2 sites with the largest cos(k.r + phi) (ties by site index). */
export function squareWave(L: number, kIndex: number, phase: number, n2: number): Uint8Array {
  const N = 2 * L ** 3;
  const [mx, my, mz] = waveIndexVector(kIndex, L);
  const value = new Float64Array(N);
  for (let site = 0; site < N; site++) {
    // Doubled coordinates P (units a_l/2): k.r = pi (m'.P)/L.
    const [px, py, pz] = siteCoordinates(site, L);
    // Rounded so that sites equivalent by symmetry compare equal and ties fall to the site index.
    value[site] = Math.round(1e12 * Math.cos((Math.PI * (mx * px + my * py + mz * pz)) / L + phase)) / 1e12;
  }
  const order = Array.from({ length: N }, (_, i) => i).sort((a, b) => value[b] - value[a] || a - b);
  const sites = new Uint8Array(N);
  for (let i = 0; i < n2; i++) sites[order[i]] = 1;
  return sites;
}

/**
 * The lowest-energy commensurate concentration wave of n2 Z2 ions on the L^3 supercell with
 * couplings J_1..J_n (docs/physics.md section 12): the `stars` (default 6) wedge stars of lowest
 * J(k), k != 0, one grid vector each, square waves at `phases` (default 16) phases each, the
 * lowest exact energy kept (ties: the first found). Deterministic (no generator).
 *
 * @example orderedStart(8, paperCouplings(mix, sums, 8), 512).k // [0.5, 0, 0]: AABB (100) stacking
 */
export function orderedStart(L: number, couplings: ArrayLike<number>, n2: number, o: OrderedStartOptions = {}): OrderedStart {
  const stars = o.stars ?? DEFAULT_STARS, phases = o.phases ?? DEFAULT_PHASES;
  const N = 2 * L ** 3;
  const jk = couplingTransform(L, couplings);
  const best = new Map<string, number>(); // star -> lowest grid index in it
  for (let k = 1; k < N; k++) {
    const key = wedgeVector(k, L).map((c) => c.toFixed(9)).join(',');
    if (key === '0.000000000,0.000000000,0.000000000') continue;
    if (!best.has(key)) best.set(key, k);
  }
  const chosen = [...best.values()].sort((a, b) => jk[a] - jk[b] || a - b).slice(0, stars);
  const kernel = mcKernel(supercellSetup(L, couplings, 1), 1);
  let out: OrderedStart | undefined;
  for (const k of chosen) {
    for (let p = 0; p < phases; p++) {
      const phase = (2 * Math.PI * p) / phases;
      const sites = squareWave(L, k, phase, n2);
      kernel.load(sites, [1, 2, 3, 4]);
      const e = kernel.energy() / N;
      if (!out || e < out.energyPerIon - 1e-14 * Math.abs(out.energyPerIon)) {
        out = { sites, k: wedgeVector(k, L), phase, jk: jk[k], energyPerIon: e, candidates: 0 };
      }
    }
  }
  out!.candidates = chosen.length * phases;
  return out!;
}

/** Where the ordered start applies, from a hot-started pilot run. */
export interface ColdStartRule {
  /** Lowest Gamma of the ordered side (Infinity: none on this ladder). */
  gammaFrom: number;
  /** S_max above this marks long-range order: sqrt(N). */
  threshold: number;
  /** The pilot's Gammas, mean largest structure factor S_max and mean energy per ion E/N (kernel units), second halves. */
  pilotGammas: number[];
  pilotSMax: number[];
  pilotEnergy: number[];
}

/**
 * The ordered side of the ladder (docs/physics.md section 12). The hot-started pilot shows
 * long-range order, S_max > sqrt(N), on a top run of its points (S_max, the largest S(k) over
 * k != 0, stays O(1) without long-range order, a few units at Gamma_1m, and grows like N with
 * it: about 0.09 N at Gamma = 800); the pilot may order into a wrong (trapped, modulated) state,
 * only the onset counts. The transition lies between the last point without order and the
 * first with it, and the side starts at the middle of that interval (at the first point if it
 * is Gamma_1). Why the middle: replica swaps conserve the number of ordered configurations, only
 * slow nucleation or melting inside a replica changes it, so the initial split should sit at the
 * best estimate of the transition, not at a bound. Measured data and seed only.
 *
 * @example longRangeOrderFrom([0, 100, 200, 300], [3, 40, 2, 50], [0, -1, -2, -3], 1024).gammaFrom // 250
 */
export function longRangeOrderFrom(gammas: number[], sMax: number[], energy: number[], N: number): ColdStartRule {
  const threshold = Math.sqrt(N);
  let j = gammas.length;
  while (j > 1 && sMax[j - 1] > threshold) j--;
  const gammaFrom = j >= gammas.length ? Infinity : j > 1 ? 0.5 * (gammas[j - 1] + gammas[j]) : gammas[j];
  return { gammaFrom, threshold, pilotGammas: [...gammas], pilotSMax: [...sMax], pilotEnergy: [...energy] };
}
