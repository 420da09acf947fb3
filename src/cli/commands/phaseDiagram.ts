import { checkSroDomain, MAX_ORDER_PARAMETERS, SRO_DOMAIN_TEXT } from '../../models/sroDomain.js';
import { SOLID_MODELS, type SolidModelName } from '../../phase/modelCurves.js';
import { gammaGrid, phaseDiagram, type PhaseDiagramResult } from '../../phase/phaseDiagram.js';
import { DOMAIN, DOMAIN_TEXT } from '../../domain.js';
import { defaultThreads, maxThreads } from '../../parallel/pool.js';
import { PHASE_DIAGRAM_CSV_COLUMNS, phaseDiagramCsv } from '../../output/phaseDiagramCsv.js';
import { chargeOptions, gammaOption, integerOption, numberOption, onlyWith, parseOptions, rangeOption, type OptionSpec } from '../options.js';
import { createProgress } from '../progress.js';
import { UsageError } from '../usageError.js';

/** Smallest and largest --gamma-step, and the most Gamma values of one scan (fixed models / sro). */
export const MIN_GAMMA_STEP = 0.01;
export const MAX_GAMMA_STEP = 100;
export const MAX_GAMMA_VALUES = 5000;
export const MAX_SRO_GAMMA_VALUES = 1000;
/** Smallest --x-step of the SRO grid (1000 minimizations per Gamma). */
export const MIN_X_STEP = 0.001;

export const HELP = `usage: coulomix phase-diagram [--model ${SOLID_MODELS.join('|')}] [--z1 6 --z2 8]
                             [--gamma-min 130 --gamma-max 181.5 --gamma-step 0.5]
                             [--liquid-mixing smixz|smix] [--quiet] [--json|--csv]
                             [--threads K] [--shells 8] [--x-step 0.01]     (sro)
                             [--solvus-gamma-max 800]                       (random, ogata, ogata-smixz)

Liquid-solid coexistence windows (double tangents between the liquid and solid free-energy
curves) over a range of Gamma = Gamma_1 = U_1/T, one row per window: Gamma, T/T_1m
(= Gamma_1m/Gamma, Gamma_1m from the one-component melting condition), x_liquid, x_solid
(x = number fraction of the Z2 ions). Also the azeotrope (where two windows meet) and, for
the fixed-microstructure solids (random, ogata, ogata-smixz), the solvus (miscibility gap
of the solid) from Gamma-min to --solvus-gamma-max. Default model: sro (the paper's
short-range-ordered solid, minimized on an x grid, one Gamma per worker thread). SRO points
the minimizer cannot do are left out of the spline and reported on stderr. Progress goes
to stderr; --json / --csv print machine-readable results on stdout.
  --z1, --z2             ${DOMAIN_TEXT.z} (default 6, 8: C/O)
  --gamma-min, --gamma-max   the scanned range of Gamma_1, within [${DOMAIN.gammaMin}, ${DOMAIN.gammaMax}], min < max
  --gamma-step S         ${MIN_GAMMA_STEP}..${MAX_GAMMA_STEP}; at most ${MAX_GAMMA_VALUES} Gamma values (${MAX_SRO_GAMMA_VALUES} for sro)
  --liquid-mixing M      the liquid's ideal mixing term: smixz = -S_mixZ (eq. 11, default),
                         smix = the -S_mix variant (docs/solidus-offset.md)
  --threads K            worker threads, 1..${maxThreads()} here (twice the cores, at least 8; default ${defaultThreads()})
  --shells N             SRO order parameters, 1..${MAX_ORDER_PARAMETERS} (default 8); the SRO minimizer is certified
                         for ${SRO_DOMAIN_TEXT}
  --x-step S             step of the SRO x grid, ${MIN_X_STEP}..0.01 (default 0.01)
  --solvus-gamma-max G   end of the solvus scan (step 5), above --gamma-min and <= ${DOMAIN.gammaMax} (default 800)
  --csv                  columns ${PHASE_DIAGRAM_CSV_COLUMNS.join(',')}
--model mc2010 is Medin & Cumming (2010): the Ogata solid with -S_mixZ and their own liquid
(their OCP fit, no mixture correction, -S_mixZ), in units of their Gamma_crit = 178.6.
The liquid's ideal mixing term is -S_mixZ (eq. 11; default, --liquid-mixing smixz), which
reproduces the paper's solidus compositions; --liquid-mixing smix selects the -S_mix variant
(docs/solidus-offset.md).
A flag that does not apply to the chosen model is refused.
`;

