import { RECIPROCAL_UNIT } from '../lattice/constants.js';
import { vec3, WEDGE, type Vec3 } from '../brillouin/wedge.js';

/*
 * Wave-vector sample of the irreducible wedge of the bcc Brillouin zone
 * (docs/physics.md sections 3 and 6): the tetrahedron 0 <= kz <= ky <= kx, kx + ky <= c,
 * c = 2 pi / a_l, with vertices Gamma = 0, H = c(1,0,0), N = c(1/2,1/2,0), P = c(1/2,1/2,1/2).
 * Units: 1/a_i. The paper checked |Delta_k|^2 >= 0 (eq. 3) on ~10^5 such points:
 * 600 on the 6 edges (vertices included), 4000 on the 4 faces, the rest inside.
 */

export type { Vec3 };

/** Options of {@link wedgeSample}. */
export interface WedgeSampleOptions {
  /** Total number of points (>= edge + face points + 1); default 100000. */
  size?: number;
  /** Seed of the PRNG for the face and interior points; default 1. */
  seed?: number;
  /** Points on the 6 edges, the 4 vertices included (deterministic, evenly spaced); default 600. */
  edgePoints?: number;
  /** Random points on the 4 faces; default 4000. */
  facePoints?: number;
}

/** A wedge sample: `points` holds 3 coordinates per point (1/a_i), edges first, then faces, then the interior. */
export interface WedgeSample {
  points: Float64Array;
  count: number;
  /** Number of edge points (vertices included), stored first. */
  edgeCount: number;
  /** Number of face points, stored after the edge points. */
  faceCount: number;
  seed: number;
}

export const DEFAULT_SAMPLE_SIZE = 100_000;
export const DEFAULT_EDGE_POINTS = 600;
export const DEFAULT_FACE_POINTS = 4000;

/**
 * Seeded PRNG (xoshiro128**, seeded through splitmix32) returning doubles in [0, 1)
 * with 53 random bits. Deterministic for a given integer seed on every platform.
 */
export function seededRandom(seed: number): () => number {
  let s = (Math.trunc(seed) ^ 0x9e3779b9) >>> 0;
  const splitmix = (): number => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = splitmix();
  let b = splitmix();
  let c = splitmix();
  let d = splitmix();
  if ((a | b | c | d) === 0) a = 1;
  const next = (): number => {
    const result = Math.imul(rotl(Math.imul(b, 5) >>> 0, 7), 9) >>> 0;
    const t = (b << 9) >>> 0;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = rotl(d, 11);
    return result;
  };
  return () => ((next() >>> 5) * 67108864 + (next() >>> 6)) / 9007199254740992;
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}

/**
 * The wedge sample the |Delta_k|^2 >= 0 constraint (paper eq. 3) is enforced on:
 * the 4 vertices and evenly spaced points on the 6 edges (deterministic, so every
 * high-symmetry point the spacing hits is present for every seed), uniform random points
 * on the 4 faces and uniform random points inside the tetrahedron (seeded).
 *
 * @example wedgeSample({ size: 100000, seed: 1 }).count // 100000
 */
