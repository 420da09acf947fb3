// Local minimization of the constraint function of paper eq. 3 over k:
//     Delta(k) = x(1 - x) + sum_i d_i c_i(k),   c_i(k) = sum_{R in shell i} cos(k.R),
// with the shell sums in separable form (same term list as shells.ts: p, q, r in units a_l/2,
// weight, shell): c_i = sum_terms w cos(q_x p) cos(q_y q) cos(q_z r), q = k a_l/2, and their
// first and second k-derivatives (the "jet"). Newton steps on the Hessian shifted to positive
// definiteness with Armijo backtracking, exactly as documented in src/sro/refineDeltaK.ts.
//
// Every call takes a context block (f64 words, built by `deltaKContext`) so that several
// shell counts can be served without reconfiguring. The context also holds, built once, the
// terms grouped by shell (stable) with the byte addresses of their trig entries and the
// weight products of the second derivatives, so that the hot loop accumulates each shell's ten
// jet components in registers (one store per shell) with no conversion of f64 to an index. The
// sums are the same operations in the same order as term by term into memory: bit-identical. Output block layout (`OUT_*` offsets):
// k (3), Delta, gradient (3), Hessian (9, row-major), iterations, then the jet at k:
// c (n), dc (3n, index 3 i + a), d2c (6n, index 6 i + xx,xy,xz,yy,yz,zz).
import { ld, st, ldi, sti, ldb, allocate, allocateInts } from "./memory";

const TERM_STRIDE: i32 = 5;

// Context words.
const C_TERMS: i32 = 0; // byte offset of the term list
const C_COUNT: i32 = 1; // number of terms
const C_SHELLS: i32 = 2; // n
const C_MAXINDEX: i32 = 3; // largest |p|, |q|, |r|
const C_HALF: i32 = 4; // a_l / 2
const C_TRIG: i32 = 5; // cos then sin of q_a m, 6 (maxIndex + 1)
const C_JET: i32 = 6; // two jets of 10 n (current and trial)
const C_TRIAL: i32 = 7;
const C_OUT: i32 = 8; // output block
const C_D: i32 = 9; // input d (n)
const C_INTS: i32 = 10; // i32 copies of words 0..9 where integral (sizes, byte offsets), then I_*
const C_WORDS: i32 = 11;

// Words of the i32 block at C_INTS after the copies of C_TERMS..C_D (see deltaKContext).
const I_SHELL_END: i32 = 10; // byte offset of i32[n]: one past each shell's last term (by shell)
const I_TERM_ADDR: i32 = 11; // byte offset of i32[4 per term, by shell]: cos x, y, z addresses
const I_TERM_F: i32 = 12; // byte offset of f64[8 per term, by shell]: see TERM_F_*
const I_WORDS: i32 = 13;

// Per-term doubles: weight, the three indices as f64, and weight h^2 j_a^2 for each axis
// (computed as ((w h^2) j_a) j_a, the left part of the product the second derivative needs).
const TF_W: i32 = 0;
const TF_J: i32 = 1; // x, y, z at 1, 2, 3
const TF_P: i32 = 4; // x, y, z at 4, 5, 6
const TF_STRIDE: i32 = 8;

export const OUT_K: i32 = 0;
export const OUT_VALUE: i32 = 3;
export const OUT_GRAD: i32 = 4;
export const OUT_HESS: i32 = 7;
export const OUT_ITERATIONS: i32 = 16;
export const OUT_JET: i32 = 17;

/**
 * A context for `shells` shells with the given term list (kept, not copied); returns its
 * byte offset. Its output block is at word C_OUT, its d input at word C_D (see deltaKBuffers).
 */
