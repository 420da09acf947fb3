// Canonical lattice Monte Carlo of the paper's crystal (docs/physics.md section 12): ions Z1
// (n_R = 0) and Z2 (n_R = 1) on a periodic L x L x L bcc supercell (N = 2 L^3 sites), energy
//     E = sum over unordered pairs J(R - R') n_R n_R' = (1/2) sum_R n_R h_R,
//     h_R = sum_slots J_slot n_{R + d_slot}   (the local field),
// Boltzmann weight exp(-Gamma E). Moves are exchanges (Kawasaki) of a random Z2 ion with a
// random Z1 ion anywhere in the cell (a symmetric proposal at fixed composition):
//     dE = h_b - h_a - J(b - a)   (Z2 leaves a, arrives at b),
// accepted with probability min(1, exp(-Gamma dE)); on acceptance the fields of the slots of
// a and b change by -J and +J. The generator is xoshiro128** written with shifts and adds
// only, so the portable (plain JS) build draws the same numbers.
//
// Sites: index s L^3 + (ix L + iy) L + iz, sublattice s = 0 (A, corners) or 1 (B, centres),
// doubled coordinates P = 2 i + s (units a_l/2). The layout of every buffer is in mcLayout.ts.
import { ld, st, ldi, sti, ldh, sth, ldb, stb, allocate, allocateInts, allocateHalves } from "./memory";
import { McWord, McRecord, McSeries, MC_WORDS } from "./mcLayout";

export { McWord, McRecord, McSeries } from "./mcLayout";

function ptr(ctx: usize, w: i32): usize {
  return <usize>ld(ctx, w);
}

// Integer copies of the context's sizes and addresses for mcSweeps (word w of the context at
// i32 w of this table). The context holds them as f64; converted inside mcSweeps, V8's
// optimizing compiler re-does the saturating f64 -> i32 conversion (about ten instructions)
// at every use inside the loops instead of keeping the result, which cost a third of the
// move kernel's time; read back from memory they are plain i32 values.
let intWords: usize = 0;

/**
 * A context for an L^3 bcc supercell with `slots` couplings per site, alpha_i measured on
 * `measureShells` shells, and a per-sweep series of `capacity` sweeps; returns its byte offset.
 * The caller fills SLOT_D, SLOT_J, SHELL_C and RNG, then calls mcBuild and mcSetSites.
 */
export function mcContext(L: i32, slots: i32, measureShells: i32, capacity: i32): usize {
  const n = 2 * L * L * L;
  const ctx = allocate(MC_WORDS);
  if (intWords == 0) intWords = allocateInts(MC_WORDS); // here, so that mcSweeps never allocates
  st(ctx, McWord.L, <f64>L);
  st(ctx, McWord.N, <f64>n);
  st(ctx, McWord.SLOTS, <f64>slots);
  st(ctx, McWord.SITES, <f64>allocateInts(n));
  st(ctx, McWord.LIST2, <f64>allocateInts(n));
  st(ctx, McWord.LIST1, <f64>allocateInts(n));
  st(ctx, McWord.FIELD, <f64>allocate(n));
  st(ctx, McWord.COORD, <f64>allocateInts(3 * n));
  st(ctx, McWord.SLOT_D, <f64>allocateInts(3 * slots));
  st(ctx, McWord.SLOT_J, <f64>allocate(slots));
  st(ctx, McWord.NBR, <f64>allocateHalves(n * slots));
  st(ctx, McWord.PAIR_J, <f64>allocate(8 * L * L * L));
  st(ctx, McWord.RNG, <f64>allocateInts(4));
  st(ctx, McWord.MEASURE_SHELLS, <f64>measureShells);
  st(ctx, McWord.SHELL_C, <f64>allocate(n * measureShells));
  st(ctx, McWord.TWIDDLE, <f64>allocate(2 * L));
  st(ctx, McWord.DFT, <f64>allocate(4 * L * L * L + 2 * L));
  st(ctx, McWord.RECORD, <f64>allocate(McRecord.ALPHA + measureShells));
  st(ctx, McWord.SERIES, <f64>allocate(capacity * (McSeries.ALPHA + measureShells)));
  st(ctx, McWord.CAPACITY, <f64>capacity);
  return ctx;
}

/** Byte offset of array `which` (a McWord naming a buffer) of a context. */
export function mcBuffer(ctx: usize, which: i32): usize {
  return ptr(ctx, which);
}

/** Scalar word `which` of a context (McWord.N2, ENERGY, DIFF_AB, ATTEMPTS, ACCEPTED, ...). */
export function mcGet(ctx: usize, which: i32): f64 {
  return ld(ctx, which);
}

