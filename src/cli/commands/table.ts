import { MAX_SHELLS } from '../../lattice/bccShells.js';
import { latticeSums, MIN_TOL } from '../../latticeSums/latticeSums.js';
import { closePool, defaultThreads, maxThreads } from '../../parallel/pool.js';
import { integerOption, parseOptions, rangeOption, type OptionSpec } from '../options.js';

export const HELP = `usage: coulomix table [--shells N] [--tol T] [--threads K] [--eta E] [--json]

Lattice sums of the bcc Coulomb crystal (paper Table I), a_i units:
I_i = m_i/R_i and the static-displacement integrals T_0, T_1..T_N.
  --shells N   neighbour shells, 1..${MAX_SHELLS} (default 8)
  --tol T      absolute accuracy of every T_i in 1/a_i, ${MIN_TOL}..0.1 (default 1e-9)
  --threads K  worker threads, 1..${maxThreads()} here (twice the cores, at least 8; default ${defaultThreads()})
  --eta E      Ewald splitting parameter in 1/a_i, 0.3..3 (default 0.9; results do not depend on it)
  --json       one JSON object on stdout
`;

/** Options of `coulomix table` (also what `coulomix sweep` checks a spec's flags against). */
export const TABLE_OPTIONS = {
  shells: { type: 'string' }, tol: { type: 'string' }, threads: { type: 'string' },
  eta: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean' },
} satisfies Record<string, OptionSpec>;

/** Parse and validate argv (UsageError on bad input); 'help' for --help. */
export function parseTableArgs(argv: string[]) {
  const o = parseOptions('table', argv, TABLE_OPTIONS);
  if (o.help) return 'help' as const;
  const shells = integerOption('shells', o.shells, 8, 1, MAX_SHELLS);
  const tol = rangeOption('tol', o.tol, 1e-9, MIN_TOL, 0.1);
  const threads = integerOption('threads', o.threads, defaultThreads(), 1, maxThreads());
  const eta = rangeOption('eta', o.eta, 0.9, 0.3, 3);
  return { shells, tol, threads, eta, json: Boolean(o.json) };
}

/** `coulomix table`: Table I with T_0, zeta and the error estimate. */
export async function run(argv: string[]): Promise<void> {
  const parsed = parseTableArgs(argv);
  if (parsed === 'help') {
    process.stdout.write(HELP);
    return;
  }
  const { shells, tol, threads, eta } = parsed;
  const o = { json: parsed.json };
  const t0 = performance.now();
  let result;
  try {
    result = await latticeSums({
      shells, tol, threads, eta,
      onProgress: ({ orders, error }) =>
        process.stderr.write(`table: Gauss orders ${orders.join('x')}: estimated error ${error.toExponential(1)}\n`),
    });
  } finally {
    await closePool();
  }
  const seconds = (performance.now() - t0) / 1000;
  if (o.json) {
    const { units, zeta, T0, error } = result;
    process.stdout.write(`${JSON.stringify({ units, zeta, T0, error, shells: result.shells })}\n`);
    return;
  }
  const digits = Math.max(4, Math.min(12, Math.ceil(-Math.log10(result.error || 1e-15))));
  const lines = [
    `bcc Coulomb lattice sums, units of 1/a_i (paper Table I), ${shells} shells`,
    '',
    `${'i'.padStart(3)}  ${'R_in / a_l'.padEnd(18)} ${'4l2/al2'.padStart(7)} ${'m_i'.padStart(4)}  ${'a_i T_i'.padStart(digits + 4)}  ${'a_i (I_i - T_i)'.padStart(digits + 4)}`,
  ];
  for (const s of result.shells) {
    const v = `(${s.vector.map((c) => (Number.isInteger(c) ? String(c) : `${c * 2}/2`)).join(', ')})`;
    lines.push(
      `${String(s.i).padStart(3)}  ${v.padEnd(18)} ${String(s.l2).padStart(7)} ${String(s.m).padStart(4)}  ${s.T.toFixed(digits).padStart(digits + 4)}  ${s.IminusT.toFixed(digits).padStart(digits + 4)}`,
    );
  }
  lines.push(`${'0'.padStart(3)}  ${''.padEnd(18)} ${''.padStart(7)} ${''.padStart(4)}  ${result.T0.toFixed(digits).padStart(digits + 4)}`);
  lines.push('');
  lines.push(`Madelung constant zeta = ${result.zeta.toFixed(12)}  (units Z^2 e^2/a_i)`);
  lines.push(`estimated error of every T_i: ${result.error.toExponential(1)} (Gauss orders ${result.coarseOrders.join('x')} vs ${result.orders.join('x')})`);
  lines.push(`eta = ${result.eta}, Ewald tolerance ${result.ewaldTol.toExponential(0)}, ${threads} thread(s), ${seconds.toFixed(2)} s`);
  process.stdout.write(`${lines.join('\n')}\n`);
}
