// Ewald dynamical matrix D(k) and displacement-field vector beta(k) of the bcc Coulomb
// lattice at one wave vector (docs/physics.md section 3; paper eqs. 8-9). a_i = 1, 4 pi n = 3.
// Lattice lists (cut-offs, H_ab(R), f'(R)) are built once in TypeScript (src/ewald/ewaldTables.ts).
import { ld, st, ldi, sti, ldb, stb, allocate } from "./memory";

const FOUR_PI_N: f64 = 3.0;
const REAL_STRIDE: i32 = 13;
const RECIP_STRIDE: i32 = 7;
/** Doubles per compact real-space record: Hxx, Hyy, Hzz, Hxy, Hxz, Hyz, fx, fy, fz. */
export const REAL_COEFS: i32 = 9;
/** Doubles per compact reciprocal record: Gx, Gy, Gz, exp(-G^2/4 eta^2). */
export const RECIP_COEFS: i32 = 4;

export let nReal: i32 = 0;
export let realMax: i32 = 0;
export let nRecip: i32 = 0;
export let recipMax: i32 = 0;
export let eta: f64 = 1.0;
export let diagonal: f64 = 0.0;
export let halfLattice: f64 = 0.0;
export let recipUnit: f64 = 0.0;
let recipReach: f64 = 0.0; // per-k cut-off: G with |G| <= recipReach + |k| (see configureEwald)
let realPtr: usize = 0; // the records as uploaded (madelungEnergy reads f)
let recipPtr: usize = 0;
let phasePtr: usize = 0; // 3 axes x (2 realMax + 1) x (cos, sin)
let dampPtr: usize = 0; // 3 axes x (2 recipMax + 1)
export let realIdx: usize = 0; // i32 x 4 per record: byte addresses of the x, y, z phases (and a pad)
export let realCoef: usize = 0; // REAL_COEFS doubles per record
export let recipIdx: usize = 0; // i32 x 4 per G, sorted by |G|: byte addresses of the x, y, z damping factors
export let recipCoef: usize = 0; // RECIP_COEFS doubles per G, sorted by |G|
let recipNorm: usize = 0; // |G|, ascending
// The same tables for two k-points at once (the SIMD build, assembly/quadratureSimd.ts): lanes
// interleaved, so phase entries are (cos0, cos1, sin0, sin1) and damping entries (d0, d1).
export let phase2Ptr: usize = 0;
export let damp2Ptr: usize = 0;
export let realIdx2: usize = 0; // i32 x 4 per record, addresses into phase2
export let recipIdx2: usize = 0; // i32 x 4 per sorted G, addresses into damp2
let scratchPtr: usize = 0; // one factor per term: max(nReal, nRecip) doubles
export let scratch2Ptr: usize = 0; // the same, two lanes

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

/**
 * Install the Ewald lists (records as built by ewaldTables.ts) and build, once, the compact
 * tables of the hot loops: integer byte addresses of the phase and damping factors of every
 * record, and the reciprocal vectors sorted by |G|. `reach` is the cut-off on |k + G| that the
 * tables' tolerance gives (ewaldTables.ts, recipReach): at each k only the listed G with
 * |G| <= reach + |k| are summed (a prefix of the sorted list), which keeps every listed G with
 * |k + G| <= reach.
 */
