import { waveIndexVector } from './supercell.js';

/**
 * A supercell wave vector (kernel index sigma L^3 + (m_x L + m_y) L + m_z, i.e.
 * k = (2 pi/(L a_l)) (m_x + sigma L, m_y, m_z)) reduced to the irreducible wedge
 * 0 <= k_z <= k_y <= k_x, k_x + k_y <= 1 in units of 2 pi/a_l (H = (1, 0, 0),
 * N = (1/2, 1/2, 0), P = (1/2, 1/2, 1/2)), by the bcc reciprocal lattice (integer vectors
 * with an even sum) and the cubic group.
 *
 * @example wedgeVector(8 ** 3, 8) // [1, 0, 0] (H: the B2 ordering vector)
 */
export function wedgeVector(index: number, L: number): [number, number, number] {
  let k = waveIndexVector(index, L).map((c) => c / L);
  // Shift into the first Brillouin zone: the nearest reciprocal lattice vector G subtracted.
  let best = k, bestNorm = Infinity;
  const base = k.map((c) => Math.round(c));
  for (let a = -2; a <= 2; a++) for (let b = -2; b <= 2; b++) for (let c = -2; c <= 2; c++) {
    const G = [base[0] + a, base[1] + b, base[2] + c];
    if ((G[0] + G[1] + G[2]) % 2 !== 0) continue;
    const q = [k[0] - G[0], k[1] - G[1], k[2] - G[2]];
    const n = q[0] * q[0] + q[1] * q[1] + q[2] * q[2];
    if (n < bestNorm - 1e-12) {
      bestNorm = n;
      best = q;
    }
  }
  k = best.map(Math.abs).sort((p, q) => q - p);
  return [k[0], k[1], k[2]];
}

/** A name for wedge points that are symmetry points (H, N, P, Gamma), else the vector. */
export function wedgeLabel(k: [number, number, number]): string {
  const eq = (a: number[], b: number[]): boolean => a.every((v, i) => Math.abs(v - b[i]) < 1e-9);
  if (eq(k, [1, 0, 0])) return 'H';
  if (eq(k, [0.5, 0.5, 0])) return 'N';
  if (eq(k, [0.5, 0.5, 0.5])) return 'P';
  if (eq(k, [0, 0, 0])) return 'Gamma';
  return `(${k.map((v) => +v.toFixed(4)).join(', ')})`;
}
