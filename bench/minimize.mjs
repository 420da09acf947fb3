// Benchmark of the short-range-order minimizer: one certified minimization
// with n = 8 order parameters and the 10^5-point wedge sample, single thread, the shell-cosine
// table precomputed (it is computed once per process and shared by every minimization).
// Run stand-alone with `node bench/minimize.mjs` after `npm run build`; `bench/run.mjs` calls
// benchMinimize(). Prints / returns the MEDIAN of the benny samples.
import b from 'benny';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');

/** Compiled module from dist/ (tsc rootDir src -> dist/<path>; dist/src/<path> also accepted). */
async function load(path) {
  for (const base of [join(root, 'dist'), join(root, 'dist', 'src')]) {
    const file = join(base, path);
    if (existsSync(file)) return import(pathToFileURL(file).href);
  }
  throw new Error(`bench/minimize: dist/${path} is missing; run \`npm run build\` first`);
}

async function medianOf(name, fn, options = {}) {
  let result;
  await b.suite(
    `minimize: ${name}`,
    b.add(name, fn, { minSamples: options.minSamples ?? 30, maxTime: options.maxTime ?? 3 }),
    b.complete((s) => {
      result = s.results[0];
    }),
  );
  const samples = result.details.sampleResults ?? [];
  return { name, medianMs: +(result.details.median * 1e3).toFixed(3), samples: samples.length };
}

/**
 * Median time of one minimization at (C/O, x = 0.5, Gamma_1m = 175.719, n = 8, 10^5 wedge points),
 * the paper's reference point; also, in `cases`, a low-temperature point (Gamma = 800) where the
 * |Delta_k|^2 >= 0 constraint is active and the cutting-plane loop needs several rounds, and two
 * strongly asymmetric C/Fe points (x = 0.5 and x = 0.01 at Gamma = 150, where alpha_1 ~ 1e-20).
 *
 * @returns {{name: string, medianMs: number, samples: number, cases: Array<{name: string, medianMs: number, samples: number}>}}
 */
export async function benchMinimize() {
  const { sroSolid } = await load('models/sro.js');
  const { getConstraintTable } = await load('sro/constraintTable.js');
  const { getLatticeSums } = await load('latticeSums/getLatticeSums.js');
  const sums = await getLatticeSums(8);
  const table = getConstraintTable(8); // precomputed once (WASM kernel), shared
  if (table.count < 100_000) throw new Error('wedge sample smaller than 10^5 points');
  const cases = [];
  for (const [label, gamma, mix] of [
    ['n=8, 1e5 wedge points, x=0.5, Gamma=175.719', 175.719, { z1: 6, z2: 8, x: 0.5 }],
    ['n=8, 1e5 wedge points, x=0.5, Gamma=800 (k-constraint active)', 800, { z1: 6, z2: 8, x: 0.5 }],
    ['C/Fe, n=8, x=0.5, Gamma=150', 150, { z1: 6, z2: 26, x: 0.5 }],
    ['C/Fe, n=8, x=0.01, Gamma=150', 150, { z1: 6, z2: 26, x: 0.01 }],
  ]) {
    // Check the answer once (certified), warm the JIT, then time.
    const r = await sroSolid(mix, gamma, sums);
    if (!(r.certificate <= 1e-10 && r.minDeltaK >= -1e-12)) throw new Error(`uncertified result: ${label}`);
    for (let i = 0; i < 5; i++) await sroSolid(mix, gamma, sums);
    cases.push(await medianOf(label, async () => sroSolid(mix, gamma, sums)));
  }
  return { ...cases[0], cases };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const r = await benchMinimize();
  for (const c of r.cases) console.log(`${c.name}: median ${c.medianMs} ms over ${c.samples} samples (single thread)`);
}