export function configureEwald(
  rPtr: usize, nR: i32, rMax: i32,
  gPtr: usize, nG: i32, gMax: i32,
  etaValue: f64, diag: f64, half: f64, unit: f64, reach: f64,
): void {
  realPtr = rPtr; nReal = nR; realMax = rMax;
  recipPtr = gPtr; nRecip = nG; recipMax = gMax;
  eta = etaValue; diagonal = diag; halfLattice = half; recipUnit = unit; recipReach = reach;
  phasePtr = allocate(3 * (2 * rMax + 1) * 2);
  dampPtr = allocate(3 * (2 * gMax + 1));
  const width = 2 * rMax + 1;
  phase2Ptr = allocate(3 * width * 4);
  scratchPtr = allocate(nR > nG ? nR : nG);
  scratch2Ptr = allocate(2 * (nR > nG ? nR : nG));
  damp2Ptr = allocate(3 * (2 * gMax + 1) * 2);
  realIdx = allocate(2 * nR);
  realIdx2 = allocate(2 * nR);
  realCoef = allocate(REAL_COEFS * nR);
  for (let j = 0; j < nR; j++) {
    const r = j * REAL_STRIDE;
    for (let a = 0; a < 3; a++) {
      const h = <i32>ld(rPtr, r + a);
      sti(realIdx, 4 * j + a, <i32>phasePtr + 16 * (a * width + rMax + h));
      sti(realIdx2, 4 * j + a, <i32>phase2Ptr + 32 * (a * width + rMax + h));
    }
    sti(realIdx, 4 * j + 3, 0);
    sti(realIdx2, 4 * j + 3, 0);
    for (let c = 0; c < REAL_COEFS; c++) st(realCoef, REAL_COEFS * j + c, ld(rPtr, r + 3 + c));
  }
  // Reciprocal vectors by ascending |G| (stable insertion sort of an index list).
  const gw = 2 * gMax + 1;
  const order = allocate(nG);
  recipNorm = allocate(nG);
  for (let j = 0; j < nG; j++) {
    const r = j * RECIP_STRIDE;
    const gx = ld(gPtr, r + 3), gy = ld(gPtr, r + 4), gz = ld(gPtr, r + 5);
    const g = Math.sqrt(gx * gx + gy * gy + gz * gz);
    let at = j;
    while (at > 0 && ld(recipNorm, at - 1) > g) {
      st(recipNorm, at, ld(recipNorm, at - 1));
      sti(order, at, ldi(order, at - 1));
      at--;
    }
    st(recipNorm, at, g);
    sti(order, at, j);
  }
  recipIdx = allocate(2 * nG);
  recipIdx2 = allocate(2 * nG);
  recipCoef = allocate(RECIP_COEFS * nG);
  for (let s = 0; s < nG; s++) {
    const r = ldi(order, s) * RECIP_STRIDE;
    for (let a = 0; a < 3; a++) {
      const h = <i32>ld(gPtr, r + a);
      sti(recipIdx, 4 * s + a, <i32>dampPtr + 8 * (a * gw + gMax + h));
      sti(recipIdx2, 4 * s + a, <i32>damp2Ptr + 16 * (a * gw + gMax + h));
    }
    sti(recipIdx, 4 * s + 3, 0);
    sti(recipIdx2, 4 * s + 3, 0);
    for (let c = 0; c < RECIP_COEFS; c++) st(recipCoef, RECIP_COEFS * s + c, ld(gPtr, r + 3 + c));
  }
}

const STATE_WORDS: i32 = 24;

/**
 * The current configuration as a block of f64 words (counts, parameters, byte offsets of every
 * table), written once by configureEwald: `useEwald` re-activates it, and the native reference
 * of the bench reads the tables through it from a dump of this memory.
 */
export function ewaldState(): usize {
  const b = allocate(STATE_WORDS);
  st(b, 0, <f64>nReal); st(b, 1, <f64>realMax); st(b, 2, <f64>nRecip); st(b, 3, <f64>recipMax);
  st(b, 4, eta); st(b, 5, diagonal); st(b, 6, halfLattice); st(b, 7, recipUnit); st(b, 8, recipReach);
  st(b, 9, <f64>realPtr); st(b, 10, <f64>recipPtr); st(b, 11, <f64>phasePtr); st(b, 12, <f64>dampPtr);
  st(b, 13, <f64>realIdx); st(b, 14, <f64>realCoef); st(b, 15, <f64>recipIdx); st(b, 16, <f64>recipCoef);
  st(b, 17, <f64>recipNorm);
  st(b, 18, <f64>phase2Ptr); st(b, 19, <f64>damp2Ptr); st(b, 20, <f64>realIdx2); st(b, 21, <f64>recipIdx2);
  st(b, 22, <f64>scratchPtr); st(b, 23, <f64>scratch2Ptr);
  return b;
}

