import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it, vi } from 'vitest';
import { latticeKernel } from '../src/kernels/latticeKernel.js';
import { shellCosineTable } from '../src/kernels/shellCosineTable.js';
import { shellCosineSums } from '../src/lattice/shellCosineSums.js';
import { RECIPROCAL_UNIT } from '../src/lattice/constants.js';
import { phononFrequencies } from '../src/phonons/phononFrequencies.js';
import { phononMoments } from '../src/phonons/phononMoments.js';
import { symmetricEigenvalues3 } from '../src/phonons/symmetricEigenvalues3.js';

// deterministic pseudo-random wave vectors in the first zone-ish region
let seed = 12345;
const rnd = (): number => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
// inside the first zone (|k| <= 2 pi/a_l, the range the default kernel serves)
const randomK = (): number[] => [0, 1, 2].map(() => ((2 * rnd() - 1) * RECIPROCAL_UNIT) / Math.sqrt(3));

describe('Ewald dynamical matrix D(k)', () => {
  const kernel = latticeKernel({ shells: 8 });

  it('reproduces the Madelung constant 0.895929255682 within 1e-11', () => {
    expect(Math.abs(-kernel.madelungEnergy() - 0.895929255682)).toBeLessThan(1e-11);
  });

  it('obeys the Kohn sum rule trace D(k) = 4 pi n = 3 at random k', () => {
    for (let j = 0; j < 50; j++) {
      const { D } = kernel.dynamical(randomK());
      expect(Math.abs(D[0] + D[1] + D[2] - 3)).toBeLessThan(1e-10);
    }
  });

  it('is periodic: D(k + G) = D(k) and the integrand too', () => {
    const wide = latticeKernel({ shells: 1, kmax: 5 * RECIPROCAL_UNIT });
    const Gs = [[2, 0, 0], [1, 1, 0], [1, -1, 2]].map((g) => g.map((c) => c * RECIPROCAL_UNIT));
    for (let j = 0; j < 10; j++) {
      const k = randomK();
      const a = wide.dynamical(k).D;
      for (const G of Gs) {
        const kg = k.map((c, i) => c + G[i]);
        const b = wide.dynamical(kg).D;
        for (let i = 0; i < 6; i++) expect(Math.abs(a[i] - b[i])).toBeLessThan(1e-10);
        expect(wide.integrand(kg) / wide.integrand(k)).toBeCloseTo(1, 9);
      }
    }
  });

  it('tends to 4 pi n k^ k^ as k -> 0 and beta to -4 pi n k/k^2', () => {
    const dir = [0.6, 0.48, 0.64];
    const k = dir.map((c) => c * 1e-4);
    const { D, beta } = kernel.dynamical(k);
    const expectD = [dir[0] ** 2, dir[1] ** 2, dir[2] ** 2, dir[0] * dir[1], dir[0] * dir[2], dir[1] * dir[2]].map((v) => 3 * v);
    for (let i = 0; i < 6; i++) expect(Math.abs(D[i] - expectD[i])).toBeLessThan(1e-6);
    for (let i = 0; i < 3; i++) expect(beta[i] / ((-3 * k[i]) / 1e-8)).toBeCloseTo(1, 6);
  });

  it('gives the same integrand at all 48 cubic images of k', () => {
    const k = [0.71, 0.43, 0.19];
    const f0 = kernel.integrand(k);
    const perms = [[0, 1, 2], [0, 2, 1], [1, 0, 2], [1, 2, 0], [2, 0, 1], [2, 1, 0]];
    let count = 0;
    for (const p of perms)
      for (let signs = 0; signs < 8; signs++) {
        const q = p.map((axis, i) => ((signs >> i) & 1 ? -1 : 1) * k[axis]);
        expect(Math.abs(kernel.integrand(q) - f0)).toBeLessThan(1e-11 * f0);
        count++;
      }
    expect(count).toBe(48);
  });

  it('does not depend on eta', () => {
    const a = latticeKernel({ eta: 0.7, shells: 1 });
    const b = latticeKernel({ eta: 1.3, shells: 1 });
    for (let j = 0; j < 10; j++) {
      const k = randomK();
      expect(Math.abs(a.integrand(k) - b.integrand(k))).toBeLessThan(1e-10 * Math.max(1, a.integrand(k)));
    }
  });
});

describe('shell cosine sums (WASM) against direct summation', () => {
  it('agrees for 60 shells at random k', () => {
    const n = 60;
    const pts = new Float64Array(3 * 20).map(() => (2 * rnd() - 1) * RECIPROCAL_UNIT);
    const table = shellCosineTable(pts, n);
    for (let j = 0; j < 20; j++) {
      const ref = shellCosineSums(pts.subarray(3 * j, 3 * j + 3), n);
      for (let i = 0; i < n; i++) expect(Math.abs(table[j * n + i] - ref[i])).toBeLessThan(1e-11);
    }
  });
});

describe('phonons from the same D(k)', () => {
  it('Jacobi eigenvalues of a known matrix', () => {
    const e = symmetricEigenvalues3([2, 2, 2, 1, 0, 0]);
    expect(e[0]).toBeCloseTo(1, 14);
    expect(e[1]).toBeCloseTo(2, 14);
    expect(e[2]).toBeCloseTo(3, 14);
  });

  it('frequencies satisfy sum (omega/omega_p)^2 = 1', () => {
    const f = phononFrequencies([0.5, 0.2, 0.1]);
    expect(f[0] ** 2 + f[1] ** 2 + f[2] ** 2).toBeCloseTo(1, 12);
  });

  it('u_1 and u_ln match Baiko, Potekhin & Yakovlev (2001) within 2e-6', () => {
    const m = phononMoments(24);
    expect(Math.abs(m.u1 - 0.5113875)).toBeLessThan(2e-6);
    expect(Math.abs(m.uLn - -0.831298)).toBeLessThan(2e-6);
    expect(m.error.u1).toBeLessThan(1e-7);
    expect(m.error.uLn).toBeLessThan(1e-7);
  });
});

describe('initKernels (the browser entry)', () => {
  it('a URL that does not serve the kernels is a clear error, not a WASM compile error', async () => {
    vi.resetModules(); // a fresh loadWasm module: no kernels cached in this thread yet
    const { initKernels } = await import('../src/kernels/loadWasm.js');
    const server = createServer((_req, res) => res.writeHead(404).end());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      await expect(initKernels(`http://127.0.0.1:${port}/release.wasm`)).rejects.toThrow(/cannot load the coulomix kernels from .*: HTTP 404/);
    } finally {
      server.close();
    }
  });
});