export function deltaKContext(tPtr: usize, count: i32, shells: i32, maxIndex: i32, half: f64): usize {
  const ctx = allocate(C_WORDS);
  st(ctx, C_TERMS, <f64>tPtr);
  st(ctx, C_COUNT, <f64>count);
  st(ctx, C_SHELLS, <f64>shells);
  st(ctx, C_MAXINDEX, <f64>maxIndex);
  st(ctx, C_HALF, half);
  st(ctx, C_TRIG, <f64>allocate(6 * (maxIndex + 1)));
  st(ctx, C_JET, <f64>allocate(10 * shells));
  st(ctx, C_TRIAL, <f64>allocate(10 * shells));
  st(ctx, C_OUT, <f64>allocate(OUT_JET + 10 * shells));
  st(ctx, C_D, <f64>allocate(shells));
  const ints = allocateInts(I_WORDS);
  st(ctx, C_INTS, <f64>ints);
  for (let w = C_TERMS; w <= C_D; w++) if (w != C_HALF) sti(ints, w, <i32>ld(ctx, w));
  groupTerms(ctx, ints, tPtr, count, shells, maxIndex, half);
  return ctx;
}

/** The terms grouped by shell (stable): trig addresses and per-term doubles (see I_*, TF_*). */
function groupTerms(ctx: usize, ints: usize, tPtr: usize, count: i32, shells: i32, maxIndex: i32, half: f64): void {
  const shellEnd = allocateInts(shells);
  const addr = allocateInts(4 * count);
  const tf = allocate(TF_STRIDE * count);
  sti(ints, I_SHELL_END, <i32>shellEnd);
  sti(ints, I_TERM_ADDR, <i32>addr);
  sti(ints, I_TERM_F, <i32>tf);
  const trig = <usize>ldi(ints, C_TRIG);
  const o1 = maxIndex + 1;
  const h2 = half * half;
  for (let i = 0; i < shells; i++) sti(shellEnd, i, 0);
  for (let t = 0; t < count; t++) {
    const i = <i32>ld(tPtr, t * TERM_STRIDE + 4);
    sti(shellEnd, i, ldi(shellEnd, i) + 1);
  }
  let end = 0;
  for (let i = 0; i < shells; i++) {
    end += ldi(shellEnd, i);
    sti(shellEnd, i, end - ldi(shellEnd, i)); // the shell's first slot, for now
  }
  for (let t = 0; t < count; t++) {
    const o = t * TERM_STRIDE;
    const i = <i32>ld(tPtr, o + 4);
    const slot = ldi(shellEnd, i);
    sti(shellEnd, i, slot + 1);
    const wt = ld(tPtr, o + 3);
    st(tf, TF_STRIDE * slot + TF_W, wt);
    for (let a = 0; a < 3; a++) {
      const j = ld(tPtr, o + a);
      sti(addr, 4 * slot + a, <i32>(trig + (<usize>(a * o1 + <i32>j) << 3)));
      st(tf, TF_STRIDE * slot + TF_J + a, j);
      st(tf, TF_STRIDE * slot + TF_P + a, wt * h2 * j * j);
    }
    sti(addr, 4 * slot + 3, 0);
    st(tf, TF_STRIDE * slot + 7, 0.0);
  }
}

/** Byte offset of word `which` of a context (C_OUT = 8: output block, C_D = 9: d input). */
export function deltaKBuffer(ctx: usize, which: i32): usize {
  return <usize>ld(ctx, which);
}

