import { DEFAULT_MASS_NUMBERS, mesaTable, type MesaTable } from '../../../export/mesa.js';
import { SOLID_MODELS, type SolidModelName } from '../../../phase/modelCurves.js';
import { defaultThreads, maxThreads } from '../../../parallel/pool.js';
import { chargeOptions, integerOption, numberOption, onlyWith, parseOptions } from '../../options.js';
import { UsageError } from '../../usageError.js';

const HELP = `usage: coulomix export mesa --z1 Z1 --z2 Z2 --model ${SOLID_MODELS.join('|')} [--a1 A1 --a2 A2]
                          [--threads K] (sro) [--quiet] [--json]   (integer charges 1 <= Z1 < Z2 <= 100)

Liquidus table of a binary mixture for a stellar-evolution code (MESA's phase separation):
for liquid number fractions x_l of Z2 (0.01 ... 0.99, plus midpoints where x_s - x_l changes
fast), the solid composition x_s that forms, the Gamma_1 at which that liquid starts to
crystallize and T/T_m = Gamma_1m/Gamma_1 (T_m: melting temperature of pure Z1), mass fractions
X (mass numbers --a1, --a2; defaults ${Object.entries(DEFAULT_MASS_NUMBERS).map(([z, a]) => `${a} for Z = ${z}`).join(', ')}),
and the least-squares fit x_s - x_l = a1 x_l + a2 x_l^2 + ... + a5 x_l^5 (a0 = 0) of MESA's
blouin_delta_xo, with its largest error. Liquid with the -S_mixZ ideal term (docs/physics.md
section 7). The sro model minimizes about 100 SRO curves per refinement round on --threads
workers (progress on stderr). --json prints
{"z1", "z2", "model", "rows": [{"xLiquid", "xSolid", "gammaLiquidus", "tOverTm", "XLiquid", "XSolid"}],
 "fit": {"coefficients": [a1, a2, a3, a4, a5], "maxError"}}.
`;

interface MesaCommandOptions {
  z1: number;
  z2: number;
  model: SolidModelName;
  a1?: number;
  a2?: number;
  threads: number;
  quiet: boolean;
  json: boolean;
}

function parse(argv: string[]): MesaCommandOptions | 'help' {
  const o = parseOptions('export mesa', argv, {
    z1: { type: 'string' },
    z2: { type: 'string' },
    model: { type: 'string' },
    a1: { type: 'string' },
    a2: { type: 'string' },
    threads: { type: 'string' },
    quiet: { type: 'boolean' },
    json: { type: 'boolean' },
    help: { type: 'boolean' },
  });
  if (o.help) return 'help';
  for (const flag of ['z1', 'z2', 'model'] as const) if (o[flag] === undefined) throw new UsageError(`export mesa: --${flag} is required`);
  const model = String(o.model) as SolidModelName;
  if (!SOLID_MODELS.includes(model)) throw new UsageError(`--model must be one of ${SOLID_MODELS.join(', ')}, got '${o.model}'`);
  onlyWith(o, ['threads'], model === 'sro', '--model sro (the other models run in one thread)');
  const { z1, z2 } = chargeOptions(o);
  const mass = (v: number): string | undefined => (v > 0 && v < 1000 ? undefined : 'must lie in (0, 1000)');
  return {
    z1,
    z2,
    model,
    a1: o.a1 === undefined ? undefined : numberOption('a1', o.a1, NaN, mass),
    a2: o.a2 === undefined ? undefined : numberOption('a2', o.a2, NaN, mass),
    threads: integerOption('threads', o.threads, defaultThreads(), 1, maxThreads()),
    quiet: Boolean(o.quiet),
    json: Boolean(o.json),
  };
}

/** The text form: comment header, a column header line, one row per liquid composition, the fit. */
export function mesaText(t: MesaTable): string {
  const L: string[] = [];
  L.push(`# coulomix export mesa: Z1 = ${t.z1} (A1 = ${t.a1}), Z2 = ${t.z2} (A2 = ${t.a2}), solid model ${t.model}, liquid with -S_mixZ`);
  L.push('# x_liquid, x_solid: number fraction of Z2 in the liquid and in the solid that forms from it');
  L.push('# Gamma_liquidus: Gamma_1 = Z1^(5/3) e^2/(a_e k T) at which that liquid starts to crystallize');
  L.push(`# T_over_Tm: T/T_m(pure Z1) = Gamma_1m/Gamma_liquidus, Gamma_1m = ${t.gamma1m.toFixed(6)}`);
  L.push('# X_liquid, X_solid: mass fractions of Z2, X = x A2/((1-x) A1 + x A2)');
  L.push('x_liquid        x_solid         Gamma_liquidus  T_over_Tm       X_liquid        X_solid');
  const c = (v: number): string => v.toPrecision(10).padEnd(15);
  for (const r of t.rows) L.push([r.xLiquid, r.xSolid, r.gammaLiquidus, r.tOverTm, r.XLiquid, r.XSolid].map(c).join(' ').trimEnd());
  const [a1, a2, a3, a4, a5] = t.fit.coefficients.map((v) => v.toFixed(6));
  L.push(`# fit (MESA blouin_delta_xo form, a0 = 0): x_s - x_l = a1 x_l + a2 x_l^2 + a3 x_l^3 + a4 x_l^4 + a5 x_l^5`);
  L.push(`# a1..a5 = ${a1} ${a2} ${a3} ${a4} ${a5}; largest error of the fit ${t.fit.maxError.toExponential(2)}`);
  L.push(`# ${t.rows.length} rows; largest tangent residual ${t.maxResidual.toExponential(1)} U_1, Gamma bracket ${t.maxGammaError.toExponential(1)}` + (t.outside.length ? `; no crystallization in the scan for x_l = ${t.outside.join(', ')}` : ''));
  return `${L.join('\n')}\n`;
}

/**
 * `coulomix export mesa`: the liquidus table and fit (src/export/mesa.ts).
 *
 * @example await run(['--z1', '6', '--z2', '8', '--model', 'random'])
 */
export async function run(argv: string[]): Promise<void> {
  const opts = parse(argv);
  if (opts === 'help') {
    process.stdout.write(HELP);
    return;
  }
  let failures = 0;
  let sro;
  let closePool: (() => Promise<void>) | undefined;
  if (opts.model === 'sro') {
    const { sroCurveSource } = await import('../../../parallel/sroSource.js');
    ({ closePool } = await import('../../../parallel/pool.js'));
    sro = await sroCurveSource({ z1: opts.z1, z2: opts.z2, threads: opts.threads, onFailure: () => failures++ });
  }
  let t: MesaTable;
  try {
    t = await mesaTable({
      ...opts,
      sro,
      maxRounds: opts.model === 'sro' ? 8 : 40,
      onProgress: (stage, round, open) => {
        if (!opts.quiet) process.stderr.write(`export mesa (${opts.model}), ${stage}: ${round === 0 ? 'Gamma scan done' : `round ${round}`}, ${open} composition(s) refining\n`);
      },
    });
  } finally {
    await closePool?.();
  }
  if (failures > 0 && !opts.quiet) process.stderr.write(`warning: ${failures} SRO minimizations failed and were left out of the splines\n`);
  if (opts.json) {
    const { z1, z2, model, rows, fit } = t;
    process.stdout.write(`${JSON.stringify({ z1, z2, model, rows, fit: { coefficients: fit.coefficients, maxError: fit.maxError } })}\n`);
  } else process.stdout.write(mesaText(t));
}