/** Parsed and validated options of the command. */
export interface PhaseDiagramCommandOptions {
  model: SolidModelName;
  z1: number;
  z2: number;
  gammaMin: number;
  gammaMax: number;
  gammaStep: number;
  threads: number;
  shells: number;
  xStep: number;
  solvusGammaMax: number;
  /** Ideal mixing term of the liquid: 'smixz' (default, docs/physics.md section 7) or the 'smix' variant. */
  liquidMixing: 'smix' | 'smixz';
  format: 'text' | 'json' | 'csv';
  quiet: boolean;
}

/** Options of `coulomix phase-diagram` (also what `coulomix sweep` checks a spec's flags against). */
export const PHASE_DIAGRAM_OPTIONS = {
  model: { type: 'string' },
  z1: { type: 'string' },
  z2: { type: 'string' },
  'gamma-min': { type: 'string' },
  'gamma-max': { type: 'string' },
  'gamma-step': { type: 'string' },
  threads: { type: 'string' },
  shells: { type: 'string' },
  'x-step': { type: 'string' },
  'solvus-gamma-max': { type: 'string' },
  'liquid-mixing': { type: 'string' },
  json: { type: 'boolean' },
  csv: { type: 'boolean' },
  quiet: { type: 'boolean' },
  help: { type: 'boolean' },
} satisfies Record<string, OptionSpec>;

/** Parse argv into validated options (UsageError on any bad input). */
export function parsePhaseDiagramArgs(argv: string[]): PhaseDiagramCommandOptions | 'help' {
  const o = parseOptions('phase-diagram', argv, PHASE_DIAGRAM_OPTIONS);
  if (o.help) return 'help';
  const model = (o.model === undefined ? 'sro' : String(o.model)) as SolidModelName;
  if (!SOLID_MODELS.includes(model)) {
    throw new UsageError(`--model must be one of ${SOLID_MODELS.join(', ')}, got '${o.model}'`);
  }
  onlyWith(o, ['threads', 'shells', 'x-step'], model === 'sro', '--model sro');
  onlyWith(o, ['solvus-gamma-max'], model !== 'sro', 'the fixed-microstructure models (random, ogata, ogata-smixz, mc2010; the SRO diagram has no solvus scan)');
  const { z1, z2 } = chargeOptions(o);
  const gammaMin = gammaOption(o['gamma-min'], 130, 'gamma-min');
  const gammaMax = gammaOption(o['gamma-max'], 181.5, 'gamma-max');
  const gammaStep = rangeOption('gamma-step', o['gamma-step'], 0.5, MIN_GAMMA_STEP, MAX_GAMMA_STEP);
  if (!(gammaMin < gammaMax)) throw new UsageError(`--gamma-min must be smaller than --gamma-max, got ${gammaMin} >= ${gammaMax}`);
  const maxValues = model === 'sro' ? MAX_SRO_GAMMA_VALUES : MAX_GAMMA_VALUES;
  const nGamma = Math.floor((gammaMax - gammaMin) / gammaStep + 1e-9) + 1;
  if (nGamma > maxValues) {
    throw new UsageError(`--gamma-step ${gammaStep} gives ${nGamma} Gamma values; at most ${maxValues} are supported${model === 'sro' ? ' for --model sro' : ''}`);
  }
  const threads = integerOption('threads', o.threads, defaultThreads(), 1, maxThreads());
  const shells = integerOption('shells', o.shells, 8, 1, MAX_ORDER_PARAMETERS);
  if (model === 'sro') for (const g of [gammaMin, gammaMax]) checkSroDomain({ z1, z2, x: 0.5 }, g);
  const xStep = rangeOption('x-step', o['x-step'], 0.01, MIN_X_STEP, 0.01);
  const solvusGammaMax = numberOption('solvus-gamma-max', o['solvus-gamma-max'], Math.max(800, gammaMax + 5), (v) =>
    v > gammaMin && v <= DOMAIN.gammaMax ? undefined : `must exceed --gamma-min (${gammaMin}) and be at most ${DOMAIN.gammaMax}`,
  );
  const liquidMixing = o['liquid-mixing'] === undefined ? 'smixz' : String(o['liquid-mixing']);
  if (liquidMixing !== 'smix' && liquidMixing !== 'smixz') {
    throw new UsageError(`--liquid-mixing must be smixz or smix, got '${liquidMixing}'`);
  }
  if (model === 'mc2010' && o['liquid-mixing'] !== undefined) {
    throw new UsageError("--liquid-mixing does not apply to --model mc2010 (Medin & Cumming's liquid has its own -S_mixZ term)");
  }
  if (o.json && o.csv) throw new UsageError('choose one of --json and --csv');
  return {
    model,
    z1,
    z2,
    gammaMin,
    gammaMax,
    gammaStep,
    threads,
    shells,
    xStep,
    solvusGammaMax,
    liquidMixing,
    format: o.json ? 'json' : o.csv ? 'csv' : 'text',
    quiet: Boolean(o.quiet),
  };
}

