import type { PairsSummary } from './pairs.js';

const f = (v: number | null | undefined, d: number): string => (v === null || v === undefined || !Number.isFinite(v) ? 'n/a' : v.toFixed(d));

/** REPORT.md section beyond the paper: O/Ne and C/Ne beside C/O, x_s - x_l against Blouin & Daligault, MESA-form fits. */
export function pairsSection(b: PairsSummary): string[] {
  const L: string[] = [];
  L.push('## Beyond the paper: O/Ne and C/Ne beside C/O');
  L.push('');
  L.push('The same solids (SRO with 8 order parameters, random, Ogata with S_mix) and the same liquid for O/Ne (Z = 8, 10) and C/Ne (6, 10). Temperatures are T/T_m of the lighter ion, Gamma_1m/Gamma_1. SRO curves of these pairs are minimized on a coarser x grid (step 0.02) and Gamma step than C/O.');
  L.push('');
  L.push('![pairs](pairs.svg)');
  L.push('');
  L.push('[pairs.csv](pairs.csv); rows per model in `pairs-ONe-<model>.csv`, `pairs-CNe-<model>.csv`.');
  L.push('');
  L.push('| pair | Gamma scan | model | coexistence rows | unrefined windows | invariant point | x | T/T_m(Z1) | x of the two solids (eutectic) |');
  L.push('|---|---|---|---|---|---|---|---|---|');
  for (const p of b.pairs) {
    for (const d of p.diagrams) {
      const a = d.invariant;
      L.push(
        `| ${p.pair} | ${p.gammaMin} ... ${p.gammaMax} step ${p.gammaStep} | ${d.model} | ${d.rows} | ${d.unrefined} | ${a ? a.kind : 'none found in the search range'} | ${a ? f(a.x, 4) : ''} | ${a ? f(a.tOverT1m, 4) : ''} | ${a && a.kind === 'eutectic' ? `${f(a.xSolidLow, 4)}, ${f(a.xSolidHigh, 4)}` : ''} |`,
      );
    }
  }
  L.push('');
  L.push('### x_s - x_l along the liquidus, against Blouin & Daligault');
  L.push('');
  L.push('![delta](delta.svg)');
  L.push('');
  L.push('x_solid - x_liquid at the liquidus versus the liquid composition: SRO (symbols: refined windows of the diagram at each Gamma of the scan, C/O continued down to Gamma = 108 where pure O melts), random and Ogata (lines: the liquidus table of `coulomix export mesa`, one refined composition per liquid x), and the published Blouin & Daligault 2021 fits (C/O: docs/physics.md section 11; O/Ne: section 14, as coded in MESA). [delta.csv](delta.csv)');
  L.push('');
  L.push('| pair | x_liquid | SRO (ours) | random (ours) | Ogata (ours) | Blouin & Daligault 2021 (published fit) |');
  L.push('|---|---|---|---|---|---|');
  for (const r of b.dxTable) L.push(`| ${r.pair} | ${r.x} | ${f(r.sro, 4)} | ${f(r.random, 4)} | ${f(r.ogata, 4)} | ${f(r.bd, 4)} |`);
  L.push('');
  L.push('### Fits in the form of MESA\'s blouin_delta_xo');
  L.push('');
  L.push('Least squares of x_s - x_l = a1 x + a2 x^2 + a3 x^3 + a4 x^4 + a5 x^5 (x = liquid number fraction of the heavier ion, a0 = 0). "largest error" is the largest deviation of the fit from the points it was fitted to. `coulomix export mesa --model sro` solves every liquid composition of the grid directly instead of interpolating the diagram rows.');
  L.push('');
  L.push('| pair | model | source | a1 | a2 | a3 | a4 | a5 | largest error | points | x range |');
  L.push('|---|---|---|---|---|---|---|---|---|---|---|');
  for (const r of b.fits) {
    const c = r.coefficients.length === 5 ? r.coefficients.map((v) => f(v, 6)) : ['n/a', 'n/a', 'n/a', 'n/a', 'n/a'];
    L.push(`| ${r.pair} | ${r.model} | ${r.source} | ${c.join(' | ')} | ${r.maxError === null ? '' : r.maxError.toExponential(1)} | ${r.rows || ''} | ${r.xRange ? `${f(r.xRange[0], 2)} ... ${f(r.xRange[1], 2)}` : ''} |`);
  }
  L.push('');
  return L;
}
