import { UncertifiedError } from '../../errors.js';
import { closePool, defaultThreads, maxThreads } from '../../parallel/pool.js';
import { latticeMonteCarlo, progressFraction, type LatticeMonteCarloResult } from '../../mc/latticeMonteCarlo.js';
import { compareRows, type RowComparison } from '../../mc/compare.js';
import { runChecks, type McCheck } from '../../mc/checks.js';
import { wedgeLabel } from '../../mc/wedgeK.js';
import { chargeOptions, integerOption, numberOption, parseOptions, xOption } from '../options.js';
import { createProgress } from '../progress.js';
import { UsageError } from '../usageError.js';

const HELP = `usage: coulomix mc --x X [--z1 6 --z2 8] [--gamma-max 800] [--L 12] [--shells 8]
                   [--couplings J1,J2,...] [--sweeps K] [--seed S] [--threads K]
                   [--max-replicas 320] [--json|--csv]

Exact equilibrium of the paper's crystal as a lattice gas (eqs. 5, 6 are exact for any
arrangement): canonical Monte Carlo with exchange moves on an L x L x L bcc supercell
(N = 2 L^3, L = 4..32), replica exchange over an adaptive ladder Gamma = 0..gamma-max, free
energy by thermodynamic integration. --shells n couples shells 1..n (1..30, default 8, the
paper's Hamiltonian); --couplings replaces the J_i (U_1 units) for model checks. --sweeps K
production sweeps per replica (default 1000; a pilot run of K/4 sets the ladder; the first
quarter of the production is discarded). Short trials then split every ladder pair whose
swap acceptance is below 0.15 until none is (at most --max-replicas replicas, default 320;
if that is not enough: one line and exit 1). Replicas above the Gamma where the pilot shows
long-range order start from the ordered arrangement of lowest energy (square concentration waves
on the lowest-J(k) stars of the cell); f <= its u is one of the checks. A replica whose mean
energy still drifts by more than 5 errors after the production (one at the ordering transition)
is sampled longer with its neighbours, up to 7x the sweeps. One row per Gamma > 0: u, f, s with errors, alpha_i
(shells 1..30), the B2 order parameter and its Binder cumulant, the largest S(k) and its k*,
and the variational SRO model and the random solid at the same (x, Gamma). Energies per ion
in U_1 = Z1^(5/3) e^2/a_e, linear mixing subtracted; entropies in k_B. Progress on stderr.
Ranges: x in [1e-6, 1 - 1e-6] with at least one ion of each kind in the cell; integer charges
1 <= Z1 < Z2 <= 100; --gamma-max in (0, 5000]; --sweeps 96..100000; --seed 0..2^31-1;
--couplings 1..30 values with |J| <= 10; --max-replicas 2..2000.
`;

/** `coulomix mc`: see HELP. `--json` prints one object (README, section "coulomix mc"). */
export async function run(argv: string[]): Promise<void> {
  const o = parseOptions('mc', argv, {
    x: { type: 'string' }, z1: { type: 'string' }, z2: { type: 'string' }, 'gamma-max': { type: 'string' },
    L: { type: 'string' }, shells: { type: 'string' }, couplings: { type: 'string' }, sweeps: { type: 'string' },
    seed: { type: 'string' }, threads: { type: 'string' }, 'max-replicas': { type: 'string' }, json: { type: 'boolean' }, csv: { type: 'boolean' },
    help: { type: 'boolean' },
  });
  if (o.help) {
    process.stdout.write(HELP);
    return;
  }
  if (o.x === undefined) throw new UsageError('mc: --x is required');
  if (o.json && o.csv) throw new UsageError('mc: --json and --csv exclude each other');
  const x = xOption(o.x);
  const { z1, z2 } = chargeOptions(o);
  const gammaMax = numberOption('gamma-max', o['gamma-max'], 800, (v) => (v > 0 && v <= 5000 ? undefined : 'must be in (0, 5000]'));
  const L = integerOption('L', o.L, 12, 4, 32);
  const shells = integerOption('shells', o.shells, 8, 1, 30);
  const sweeps = integerOption('sweeps', o.sweeps, 1000, 96, 100_000);
  const seed = integerOption('seed', o.seed, 1, 0, 2 ** 31 - 1);
  const threads = integerOption('threads', o.threads, defaultThreads(), 1, maxThreads());
  const maxReplicas = integerOption('max-replicas', o['max-replicas'], 320, 2, 2000);
  const couplings = o.couplings === undefined ? undefined : parseCouplings(String(o.couplings));
  // The bar starts with the first sweeps, after every input check (an error stays one line).
  let bar: ReturnType<typeof createProgress> | undefined;
  try {
    const r = await latticeMonteCarlo({
      z1, z2, x, gammaMax, L, shells, couplings, sweeps, seed, threads, maxReplicas,
      onProgress: (stage, done, total) => {
        bar ??= createProgress('mc', 100);
        bar.update(Math.round(100 * progressFraction(stage, done, total)), stage);
      },
    });
    bar?.done(`${r.seconds.toFixed(1)} s`);
    const cmp = await compareRows(r);
    const checks = runChecks(r);
    const failed = checks.filter((c) => !c.pass);
    if (failed.length > 0) {
      throw new UncertifiedError(`mc: self-check failed: ${failed.map((c) => `${c.name} (${c.value.toExponential(2)} vs ${c.bound.toExponential(2)})`).join('; ')}; run longer (--sweeps)`);
    }
    if (o.json) process.stdout.write(`${JSON.stringify(jsonResult(r, cmp, checks))}\n`);
    else if (o.csv) process.stdout.write(csvResult(r, cmp));
    else process.stdout.write(textResult(r, cmp, checks));
  } finally {
    await closePool();
  }
}

