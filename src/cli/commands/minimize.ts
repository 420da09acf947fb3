import { getLatticeSums } from '../../latticeSums/getLatticeSums.js';
import { DOMAIN_TEXT } from '../../domain.js';
import { MAX_ORDER_PARAMETERS, SRO_DOMAIN_TEXT, sroSolid } from '../../models/sro.js';
import { cleanEntropy } from '../format.js';
import { chargeOptions, gammaOption, integerOption, parseOptions, required, xOption, type OptionSpec } from '../options.js';

export const HELP = `usage: coulomix minimize --x X --gamma G [--z1 6] [--z2 8] [--shells 8] [--seed S] [--json]

Equilibrium short-range order of a binary bcc Coulomb crystal (Baiko 2025): minimizes
F = U_mad - LM + U_corr + U_shft - T S over the order parameters alpha_1..alpha_n under every
constraint: bounds, eq. 4, S >= 0 and |Delta_k|^2 >= 0 on a 10^5-point wedge sample (seeded by
--seed), refined locally. The result carries a certificate (duality gap, U_1) of the global
minimum; a minimization that does not reach it fails with exit code 1. The minimizer's
certified domain is ${SRO_DOMAIN_TEXT}; outside it the command exits with status 2 and names it.
Energies in U_1 = Z1^(5/3) e^2/a_e, linear mixing subtracted. Progress goes to stderr.
  --x X        ${DOMAIN_TEXT.x}
  --gamma G    ${DOMAIN_TEXT.gamma}
  --z1, --z2   ${DOMAIN_TEXT.z} (default 6, 8: C/O)
  --shells N   order parameters n, 1..${MAX_ORDER_PARAMETERS} (default 8, as in the paper)
  --seed S     seed of the wedge sample, an integer from 0 to 2147483647 (default 1)
  --json       one JSON object (keys in the README); S is printed as 0 when |S| < 1e-12
`;

/** Options of `coulomix minimize` (also what `coulomix sweep` checks a spec's flags against). */
export const MINIMIZE_OPTIONS = {
  x: { type: 'string' },
  gamma: { type: 'string' },
  z1: { type: 'string' },
  z2: { type: 'string' },
  shells: { type: 'string' },
  seed: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean' },
} satisfies Record<string, OptionSpec>;

/** Parse and validate argv (UsageError on bad input); 'help' for --help. */
export function parseMinimizeArgs(argv: string[]) {
  const opts = parseOptions('minimize', argv, MINIMIZE_OPTIONS);
  if (opts.help) return 'help' as const;
  const x = xOption(required('minimize', opts, 'x'));
  const gamma = gammaOption(required('minimize', opts, 'gamma'));
  const { z1, z2 } = chargeOptions(opts);
  const shells = integerOption('shells', opts.shells, 8, 1, MAX_ORDER_PARAMETERS);
  const seed = integerOption('seed', opts.seed, 1, 0, 2 ** 31 - 1);
  const mix = { z1, z2, x };
  return { x, gamma, z1, z2, shells, seed, mix, json: Boolean(opts.json) };
}

/**
 * `coulomix minimize`: the certified free-energy minimum over the short-range order
 * parameters at (z1, z2, x, Gamma). `--json` prints exactly one object:
 * {z1, z2, x, gamma, shells, alpha, deviation, F, Frandom, U, S, minDeltaK, certificate}.
 *
 * @example await run(['--x', '0.5', '--gamma', '175.719', '--json'])
 */
export async function run(argv: string[]): Promise<void> {
  const parsed = parseMinimizeArgs(argv);
  if (parsed === 'help') {
    process.stdout.write(HELP);
    return;
  }
  const { x, gamma, z1, z2, shells, seed, mix } = parsed;
  const opts = { json: parsed.json };

  // Progress on stderr only (interactive terminals, or COULOMIX_VERBOSE=1 for every round).
  const verbose = !!process.env.COULOMIX_VERBOSE;
  const progress = (msg: string): void => {
    if (process.stderr.isTTY || verbose) process.stderr.write(`minimize: ${msg}\n`);
  };
  progress(`lattice sums for ${shells} shells`);
  const sums = await getLatticeSums(shells);
  progress(`wedge sample and cosine table (${shells} shells, seed ${seed})`);
  const r = await sroSolid(mix, gamma, sums, { shells, seed, onProgress: verbose ? progress : undefined });

  if (opts.json) {
    const out = {
      z1,
      z2,
      x,
      gamma,
      shells,
      alpha: r.alpha,
      deviation: r.deviation,
      F: r.F,
      Frandom: r.Frandom,
      U: r.U,
      S: cleanEntropy(r.S),
      minDeltaK: r.minDeltaK,
      certificate: r.certificate,
    };
    process.stdout.write(`${JSON.stringify(out)}\n`);
    return;
  }
  const lines: string[] = [];
  lines.push(`Short-range-ordered bcc crystal, Z1 = ${z1}, Z2 = ${z2}, x = ${x}, Gamma = ${gamma}, ${shells} order parameters`);
  lines.push('');
  lines.push('   i     alpha_i            (alpha_i - x^2)/x^2');
  r.alpha.forEach((a, i) => {
    lines.push(`  ${String(i + 1).padStart(2)}   ${a.toFixed(12)}   ${r.deviation[i] >= 0 ? ' ' : ''}${r.deviation[i].toExponential(6)}`);
  });
  lines.push('');
  lines.push(`  F (SRO)       = ${r.F.toExponential(10)} U_1`);
  lines.push(`  F (random)    = ${r.Frandom.toExponential(10)} U_1   (U_rnd - T S_mix)`);
  lines.push(`  F - F_random  = ${(r.F - r.Frandom).toExponential(6)} U_1`);
  lines.push(`  U             = ${r.U.toExponential(10)} U_1   (electrostatic, linear mixing subtracted)`);
  // S >= 0 is enforced to rounding; do not print a rounding-level negative as '-0.0000000000'.
  lines.push(`  S             = ${(Math.abs(r.S) < 5e-11 ? 0 : r.S).toFixed(10)} k_B per ion`);
  lines.push(`  min_k |Delta_k|^2/N = ${r.minDeltaK.toExponential(3)}   (refined over the wedge; >= -1e-12 required)`);
  lines.push(`  certificate   = ${r.certificate.toExponential(3)} U_1   (duality gap of the final problem)`);
  const active = [...r.cuts].sort((a, b) => b.lambda - a.lambda).slice(0, 6);
  lines.push(
    `  active wave vectors (1/a_i, largest multipliers): ${
      active.length === 0 ? 'none' : active.map((c) => `(${c.k.map((v) => v.toFixed(6)).join(', ')})`).join(' ')
    }${r.cuts.length > active.length ? ` and ${r.cuts.length - active.length} more` : ''}`,
  );
  lines.push(`  ${r.rounds} cutting-plane rounds, ${r.iterations} interior-point iterations`);
  process.stdout.write(`${lines.join('\n')}\n`);
}
