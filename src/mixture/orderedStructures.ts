import { erfc } from '../ewald/erfc.js';
import { LATTICE_CONSTANT } from '../lattice/constants.js';
import { bccShells } from '../lattice/bccShells.js';
import type { LatticeSums } from '../latticeSums/types.js';
import { meanZ, type Mixture } from './composition.js';
import { ionSphereUnit, madelungExcess, shiftEnergy } from './electrostatic.js';

/*
 * Fully ordered binary bcc crystals (docs/physics.md section 15; the paper's Fig. 1 squares):
 * CsCl (B2, x = 1/2: Z2 on one of the two simple-cubic sublattices) and the D0_3 ("4{fcc}")
 * arrangement (x = 1/4 or 3/4: the minority ion on one of the four fcc sublattices of bcc).
 * Their static-lattice energies follow exactly from an Ewald sum over the ordered cubic cell of
 * side 2 a_l (16 sites); no ion is displaced, because every site is a centre of inversion.
 */

/** A named fully ordered structure. */
export type OrderedStructureName = 'CsCl' | 'D03-Z2' | 'D03-Z1';

/** Sites of one ordered cell: positions in units of a_l/2 (integers in 0..3) and occupation n = 1 for Z2. */
export interface OrderedCell {
  name: OrderedStructureName;
  /** Number fraction of Z2 ions. */
  x: number;
  /** Site positions in units of a_l/2, inside the cube [0, 4)^3 (cube side 2 a_l). */
  sites: Array<[number, number, number]>;
  /** 1 where a Z2 ion sits, 0 for Z1. */
  occupation: number[];
}

/** Cube side of the ordered cell in units of a_l/2. */
const CELL = 4;

/**
 * The 16 sites of the bcc cube of side 2 a_l and the fcc sublattice (0..3) each belongs to:
 * sublattices 0, 1 are the corner sites with even/odd (h + k + l)/2, 2, 3 the body centres.
 */
function bccCube(): Array<{ r: [number, number, number]; fcc: number }> {
  const out: Array<{ r: [number, number, number]; fcc: number }> = [];
  for (let h = 0; h < CELL; h++)
    for (let k = 0; k < CELL; k++)
      for (let l = 0; l < CELL; l++) {
        if ((h & 1) !== (k & 1) || (k & 1) !== (l & 1)) continue; // bcc: one parity
        const body = h & 1;
        const half = ((h - body) / 2 + (k - body) / 2 + (l - body) / 2) & 1;
        out.push({ r: [h, k, l], fcc: 2 * body + half });
      }
  return out;
}

/**
 * The ordered cell of a structure: CsCl puts Z2 on the body centres (fcc sublattices 2 and 3);
 * D0_3 with Z2 minority ('D03-Z2', x = 1/4) puts Z2 on sublattice 3 only; 'D03-Z1' (x = 3/4)
 * puts Z1 on sublattice 3 only.
 *
 * @example orderedCell('CsCl').x // 0.5
 */
export function orderedCell(name: OrderedStructureName): OrderedCell {
  const cube = bccCube();
  const z2On = (fcc: number) => (name === 'CsCl' ? fcc >= 2 : name === 'D03-Z2' ? fcc === 3 : fcc !== 3);
  const occupation: number[] = cube.map((s) => (z2On(s.fcc) ? 1 : 0));
  const x = occupation.reduce((a, b) => a + b, 0) / cube.length;
  return { name, x, sites: cube.map((s) => s.r), occupation };
}

/**
 * alpha(R) = average over sites r of n_r n_{r+R} (eq. 1 for this arrangement), for a lattice
 * vector R in units of a_l/2 (integers of one parity).
 */
