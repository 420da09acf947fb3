import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { composedLiquid, DEFAULT_LIQUID, MC2010_GAMMA_CRIT, mc2010Liquid, mc2010OcpDifference, mc2010Solid } from '../src/models/mc2010.js';
import { liquidFreeEnergy } from '../src/models/liquid.js';
import { ogataSolid } from '../src/models/ogata.js';
import { phaseDiagram } from '../src/phase/phaseDiagram.js';
import { windowAtLiquid } from '../src/reproduce/mc2010Comparison.js';

// Reference values computed by hand (Python, double precision) from Medin & Cumming's (2010)
// formulas as written in docs/physics.md section 15, independently of this code.
describe('Medin & Cumming 2010 model', () => {
  it('OCP difference: their eq. 9 and its linear continuations', () => {
    expect(mc2010OcpDifference(150)).toBeCloseTo(-0.13143182208405935, 14);
    expect(mc2010OcpDifference(80)).toBeCloseTo(-0.4599, 14);
    expect(mc2010OcpDifference(250)).toBeCloseTo(0.30784, 14);
    // Their melting point: the root of df lies within 0.01 of their Gamma_crit = 178.6.
    expect(Math.abs(mc2010OcpDifference(MC2010_GAMMA_CRIT))).toBeLessThan(3.2e-5 * 1.01);
    // The pieces join to the 4 digits of the published constants.
    expect(Math.abs(mc2010OcpDifference(100 - 1e-9) - mc2010OcpDifference(100 + 1e-9))).toBeLessThan(2e-5);
    expect(Math.abs(mc2010OcpDifference(200 - 1e-9) - mc2010OcpDifference(200 + 1e-9))).toBeLessThan(5e-6);
  });

  it('liquid per ion in U_1: x1 df(G1) + x2 df(G2) + Smix, over Gamma_1', () => {
    expect(mc2010Liquid({ z1: 6, z2: 8, x: 0.5 }, 178.6)).toBeCloseTo(-0.0026157788319918856, 15);
    expect(mc2010Liquid({ z1: 6, z2: 8, x: 0.2 }, 150)).toBeCloseTo(-0.0037172530501605036, 15);
    expect(mc2010Liquid({ z1: 6, z2: 8, x: 0 }, 178.6)).toBeCloseTo(mc2010OcpDifference(178.6) / 178.6, 15);
  });

  it('solid: the Ogata energy with -S_mixZ (their mixing term in both phases)', () => {
    for (const x of [0.01, 0.3, 0.5, 0.9]) {
      const mix = { z1: 6, z2: 8, x };
      expect(mc2010Solid(mix, 170).F).toBeCloseTo(ogataSolid(mix, 170, { entropy: 'smixz' }).F, 16);
    }
  });

  it('our default liquid, written as ingredients, is liquidFreeEnergy with -S_mixZ', () => {
    for (const x of [0, 0.1, 0.5, 0.99])
      expect(composedLiquid({ z1: 6, z2: 8, x }, 172, DEFAULT_LIQUID)).toBeCloseTo(liquidFreeEnergy({ z1: 6, z2: 8, x }, 172, { idealMixing: 'smixz' }), 15);
  });

  it("phase diagram 'mc2010' uses its own liquid and Gamma_crit, and satisfies both tangent conditions", async () => {
    const d = await phaseDiagram({ model: 'mc2010', gammaMin: 160, gammaMax: 170, gammaStep: 10, solvus: false });
    expect(d.gamma1m).toBe(178.6);
    expect(d.rows.length).toBe(2);
    for (const r of d.rows) {
      expect(r.tOverT1m).toBeCloseTo(178.6 / r.gamma, 14);
      const fl = (x: number) => mc2010Liquid({ z1: 6, z2: 8, x }, r.gamma);
      const fs = (x: number) => mc2010Solid({ z1: 6, z2: 8, x }, r.gamma).F;
      const h = 1e-6;
      const sl = (fl(r.xLiquid + h) - fl(r.xLiquid - h)) / (2 * h);
      const ss = (fs(r.xSolid + h) - fs(r.xSolid - h)) / (2 * h);
      const chord = (fs(r.xSolid) - fl(r.xLiquid)) / (r.xSolid - r.xLiquid);
      expect(Math.abs(sl - ss)).toBeLessThan(1e-8);
      expect(Math.abs(sl - chord)).toBeLessThan(1e-8);
    }
  });

  it('the window at a given liquid composition is found by bisection in Gamma', () => {
    const w = windowAtLiquid(DEFAULT_LIQUID, 6, 8, 0.5);
    expect(w).not.toBeNull();
    expect(w!.xLiquid).toBeCloseTo(0.5, 6);
    expect(w!.xSolid).toBeGreaterThan(0.5);
  });

  it('the CLI refuses --liquid-mixing for mc2010 (its liquid is fixed)', () => {
    let code = 0;
    let err = '';
    try {
      execFileSync('node', ['dist/cli/main.js', 'phase-diagram', '--model', 'mc2010', '--liquid-mixing', 'smix'], { stdio: 'pipe' });
    } catch (e) {
      code = (e as { status: number }).status;
      err = String((e as { stderr: Buffer }).stderr);
    }
    expect(code).toBe(2);
    expect(err.trim().split('\n')).toHaveLength(1);
  });
});
