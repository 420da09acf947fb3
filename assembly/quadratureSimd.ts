// The wedge quadrature of quadrature.ts for the SIMD build (assembly/index.simd.ts): two
// k-points at a time, one per f64x2 lane, through D(k), beta(k), beta^T D^-1 beta (ewald.ts) and
// the shell cosine sums (shells.ts). Every lane performs the scalar kernel's IEEE operations in
// the scalar kernel's order (no fused operations exist in WASM SIMD), and a lane that has no
// term to add adds an exact zero, so the results are bit-identical to the scalar build. The
// transcendental seeds (cos, sin, exp) are scalar calls, per lane.
import { ld, st, ldi, ldb } from "./memory";
import {
  realMax, nReal, recipMax, eta, diagonal, halfLattice, recipUnit, realCoef, recipCoef,
  phase2Ptr, damp2Ptr, realIdx2, recipIdx2, scratch2Ptr, recipCount, integrandAt, cosX, cosY, cosZ,
  REAL_COEFS, RECIP_COEFS,
} from "./ewald";
import { hMax, nShells, termWeight, shellEnd, cheb2Ptr, termIdx2, chebyshevRows, accumulateShells } from "./shells";
import { hx, hy, hz, ax, ay, az, bx, by, bz, shellCount } from "./quadrature";

const FOUR_PI_N: f64 = 3.0;

/** e^{i h theta} of both lanes, entries (cos0, cos1, sin0, sin1) at table + 32 (base + h). */
@inline function phaseRow2(table: usize, base: i32, M: i32, c1: v128, s1: v128): void {
  let c = f64x2.splat(1.0);
  let s = f64x2.splat(0.0);
  v128.store(table + (<usize>base << 5), c);
  v128.store(table + (<usize>base << 5), s, 16);
  for (let h = 1; h <= M; h++) {
    const cn = f64x2.sub(f64x2.mul(c, c1), f64x2.mul(s, s1));
    s = f64x2.add(f64x2.mul(s, c1), f64x2.mul(c, s1));
    c = cn;
    const up = table + (<usize>(base + h) << 5);
    const down = table + (<usize>(base - h) << 5);
    v128.store(up, c);
    v128.store(up, s, 16);
    v128.store(down, c);
    v128.store(down, f64x2.neg(s), 16);
  }
}

/** up^h and (1/up)^h of both lanes, entries (lane 0, lane 1) at table + 16 (base + h). */
@inline function dampRow2(table: usize, base: i32, G: i32, up: v128): void {
  const down = f64x2.div(f64x2.splat(1.0), up);
  let pu = f64x2.splat(1.0);
  let pd = f64x2.splat(1.0);
  v128.store(table + (<usize>base << 4), pu);
  for (let h = 1; h <= G; h++) {
    pu = f64x2.mul(pu, up);
    pd = f64x2.mul(pd, down);
    v128.store(table + (<usize>(base + h) << 4), pu);
    v128.store(table + (<usize>(base - h) << 4), pd);
  }
}

// cos(k_a a_l/2) of both lanes from the last integrand2 (the Chebyshev seeds).
let cos2X: v128 = f64x2.splat(0.0);
let cos2Y: v128 = f64x2.splat(0.0);
let cos2Z: v128 = f64x2.splat(0.0);

