// Ewald dynamical matrix D(k) and displacement-field vector beta(k) of the bcc Coulomb
// lattice at one wave vector (docs/physics.md section 3; paper eqs. 8-9). a_i = 1, 4 pi n = 3.
// Lattice lists (cut-offs, H_ab(R), f'(R)) are built once in TypeScript (src/ewald/ewaldTables.ts).
import { ld, st, allocate } from "./memory";

const FOUR_PI_N: f64 = 3.0;
const REAL_STRIDE: i32 = 13;
const RECIP_STRIDE: i32 = 7;

let realPtr: usize = 0;
let nReal: i32 = 0;
let realMax: i32 = 0;
let recipPtr: usize = 0;
let nRecip: i32 = 0;
let recipMax: i32 = 0;
let eta: f64 = 1.0;
let diagonal: f64 = 0.0;
let halfLattice: f64 = 0.0;
let recipUnit: f64 = 0.0;
let phasePtr: usize = 0; // 3 axes x (2 realMax + 1) x (cos, sin)
let dampPtr: usize = 0; // 3 axes x (2 recipMax + 1)

// Results of the last evaluation (globals: no memory traffic in the hot loop).
export let Dxx: f64 = 0.0;
export let Dyy: f64 = 0.0;
export let Dzz: f64 = 0.0;
export let Dxy: f64 = 0.0;
export let Dxz: f64 = 0.0;
export let Dyz: f64 = 0.0;
export let Bx: f64 = 0.0;
export let By: f64 = 0.0;
export let Bz: f64 = 0.0;

/** Install the Ewald lists (records as built by ewaldTables.ts) and allocate scratch once. */
export function configureEwald(
  rPtr: usize, nR: i32, rMax: i32,
  gPtr: usize, nG: i32, gMax: i32,
  etaValue: f64, diag: f64, half: f64, unit: f64,
): void {
  realPtr = rPtr; nReal = nR; realMax = rMax;
  recipPtr = gPtr; nRecip = nG; recipMax = gMax;
  eta = etaValue; diagonal = diag; halfLattice = half; recipUnit = unit;
  phasePtr = allocate(3 * (2 * rMax + 1) * 2);
  dampPtr = allocate(3 * (2 * gMax + 1));
}

/** D(k) and beta(k) into the exported globals. */
export function evaluateDynamical(kx: f64, ky: f64, kz: f64): void {
  // e^{i k_a h a_l/2} for h = -M..M on each axis, by complex recurrence.
  const M = realMax;
  const width = 2 * M + 1;
  for (let a = 0; a < 3; a++) {
    const ka = (a == 0 ? kx : a == 1 ? ky : kz) * halfLattice;
    const c1 = Math.cos(ka);
    const s1 = Math.sin(ka);
    const base = a * width + M;
    st(phasePtr, 2 * base, 1.0);
    st(phasePtr, 2 * base + 1, 0.0);
    let c: f64 = 1.0;
    let s: f64 = 0.0;
    for (let h = 1; h <= M; h++) {
      const cn = c * c1 - s * s1;
      s = s * c1 + c * s1;
      c = cn;
      st(phasePtr, 2 * (base + h), c);
      st(phasePtr, 2 * (base + h) + 1, s);
      st(phasePtr, 2 * (base - h), c);
      st(phasePtr, 2 * (base - h) + 1, -s);
    }
  }
  let dxx: f64 = 0.0, dyy: f64 = 0.0, dzz: f64 = 0.0, dxy: f64 = 0.0, dxz: f64 = 0.0, dyz: f64 = 0.0;
  let bx: f64 = 0.0, by: f64 = 0.0, bz: f64 = 0.0;
  for (let j = 0; j < nReal; j++) {
    const r = j * REAL_STRIDE;
    const ix = 2 * (M + i32(ld(realPtr, r)));
    const iy = 2 * (width + M + i32(ld(realPtr, r + 1)));
    const iz = 2 * (2 * width + M + i32(ld(realPtr, r + 2)));
    const cx = ld(phasePtr, ix), sx = ld(phasePtr, ix + 1);
    const cy = ld(phasePtr, iy), sy = ld(phasePtr, iy + 1);
    const cz = ld(phasePtr, iz), sz = ld(phasePtr, iz + 1);
    const re = cx * cy - sx * sy;
    const im = cx * sy + sx * cy;
    const cs = 2.0 * (re * cz - im * sz); // pair +-R: 2 cos(k.R)
    const sn = 2.0 * (re * sz + im * cz); // 2 sin(k.R)
    dxx -= cs * ld(realPtr, r + 3);
    dyy -= cs * ld(realPtr, r + 4);
    dzz -= cs * ld(realPtr, r + 5);
    dxy -= cs * ld(realPtr, r + 6);
    dxz -= cs * ld(realPtr, r + 7);
    dyz -= cs * ld(realPtr, r + 8);
    bx += sn * ld(realPtr, r + 9);
    by += sn * ld(realPtr, r + 10);
    bz += sn * ld(realPtr, r + 11);
  }
  // Reciprocal part: exp(-|k+G|^2/4eta^2) = exp(-k^2/4eta^2) exp(-G^2/4eta^2) prod_a exp(-k_a G_a/2eta^2).
  const G = recipMax;
  const gw = 2 * G + 1;
  const inv2eta2 = 1.0 / (2.0 * eta * eta);
  for (let a = 0; a < 3; a++) {
    const ka = (a == 0 ? kx : a == 1 ? ky : kz) * recipUnit * inv2eta2;
    const up = Math.exp(-ka);
    const down = Math.exp(ka);
    const base = a * gw + G;
    st(dampPtr, base, 1.0);
    let pu: f64 = 1.0;
    let pd: f64 = 1.0;
    for (let h = 1; h <= G; h++) {
      pu *= up;
      pd *= down;
      st(dampPtr, base + h, pu);
      st(dampPtr, base - h, pd);
    }
  }
  const ek = Math.exp(-(kx * kx + ky * ky + kz * kz) * 0.5 * inv2eta2);
  for (let j = 0; j < nRecip; j++) {
    const r = j * RECIP_STRIDE;
    const qx = kx + ld(recipPtr, r + 3);
    const qy = ky + ld(recipPtr, r + 4);
    const qz = kz + ld(recipPtr, r + 5);
    const q2 = qx * qx + qy * qy + qz * qz;
    if (q2 < 1e-300) continue;
    const damp = ld(dampPtr, G + i32(ld(recipPtr, r)))
      * ld(dampPtr, gw + G + i32(ld(recipPtr, r + 1)))
      * ld(dampPtr, 2 * gw + G + i32(ld(recipPtr, r + 2)));
    const w = FOUR_PI_N * ek * ld(recipPtr, r + 6) * damp / q2;
    dxx += w * qx * qx;
    dyy += w * qy * qy;
    dzz += w * qz * qz;
    dxy += w * qx * qy;
    dxz += w * qx * qz;
    dyz += w * qy * qz;
    bx -= w * qx;
    by -= w * qy;
    bz -= w * qz;
  }
  Dxx = dxx + diagonal; Dyy = dyy + diagonal; Dzz = dzz + diagonal;
  Dxy = dxy; Dxz = dxz; Dyz = dyz;
  Bx = bx; By = by; Bz = bz;
}