/** Make the configuration saved by `ewaldState` the current one (no allocation). */
export function useEwald(b: usize): void {
  nReal = i32(ld(b, 0)); realMax = i32(ld(b, 1)); nRecip = i32(ld(b, 2)); recipMax = i32(ld(b, 3));
  eta = ld(b, 4); diagonal = ld(b, 5); halfLattice = ld(b, 6); recipUnit = ld(b, 7); recipReach = ld(b, 8);
  realPtr = <usize>ld(b, 9); recipPtr = <usize>ld(b, 10); phasePtr = <usize>ld(b, 11); dampPtr = <usize>ld(b, 12);
  realIdx = <usize>ld(b, 13); realCoef = <usize>ld(b, 14); recipIdx = <usize>ld(b, 15); recipCoef = <usize>ld(b, 16);
  recipNorm = <usize>ld(b, 17);
  phase2Ptr = <usize>ld(b, 18); damp2Ptr = <usize>ld(b, 19); realIdx2 = <usize>ld(b, 20); recipIdx2 = <usize>ld(b, 21);
  scratchPtr = <usize>ld(b, 22); scratch2Ptr = <usize>ld(b, 23);
}

/** Number of sorted G summed at a wave vector of length `kNorm`: those with |G| <= reach + |k|. */
@inline export function recipCount(kNorm: f64): i32 {
  const limit = recipReach + kNorm;
  let lo = 0;
  let hi = nRecip; // answer in [lo, hi]
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ld(recipNorm, mid) <= limit) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** e^{i h theta} for h = -M..M by complex recurrence from (c1, s1) = (cos, sin) theta, at `base` (cos, sin pairs). */
@inline function phaseRow(table: usize, base: i32, M: i32, c1: f64, s1: f64): void {
  st(table, 2 * base, 1.0);
  st(table, 2 * base + 1, 0.0);
  let c: f64 = 1.0;
  let s: f64 = 0.0;
  for (let h = 1; h <= M; h++) {
    const cn = c * c1 - s * s1;
    s = s * c1 + c * s1;
    c = cn;
    st(table, 2 * (base + h), c);
    st(table, 2 * (base + h) + 1, s);
    st(table, 2 * (base - h), c);
    st(table, 2 * (base - h) + 1, -s);
  }
}

/** up^h for h = 0..G and (1/up)^h for h = -1..-G at `base`. */
@inline function dampRow(table: usize, base: i32, G: i32, up: f64): void {
  const down = 1.0 / up;
  st(table, base, 1.0);
  let pu: f64 = 1.0;
  let pd: f64 = 1.0;
  for (let h = 1; h <= G; h++) {
    pu *= up;
    pd *= down;
    st(table, base + h, pu);
    st(table, base - h, pd);
  }
}

// cos(k_a a_l/2) of the last evaluation, a = x, y, z (the shell kernel's Chebyshev seeds).
export let cosX: f64 = 0.0;
export let cosY: f64 = 0.0;
export let cosZ: f64 = 0.0;