export function wedgeSample(options: WedgeSampleOptions = {}): WedgeSample {
  const size = options.size ?? DEFAULT_SAMPLE_SIZE;
  const seed = options.seed ?? 1;
  const edgePoints = options.edgePoints ?? DEFAULT_EDGE_POINTS;
  const facePoints = options.facePoints ?? DEFAULT_FACE_POINTS;
  if (!Number.isInteger(edgePoints) || edgePoints < 4) throw new RangeError(`edgePoints must be an integer >= 4, got ${edgePoints}`);
  if (!Number.isInteger(facePoints) || facePoints < 0) throw new RangeError(`facePoints must be an integer >= 0, got ${facePoints}`);
  if (!Number.isInteger(size) || size < edgePoints + facePoints) {
    throw new RangeError(`sample size must be an integer >= ${edgePoints + facePoints}, got ${size}`);
  }
  if (!Number.isFinite(seed)) throw new RangeError(`seed must be a finite number, got ${seed}`);
  const { Gamma, H, N, P } = WEDGE;
  const V = [Gamma, H, N, P];
  const pts = new Float64Array(3 * size);
  let p = 0;
  const put = (x: number, y: number, z: number): void => {
    pts[3 * p] = x;
    pts[3 * p + 1] = y;
    pts[3 * p + 2] = z;
    p++;
  };
  // Vertices, then the interior points of each edge, evenly spaced (t = j/(q+1)).
  for (const v of V) put(v[0], v[1], v[2]);
  const edges: Array<[Vec3, Vec3]> = [
    [Gamma, H],
    [Gamma, N],
    [Gamma, P],
    [H, N],
    [H, P],
    [N, P],
  ];
  const perEdge = edgePoints - 4;
  for (let e = 0; e < 6; e++) {
    const q = Math.floor(perEdge / 6) + (e < perEdge % 6 ? 1 : 0);
    const [A, B] = edges[e];
    for (let j = 1; j <= q; j++) {
      const t = j / (q + 1);
      put(A[0] + t * (B[0] - A[0]), A[1] + t * (B[1] - A[1]), A[2] + t * (B[2] - A[2]));
    }
  }
  const rand = seededRandom(seed);
  // Faces: uniform on each triangle (reflection trick), split evenly.
  const faces: Array<[Vec3, Vec3, Vec3]> = [
    [Gamma, H, N], // kz = 0
    [Gamma, N, P], // kx = ky
    [Gamma, H, P], // ky = kz
    [H, N, P], // kx + ky = c (zone boundary)
  ];
  for (let f = 0; f < 4; f++) {
    const q = Math.floor(facePoints / 4) + (f < facePoints % 4 ? 1 : 0);
    const [A, B, C] = faces[f];
    for (let j = 0; j < q; j++) {
      let u = rand();
      let v = rand();
      if (u + v > 1) {
        u = 1 - u;
        v = 1 - v;
      }
      put(
        A[0] + u * (B[0] - A[0]) + v * (C[0] - A[0]),
        A[1] + u * (B[1] - A[1]) + v * (C[1] - A[1]),
        A[2] + u * (B[2] - A[2]) + v * (C[2] - A[2]),
      );
    }
  }
  // Interior: uniform in the tetrahedron (barycentric weights from normalized exponentials).
  while (p < size) {
    const w0 = -Math.log(1 - rand());
    const w1 = -Math.log(1 - rand());
    const w2 = -Math.log(1 - rand());
    const w3 = -Math.log(1 - rand());
    const s = w0 + w1 + w2 + w3;
    if (!(s > 0)) continue;
    const b1 = w1 / s;
    const b2 = w2 / s;
    const b3 = w3 / s;
    put(b1 * H[0] + b2 * N[0] + b3 * P[0], b1 * H[1] + b2 * N[1] + b3 * P[1], b1 * H[2] + b2 * N[2] + b3 * P[2]);
  }
  return { points: pts, count: size, edgeCount: edgePoints, faceCount: facePoints, seed };
}

/**
 * Map any wave vector to its image in the irreducible wedge with the symmetries of the
 * bcc reciprocal lattice (translations by G, the 48 cubic operations). Functions of the
 * shell cosine sums c_i(k) take the same value at k and at its image.
 *
 * @example foldToWedge([-0.1, 0.3, 0.2]) // [0.3, 0.2, 0.1]
 */
export function foldToWedge(k: ArrayLike<number>): Vec3 {
  const c = RECIPROCAL_UNIT;
  let x = k[0];
  let y = k[1];
  let z = k[2];
  // Reduce into the first Brillouin zone of the fcc reciprocal lattice (rhombic dodecahedron).
  for (let iter = 0; iter < 64; iter++) {
    // Reciprocal vectors of bcc: c * (h, k, l) with h + k + l even; nearest are c(+-1, +-1, 0) perms
    // and c(+-2, 0, 0) perms. Subtract the one that most reduces |k|.
    x = x - 2 * c * Math.round(x / (2 * c));
    y = y - 2 * c * Math.round(y / (2 * c));
    z = z - 2 * c * Math.round(z / (2 * c));
    let moved = false;
    const comps = [x, y, z];
    for (let a = 0; a < 3 && !moved; a++) {
      for (let b = a + 1; b < 3 && !moved; b++) {
        for (const sa of [1, -1]) {
          for (const sb of [1, -1]) {
            if (sa * comps[a] + sb * comps[b] > c * (1 + 1e-15)) {
              comps[a] -= sa * c;
              comps[b] -= sb * c;
              moved = true;
              break;
            }
          }
          if (moved) break;
        }
      }
    }
    [x, y, z] = comps;
    if (!moved) break;
  }
  const s = [Math.abs(x), Math.abs(y), Math.abs(z)].sort((p, q) => q - p);
  return vec3(s[0], s[1], s[2]);
}

