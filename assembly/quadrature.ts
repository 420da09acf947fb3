// Brillouin-zone quadrature over the irreducible wedge Gamma-H-N-P in cone coordinates
// k = t p, p on the face H-N-P (Duffy map p = H + u[(N-H) + v(P-N)]). The volume element
// t^2 dt u du dv cancels the 4 pi n/k^2 singularity of the integrand at k = 0 (docs/physics.md s. 3).
// Accumulates  acc[0] += w F(k),  acc[i] += w F(k) c_i(k)  so that acc -> T_0, T_1..T_N (eq. 7).
import { ld, st } from "./memory";
import { integrandAt, cosX, cosY, cosZ } from "./ewald";
import { chebyshevRows, accumulateShells } from "./shells";

export let hx: f64 = 0.0, hy: f64 = 0.0, hz: f64 = 0.0;
export let ax: f64 = 0.0, ay: f64 = 0.0, az: f64 = 0.0; // N - H
export let bx: f64 = 0.0, by: f64 = 0.0, bz: f64 = 0.0; // P - N
export let shellCount: i32 = 0;

/** Wedge vertices H, N, P (1/a_i) and the shell count (`sumsPtr` is unused, kept for the call's shape). */
export function configureWedge(
  Hx: f64, Hy: f64, Hz: f64, Nx: f64, Ny: f64, Nz: f64, Px: f64, Py: f64, Pz: f64,
  shells: i32, sumsPtr: usize,
): void {
  hx = Hx; hy = Hy; hz = Hz;
  ax = Nx - Hx; ay = Ny - Hy; az = Nz - Hz;
  bx = Px - Nx; by = Py - Ny; bz = Pz - Nz;
  shellCount = shells;
}

/**
 * Tensor Gauss rule on [0,1]^3 (nodes/weights interleaved x0,w0,x1,w1,...), flattened points
 * first..last-1 (t slowest, v fastest). Weights are normalized so that sum w = 1 over the wedge.
 */
export function wedgeQuadrature(
  tPtr: usize, nt: i32, uPtr: usize, nu: i32, vPtr: usize, nv: i32,
  first: i32, last: i32, accPtr: usize,
): void {
  const nuv = nu * nv;
  let it = i32(first / nuv);
  let iu = i32((first - it * nuv) / nv);
  let iv = first - it * nuv - iu * nv;
  let acc0 = ld(accPtr, 0);
  for (let idx = first; idx < last; idx++) {
    const t = ld(tPtr, 2 * it);
    const u = ld(uPtr, 2 * iu);
    const v = ld(vPtr, 2 * iv);
    const w = 6.0 * t * t * u * ld(tPtr, 2 * it + 1) * ld(uPtr, 2 * iu + 1) * ld(vPtr, 2 * iv + 1);
    const px = hx + u * (ax + v * bx);
    const py = hy + u * (ay + v * by);
    const pz = hz + u * (az + v * bz);
    const kx = t * px, ky = t * py, kz = t * pz;
    const wf = w * integrandAt(kx, ky, kz);
    acc0 += wf;
    if (shellCount > 0) {
      // cos(k_a a_l/2) from the phase factors of the same evaluation: c_i(k) as evaluateShells gives it.
      chebyshevRows(cosX, cosY, cosZ);
      accumulateShells(accPtr, 1, wf);
    }
    if (++iv == nv) {
      iv = 0;
      if (++iu == nu) {
        iu = 0;
        it++;
      }
    }
  }
  st(accPtr, 0, acc0);
}