function wrap(p: i32, period: i32): i32 {
  let q = p % period;
  return q < 0 ? q + period : q;
}

function siteOf(px: i32, py: i32, pz: i32, L: i32): i32 {
  const s = px & 1;
  return ((s * L + (px >> 1)) * L + (py >> 1)) * L + (pz >> 1);
}

/** Coordinates, neighbour table, displacement coupling table and DFT twiddles (once per context). */
export function mcBuild(ctx: usize): void {
  const L = <i32>ld(ctx, McWord.L);
  const n = <i32>ld(ctx, McWord.N);
  const slots = <i32>ld(ctx, McWord.SLOTS);
  const coord = ptr(ctx, McWord.COORD);
  const slotD = ptr(ctx, McWord.SLOT_D);
  const slotJ = ptr(ctx, McWord.SLOT_J);
  const nbr = ptr(ctx, McWord.NBR);
  const pairJ = ptr(ctx, McWord.PAIR_J);
  const period = 2 * L;
  for (let site = 0; site < n; site++) {
    const s = (site / (L * L * L)) | 0;
    const r = site % (L * L * L);
    sti(coord, 3 * site, 2 * ((r / (L * L)) | 0) + s);
    sti(coord, 3 * site + 1, 2 * (((r / L) | 0) % L) + s);
    sti(coord, 3 * site + 2, 2 * (r % L) + s);
  }
  for (let site = 0; site < n; site++) {
    const px = ldi(coord, 3 * site), py = ldi(coord, 3 * site + 1), pz = ldi(coord, 3 * site + 2);
    for (let k = 0; k < slots; k++) {
      const qx = wrap(px + ldi(slotD, 3 * k), period);
      const qy = wrap(py + ldi(slotD, 3 * k + 1), period);
      const qz = wrap(pz + ldi(slotD, 3 * k + 2), period);
      sth(nbr, site * slots + k, siteOf(qx, qy, qz, L));
    }
  }
  const cells = period * period * period;
  for (let i = 0; i < cells; i++) st(pairJ, i, 0.0);
  for (let k = 0; k < slots; k++) {
    const dx = wrap(ldi(slotD, 3 * k), period);
    const dy = wrap(ldi(slotD, 3 * k + 1), period);
    const dz = wrap(ldi(slotD, 3 * k + 2), period);
    const i = (dx * period + dy) * period + dz;
    st(pairJ, i, ld(pairJ, i) + ld(slotJ, k));
  }
  const tw = ptr(ctx, McWord.TWIDDLE);
  for (let j = 0; j < L; j++) {
    st(tw, j, Math.cos((2.0 * Math.PI * <f64>j) / <f64>L));
    st(tw, L + j, Math.sin((2.0 * Math.PI * <f64>j) / <f64>L));
  }
}

/** Fields, Z2/Z1 lists, energy and sublattice difference from SITES (after the caller wrote it). */
export function mcSetSites(ctx: usize): void {
  const L = <i32>ld(ctx, McWord.L);
  const n = <i32>ld(ctx, McWord.N);
  const sites = ptr(ctx, McWord.SITES);
  const list2 = ptr(ctx, McWord.LIST2);
  const list1 = ptr(ctx, McWord.LIST1);
  let n2 = 0, n1 = 0, diff = 0;
  const half = L * L * L;
  for (let i = 0; i < n; i++) {
    if (ldi(sites, i) != 0) {
      sti(list2, n2++, i);
      diff += i < half ? 1 : -1;
    } else sti(list1, n1++, i);
  }
  st(ctx, McWord.N2, <f64>n2);
  st(ctx, McWord.DIFF_AB, <f64>diff);
  computeFields(ctx, ptr(ctx, McWord.FIELD));
  st(ctx, McWord.ENERGY, energyFromFields(ctx, ptr(ctx, McWord.FIELD)));
  st(ctx, McWord.ATTEMPTS, 0.0);
  st(ctx, McWord.ACCEPTED, 0.0);
}

function computeFields(ctx: usize, field: usize): void {
  const n = <i32>ld(ctx, McWord.N);
  const slots = <i32>ld(ctx, McWord.SLOTS);
  const sites = ptr(ctx, McWord.SITES);
  const nbr = ptr(ctx, McWord.NBR);
  const slotJ = ptr(ctx, McWord.SLOT_J);
  for (let i = 0; i < n; i++) {
    let h = 0.0;
    const row = i * slots;
    for (let k = 0; k < slots; k++) if (ldi(sites, ldh(nbr + ((<usize>(row + k)) << 1))) != 0) h += ld(slotJ, k);
    st(field, i, h);
  }
}

