// The page of test/browser.test.ts: the library as a web page uses it (bundled by vite, the WASM
// kernels fetched by initKernels(), no worker threads), its results written into #out as JSON.
import { getLatticeSums, initKernels, latticeSums, liquidFreeEnergy, meltingGamma, phaseDiagram, randomSolid, sroSolid } from 'coulomix';

const out = document.getElementById('out');
try {
  const backend = await initKernels();
  const table = await latticeSums({ shells: 8, tol: 1e-9 });
  const sums = await getLatticeSums(8);
  const mix = { z1: 6, z2: 8, x: 0.5 };
  const sro = await sroSolid(mix, 175.719, sums, { shells: 8 });
  const diagram = await phaseDiagram({ model: 'random', gammaMin: 170, gammaMax: 185, gammaStep: 1, sums });
  out.textContent = `RESULT ${JSON.stringify({
    backend: backend.name,
    simd: WebAssembly.validate(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 10, 1, 8, 0, 65, 0, 253, 15, 253, 98, 11])),
    T0: table.T0,
    zeta: table.zeta,
    T: table.shells.map((s) => s.T),
    gamma1m: meltingGamma(),
    sroF: sro.F,
    certificate: sro.certificate,
    randomF: randomSolid(mix, 175.719, sums).F,
    liquidF: liquidFreeEnergy(mix, 175.719),
    liquidFSmix: liquidFreeEnergy(mix, 175.719, { idealMixing: 'smix' }),
    azeotrope: diagram.azeotrope,
  })}`;
} catch (err) {
  out.textContent = `ERROR ${err?.stack ?? err}`;
}