/** beta^T D^-1 beta at k0 (lane 0) and k1 (lane 1), as integrandAt computes each. */
function integrand2(kx: v128, ky: v128, kz: v128): v128 {
  const kx0 = f64x2.extract_lane(kx, 0), kx1 = f64x2.extract_lane(kx, 1);
  const ky0 = f64x2.extract_lane(ky, 0), ky1 = f64x2.extract_lane(ky, 1);
  const kz0 = f64x2.extract_lane(kz, 0), kz1 = f64x2.extract_lane(kz, 1);
  const M = realMax;
  const width = 2 * M + 1;
  cos2X = f64x2(Math.cos(kx0 * halfLattice), Math.cos(kx1 * halfLattice));
  cos2Y = f64x2(Math.cos(ky0 * halfLattice), Math.cos(ky1 * halfLattice));
  cos2Z = f64x2(Math.cos(kz0 * halfLattice), Math.cos(kz1 * halfLattice));
  phaseRow2(phase2Ptr, M, M, cos2X, f64x2(Math.sin(kx0 * halfLattice), Math.sin(kx1 * halfLattice)));
  phaseRow2(phase2Ptr, width + M, M, cos2Y, f64x2(Math.sin(ky0 * halfLattice), Math.sin(ky1 * halfLattice)));
  phaseRow2(phase2Ptr, 2 * width + M, M, cos2Z, f64x2(Math.sin(kz0 * halfLattice), Math.sin(kz1 * halfLattice)));
  // As in evaluateDynamical, each sum runs in loops with few live values: phases or weights
  // first (into scratch2, two lanes per term), then beta, then the six D components.
  const zero = f64x2.splat(0.0);
  const two = f64x2.splat(2.0);
  let dxx = zero, dyy = zero, dzz = zero, dxy = zero, dxz = zero, dyz = zero;
  let bx = zero, by = zero, bz = zero;
  const n = nReal;
  const scratch = scratch2Ptr;
  let ri = realIdx2;
  let rc = realCoef;
  let sc = scratch;
  for (let j = 0; j < n; j++, ri += 16, rc += 8 * REAL_COEFS, sc += 16) {
    const px = <usize>ldi(ri, 0), py = <usize>ldi(ri, 1), pz = <usize>ldi(ri, 2);
    const cx = v128.load(px), sx = v128.load(px, 16);
    const cy = v128.load(py), sy = v128.load(py, 16);
    const cz = v128.load(pz), sz = v128.load(pz, 16);
    const re = f64x2.sub(f64x2.mul(cx, cy), f64x2.mul(sx, sy));
    const im = f64x2.add(f64x2.mul(cx, sy), f64x2.mul(sx, cy));
    const sn = f64x2.mul(two, f64x2.add(f64x2.mul(re, sz), f64x2.mul(im, cz)));
    v128.store(sc, f64x2.mul(two, f64x2.sub(f64x2.mul(re, cz), f64x2.mul(im, sz))));
    bx = f64x2.add(bx, f64x2.mul(sn, v128.load64_splat(rc, 48)));
    by = f64x2.add(by, f64x2.mul(sn, v128.load64_splat(rc, 56)));
    bz = f64x2.add(bz, f64x2.mul(sn, v128.load64_splat(rc, 64)));
  }
  rc = realCoef;
  sc = scratch;
  for (let j = 0; j < n; j++, rc += 8 * REAL_COEFS, sc += 16) {
    const cs = v128.load(sc);
    dxx = f64x2.sub(dxx, f64x2.mul(cs, v128.load64_splat(rc)));
    dyy = f64x2.sub(dyy, f64x2.mul(cs, v128.load64_splat(rc, 8)));
    dzz = f64x2.sub(dzz, f64x2.mul(cs, v128.load64_splat(rc, 16)));
    dxy = f64x2.sub(dxy, f64x2.mul(cs, v128.load64_splat(rc, 24)));
    dxz = f64x2.sub(dxz, f64x2.mul(cs, v128.load64_splat(rc, 32)));
    dyz = f64x2.sub(dyz, f64x2.mul(cs, v128.load64_splat(rc, 40)));
  }
  const G = recipMax;
  const gw = 2 * G + 1;
  const inv2eta2 = 1.0 / (2.0 * eta * eta);
  dampRow2(damp2Ptr, G, G, f64x2(Math.exp(-kx0 * recipUnit * inv2eta2), Math.exp(-kx1 * recipUnit * inv2eta2)));
  dampRow2(damp2Ptr, gw + G, G, f64x2(Math.exp(-ky0 * recipUnit * inv2eta2), Math.exp(-ky1 * recipUnit * inv2eta2)));
  dampRow2(damp2Ptr, 2 * gw + G, G, f64x2(Math.exp(-kz0 * recipUnit * inv2eta2), Math.exp(-kz1 * recipUnit * inv2eta2)));
  const k20 = kx0 * kx0 + ky0 * ky0 + kz0 * kz0;
  const k21 = kx1 * kx1 + ky1 * ky1 + kz1 * kz1;
  const ek3 = f64x2(FOUR_PI_N * Math.exp(-k20 * 0.5 * inv2eta2), FOUR_PI_N * Math.exp(-k21 * 0.5 * inv2eta2));
  // Per-lane cut-off (recipCount): lane l sums the first n_l sorted G. Where k + G = 0, and past
  // a lane's count, that lane's weight is an exact zero.
  const n0 = recipCount(Math.sqrt(k20));
  const n1 = recipCount(Math.sqrt(k21));
  const count = n0 > n1 ? n0 : n1;
  const tiny = f64x2.splat(1e-300);
  ri = recipIdx2;
  rc = recipCoef;
  sc = scratch;
  for (let j = 0; j < count; j++, ri += 16, rc += 8 * RECIP_COEFS, sc += 16) {
    const qx = f64x2.add(kx, v128.load64_splat(rc));
    const qy = f64x2.add(ky, v128.load64_splat(rc, 8));
    const qz = f64x2.add(kz, v128.load64_splat(rc, 16));
    const q2 = f64x2.add(f64x2.add(f64x2.mul(qx, qx), f64x2.mul(qy, qy)), f64x2.mul(qz, qz));
    const damp = f64x2.mul(f64x2.mul(v128.load(<usize>ldi(ri, 0)), v128.load(<usize>ldi(ri, 1))), v128.load(<usize>ldi(ri, 2)));
    const w = f64x2.div(f64x2.mul(f64x2.mul(ek3, v128.load64_splat(rc, 24)), damp), q2);
    v128.store(sc, v128.and(w, f64x2.ge(q2, tiny)));
  }
  const lane = n0 < n1 ? 0 : 1; // the lane with fewer terms
  for (let j = n0 < n1 ? n0 : n1; j < count; j++) st(scratch, 2 * j + lane, 0.0);
  rc = recipCoef;
  sc = scratch;
  for (let j = 0; j < count; j++, rc += 8 * RECIP_COEFS, sc += 16) {
    const w = v128.load(sc);
    bx = f64x2.sub(bx, f64x2.mul(w, f64x2.add(kx, v128.load64_splat(rc))));
    by = f64x2.sub(by, f64x2.mul(w, f64x2.add(ky, v128.load64_splat(rc, 8))));
    bz = f64x2.sub(bz, f64x2.mul(w, f64x2.add(kz, v128.load64_splat(rc, 16))));
  }
  rc = recipCoef;
  sc = scratch;
  for (let j = 0; j < count; j++, rc += 8 * RECIP_COEFS, sc += 16) {
    const w = v128.load(sc);
    const qx = f64x2.add(kx, v128.load64_splat(rc));
    const qy = f64x2.add(ky, v128.load64_splat(rc, 8));
    const qz = f64x2.add(kz, v128.load64_splat(rc, 16));
    const wx = f64x2.mul(w, qx), wy = f64x2.mul(w, qy);
    dxx = f64x2.add(dxx, f64x2.mul(wx, qx));
    dyy = f64x2.add(dyy, f64x2.mul(wy, qy));
    dzz = f64x2.add(dzz, f64x2.mul(f64x2.mul(w, qz), qz));
    dxy = f64x2.add(dxy, f64x2.mul(wx, qy));
    dxz = f64x2.add(dxz, f64x2.mul(wx, qz));
    dyz = f64x2.add(dyz, f64x2.mul(wy, qz));
  }
  const diag = f64x2.splat(diagonal);
  dxx = f64x2.add(dxx, diag);
  dyy = f64x2.add(dyy, diag);
  dzz = f64x2.add(dzz, diag);
  // Cholesky of the 3x3 D and z = L^-1 beta, as integrandAt.
  const l11 = f64x2.sqrt(dxx);
  const l21 = f64x2.div(dxy, l11);
  const l31 = f64x2.div(dxz, l11);
  const l22 = f64x2.sqrt(f64x2.sub(dyy, f64x2.mul(l21, l21)));
  const l32 = f64x2.div(f64x2.sub(dyz, f64x2.mul(l31, l21)), l22);
  const l33 = f64x2.sqrt(f64x2.sub(f64x2.sub(dzz, f64x2.mul(l31, l31)), f64x2.mul(l32, l32)));
  const z1 = f64x2.div(bx, l11);
  const z2 = f64x2.div(f64x2.sub(by, f64x2.mul(l21, z1)), l22);
  const z3 = f64x2.div(f64x2.sub(f64x2.sub(bz, f64x2.mul(l31, z1)), f64x2.mul(l32, z2)), l33);
  return f64x2.add(f64x2.add(f64x2.mul(z1, z1), f64x2.mul(z2, z2)), f64x2.mul(z3, z3));
}