function energyFromFields(ctx: usize, field: usize): f64 {
  const n = <i32>ld(ctx, McWord.N);
  const sites = ptr(ctx, McWord.SITES);
  let e = 0.0;
  for (let i = 0; i < n; i++) if (ldi(sites, i) != 0) e += ld(field, i);
  return 0.5 * e;
}

/**
 * The energy recomputed from scratch (fields rebuilt from the occupations into the DFT
 * scratch), to compare with the running McWord.ENERGY. Leaves the state untouched.
 */
export function mcRecomputeEnergy(ctx: usize): f64 {
  const scratch = ptr(ctx, McWord.DFT);
  const n = <i32>ld(ctx, McWord.N);
  const L = <i32>ld(ctx, McWord.L);
  // The DFT scratch holds 4 L^3 + 2 L >= N doubles.
  if (4 * L * L * L + 2 * L < n) return NaN;
  computeFields(ctx, scratch);
  return energyFromFields(ctx, scratch);
}

/** Largest |running field - recomputed field| (a check of the incremental updates). */
export function mcFieldDrift(ctx: usize): f64 {
  const scratch = ptr(ctx, McWord.DFT);
  const field = ptr(ctx, McWord.FIELD);
  const n = <i32>ld(ctx, McWord.N);
  computeFields(ctx, scratch);
  let worst = 0.0;
  for (let i = 0; i < n; i++) worst = Math.max(worst, Math.abs(ld(field, i) - ld(scratch, i)));
  return worst;
}


function contextInts(ctx: usize): usize {
  for (let w = McWord.L; w <= McWord.SLOTS; w++) sti(intWords, w, <i32>ld(ctx, w));
  sti(intWords, McWord.N2, <i32>ld(ctx, McWord.N2));
  sti(intWords, McWord.DIFF_AB, <i32>ld(ctx, McWord.DIFF_AB));
  for (let w = McWord.SITES; w <= McWord.CAPACITY; w++) sti(intWords, w, <i32>ld(ctx, w));
  return intWords;
}

/** The xoshiro128** output of state word s1: rotl(5 s1, 7) times 9, in shifts and adds. */
@inline function scramble(s1: i32): i32 {
  const m5 = ((s1 << 2) + s1) | 0;
  const r = (m5 << 7) | (m5 >>> 25);
  return ((r << 3) + r) | 0;
}

/** Index into PAIR_J of the displacement b - a (doubled coordinates, wrapped into [0, 2L)). */
@inline function pairIndex(coord: usize, a: i32, b: i32, period: i32): i32 {
  const ca = coord + ((<usize>(3 * a)) << 2), cb = coord + ((<usize>(3 * b)) << 2);
  let dx = ldi(cb, 0) - ldi(ca, 0);
  let dy = ldi(cb, 1) - ldi(ca, 1);
  let dz = ldi(cb, 2) - ldi(ca, 2);
  dx += period & (dx >> 31);
  dy += period & (dy >> 31);
  dz += period & (dz >> 31);
  return (dx * period + dy) * period + dz;
}

/**
 * An accepted exchange's field updates: for each slot k in order, h(a + d_k) -= J_k, then
 * h(b + d_k) += J_k (the order of the floating-point updates is part of the results).
 * `na`, `nb`: byte addresses of the NBR rows of a and b; `j`..`jEnd`: SLOT_J's bytes.
 */
@inline function moveFields(field: usize, na: usize, nb: usize, j: usize, jEnd: usize): void {
  for (; j < jEnd; j += 8) {
    const v = ldb(j);
    const fa = field + ((<usize>ldh(na)) << 3);
    stb(fa, ldb(fa) - v);
    const fb = field + ((<usize>ldh(nb)) << 3);
    stb(fb, ldb(fb) + v);
    na += 2;
    nb += 2;
  }
}

/**
 * `sweeps` sweeps of N attempted exchanges at coupling gamma (Boltzmann factor exp(-gamma dE)).
 * After sweep t (from 0) the energy and N2(A) - N2(B) go to record t of SERIES, and when
 * measureEvery > 0 divides t + 1 also the structure measurement of mcMeasure (at most
 * CAPACITY records). Returns the number of accepted exchanges in this call.
 */
