import { writeFile } from 'node:fs/promises';
import { distillationSvg } from '../../figures/distillationFigure.js';
import { distillation, type DistillationRow } from '../../multi/distillation.js';
import { multiModels } from '../../multi/models.js';
import { integerOption, numberOption, parseOptions } from '../options.js';
import { createProgress } from '../progress.js';
import { chargesOption, checkFormat, fmt, modelOption, OUTPUT_FLAGS, outputFile, speciesLabel } from './ternaryShared.js';

const HELP = `usage: coulomix distillation [--z 6,8,10] [--x3 0.01] [--model sro|random] [--points 40 (sro: 16)]
                            [--svg FILE [--force]] [--quiet] [--json|--csv]

Distribution coefficient of the third species (22Ne is a Z = 10 ion) along the liquidus of the
1-2 mixture (C/O): for liquids with x_3 = --x3 and x_2 = (1 - x3) k/(points + 1), k = 1..points,
the liquidus Gamma_1 (T/T_1m = Gamma_1m/Gamma_1) and the first solid to form on cooling;
D = x_3(solid)/x_3(liquid) and the solid's enrichment x_2(solid) - x_2(liquid). Each point is
certified by the tangent-plane residual <= 1e-9 and a grid check that no other solid is more
stable. The SRO solid (default) is one certified minimization per composition (a few seconds
per point); --model random is the disordered solid. --svg writes the two curves. Supported: 1e-9 <= x3 <= 0.2, 3 <= points <= 400.
`;

/** Run `coulomix distillation`. */
export async function run(argv: string[]): Promise<void> {
  const o = parseOptions('distillation', argv, {
    z: { type: 'string' },
    x3: { type: 'string' },
    model: { type: 'string' },
    points: { type: 'string' },
    ...OUTPUT_FLAGS,
  });
  if (o.help) {
    process.stdout.write(HELP);
    return;
  }
  const z = chargesOption(o.z, [6, 8, 10]);
  const x3 = numberOption('x3', o.x3, 0.01, (v) => (v >= 1e-9 && v <= 0.2 ? undefined : 'must lie in [1e-9, 0.2]'));
  const model = modelOption(o.model);
  const points = integerOption('points', o.points, model === 'sro' ? 16 : 40, 3, 400);
  checkFormat(o);
  const svgPath = outputFile('svg', o.svg, Boolean(o.force));
  const { liquid, solid, liquidusOptions } = await multiModels(model);
  const x2s = Array.from({ length: points }, (_, k) => ((1 - x3) * (k + 1)) / (points + 1));
  const bar = createProgress('distillation', points, { silent: Boolean(o.quiet) });
  const rows = distillation(liquid, solid, z, x3, x2s, (done) => bar.update(done), liquidusOptions);
  bar.done();
  const labels = z.map(speciesLabel);
  if (svgPath) {
    const title = `${labels[2]} in ${labels[0]}/${labels[1]} (x_${labels[2]} = ${x3}), ${model} solid`;
    await writeFile(svgPath, await distillationSvg({ [`${model} solid`]: rows }, title));
    if (!o.quiet) process.stderr.write(`distillation: wrote ${svgPath}\n`);
  }
  process.stdout.write(o.json ? jsonOut(rows, z, x3, model) : o.csv ? csvOut(rows) : textOut(rows, labels, x3, model));
}

function jsonOut(rows: DistillationRow[], z: number[], x3: number, model: string): string {
  const r = (v: number) => +v.toPrecision(12);
  return `${JSON.stringify(
    {
      z,
      x3,
      model,
      maxResidual: Math.max(...rows.map((q) => q.residual)),
      rows: rows.map((q) => ({ x2: r(q.x2), gamma: r(q.gamma), tOverT1m: r(q.tOverT1m), liquid: q.liquid.map(r), solid: q.solid.map(r), D: r(q.D), enrichment2: r(q.enrichment2) })),
    },
    null,
    1,
  )}\n`;
}

function csvOut(rows: DistillationRow[]): string {
  const lines = ['x2_liquid,gamma,t_over_t1m,x1_solid,x2_solid,x3_solid,D,enrichment2,residual'];
  for (const q of rows) lines.push([q.x2, q.gamma, q.tOverT1m, ...q.solid, q.D, q.enrichment2, q.residual].join(','));
  return `${lines.join('\n')}\n`;
}

function textOut(rows: DistillationRow[], labels: string[], x3: number, model: string): string {
  const [a, b, c] = labels;
  const out = [
    `${c} (x_${c} = ${x3} in the liquid) along the ${a}/${b} liquidus, ${model} solid; max tangent-plane residual ${Math.max(...rows.map((q) => q.residual)).toExponential(1)}`,
    `  x_${b}(liq)   Gamma_1    T/T_1m   x_${b}(sol)    x_${c}(sol)          D   x_${b}(sol)-x_${b}(liq)`,
  ];
  for (const q of rows)
    out.push(`${fmt(q.x2, 4).padStart(10)} ${fmt(q.gamma, 3).padStart(9)} ${fmt(q.tOverT1m, 5).padStart(9)} ${fmt(q.solid[1], 5).padStart(10)} ${q.solid[2].toExponential(4).padStart(12)} ${fmt(q.D, 5).padStart(10)} ${fmt(q.enrichment2, 5).padStart(14)}`);
  return `${out.join('\n')}\n`;
}