/** Chebyshev rows cos(m theta_a) of both lanes (entries (lane 0, lane 1)), as chebyshevRows. */
function chebyshevRows2(): void {
  const w = hMax + 1;
  const two = f64x2.splat(2.0);
  for (let a = 0; a < 3; a++) {
    const c1 = a == 0 ? cos2X : a == 1 ? cos2Y : cos2Z;
    const b = cheb2Ptr + (<usize>(a * w) << 4);
    let prev = f64x2.splat(1.0);
    let cur = c1;
    v128.store(b, prev);
    if (hMax >= 1) v128.store(b, c1, 16);
    const c2 = f64x2.mul(two, c1);
    for (let m = 2; m <= hMax; m++) {
      const next = f64x2.sub(f64x2.mul(c2, cur), prev);
      prev = cur;
      cur = next;
      v128.store(b + (<usize>m << 4), cur);
    }
  }
}

/** acc[1 + i] += wf_0 c_i(k0), then += wf_1 c_i(k1), for every shell (the scalar order). */
function accumulateShells2(acc: usize, wf: v128): void {
  let first = 0;
  let ti = termIdx2;
  let tw = termWeight;
  for (let i = 0; i < nShells; i++) {
    const last = ldi(shellEnd, i);
    let c = f64x2.splat(0.0);
    for (let j = first; j < last; j++, ti += 16, tw += 8) {
      const t = f64x2.mul(f64x2.mul(v128.load64_splat(tw), v128.load(<usize>ldi(ti, 0))), v128.load(<usize>ldi(ti, 1)));
      c = f64x2.add(c, f64x2.mul(t, v128.load(<usize>ldi(ti, 2))));
    }
    const p = f64x2.mul(wf, c);
    st(acc, 1 + i, ld(acc, 1 + i) + f64x2.extract_lane(p, 0) + f64x2.extract_lane(p, 1));
    first = last;
  }
}

