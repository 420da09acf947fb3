import { gaussLegendre01 } from '../brillouin/gaussLegendre.js';
import { WEDGE } from '../brillouin/wedge.js';
import { phononFrequencies } from './phononFrequencies.js';

/** Brillouin-zone phonon moments of the bcc Coulomb crystal. */
export interface PhononMoments {
  /** u_1 = < omega / omega_p > (mode and BZ average). */
  u1: number;
  /** u_ln = < ln(omega / omega_p) >. */
  uLn: number;
  /** |difference| between the two quadrature levels, per moment. */
  error: { u1: number; uLn: number };
}

function average(n: number, eta: number): [number, number] {
  const m = Math.ceil(0.6 * n);
  const [t, u, v] = [gaussLegendre01(m), gaussLegendre01(n), gaussLegendre01(m)];
  const [H, N, P] = [WEDGE.H, WEDGE.N, WEDGE.P];
  let s1 = 0;
  let sl = 0;
  for (let it = 0; it < m; it++) {
    // t = s^2 softens the ln(k) behaviour of the transverse modes at k -> 0.
    const s = t[2 * it];
    const tt = s * s;
    for (let iu = 0; iu < n; iu++) {
      const uu = u[2 * iu];
      for (let iv = 0; iv < m; iv++) {
        const vv = v[2 * iv];
        const w = 6 * tt * tt * 2 * s * uu * t[2 * it + 1] * u[2 * iu + 1] * v[2 * iv + 1];
        const k = [0, 1, 2].map((a) => tt * (H[a] + uu * (N[a] - H[a] + vv * (P[a] - N[a]))));
        const f = phononFrequencies(k, eta);
        s1 += (w * (f[0] + f[1] + f[2])) / 3;
        sl += (w * (Math.log(f[0]) + Math.log(f[1]) + Math.log(f[2]))) / 3;
      }
    }
  }
  return [s1, sl];
}

/**
 * u_1 and u_ln of the bcc Coulomb crystal by the wedge quadrature at two resolutions
 * (published: 0.5113875 and -0.831298, Baiko, Potekhin & Yakovlev 2001).
 *
 * @param n face order of the finer level (default 32; the coarser uses n - 8)
 */
export function phononMoments(n = 32, eta = 0.9): PhononMoments {
  const [a1, al] = average(n - 8, eta);
  const [b1, bl] = average(n, eta);
  return { u1: b1, uLn: bl, error: { u1: Math.abs(b1 - a1), uLn: Math.abs(bl - al) } };
}
