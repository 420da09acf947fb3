import { describe, expect, it } from 'vitest';
import { flash } from '../src/multi/equilibrium.js';
import { finiteDifferencePotentials } from '../src/multi/fdPotentials.js';
import { multiModels } from '../src/multi/models.js';
import { chemicalPotentials } from '../src/multi/phase.js';

/*
 * Where eq. 3 is active on a cluster of cuts, the SRO solid's envelope-theorem gradient carries
 * noise (here 1.7e-6 in units of T at the tie-line's solid end, against 1e-16 in F), so a
 * tangent-plane residual computed from it can claim 1e-13 at a point that is 1e-6 off. The
 * tie-line solvers certify with the solid's accurate potentials; this checks them independently
 * with five-point differences of F (docs/physics.md section 13).
 */
describe('tie-lines with the SRO solid are certified with accurate chemical potentials', () => {
  it('C/Ne liquid-SRO solid tie-line at the liquidus of x_Ne = 0.4 (eq. 3 active): five-point residual <= 1e-9, and the reported residual does not understate it', async () => {
    const m = await multiModels('sro');
    const z = [6, 10];
    const gamma = 199.50716134084524; // the certified liquidus of (0.6, 0.4), from firstSolid
    const L = m.liquid(z, gamma);
    const S = m.solid(z, gamma);
    const t = flash(L, S, [0.6455, 0.3545], [0.6, 0.4], [0.691, 0.309]);
    const muL = chemicalPotentials(L, t.a);
    const fd = finiteDifferencePotentials((y) => S.f(y), t.b);
    const independent = Math.max(...fd.map((v, a) => Math.abs(v - muL[a])));
    expect(independent).toBeLessThanOrEqual(1e-9);
    expect(t.residual).toBeLessThanOrEqual(1e-9);
    expect(t.residual).toBeGreaterThanOrEqual(independent - 1e-12);
    expect(t.b[0]).toBeCloseTo(0.690969, 5);
  }, 600_000); // bounded work (Newton + five chord steps); this only keeps a loaded machine from cutting it short
});