/** Wave vector and weight of flattened point (it, iu, iv) of the tensor rule; see wedgeQuadrature. */
let pkx: f64 = 0.0, pky: f64 = 0.0, pkz: f64 = 0.0, pw: f64 = 0.0;
@inline function point(tPtr: usize, uPtr: usize, vPtr: usize, it: i32, iu: i32, iv: i32): void {
  const t = ld(tPtr, 2 * it);
  const u = ld(uPtr, 2 * iu);
  const v = ld(vPtr, 2 * iv);
  pw = 6.0 * t * t * u * ld(tPtr, 2 * it + 1) * ld(uPtr, 2 * iu + 1) * ld(vPtr, 2 * iv + 1);
  pkx = t * (hx + u * (ax + v * bx));
  pky = t * (hy + u * (ay + v * by));
  pkz = t * (hz + u * (az + v * bz));
}

/** wedgeQuadrature of quadrature.ts (same arguments, bit-identical sums), two points at a time. */
export function wedgeQuadrature(
  tPtr: usize, nt: i32, uPtr: usize, nu: i32, vPtr: usize, nv: i32,
  first: i32, last: i32, accPtr: usize,
): void {
  const nuv = nu * nv;
  let it = first / nuv;
  let iu = (first - it * nuv) / nv;
  let iv = first - it * nuv - iu * nv;
  let acc0 = ld(accPtr, 0);
  let idx = first;
  for (; idx + 1 < last; idx += 2) {
    point(tPtr, uPtr, vPtr, it, iu, iv);
    const kx0 = pkx, ky0 = pky, kz0 = pkz, w0 = pw;
    if (++iv == nv) { iv = 0; if (++iu == nu) { iu = 0; it++; } }
    point(tPtr, uPtr, vPtr, it, iu, iv);
    if (++iv == nv) { iv = 0; if (++iu == nu) { iu = 0; it++; } }
    const f = integrand2(f64x2(kx0, pkx), f64x2(ky0, pky), f64x2(kz0, pkz));
    const wf = f64x2.mul(f64x2(w0, pw), f);
    acc0 = acc0 + f64x2.extract_lane(wf, 0) + f64x2.extract_lane(wf, 1);
    if (shellCount > 0) {
      chebyshevRows2();
      accumulateShells2(accPtr, wf);
    }
  }
  if (idx < last) {
    point(tPtr, uPtr, vPtr, it, iu, iv);
    const wf = pw * integrandAt(pkx, pky, pkz);
    acc0 += wf;
    if (shellCount > 0) {
      chebyshevRows(cosX, cosY, cosZ);
      accumulateShells(accPtr, 1, wf);
    }
  }
  st(accPtr, 0, acc0);
}