/** beta^T D^-1 beta at k (the T_i integrand, eq. 7), by Cholesky of the 3x3 D. */
export function integrandAt(kx: f64, ky: f64, kz: f64): f64 {
  evaluateDynamical(kx, ky, kz);
  const l11 = Math.sqrt(Dxx);
  const l21 = Dxy / l11;
  const l31 = Dxz / l11;
  const l22 = Math.sqrt(Dyy - l21 * l21);
  const l32 = (Dyz - l31 * l21) / l22;
  const l33 = Math.sqrt(Dzz - l31 * l31 - l32 * l32);
  const z1 = Bx / l11;
  const z2 = (By - l21 * z1) / l22;
  const z3 = (Bz - l31 * z1 - l32 * z2) / l33;
  return z1 * z1 + z2 * z2 + z3 * z3;
}

/** Batch: D (xx, yy, zz, xy, xz, yz) and beta (x, y, z), 9 doubles per k. */
export function dynamicalBatch(kPtr: usize, nk: i32, outPtr: usize): void {
  for (let j = 0; j < nk; j++) {
    evaluateDynamical(ld(kPtr, 3 * j), ld(kPtr, 3 * j + 1), ld(kPtr, 3 * j + 2));
    const o = 9 * j;
    st(outPtr, o, Dxx); st(outPtr, o + 1, Dyy); st(outPtr, o + 2, Dzz);
    st(outPtr, o + 3, Dxy); st(outPtr, o + 4, Dxz); st(outPtr, o + 5, Dyz);
    st(outPtr, o + 6, Bx); st(outPtr, o + 7, By); st(outPtr, o + 8, Bz);
  }
}

/** Batch: the integrand beta^T D^-1 beta, one double per k. */
export function integrandBatch(kPtr: usize, nk: i32, outPtr: usize): void {
  for (let j = 0; j < nk; j++) {
    st(outPtr, j, integrandAt(ld(kPtr, 3 * j), ld(kPtr, 3 * j + 1), ld(kPtr, 3 * j + 2)));
  }
}

/**
 * Madelung energy per ion by Ewald, units Z^2 e^2/a_i (returns -zeta):
 * 1/2 [ sum_{R!=0} erfc(eta R)/R + 4 pi n sum_{G!=0} e^{-G^2/4eta^2}/G^2 - pi n/eta^2 - 2 eta/sqrt(pi) ].
 */
export function madelungEnergy(): f64 {
  let real: f64 = 0.0;
  for (let j = 0; j < nReal; j++) real += 2.0 * ld(realPtr, j * REAL_STRIDE + 12);
  let recip: f64 = 0.0;
  for (let j = 0; j < nRecip; j++) {
    const r = j * RECIP_STRIDE;
    const gx = ld(recipPtr, r + 3), gy = ld(recipPtr, r + 4), gz = ld(recipPtr, r + 5);
    const g2 = gx * gx + gy * gy + gz * gz;
    if (g2 > 0.0) recip += FOUR_PI_N * ld(recipPtr, r + 6) / g2;
  }
  const n = FOUR_PI_N / (4.0 * Math.PI);
  return 0.5 * (real + recip - Math.PI * n / (eta * eta) - 2.0 * eta / Math.sqrt(Math.PI));
}