function parseCouplings(s: string): number[] {
  const parts = s.split(',').map((p) => p.trim());
  const v = parts.map(Number);
  if (parts.length < 1 || parts.length > 30 || parts.some((p) => p === '') || !v.every((j) => Number.isFinite(j) && Math.abs(j) <= 10)) {
    throw new UsageError(`--couplings must be 1 to 30 comma-separated numbers with |J| <= 10 (U_1 units), got '${s}'`);
  }
  return v;
}

function jsonResult(r: LatticeMonteCarloResult, cmp: RowComparison[], checks: McCheck[]): unknown {
  return {
    x: r.x, z1: r.z1, z2: r.z2, L: r.L, shells: r.shells, seed: r.seed,
    xCell: r.xCell, N: r.N, sweeps: r.sweeps, couplings: r.couplings, ladder: r.ladder, swapAcceptance: r.swapAcceptance,
    ladderTrials: r.ladderTrials, replicasPerTrial: r.replicasPerTrial,
    ordered: r.ordered, maxDriftZ: r.maxDriftZ, extensions: r.extensions, checks: checks.map((c) => ({ name: c.name, pass: c.pass })),
    rows: r.rows.map((w, j) => ({
      gamma: w.gamma, u: w.u, uError: w.uError, f: w.f, fError: w.fError, s: w.s, sError: w.sError,
      alpha: w.alpha, alphaError: w.alphaError, b2: w.b2, binder: w.binder,
      ...(cmp[j].sro ? { sro: cmp[j].sro } : {}),
      fRandom: cmp[j].fRandom,
      b2Error: w.b2Error, sMax: w.sMax, sMaxError: w.sMaxError, kStar: w.kStar, sA4: cmp[j].sA4,
      eq4: cmp[j].eq4, eq4Error: cmp[j].eq4Error, acceptance: w.acceptance,
    })),
  };
}

function csvResult(r: LatticeMonteCarloResult, cmp: RowComparison[]): string {
  const a = Array.from({ length: 30 }, (_, i) => i + 1);
  const n = r.shells;
  const head = ['gamma', 'u', 'uError', 'f', 'fError', 's', 'sError', 'b2', 'b2Error', 'binder', 'sMax', 'kx', 'ky', 'kz',
    'fRandom', 'fSro', 'sSro', 'sA4', 'eq4', ...a.map((i) => `alpha${i}`), ...a.map((i) => `alphaError${i}`),
    ...a.slice(0, n).map((i) => `alphaSro${i}`)];
  const lines = [head.join(',')];
  r.rows.forEach((w, j) => {
    const c = cmp[j];
    lines.push([w.gamma, w.u, w.uError, w.f, w.fError, w.s, w.sError, w.b2, w.b2Error, w.binder, w.sMax, ...w.kStar,
      c.fRandom, c.sro?.f ?? '', c.sro?.s ?? '', c.sA4, c.eq4, ...w.alpha, ...w.alphaError,
      ...(c.sro ? c.sro.alpha : a.slice(0, n).map(() => ''))].join(','));
  });
  return `${lines.join('\n')}\n`;
}

function pm(v: number, e: number, digits = 3): string {
  return `${v.toExponential(digits)}(${e.toExponential(0)})`;
}