/** D(k) and beta(k) into the exported globals (docs/physics.md section 3, paper eqs. 8-9). */
export function evaluateDynamical(kx: f64, ky: f64, kz: f64): void {
  // e^{i k_a h a_l/2} for h = -M..M on each axis.
  const M = realMax;
  const width = 2 * M + 1;
  cosX = Math.cos(kx * halfLattice);
  cosY = Math.cos(ky * halfLattice);
  cosZ = Math.cos(kz * halfLattice);
  phaseRow(phasePtr, M, M, cosX, Math.sin(kx * halfLattice));
  phaseRow(phasePtr, width + M, M, cosY, Math.sin(ky * halfLattice));
  phaseRow(phasePtr, 2 * width + M, M, cosZ, Math.sin(kz * halfLattice));
  // Each sum runs in two loops with few live values (no register spills in the compiled code):
  // the first forms the phase (real part) or weight (reciprocal part) of every term, sums beta
  // and leaves the factor in `scratch`; the second sums the six D components from it. Every
  // accumulator still adds its terms in list order.
  let dxx: f64 = 0.0, dyy: f64 = 0.0, dzz: f64 = 0.0, dxy: f64 = 0.0, dxz: f64 = 0.0, dyz: f64 = 0.0;
  let bx: f64 = 0.0, by: f64 = 0.0, bz: f64 = 0.0;
  const n = nReal;
  const scratch = scratchPtr;
  let ri = realIdx;
  let rc = realCoef;
  let sc = scratch;
  for (let j = 0; j < n; j++, ri += 16, rc += 8 * REAL_COEFS, sc += 8) {
    const px = <usize>ldi(ri, 0), py = <usize>ldi(ri, 1), pz = <usize>ldi(ri, 2);
    const cx = ldb(px), sx = ldb(px + 8);
    const cy = ldb(py), sy = ldb(py + 8);
    const cz = ldb(pz), sz = ldb(pz + 8);
    const re = cx * cy - sx * sy;
    const im = cx * sy + sx * cy;
    const sn = 2.0 * (re * sz + im * cz); // 2 sin(k.R)
    stb(sc, 2.0 * (re * cz - im * sz)); // pair +-R: 2 cos(k.R)
    bx += sn * ld(rc, 6);
    by += sn * ld(rc, 7);
    bz += sn * ld(rc, 8);
  }
  rc = realCoef;
  sc = scratch;
  for (let j = 0; j < n; j++, rc += 8 * REAL_COEFS, sc += 8) {
    const cs = ldb(sc);
    dxx -= cs * ld(rc, 0);
    dyy -= cs * ld(rc, 1);
    dzz -= cs * ld(rc, 2);
    dxy -= cs * ld(rc, 3);
    dxz -= cs * ld(rc, 4);
    dyz -= cs * ld(rc, 5);
  }
  // Reciprocal part: exp(-|k+G|^2/4eta^2) = exp(-k^2/4eta^2) exp(-G^2/4eta^2) prod_a exp(-k_a G_a/2eta^2).
  const G = recipMax;
  const gw = 2 * G + 1;
  const inv2eta2 = 1.0 / (2.0 * eta * eta);
  dampRow(dampPtr, G, G, Math.exp(-kx * recipUnit * inv2eta2));
  dampRow(dampPtr, gw + G, G, Math.exp(-ky * recipUnit * inv2eta2));
  dampRow(dampPtr, 2 * gw + G, G, Math.exp(-kz * recipUnit * inv2eta2));
  const k2 = kx * kx + ky * ky + kz * kz;
  const ek3 = FOUR_PI_N * Math.exp(-k2 * 0.5 * inv2eta2);
  const count = recipCount(Math.sqrt(k2));
  ri = recipIdx;
  rc = recipCoef;
  sc = scratch;
  for (let j = 0; j < count; j++, ri += 16, rc += 8 * RECIP_COEFS, sc += 8) {
    const qx = kx + ld(rc, 0);
    const qy = ky + ld(rc, 1);
    const qz = kz + ld(rc, 2);
    const q2 = qx * qx + qy * qy + qz * qz;
    if (q2 < 1e-300) { // k + G = 0: no term (an exact zero weight for the D loop)
      stb(sc, 0.0);
      continue;
    }
    const damp = ldb(<usize>ldi(ri, 0)) * ldb(<usize>ldi(ri, 1)) * ldb(<usize>ldi(ri, 2));
    const w = ek3 * ld(rc, 3) * damp / q2;
    stb(sc, w);
    bx -= w * qx;
    by -= w * qy;
    bz -= w * qz;
  }
  rc = recipCoef;
  sc = scratch;
  for (let j = 0; j < count; j++, rc += 8 * RECIP_COEFS, sc += 8) {
    const w = ldb(sc);
    const qx = kx + ld(rc, 0);
    const qy = ky + ld(rc, 1);
    const qz = kz + ld(rc, 2);
    dxx += w * qx * qx;
    dyy += w * qy * qy;
    dzz += w * qz * qz;
    dxy += w * qx * qy;
    dxz += w * qx * qz;
    dyz += w * qy * qz;
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