export function mcSweeps(ctx: usize, gamma: f64, sweeps: i32, measureEvery: i32): f64 {
  const w = contextInts(ctx);
  const n = ldi(w, McWord.N), slots = ldi(w, McWord.SLOTS), n2 = ldi(w, McWord.N2);
  const n1 = n - n2;
  const sites = <usize>ldi(w, McWord.SITES), list2 = <usize>ldi(w, McWord.LIST2), list1 = <usize>ldi(w, McWord.LIST1);
  const field = <usize>ldi(w, McWord.FIELD), coord = <usize>ldi(w, McWord.COORD), nbr = <usize>ldi(w, McWord.NBR);
  const slotJ = <usize>ldi(w, McWord.SLOT_J), pairJ = <usize>ldi(w, McWord.PAIR_J);
  const jEnd = slotJ + ((<usize>slots) << 3), rowBytes = slots << 1;
  const period = 2 * ldi(w, McWord.L);
  const half = n >> 1;
  const rng = <usize>ldi(w, McWord.RNG);
  let s0 = ldi(rng, 0), s1 = ldi(rng, 1), s2 = ldi(rng, 2), s3 = ldi(rng, 3);
  let energy = ld(ctx, McWord.ENERGY);
  let diff = ldi(w, McWord.DIFF_AB);
  let accepted = 0;
  const canMove = n2 > 0 && n1 > 0;
  for (let sweep = 0; sweep < sweeps; sweep++) {
    for (let t = 0; canMove && t < n; t++) {
      // xoshiro128**: three draws (Z2 slot, Z1 slot, acceptance).
      let r = scramble(s1);
      let tmp = s1 << 9;
      s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= tmp; s3 = (s3 << 11) | (s3 >>> 21);
      const ia = <i32>(<u32>(r >>> 1) % <u32>n2); // both non-negative: the signed remainder
      r = scramble(s1);
      tmp = s1 << 9;
      s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= tmp; s3 = (s3 << 11) | (s3 >>> 21);
      const ib = <i32>(<u32>(r >>> 1) % <u32>n1);
      const a = ldi(list2, ia);
      const b = ldi(list1, ib);
      const dE = ld(field, b) - ld(field, a) - ld(pairJ, pairIndex(coord, a, b, period));
      let accept = dE <= 0.0;
      if (!accept) {
        r = scramble(s1);
        tmp = s1 << 9;
        s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= tmp; s3 = (s3 << 11) | (s3 >>> 21);
        accept = <f64>(r >>> 1) * 4.656612873077393e-10 < Math.exp(-gamma * dE);
      }
      if (accept) {
        sti(sites, a, 0);
        sti(sites, b, 1);
        sti(list2, ia, b);
        sti(list1, ib, a);
        moveFields(field, nbr + <usize>(a * rowBytes), nbr + <usize>(b * rowBytes), slotJ, jEnd);
        energy += dE;
        diff += (b < half ? 1 : -1) - (a < half ? 1 : -1);
        accepted++;
      }
    }
    if (sweep < ldi(w, McWord.CAPACITY)) recordSweep(ctx, w, sweep, energy, diff, measureEvery);
  }
  sti(rng, 0, s0); sti(rng, 1, s1); sti(rng, 2, s2); sti(rng, 3, s3);
  st(ctx, McWord.ENERGY, energy);
  st(ctx, McWord.DIFF_AB, <f64>diff);
  st(ctx, McWord.ATTEMPTS, ld(ctx, McWord.ATTEMPTS) + (canMove ? <f64>n * <f64>sweeps : 0.0));
  st(ctx, McWord.ACCEPTED, ld(ctx, McWord.ACCEPTED) + <f64>accepted);
  return <f64>accepted;
}

/** Record `sweep` of SERIES: energy, N2(A) - N2(B), and the structure measurement when due. */
function recordSweep(ctx: usize, w: usize, sweep: i32, energy: f64, diff: i32, measureEvery: i32): void {
  const series = <usize>ldi(w, McWord.SERIES);
  const shells = <i32>ld(ctx, McWord.MEASURE_SHELLS);
  const out = sweep * (McSeries.ALPHA + shells);
  st(series, out + McSeries.ENERGY, energy);
  st(series, out + McSeries.DIFF_AB, <f64>diff);
  st(series, out + McSeries.S_MAX, -1.0);
  if (measureEvery > 0 && (sweep + 1) % measureEvery == 0) {
    mcMeasure(ctx);
    const rec = <usize>ldi(w, McWord.RECORD);
    for (let i = 0; i < McRecord.ALPHA + shells; i++) st(series, out + McSeries.S_MAX + i, ld(rec, i));
  }
}