/** Compute the diagram for parsed options (progress on stderr unless quiet). */
export async function computePhaseDiagram(opts: PhaseDiagramCommandOptions): Promise<PhaseDiagramResult> {
  const { model, z1, z2, gammaMin, gammaMax, gammaStep } = opts;
  const nGamma = gammaGrid(gammaMin, gammaMax, gammaStep).length;
  const base = {
    z1,
    z2,
    gammaMin,
    gammaMax,
    gammaStep,
    threads: opts.threads,
    liquid: { idealMixing: opts.liquidMixing },
  };
  if (model !== 'sro') {
    const bar = createProgress(`phase diagram (${model})`, nGamma, { silent: opts.quiet });
    const r = await phaseDiagram({
      ...base,
      model,
      solvus: { gammaMin, gammaMax: opts.solvusGammaMax, gammaStep: 5 },
      onProgress: (d) => bar.update(d),
    });
    bar.done();
    return r;
  }
  // SRO: minimized curves on an x grid per Gamma, one Gamma per worker thread
  // (src/parallel/sroPhaseDiagram.ts; --threads 1 runs in this thread), splined as F + T S_mix.
  const { closePool } = await import('../../parallel/pool.js');
  const { sroPhaseDiagram } = await import('../../parallel/sroPhaseDiagram.js');
  const bar = createProgress('SRO solid curves', nGamma, { silent: opts.quiet });
  const failures: Array<{ g: number; x: number }> = [];
  let r: PhaseDiagramResult;
  try {
    r = await sroPhaseDiagram({
      ...base,
      shells: opts.shells,
      xStep: opts.xStep,
      onCurves: (done, total) => {
        bar.update(done);
        if (done === total) bar.done();
      },
      onFailure: (g, x) => failures.push({ g, x }),
    });
  } finally {
    await closePool();
  }
  bar.done();
  if (failures.length > 0 && !opts.quiet) {
    const xsFailed = [...new Set(failures.map((f) => f.x))].sort((a, b) => a - b);
    process.stderr.write(
      `warning: ${failures.length} SRO minimizations failed and were left out of the splines (x = ${xsFailed.join(', ')})\n`,
    );
  }
  return r;
}

function fmt(v: number, digits = 6): string {
  return Number.isFinite(v) ? v.toFixed(digits) : String(v);
}

/** A composition: 6 decimals, or 6 significant digits within 1e-3 of 0 or 1 (C/Fe liquidus ~1e-40; `c` = 1 - x). */
function fmtX(v: number, c = 1 - v): string {
  if (v > 0 && v < 1e-3) return v.toExponential(5).padStart(8);
  if (c > 0 && c < 1e-3) return `1-${c.toExponential(3)}`;
  return fmt(v);
}

export { phaseDiagramCsv };