export function pairProbability(cell: OrderedCell, R: readonly [number, number, number]): number {
  const index = new Map<string, number>();
  cell.sites.forEach((r, j) => index.set(r.join(','), j));
  const wrap = (v: number) => ((v % CELL) + CELL) % CELL;
  let sum = 0;
  cell.sites.forEach((r, j) => {
    const t = index.get([wrap(r[0] + R[0]), wrap(r[1] + R[1]), wrap(r[2] + R[2])].join(','));
    if (t === undefined) throw new RangeError(`(${R.join(', ')}) is not a bcc lattice vector`);
    sum += cell.occupation[j] * cell.occupation[t];
  });
  return sum / cell.sites.length;
}

/**
 * Ewald energy per ion of point charges q_s at the cell's sites in a uniform neutralizing
 * background, in e^2/a_i (a_i = 1, so the cube side is 2 a_l = 2 (8 pi/3)^(1/3)):
 *   E/N = (1/N_c) [ 1/2 sum_{s,t} sum'_L q_s q_t erfc(eta |r_st + L|)/|r_st + L|
 *         + (2 pi/V) sum_{G != 0} |sum_s q_s e^{i G.r_s}|^2 e^{-G^2/(4 eta^2)}/G^2
 *         - (eta/sqrt(pi)) sum_s q_s^2 - pi Q^2/(2 V eta^2) ],   Q = sum_s q_s.
 * With every q_s = 1 it gives -zeta (the bcc Madelung constant).
 */
export function ewaldCellEnergy(sites: ReadonlyArray<readonly [number, number, number]>, q: readonly number[], eta = 0.8, range = 4): number {
  const side = 2 * LATTICE_CONSTANT;
  const unit = LATTICE_CONSTANT / 2; // site coordinates are in a_l/2
  const V = side * side * side;
  const N = sites.length;
  let real = 0;
  let recip = 0;
  for (let s = 0; s < N; s++)
    for (let t = 0; t < N; t++) {
      const d = [0, 1, 2].map((c) => (sites[t][c] - sites[s][c]) * unit);
      for (let i = -range; i <= range; i++)
        for (let j = -range; j <= range; j++)
          for (let k = -range; k <= range; k++) {
            const r = Math.hypot(d[0] + i * side, d[1] + j * side, d[2] + k * side);
            if (r > 0) real += q[s] * q[t] * (erfc(eta * r) / r);
          }
    }
  const g0 = (2 * Math.PI) / side;
  for (let i = -range; i <= range; i++)
    for (let j = -range; j <= range; j++)
      for (let k = -range; k <= range; k++) {
        if (i === 0 && j === 0 && k === 0) continue;
        const G = [i * g0, j * g0, k * g0];
        const g2 = G[0] * G[0] + G[1] * G[1] + G[2] * G[2];
        let re = 0;
        let im = 0;
        for (let s = 0; s < N; s++) {
          const phase = (G[0] * sites[s][0] + G[1] * sites[s][1] + G[2] * sites[s][2]) * unit;
          re += q[s] * Math.cos(phase);
          im += q[s] * Math.sin(phase);
        }
        recip += ((re * re + im * im) * Math.exp(-g2 / (4 * eta * eta))) / g2;
      }
  const Q = q.reduce((a, b) => a + b, 0);
  const q2 = q.reduce((a, b) => a + b * b, 0);
  const total = 0.5 * real + ((2 * Math.PI) / V) * recip - (eta / Math.sqrt(Math.PI)) * q2 - (Math.PI * Q * Q) / (2 * V * eta * eta);
  return total / N;
}

/** Exact static-lattice energy of an ordered structure, per ion, U_1 = Z1^(5/3) e^2/a_e. */
export interface OrderedEnergy {
  name: OrderedStructureName;
  x: number;
  /** Static-lattice energy minus linear mixing, U_1 (Fig. 1's squares): (U_mad - LM) + U_corr. */
  U: number;
  /** U_corr of eq. 5 from the exact Ewald sum: E_Ewald - (-zeta <Z>^2 e^2/a_i), U_1. */
  Ucorr: number;
}