/** The jet (c, dc, d2c) at k into `jet` (10 n doubles). */
function jetInto(ctx: usize, kx: f64, ky: f64, kz: f64, jet: usize): void {
  const ints = <usize>ld(ctx, C_INTS);
  const n = ldi(ints, C_SHELLS);
  const jmax = ldi(ints, C_MAXINDEX);
  const half = ld(ctx, C_HALF);
  const trig = <usize>ldi(ints, C_TRIG);
  const o1 = jmax + 1;
  const sOff = 3 * (jmax + 1);
  for (let a = 0; a < 3; a++) {
    const q = (a == 0 ? kx : a == 1 ? ky : kz) * half;
    for (let m = 0; m <= jmax; m++) {
      st(trig, a * o1 + m, Math.cos(q * <f64>m));
      st(trig, sOff + a * o1 + m, Math.sin(q * <f64>m));
    }
  }
  const sinBytes = <usize>sOff << 3; // sin(q_a m) sits sOff doubles after cos(q_a m)
  const shellEnd = <usize>ldi(ints, I_SHELL_END);
  let addr = <usize>ldi(ints, I_TERM_ADDR);
  let tf = <usize>ldi(ints, I_TERM_F);
  let t = 0;
  for (let i = 0; i < n; i++) {
    let c = 0.0, g0 = 0.0, g1 = 0.0, g2 = 0.0;
    let e0 = 0.0, e1 = 0.0, e2 = 0.0, e3 = 0.0, e4 = 0.0, e5 = 0.0;
    for (const t1 = ldi(shellEnd, i); t < t1; t++, addr += 16, tf += 64) {
      const ax = <usize>ldi(addr, 0), ay = <usize>ldi(addr, 1), az = <usize>ldi(addr, 2);
      const cx = ldb(ax), cy = ldb(ay), cz = ldb(az);
      const wt = ld(tf, TF_W);
      const sx = ldb(ax + sinBytes) * ld(tf, TF_J) * half; // -(d/dk_x) cos(q_x jx) = half jx sin
      const sy = ldb(ay + sinBytes) * ld(tf, TF_J + 1) * half;
      const sz = ldb(az + sinBytes) * ld(tf, TF_J + 2) * half;
      const wcx = wt * cx, wsx = wt * sx;
      c += wcx * cy * cz;
      g0 -= wsx * cy * cz;
      g1 -= wcx * sy * cz;
      g2 -= wcx * cy * sz;
      e0 -= ld(tf, TF_P) * cx * cy * cz;
      e1 += wsx * sy * cz;
      e2 += wsx * cy * sz;
      e3 -= ld(tf, TF_P + 1) * cx * cy * cz;
      e4 += wcx * sy * sz;
      e5 -= ld(tf, TF_P + 2) * cx * cy * cz;
    }
    st(jet, i, c);
    const dc = jet + (<usize>(n + 3 * i) << 3);
    st(dc, 0, g0); st(dc, 1, g1); st(dc, 2, g2);
    const d2c = jet + (<usize>(4 * n + 6 * i) << 3);
    st(d2c, 0, e0); st(d2c, 1, e1); st(d2c, 2, e2); st(d2c, 3, e3); st(d2c, 4, e4); st(d2c, 5, e5);
  }
}

// Delta, gradient and Hessian (xx, xy, xz, yy, yz, zz) of the last `evalJet`.
let eV: f64 = 0.0;
let eG0: f64 = 0.0, eG1: f64 = 0.0, eG2: f64 = 0.0;
let eH0: f64 = 0.0, eH1: f64 = 0.0, eH2: f64 = 0.0, eH3: f64 = 0.0, eH4: f64 = 0.0, eH5: f64 = 0.0;

function evalJet(jet: usize, n: i32, x: f64, d: usize): void {
  let v = x * (1.0 - x);
  let g0 = 0.0, g1 = 0.0, g2 = 0.0;
  let h0 = 0.0, h1 = 0.0, h2 = 0.0, h3 = 0.0, h4 = 0.0, h5 = 0.0;
  const dc = jet + (<usize>n << 3);
  const d2c = jet + (<usize>(4 * n) << 3);
  for (let i = 0; i < n; i++) {
    const di = ld(d, i);
    v += di * ld(jet, i);
    g0 += di * ld(dc, 3 * i);
    g1 += di * ld(dc, 3 * i + 1);
    g2 += di * ld(dc, 3 * i + 2);
    const b = 6 * i;
    h0 += di * ld(d2c, b);
    h1 += di * ld(d2c, b + 1);
    h2 += di * ld(d2c, b + 2);
    h3 += di * ld(d2c, b + 3);
    h4 += di * ld(d2c, b + 4);
    h5 += di * ld(d2c, b + 5);
  }
  eV = v;
  eG0 = g0; eG1 = g1; eG2 = g2;
  eH0 = h0; eH1 = h1; eH2 = h2; eH3 = h3; eH4 = h4; eH5 = h5;
}

