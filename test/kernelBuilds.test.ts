// The two WASM builds (scalar and SIMD) and how the loader picks one; the per-k reciprocal
// cut-off of the Ewald sums (docs/physics.md section 3).
import { describe, expect, it, vi } from 'vitest';
import { gaussLegendre01 } from '../src/brillouin/gaussLegendre.js';
import { loadWasmBuild, simdSupported } from '../src/kernels/loadWasm.js';
import { latticeKernel } from '../src/kernels/latticeKernel.js';
import { cellScanKernel } from '../src/kernels/cellScanKernel.js';
import { getConstraintTable } from '../src/sro/constraintTable.js';
import { RECIPROCAL_UNIT } from '../src/lattice/constants.js';

let seed = 4242;
const rnd = (): number => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const randomK = (): number[] => [0, 1, 2].map(() => ((2 * rnd() - 1) * RECIPROCAL_UNIT) / Math.sqrt(3));

describe.skipIf(!simdSupported())('the SIMD build', () => {
  const scalar = loadWasmBuild('scalar');
  const simd = loadWasmBuild('simd');

  it('exports everything the scalar build exports', () => {
    const missing = Object.keys(scalar.exports).filter((name) => !(name in simd.exports));
    expect(missing).toEqual([]);
  });

  it('gives bit-identical wedge sums (any range, odd lengths included)', () => {
    const rules = { t: gaussLegendre01(7), u: gaussLegendre01(9), v: gaussLegendre01(5) };
    for (const shells of [0, 8, 30]) {
      const a = latticeKernel({ shells, backend: scalar });
      const b = latticeKernel({ shells, backend: simd });
      for (const [first, last] of [[0, 315], [3, 200], [17, 18], [100, 100]]) {
        const x = a.wedgeSums(rules, first, last);
        const y = b.wedgeSums(rules, first, last);
        expect(Array.from(y)).toEqual(Array.from(x));
        expect(y.every((v, i) => Object.is(v, x[i]))).toBe(true);
      }
    }
  });

  it('gives the same cell scan', () => {
    const { blocks } = getConstraintTable(8);
    const d = [-0.0161, 0.0203, -0.0031, -0.0102, 0.0041, 0.0012, 0.0023, -0.0011];
    const read = (backend: typeof scalar): number[][] => {
      const k = cellScanKernel(blocks, backend);
      const count = k.scan(d, 0.25, 12, -1e-13);
      const h = k.heap();
      return Array.from({ length: count }, (_, r) => {
        const p = h[k.order + r];
        return [p, h[k.min + p], h[k.arg + p]];
      });
    };
    const x = read(scalar);
    expect(x.length).toBeGreaterThanOrEqual(12);
    expect(read(simd)).toEqual(x);
  });

  it('is the build loadWasm() picks where WebAssembly.validate accepts SIMD, the scalar one otherwise', async () => {
    vi.resetModules();
    const fresh = await import('../src/kernels/loadWasm.js');
    expect(fresh.loadWasm().name).toBe('wasm-simd');
    vi.resetModules();
    const validate = vi.spyOn(WebAssembly, 'validate').mockReturnValue(false);
    try {
      const noSimd = await import('../src/kernels/loadWasm.js');
      expect(noSimd.simdSupported()).toBe(false);
      expect(noSimd.loadWasm().name).toBe('wasm');
    } finally {
      validate.mockRestore();
    }
  });
});

describe('per-k reciprocal cut-off', () => {
  it('keeps D(k) and beta(k) within the Ewald tolerance of a far tighter sum', () => {
    const k13 = latticeKernel({ shells: 1, ewaldTol: 1e-13 });
    const ref = latticeKernel({ shells: 1, ewaldTol: 1e-17 });
    expect(k13.tables.recipReach).toBeLessThan(k13.tables.recipCutoff - k13.tables.kmax + 1);
    let dD = 0;
    let dB = 0;
    for (let j = 0; j < 100; j++) {
      const k = randomK();
      const a = k13.dynamical(k);
      const b = ref.dynamical(k);
      for (let i = 0; i < 6; i++) dD = Math.max(dD, Math.abs(a.D[i] - b.D[i]));
      for (let i = 0; i < 3; i++) dB = Math.max(dB, Math.abs(a.beta[i] - b.beta[i]));
    }
    expect(dD).toBeLessThan(1e-13);
    expect(dB).toBeLessThan(1e-13);
  });
});
