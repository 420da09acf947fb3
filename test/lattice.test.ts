import { describe, expect, it } from 'vitest';
import { bccShells, MAX_SHELLS } from '../src/lattice/bccShells.js';
import { LATTICE_CONSTANT } from '../src/lattice/constants.js';
import { shellCosineSums } from '../src/lattice/shellCosineSums.js';
import { gaussLegendre01 } from '../src/brillouin/gaussLegendre.js';
import { erfc } from '../src/ewald/erfc.js';

describe('bcc neighbour shells', () => {
  it('has the multiplicities and lengths of Table I', () => {
    const s = bccShells(8);
    expect(s.map((x) => x.l2)).toEqual([3, 4, 8, 11, 12, 16, 19, 20]);
    expect(s.map((x) => x.m)).toEqual([8, 6, 12, 24, 8, 6, 24, 24]);
    expect(s[7].vector).toEqual([2, 1, 0]);
    expect(s[0].R).toBeCloseTo((Math.sqrt(3) / 2) * LATTICE_CONSTANT, 14);
  });

  it('matches brute-force enumeration from the primitive vectors for the first 60 shells', () => {
    // independent construction: R = n1 a1 + n2 a2 + n3 a3, a1 = (-1,1,1)/2 ... in units of a_l
    const count = new Map<number, number>();
    const B = 16;
    for (let n1 = -B; n1 <= B; n1++)
      for (let n2 = -B; n2 <= B; n2++)
        for (let n3 = -B; n3 <= B; n3++) {
          const x = -n1 + n2 + n3, y = n1 - n2 + n3, z = n1 + n2 - n3; // units a_l/2
          const l2 = x * x + y * y + z * z;
          if (l2 > 0 && l2 <= 300) count.set(l2, (count.get(l2) ?? 0) + 1);
        }
    const lengths = [...count.keys()].sort((a, b) => a - b).slice(0, MAX_SHELLS);
    const shells = bccShells(MAX_SHELLS);
    expect(shells.map((s) => s.l2)).toEqual(lengths);
    expect(shells.map((s) => s.m)).toEqual(lengths.map((l) => count.get(l)));
  });

  it('groups several orbits of one length into one shell (l2 = 27: m = 32)', () => {
    const s = bccShells(10)[9];
    expect(s.l2).toBe(27);
    expect(s.m).toBe(32);
    expect(s.orbits.map((o) => o.m).sort()).toEqual([24, 8]);
  });

  it('rejects shell counts outside 1..60', () => {
    expect(() => bccShells(0)).toThrow(RangeError);
    expect(() => bccShells(61)).toThrow(RangeError);
  });

  it('shell cosine sums equal m_i at k = 0', () => {
    expect(Array.from(shellCosineSums([0, 0, 0], 8))).toEqual([8, 6, 12, 24, 8, 6, 24, 24]);
  });
});

describe('numerical building blocks', () => {
  it('Gauss-Legendre on [0,1] integrates x^(2n-1) exactly', () => {
    for (const n of [1, 5, 24]) {
      const g = gaussLegendre01(n);
      let s = 0;
      for (let i = 0; i < n; i++) s += g[2 * i + 1] * g[2 * i] ** (2 * n - 1);
      expect(s).toBeCloseTo(1 / (2 * n), 14);
    }
  });

  it('erfc matches reference values (Python math.erfc) to 1e-15 absolute', () => {
    const ref: Array<[number, number]> = [
      [0.1, 0.8875370839817152], [1, 0.15729920705028513], [2, 0.004677734981047266],
      [2.5, 0.0004069520174449589], [2.9, 4.109787809945886e-5], [3, 2.209049699858544e-5],
      [4, 1.541725790028002e-8], [6, 2.1519736712498913e-17],
    ];
    for (const [x, v] of ref) expect(Math.abs(erfc(x) - v)).toBeLessThan(1e-15);
  });
});