/** sqrt(a^2 + b^2 + c^2) computed as ECMAScript Math.hypot is in V8 (scaled, compensated sum). */
function hypot3(a: f64, b: f64, c: f64): f64 {
  a = Math.abs(a); b = Math.abs(b); c = Math.abs(c);
  const m = Math.max(a, Math.max(b, c));
  if (m == 0.0) return 0.0;
  let sum = 0.0;
  let comp = 0.0;
  let s = (a / m) * (a / m) - comp;
  let p = sum + s;
  comp = (p - sum) - s;
  sum = p;
  s = (b / m) * (b / m) - comp;
  p = sum + s;
  comp = (p - sum) - s;
  sum = p;
  s = (c / m) * (c / m) - comp;
  p = sum + s;
  comp = (p - sum) - s;
  sum = p;
  return Math.sqrt(sum) * m;
}

// Step of the last successful chol3Solve.
let z0: f64 = 0.0, z1: f64 = 0.0, z2: f64 = 0.0;

/** Cholesky solve of the symmetric 3x3 system (xx, xy, xz, yy, yz, zz) H z = r; false if not SPD. */
function chol3Solve(a: f64, b: f64, c: f64, e: f64, f: f64, i: f64, r0: f64, r1: f64, r2: f64): bool {
  if (!(a > 0.0)) return false;
  const l00 = Math.sqrt(a);
  const l10 = b / l00;
  const l20 = c / l00;
  const l11sq = e - l10 * l10;
  if (!(l11sq > 0.0)) return false;
  const l11 = Math.sqrt(l11sq);
  const l21 = (f - l20 * l10) / l11;
  const l22sq = i - l20 * l20 - l21 * l21;
  if (!(l22sq > 0.0)) return false;
  const l22 = Math.sqrt(l22sq);
  const y0 = r0 / l00;
  const y1 = (r1 - l10 * y0) / l11;
  const y2 = (r2 - l20 * y0 - l21 * y1) / l22;
  z2 = y2 / l22;
  z1 = (y1 - l21 * z2) / l11;
  z0 = (y0 - l10 * z1 - l20 * z2) / l00;
  return true;
}

function writeOut(ctx: usize, jet: usize, kx: f64, ky: f64, kz: f64, iterations: i32): void {
  const n = i32(ld(ctx, C_SHELLS));
  const out = <usize>ld(ctx, C_OUT);
  st(out, OUT_K, kx);
  st(out, OUT_K + 1, ky);
  st(out, OUT_K + 2, kz);
  st(out, OUT_VALUE, eV);
  st(out, OUT_GRAD, eG0);
  st(out, OUT_GRAD + 1, eG1);
  st(out, OUT_GRAD + 2, eG2);
  st(out, OUT_HESS, eH0);
  st(out, OUT_HESS + 1, eH1);
  st(out, OUT_HESS + 2, eH2);
  st(out, OUT_HESS + 3, eH1);
  st(out, OUT_HESS + 4, eH3);
  st(out, OUT_HESS + 5, eH4);
  st(out, OUT_HESS + 6, eH2);
  st(out, OUT_HESS + 7, eH4);
  st(out, OUT_HESS + 8, eH5);
  st(out, OUT_ITERATIONS, <f64>iterations);
  for (let q = 0; q < 10 * n; q++) st(out, OUT_JET + q, ld(jet, q));
}

/** Delta, gradient, Hessian and jet at k (d from the context's d input) into the output block. */
export function deltaKAt(ctx: usize, kx: f64, ky: f64, kz: f64, x: f64): void {
  const jet = <usize>ld(ctx, C_JET);
  jetInto(ctx, kx, ky, kz, jet);
  evalJet(jet, i32(ld(ctx, C_SHELLS)), x, <usize>ld(ctx, C_D));
  writeOut(ctx, jet, kx, ky, kz, 0);
}

