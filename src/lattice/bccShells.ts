import { LATTICE_CONSTANT } from './constants.js';

/** One symmetry orbit (cubic group O_h) of lattice vectors inside a distance shell. */
export interface ShellOrbit {
  /** Canonical representative in units of a_l/2 (integers, x >= y >= z >= 0, all of one parity). */
  half: [number, number, number];
  /** Number of lattice vectors in the orbit. */
  m: number;
}

/** A neighbour shell of the bcc lattice: every lattice vector of one length (paper, Table I). */
export interface BccShell {
  /** Shell number, 1-based. */
  i: number;
  /** 4 l^2 / a_l^2, an exact integer. */
  l2: number;
  /** Canonical representative in units of a_l (x >= y >= z >= 0); for several orbits the one with the largest x. */
  vector: [number, number, number];
  /** Multiplicity m_i: number of lattice vectors in the shell (all orbits). */
  m: number;
  /** Distance R_i in units of a_i. */
  R: number;
  /** Direct Coulomb shell sum I_i = m_i / R_i, in 1/a_i (paper eq. 5). */
  I: number;
  /** Symmetry orbits making up the shell (more than one for e.g. l2 = 27). */
  orbits: ShellOrbit[];
  /** All member vectors in units of a_l/2 (integer triples), m of them. */
  members: Array<[number, number, number]>;
}

/** Largest shell count the library accepts anywhere. */
export const MAX_SHELLS = 60;

const cache: BccShell[] = [];

/**
 * The first `count` neighbour shells of the bcc lattice, grouped by distance as in the
 * paper (a length shared by several symmetry orbits is one shell).
 *
 * Lattice vectors are (a_l/2)(h, k, l) with h, k, l integers of one parity, so
 * 4 l^2/a_l^2 = h^2 + k^2 + l^2.
 *
 * @param count number of shells, 1..MAX_SHELLS
 * @example bccShells(2).map(s => [s.l2, s.m]) // [[3, 8], [4, 6]]
 */
export function bccShells(count: number): BccShell[] {
  if (!Number.isInteger(count) || count < 1 || count > MAX_SHELLS) {
    throw new RangeError(`shell count must be an integer in 1..${MAX_SHELLS}, got ${count}`);
  }
  if (cache.length < count) fill(MAX_SHELLS);
  return cache.slice(0, count);
}

function fill(count: number): void {
  // Enumerate a cube big enough that the first `count` distinct lengths are complete.
  for (let bound = 8; ; bound *= 2) {
    const byL2 = new Map<number, Array<[number, number, number]>>();
    for (let h = -bound; h <= bound; h++) {
      for (let k = -bound; k <= bound; k++) {
        if (((h - k) & 1) !== 0) continue;
        for (let l = -bound; l <= bound; l++) {
          if (((h - l) & 1) !== 0) continue;
          const l2 = h * h + k * k + l * l;
          if (l2 === 0 || l2 > bound * bound) continue;
          let list = byL2.get(l2);
          if (!list) byL2.set(l2, (list = []));
          list.push([h, k, l]);
        }
      }
    }
    const lengths = [...byL2.keys()].sort((a, b) => a - b);
    if (lengths.length < count) continue;
    cache.length = 0;
    for (let idx = 0; idx < count; idx++) {
      const l2 = lengths[idx];
      const members = byL2.get(l2)!;
      const orbitMap = new Map<string, ShellOrbit>();
      for (const v of members) {
        const c = v.map(Math.abs).sort((a, b) => b - a) as [number, number, number];
        const key = c.join(',');
        const o = orbitMap.get(key);
        if (o) o.m++;
        else orbitMap.set(key, { half: c, m: 1 });
      }
      const orbits = [...orbitMap.values()].sort((a, b) => b.half[0] - a.half[0]);
      const R = (Math.sqrt(l2) / 2) * LATTICE_CONSTANT;
      cache.push({
        i: idx + 1,
        l2,
        vector: orbits[0].half.map((c) => c / 2) as [number, number, number],
        m: members.length,
        R,
        I: members.length / R,
        orbits,
        members,
      });
    }
    return;
  }
}
