import { writeFile } from 'node:fs/promises';
import { gibbsTriangleSvg } from '../../figures/gibbsTriangle.js';
import { ocpMeltingGamma } from '../../multi/liquidus.js';
import { multiModels } from '../../multi/models.js';
import { ternaryDiagram, type TernaryDiagram } from '../../multi/ternaryDiagram.js';
import { integerOption, numberOption, parseOptions } from '../options.js';
import { createProgress } from '../progress.js';
import { UsageError } from '../usageError.js';
import { chargesOption, checkFormat, fmt, modelOption, OUTPUT_FLAGS, outputFile, speciesLabel } from './ternaryShared.js';

const HELP = `usage: coulomix ternary [--z 6,8,10] --gamma G [--model sro|random] [--grid 60 (sro: 20)]
                       [--tie-lines N (sro: 12)] [--trace 1e-2,1e-4,1e-6] [--svg FILE [--force]]
                       [--quiet] [--json|--csv]

Ternary liquid-solid phase diagram at fixed Gamma = Gamma_1 (of the lowest charge; T/T_1m =
Gamma_1m/Gamma): lower convex hull of the liquid and solid free energies over the composition
triangle (grid of spacing 1/--grid), every two-phase hull facet refined to its tie-line from the
common-tangent-plane equations, three-phase triangles refined likewise. --trace adds tie-lines
whose liquid holds the given small fractions of the third species, traced from the binary edge.
Every tie-line satisfies the tangent-plane conditions to 1e-9 (units of T). --svg writes the Gibbs
triangle (liquidus red, solidus blue, thinned tie-lines grey). Fractions are number fractions in
the order of --z. The SRO solid (default) costs one certified minimization per composition, so
its hull grid is coarser and at most --tie-lines facets are refined. Supported: 1 <= Gamma <= 1000, grid 10..200.
`;