// One pass of the DFT along an axis: lines of L complex values with element stride `stride`,
// line starts given by (outer, inner) loops; out[m] = sum_j in[j] e^{-2 pi i j m / L}.
function dftPass(re: usize, im: usize, tmp: usize, tw: usize, L: i32, stride: i32, strideA: i32, strideB: i32): void {
  for (let a = 0; a < L; a++) {
    for (let b = 0; b < L; b++) {
      const base = a * strideA + b * strideB;
      for (let m = 0; m < L; m++) {
        let sr = 0.0, si = 0.0, idx = 0;
        for (let j = 0; j < L; j++) {
          const c = ld(tw, idx), s = ld(tw, L + idx);
          const xr = ld(re, base + j * stride), xi = ld(im, base + j * stride);
          sr += xr * c + xi * s;
          si += xi * c - xr * s;
          idx += m;
          if (idx >= L) idx -= L;
        }
        st(tmp, m, sr);
        st(tmp, L + m, si);
      }
      for (let m = 0; m < L; m++) {
        st(re, base + m * stride, ld(tmp, m));
        st(im, base + m * stride, ld(tmp, L + m));
      }
    }
  }
}

/**
 * The structure measurement of the current configuration into RECORD: the DFT n_k of the
 * occupations on the supercell's 2 L^3 wave vectors, S(k) = |n_k|^2/N and its maximum over
 * k != 0 (docs/physics.md section 12), and alpha_i = sum_k |n_k|^2 c_i(k)/(m_i N^2) for
 * i = 1..MEASURE_SHELLS (eq. 1 summed over the cell), with c_i/(m_i N^2) from SHELL_C.
 */
export function mcMeasure(ctx: usize): void {
  const L = <i32>ld(ctx, McWord.L);
  const n = <i32>ld(ctx, McWord.N);
  const half = L * L * L;
  const shells = <i32>ld(ctx, McWord.MEASURE_SHELLS);
  const sites = ptr(ctx, McWord.SITES);
  const tw = ptr(ctx, McWord.TWIDDLE);
  const shellC = ptr(ctx, McWord.SHELL_C);
  const rec = ptr(ctx, McWord.RECORD);
  const dft = ptr(ctx, McWord.DFT);
  // Sublattice A: re at word 0, im at half; B: re at 2 half, im at 3 half; line scratch after.
  const tmp = dft + ((<usize>(4 * half)) << 3);
  for (let i = 0; i < n; i++) {
    st(dft, i < half ? i : i + half, <f64>ldi(sites, i));
    st(dft, i < half ? half + i : 2 * half + i, 0.0);
  }
  for (let s = 0; s < 2; s++) {
    const re = dft + ((<usize>(2 * s * half)) << 3);
    const im = re + ((<usize>half) << 3);
    dftPass(re, im, tmp, tw, L, 1, L * L, L); // along z
    dftPass(re, im, tmp, tw, L, L, L * L, 1); // along y
    dftPass(re, im, tmp, tw, L, L * L, L, 1); // along x
  }
  for (let i = 0; i < shells; i++) st(rec, McRecord.ALPHA + i, 0.0);
  let sMax = -1.0, kStar = 0;
  const aRe = dft, aIm = dft + ((<usize>half) << 3);
  const bRe = dft + ((<usize>(2 * half)) << 3), bIm = dft + ((<usize>(3 * half)) << 3);
  for (let m = 0; m < half; m++) {
    const mx = (m / (L * L)) | 0, my = ((m / L) | 0) % L, mz = m % L;
    // n_k = A_m + sigma e^{-i k.tau} B_m, k.tau = pi (mx + my + mz)/L, sigma = +1, -1.
    const phase = (Math.PI * <f64>(mx + my + mz)) / <f64>L;
    const c = Math.cos(phase), sn = Math.sin(phase);
    const br = ld(bRe, m) * c + ld(bIm, m) * sn;
    const bi = ld(bIm, m) * c - ld(bRe, m) * sn;
    for (let sigma = 0; sigma < 2; sigma++) {
      const sg = sigma == 0 ? 1.0 : -1.0;
      const nr = ld(aRe, m) + sg * br, ni = ld(aIm, m) + sg * bi;
      const p = nr * nr + ni * ni;
      const k = sigma * half + m;
      const row = k * shells;
      for (let i = 0; i < shells; i++) st(rec, McRecord.ALPHA + i, ld(rec, McRecord.ALPHA + i) + p * ld(shellC, row + i));
      if (k != 0 && p > sMax) {
        sMax = p;
        kStar = k;
      }
    }
  }
  st(rec, McRecord.S_MAX, sMax / <f64>n);
  st(rec, McRecord.K_STAR, <f64>kStar);
}