/** Human-readable table. */
export function phaseDiagramText(r: PhaseDiagramResult): string {
  const out: string[] = [];
  out.push(`phase diagram, model ${r.model}: Z1 = ${r.z1}, Z2 = ${r.z2}, Gamma_1m = ${r.gamma1m.toFixed(6)}`);
  if (r.model === 'mc2010') out.push("  (Medin & Cumming 2010: their own liquid; Gamma_1m is their Gamma_crit, T/T_1m = 178.6/Gamma)");
  out.push('  Gamma      T/T_1m     x_liquid   x_solid    side');
  for (const w of r.rows) {
    out.push(`  ${fmt(w.gamma, 3).padStart(8)}  ${fmt(w.tOverT1m)}  ${fmtX(w.xLiquid, w.oneMinusXLiquid)}  ${fmtX(w.xSolid, w.oneMinusXSolid)}  ${w.side}`);
  }
  for (const a of r.invariants) {
    if (a.kind === 'eutectic') {
      out.push(
        `eutectic: liquid x = ${fmt(a.x)}, solids x = ${fmt(a.xSolidLow ?? NaN)} and ${fmt(a.xSolidHigh ?? NaN)}, Gamma = ${fmt(a.gamma, 4)}, T/T_1m = ${fmt(a.tOverT1m)}`,
      );
    } else {
      out.push(`azeotrope: x = ${fmt(a.x)} (+- ${a.xError.toExponential(1)}), Gamma = ${fmt(a.gamma, 4)}, T/T_1m = ${fmt(a.tOverT1m)}`);
    }
  }
  for (const u of r.unrefined) {
    out.push(`unrefined window at Gamma = ${fmt(u.gamma, 3)}: liquid near x = ${u.xLiquidNear.toPrecision(3)}, solid near x = ${u.xSolidNear.toPrecision(3)} (${u.reason})`);
  }
  if (r.invariants.length === 0) out.push('azeotrope: none found: the scan ends without a liquid pocket between two coexistence windows, which is where the search past --gamma-max starts (for C/O scan across Gamma_1m, as the default range does)');
  const stable = r.solvus.filter((s) => !s.metastable && s.refined);
  const unresolved = r.solvus.filter((s) => !s.metastable && !s.refined);
  if (r.solvus.length > 0 || r.model !== 'sro') {
    if (stable.length === 0) out.push('solvus: no stable miscibility gap in the scanned range');
    else {
      out.push('solvus (stable miscibility gap of the solid):');
      out.push('  Gamma      T/T_1m     x_low      x_high');
      for (const s of stable) out.push(`  ${fmt(s.gamma, 3).padStart(8)}  ${fmt(s.tOverT1m)}  ${fmtX(s.xLow)}  ${fmtX(s.xHigh, s.oneMinusXHigh)}`);
    }
    if (unresolved.length > 0) {
      out.push(
        `solvus: ${unresolved.length} stable gap(s) between Gamma = ${fmt(unresolved[0].gamma, 3)} and ${fmt(unresolved[unresolved.length - 1].gamma, 3)} not refined (an end closer to x = 0 or 1 than double precision resolves, or no tangent found); not listed`,
      );
    }
  }
  return `${out.join('\n')}\n`;
}

/**
 * `coulomix phase-diagram`: the C/O (or any Z1 < Z2) liquid-solid phase diagram of one
 * solid model. Bad input is a UsageError (one line, exit code 2).
 *
 * @example await run(['--model', 'random', '--json'])
 */
export async function run(argv: string[]): Promise<void> {
  const opts = parsePhaseDiagramArgs(argv);
  if (opts === 'help') {
    process.stdout.write(HELP);
    return;
  }
  const r = await computePhaseDiagram(opts);
  if (opts.format === 'json') process.stdout.write(`${JSON.stringify({ ...r, liquidMixing: opts.liquidMixing })}\n`);
  else if (opts.format === 'csv') process.stdout.write(phaseDiagramCsv(r));
  else {
    if (opts.liquidMixing === 'smix') process.stdout.write('liquid ideal mixing term: -S_mix (eq. 10; non-default variant)\n');
    process.stdout.write(phaseDiagramText(r));
  }
}