function textResult(r: LatticeMonteCarloResult, cmp: RowComparison[], checks: McCheck[]): string {
  const x2 = r.xCell ** 2;
  const lines = [
    `Lattice Monte Carlo, Z1 = ${r.z1}, Z2 = ${r.z2}, x = ${r.x} (cell ${r.xCell.toFixed(6)}), L = ${r.L} (N = ${r.N}), ${r.shells} coupled shells${r.paperHamiltonian ? ' (paper eqs. 5, 6)' : ' (custom couplings)'}`,
    `${r.ladder.length} replicas on Gamma = 0..${r.ladder[r.ladder.length - 1]}, ${r.sweeps} sweeps each (+ ${r.pilotSweeps} pilot), seed ${r.seed}, ${r.seconds.toFixed(1)} s, ${(r.attemptedMoves / r.seconds).toExponential(2)} moves/s`,
    `ladder: pilot ${r.pilotSweeps} sweeps, ${r.ladderTrials} refinement trials of ${r.trialSweeps} sweeps (replicas ${r.replicasPerTrial.join(' -> ')})`,
    `swap acceptance min ${Math.min(...r.swapAcceptance).toFixed(2)}, median ${median(r.swapAcceptance).toFixed(2)}; equilibration drift max |z| = ${r.maxDriftZ.toFixed(1)}${extensionNote(r)}`,
    orderedLine(r),
    '',
    '   Gamma   u (U_1)          f (U_1)          s (k_B)        f - f_SRO    s_SRO    s_A4(MC)  d1_MC    d1_SRO   B2 eta  Binder  S_max  k*',
  ];
  r.rows.forEach((w, j) => {
    const c = cmp[j];
    const d1 = (w.alpha[0] - x2) / x2;
    lines.push([
      w.gamma.toFixed(1).padStart(8), pm(w.u, w.uError).padEnd(16), pm(w.f, w.fError).padEnd(16), `${w.s.toFixed(4)}(${w.sError.toExponential(0)})`.padEnd(14),
      (c.sro ? (w.f - c.sro.f).toExponential(2) : '-').padStart(10), (c.sro ? c.sro.s.toFixed(4) : '-').padStart(8), c.sA4.toFixed(4).padStart(8),
      d1.toFixed(4).padStart(8), (c.sro ? ((c.sro.alpha[0] - r.x ** 2) / r.x ** 2).toFixed(4) : '-').padStart(8),
      w.b2.toFixed(3).padStart(7), w.binder.toFixed(3).padStart(7), w.sMax.toFixed(1).padStart(6), wedgeLabel(w.kStar).padStart(5),
    ].join(' '));
  });
  lines.push('');
  lines.push('d1 = (alpha_1 - x^2)/x^2; k* in units 2 pi/a_l reduced to the wedge (H = (1,0,0): B2).');
  lines.push(`checks: ${checks.every((c) => c.pass) ? 'all passed' : 'FAILED'} (${checks.map((c) => c.name).join('; ')})`);
  return `${lines.join('\n')}\n`;
}

function median(a: number[]): number {
  const s = [...a].sort((p, q) => p - q);
  return s.length ? s[s.length >> 1] : 0;
}

/** The ordered start: its k and u, where it was used, and the hot pilot against the production there. */
function orderedLine(r: LatticeMonteCarloResult): string {
  const o = r.ordered;
  const head = `ordered start: k* = ${wedgeLabel(o.k)}, u = ${o.u.toExponential(4)}`;
  if (o.gammaFrom === undefined) return `${head}; not used (the hot pilot shows no long-range order, S_max > sqrt(N), at the top of its ladder)`;
  const hyst = o.hotPilot.map((p) => `${p.gamma.toFixed(0)}: ${(p.uHot - p.uProduction).toExponential(1)}`).join(', ');
  return `${head}; the ${o.replicas} replicas at Gamma >= ${o.gammaFrom.toFixed(1)} started from it; u(hot pilot) - u(production) at ${hyst}`;
}

/** The continued sampling of drifting replicas, for the text header ('' when none ran). */
function extensionNote(r: LatticeMonteCarloResult): string {
  if (r.extensions.length === 0) return '';
  const x = r.extensions;
  return ` (after ${x.length} round${x.length > 1 ? 's' : ''} of continued sampling of the drifting replicas: ${x.map((e) => `${e.sweeps} sweeps on ${e.gammas.length}`).join(', ')})`;
}