/** Run `coulomix ternary`. */
export async function run(argv: string[]): Promise<void> {
  const o = parseOptions('ternary', argv, {
    z: { type: 'string' },
    gamma: { type: 'string' },
    model: { type: 'string' },
    grid: { type: 'string' },
    trace: { type: 'string' },
    'tie-lines': { type: 'string' },
    ...OUTPUT_FLAGS,
  });
  if (o.help) {
    process.stdout.write(HELP);
    return;
  }
  const z = chargesOption(o.z, [6, 8, 10]);
  if (o.gamma === undefined) throw new UsageError('ternary: --gamma is required (1 <= Gamma <= 1000)');
  const gamma = numberOption('gamma', o.gamma, 175, (v) => (v >= 1 && v <= 1000 ? undefined : 'must lie in [1, 1000]'));
  const model = modelOption(o.model);
  const grid = integerOption('grid', o.grid, model === 'sro' ? 20 : 60, 10, 200);
  const maxTieLines = o['tie-lines'] === undefined ? (model === 'sro' ? 12 : undefined) : integerOption('tie-lines', o['tie-lines'], 12, 1, 100000);
  const trace =
    o.trace === undefined
      ? [1e-2, 1e-4, 1e-6]
      : String(o.trace)
          .split(',')
          .map((s) => numberOption('trace', s, 0, (v) => (v >= 1e-12 && v <= 0.2 ? undefined : 'values must lie in [1e-12, 0.2]')));
  checkFormat(o);
  const svgPath = outputFile('svg', o.svg, Boolean(o.force));
  const models = await multiModels(model);
  if (!o.quiet) process.stderr.write(`ternary: hull on a ${grid}-grid and tie-line refinement at Gamma = ${gamma} ...\n`);
  const t0 = Date.now();
  let bar: ReturnType<typeof createProgress> | undefined;
  const onProgress = (done: number, total: number) => {
    bar ??= createProgress('ternary tie-lines', total, { silent: Boolean(o.quiet) });
    bar.update(done);
  };
  const d = ternaryDiagram(models.liquid(z, gamma), models.solid(z, gamma), { grid, trace, maxTieLines, onProgress });
  bar?.done();
  if (!o.quiet) process.stderr.write(`ternary: ${d.tieLines.length} tie-lines, ${d.threePhase.length} three-phase triangles in ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
  const labels = z.map(speciesLabel);
  if (svgPath) {
    await writeFile(svgPath, await gibbsTriangleSvg(d, labels, `${labels.join('/')} (${model} solid), Gamma = ${gamma}`));
    if (!o.quiet) process.stderr.write(`ternary: wrote ${svgPath}\n`);
  }
  process.stdout.write(o.json ? jsonOut(d, model) : o.csv ? csvOut(d) : textOut(d, model, labels));
}

function jsonOut(d: TernaryDiagram, model: string): string {
  const r = (v: number[]) => v.map((x) => +x.toPrecision(12));
  return `${JSON.stringify(
    {
      z: d.z,
      gamma: d.gamma,
      tOverT1m: ocpMeltingGamma() / d.gamma,
      model,
      grid: d.grid,
      maxResidual: Math.max(0, ...d.tieLines.map((t) => t.residual), ...d.threePhase.map((t) => t.residual)),
      tieLines: d.tieLines.filter((t) => t.liquid).map((t) => ({ liquid: r(t.liquid!), solid: r(t.solid!), ...(t.trace ? { trace: true } : {}) })),
      solidGaps: d.tieLines.filter((t) => t.ends).map((t) => ({ kind: t.kind, ends: t.ends!.map(r) })),
      threePhase: d.threePhase.map((t) => ({ phases: t.phases, x: t.x.map(r) })),
    },
    null,
    1,
  )}\n`;
}

function csvOut(d: TernaryDiagram): string {
  const lines = ['kind,a_x1,a_x2,a_x3,b_x1,b_x2,b_x3,c_x1,c_x2,c_x3,residual'];
  for (const t of d.tieLines) {
    const [a, b] = t.liquid ? [t.liquid, t.solid!] : t.ends!;
    lines.push([t.trace ? 'liquid-solid-trace' : t.kind, ...a, ...b, '', '', '', t.residual].join(','));
  }
  for (const t of d.threePhase) lines.push([`three-phase:${t.phases.join('+')}`, ...t.x[0], ...t.x[1], ...t.x[2], t.residual].join(','));
  return `${lines.join('\n')}\n`;
}

function textOut(d: TernaryDiagram, model: string, labels: string[]): string {
  const tl = d.tieLines.filter((t) => t.liquid);
  const res = Math.max(0, ...d.tieLines.map((t) => t.residual), ...d.threePhase.map((t) => t.residual));
  const out = [
    `${labels.join('/')} (Z = ${d.z.join(', ')}), ${model} solid, Gamma_1 = ${d.gamma} (T/T_1m = ${(ocpMeltingGamma() / d.gamma).toFixed(5)}), grid 1/${d.grid}`,
    `${tl.length} liquid-solid tie-lines, ${d.tieLines.length - tl.length} solid-solid, ${d.threePhase.length} three-phase triangles; max tangent-plane residual ${res.toExponential(1)} (units of T)`,
    `${labels.map((l) => `x_${l}(liq)`.padStart(11)).join(' ')}   ${labels.map((l) => `x_${l}(sol)`.padStart(11)).join(' ')}`,
  ];
  for (const t of tl) out.push(`${t.liquid!.map((v) => fmt(v).padStart(11)).join(' ')}   ${t.solid!.map((v) => fmt(v).padStart(11)).join(' ')}${t.trace ? '  trace' : ''}`);
  for (const t of d.tieLines.filter((q) => q.ends)) out.push(`${t.kind}: ${t.ends!.map((e) => e.map((v) => fmt(v)).join(' ')).join('  |  ')}`);
  for (const t of d.threePhase) out.push(`three-phase ${t.phases.join('+')}: ${t.x.map((e) => e.map((v) => fmt(v)).join(' ')).join('  |  ')}`);
  return `${out.join('\n')}\n`;
}