/**
 * Local minimum of Delta(k) from k0 (d from the context's d input) into the output block:
 * Newton steps on the Hessian shifted to positive definiteness, Armijo backtracking, until the
 * gradient vanishes to rounding (see localMinimizeDelta in src/sro/refineDeltaK.ts).
 */
export function deltaKMinimize(ctx: usize, k0x: f64, k0y: f64, k0z: f64, x: f64, maxIterations: i32): void {
  const n = i32(ld(ctx, C_SHELLS));
  const d = <usize>ld(ctx, C_D);
  let jet = <usize>ld(ctx, C_JET);
  let trial = <usize>ld(ctx, C_TRIAL);
  let scale = 0.0;
  for (let i = 0; i < n; i++) scale = Math.max(scale, Math.abs(ld(d, i)));
  let kx = k0x, ky = k0y, kz = k0z;
  jetInto(ctx, kx, ky, kz, jet);
  evalJet(jet, n, x, d);
  let v = eV;
  let g0 = eG0, g1 = eG1, g2 = eG2;
  let h0 = eH0, h1 = eH1, h2 = eH2, h3 = eH3, h4 = eH4, h5 = eH5;
  let it = 0;
  for (; it < maxIterations; it++) {
    const gn = hypot3(g0, g1, g2);
    if (gn <= 1e-14 * Math.max(scale, 1e-300)) break;
    const r0 = -g0, r1 = -g1, r2 = -g2;
    let s0: f64, s1: f64, s2: f64;
    if (chol3Solve(h0, h1, h2, h3, h4, h5, r0, r1, r2)) {
      s0 = z0; s1 = z1; s2 = z2;
    } else {
      const normH = Math.abs(h0) + Math.abs(h3) + Math.abs(h5) + 2.0 * (Math.abs(h1) + Math.abs(h2) + Math.abs(h4));
      let tau = Math.max(1e-12, 1e-3 * normH);
      let ok = false;
      for (let t = 0; t < 60 && !ok; t++, tau *= 4.0) ok = chol3Solve(h0 + tau, h1, h2, h3 + tau, h4, h5 + tau, r0, r1, r2);
      if (ok) {
        s0 = z0; s1 = z1; s2 = z2;
      } else {
        s0 = r0; s1 = r1; s2 = r2;
      }
    }
    const slope = g0 * s0 + g1 * s1 + g2 * s2;
    if (!(slope < 0.0)) break;
    let t = 1.0;
    let accepted = false;
    for (let bt = 0; bt < 50; bt++) {
      const tx = kx + t * s0, ty = ky + t * s1, tz = kz + t * s2;
      jetInto(ctx, tx, ty, tz, trial);
      evalJet(trial, n, x, d);
      // Near convergence the decrease drops below the rounding of Delta: then accept a full
      // Newton step that does not increase Delta beyond rounding and shrinks the gradient.
      const gn1 = hypot3(eG0, eG1, eG2);
      const roundingLevel = 1e-15 * (Math.abs(v) + x * (1.0 - x));
      if (eV <= v + 1e-4 * t * slope || (t == 1.0 && eV <= v + roundingLevel && gn1 < 0.5 * gn)) {
        kx = tx; ky = ty; kz = tz;
        const swap = trial;
        trial = jet;
        jet = swap;
        v = eV;
        g0 = eG0; g1 = eG1; g2 = eG2;
        h0 = eH0; h1 = eH1; h2 = eH2; h3 = eH3; h4 = eH4; h5 = eH5;
        accepted = true;
        break;
      }
      t *= 0.5;
    }
    if (!accepted) break;
    if (t * hypot3(s0, s1, s2) < 1e-15 * Math.max(1.0, hypot3(kx, ky, kz))) break;
  }
  eV = v;
  eG0 = g0; eG1 = g1; eG2 = g2;
  eH0 = h0; eH1 = h1; eH2 = h2; eH3 = h3; eH4 = h4; eH5 = h5;
  writeOut(ctx, jet, kx, ky, kz, it);
}