/**
 * Static-lattice energy of a fully ordered structure relative to linear mixing (docs/physics.md
 * sections 4 and 15): E_Ewald per ion in e^2/a_i, converted with a_i = a_e <Z>^(1/3), minus the
 * linear-mixing energy -zeta <Z^(5/3)> e^2/a_e. `zeta` is the bcc Madelung constant.
 *
 * @example orderedEnergy('CsCl', 6, 8, 0.895929255682).U // ~ -0.0002 (C/O)
 */
export function orderedEnergy(name: OrderedStructureName, z1: number, z2: number, zeta: number): OrderedEnergy {
  const cell = orderedCell(name);
  const mix: Mixture = { z1, z2, x: cell.x };
  const q = cell.occupation.map((n) => (n ? z2 : z1));
  const Z = meanZ(mix);
  // U_corr = E_Ewald - (-zeta <Z>^2) in e^2/a_i (docs/physics.md section 4), then to U_1.
  const Ucorr = (ewaldCellEnergy(cell.sites, q) + zeta * Z * Z) * ionSphereUnit(mix);
  return { name, x: cell.x, U: madelungExcess(mix, zeta) + Ucorr, Ucorr };
}

/**
 * alpha_i of the ordered structure on the first n distance shells (the average of alpha(R) over
 * every vector of shell i, as the paper defines its order parameters).
 *
 * @example orderedShellAlphas(orderedCell('CsCl'), 2) // [0, 0.5]
 */
export function orderedShellAlphas(cell: OrderedCell, n: number): number[] {
  return bccShells(n).map((shell) => {
    let sum = 0;
    for (const v of shell.members) sum += pairProbability(cell, v);
    return sum / shell.members.length;
  });
}

/**
 * Eq. 6 truncated at the first n shells for an ordered structure, U_1: its exact value over all
 * shells is 0 (no static forces), so the result measures the truncation of the paper's energy.
 */
export function truncatedShiftEnergy(name: OrderedStructureName, z1: number, z2: number, sums: LatticeSums, n: number): number {
  const cell = orderedCell(name);
  return shiftEnergy({ z1, z2, x: cell.x }, orderedShellAlphas(cell, n), sums);
}

/**
 * Eq. 5 summed over every shell, U_1: (Z2-Z1)^2 e^2/2 sum_R (alpha(R) - x^2)/R over all lattice
 * vectors, with the smooth cut-off w(R) = erfc((R - cutoff)/width)/2 (a_i units). The sum over
 * expanding shells of an ordered structure converges only conditionally; the smooth cut-off
 * makes it converge to the Ewald value as the cutoff grows (3e-8 relative at 30/3 a_i, 1e-11 at 40/4).
 */
export function shellSumCorrelationEnergy(name: OrderedStructureName, z1: number, z2: number, cutoff = 40, width = 4): number {
  const cell = orderedCell(name);
  const x2 = cell.x * cell.x;
  const unit = LATTICE_CONSTANT / 2;
  const rMax = cutoff + 6 * width;
  const B = Math.ceil(rMax / unit);
  const excess = new Float64Array(CELL * CELL * CELL).fill(NaN); // alpha(R) - x^2 by R mod the cell
  const wrap = (v: number) => ((v % CELL) + CELL) % CELL;
  let sum = 0;
  for (let h = -B; h <= B; h++)
    for (let k = -B; k <= B; k++) {
      if ((h - k) & 1) continue;
      for (let l = -B; l <= B; l++) {
        if ((k - l) & 1 || (h === 0 && k === 0 && l === 0)) continue;
        const r = Math.hypot(h, k, l) * unit;
        if (r > rMax) continue;
        const key = (wrap(h) * CELL + wrap(k)) * CELL + wrap(l);
        if (Number.isNaN(excess[key])) excess[key] = pairProbability(cell, [h, k, l]) - x2;
        sum += (excess[key] / r) * 0.5 * erfc((r - cutoff) / width);
      }
    }
  const dz = z2 - z1;
  return 0.5 * dz * dz * sum * ionSphereUnit({ z1, z2, x: cell.x });
}
