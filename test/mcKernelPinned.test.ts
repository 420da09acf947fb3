import { describe, expect, test } from 'vitest';
import { getLatticeSums } from '../src/latticeSums/getLatticeSums.js';
import { loadWasmBuild, simdSupported } from '../src/kernels/loadWasm.js';
import { loadPortable } from '../src/kernels/loadPortable.js';
import type { KernelBackend } from '../src/kernels/kernelBackend.js';
import { mcLayout } from '../src/kernels/mcKernel.js';
import { paperCouplings, randomSites, supercellSetup } from '../src/mc/supercell.js';
import { SplitMix32 } from '../src/mc/rng.js';

// The move kernel's exact output for fixed seeds, pinned: any rewrite of assembly/mc.ts must make
// the same moves, accept the same ones and leave the same state bit for bit (a running sampler
// relies on it). The numbers were produced by the kernel as first written (before the rewrite
// that reads its addresses as i32 and walks the neighbour rows by pointer).

/** FNV-1a over 32-bit words. */
const fnv = (words: ArrayLike<number>): number =>
  Array.prototype.reduce.call(words, (h: number, v: number) => Math.imul(h ^ v, 16777619) >>> 0, 2166136261) as number;

const CASES = [
  { L: 4, n: 8, gamma: 175.7, sweeps: 24, every: 6, pinned: 'accepted 1913 energy 0.02412955563735763 sites 69793035 field 2546788227 rng -1429682401 1259516710 -431332297 -1987020222 series 3175919098' },
  { L: 6, n: 30, gamma: 400, sweeps: 10, every: 0, pinned: 'accepted 1177 energy -0.2830143471745096 sites 103066941 field 3904867945 rng -508557392 478960085 -990745457 2006109062 series 1312577368' },
];

/**
 * Run a case through the kernel's exports (as src/kernels/mcKernel.ts does) and digest what it
 * leaves: accepted count, energy, occupations, local fields, generator state, and the words of
 * the series every sweep writes (energy, N2(A) - N2(B), S_MAX; whole records when measured).
 */
async function run(backend: KernelBackend, c: (typeof CASES)[number]): Promise<string> {
  const sums = await getLatticeSums(30);
  const setup = supercellSetup(c.L, paperCouplings({ z1: 6, z2: 8, x: 0.5 }, sums, c.n));
  const N = 2 * c.L ** 3;
  const x = backend.exports;
  const W = mcLayout(backend).word;
  const ctx = x.mcContext(c.L, setup.slotJ.length, setup.measureShells, c.sweeps);
  const at = (w: number): number => x.mcBuffer(ctx, w);
  backend.ints().set(setup.slotD, at(W.SLOT_D) / 4);
  backend.heap().set(setup.slotJ, at(W.SLOT_J) / 8);
  backend.heap().set(setup.shellC, at(W.SHELL_C) / 8);
  x.mcBuild(ctx);
  backend.ints().set(randomSites(N, N / 2, new SplitMix32(5)), at(W.SITES) / 4);
  backend.ints().set([1, 2, 3, 4], at(W.RNG) / 4);
  x.mcSetSites(ctx);
  const accepted = x.mcSweeps(ctx, c.gamma, c.sweeps, c.every);
  const h = backend.heap(), ints = backend.ints();
  const stride = 4 + setup.measureShells;
  const kept: number[] = [];
  for (let t = 0; t < c.sweeps; t++) {
    const measured = c.every > 0 && (t + 1) % c.every === 0;
    const r = at(W.SERIES) / 8 + t * stride;
    kept.push(...h.subarray(r, r + (measured ? stride : 3)));
  }
  const bits = (a: ArrayLike<number>) => fnv(new Int32Array(Float64Array.from(a).buffer));
  const sites = fnv(ints.subarray(at(W.SITES) / 4, at(W.SITES) / 4 + N));
  const field = bits(h.subarray(at(W.FIELD) / 8, at(W.FIELD) / 8 + N));
  const rng = Array.from(ints.subarray(at(W.RNG) / 4, at(W.RNG) / 4 + 4)).join(' ');
  return `accepted ${accepted} energy ${x.mcGet(ctx, W.ENERGY)} sites ${sites} field ${field} rng ${rng} series ${bits(kept)}`;
}

describe('Monte Carlo move kernel: pinned output for fixed seeds', () => {
  const builds: [string, () => Promise<KernelBackend>][] = [
    ['scalar WASM', async () => loadWasmBuild('scalar')],
    ['portable JS', () => loadPortable()],
  ];
  if (simdSupported()) builds.push(['SIMD WASM', async () => loadWasmBuild('simd')]);
  for (const [name, backend] of builds) {
    test(`${name}: the same accepted count, energy, occupations, fields, generator state and series`, async () => {
      for (const c of CASES) {
        expect(await run(await backend(), c)).toBe(c.pinned);
      }
    }, 30_000);
  }
});
