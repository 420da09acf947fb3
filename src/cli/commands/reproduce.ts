import { closePool, defaultThreads, maxThreads } from '../../parallel/pool.js';
import { configFor, type ReproduceLevel } from '../../reproduce/config.js';
import { MARKER } from '../../reproduce/output.js';
import { createProgress } from '../../reproduce/progress.js';
import { reproduce } from '../../reproduce/reproduce.js';
import { integerOption, parseOptions } from '../options.js';
import { UsageError } from '../usageError.js';

export const HELP = `usage: coulomix reproduce [--out DIR] [--threads K] [--quick] [--mc coarse|full] [--quiet] [--force]

Recompute the paper (Baiko 2025) end to end: Table I, Gamma_1m, the SRO, random, Ogata and
Ogata + S_mixZ phase diagrams, and Figs. 1-4, into DIR (default ./results):
figN.svg + figN.csv, tables as CSV and JSON, summary.json and REPORT.md (our numbers
beside the published ones). Progress goes to stderr; the result directory appears only
when the run has finished. The figures need the optional packages vega and vega-lite.
  --out DIR    result directory (default results). An existing DIR is replaced only if it is
               empty or an earlier result (it carries ${MARKER}) with no other files in it;
               a second run into the same DIR while one runs is refused; leftovers of a
               killed run are cleaned up (and reported) by the next run
  --force      replace DIR even if it holds other files (they are deleted)
  --threads K  worker threads, 1..${maxThreads()} here (twice the cores, at least 8; default ${defaultThreads()})
  --quick      coarser grids for a first look (well under a minute)
  --mc LEVEL   lattice Monte Carlo section: coarse (default, minutes) or full (supercells
               L = 8, 12, 16: the finite-size study; tens of minutes, with a time estimate)
  --quiet      no progress on stderr
`;

/** `coulomix reproduce`. */
export async function run(argv: string[]): Promise<void> {
  const o = parseOptions('reproduce', argv, {
    out: { type: 'string' },
    threads: { type: 'string' },
    quick: { type: 'boolean' },
    tiny: { type: 'boolean' },
    quiet: { type: 'boolean' },
    force: { type: 'boolean' },
    mc: { type: 'string' },
  }, HELP);
  const threads = integerOption('threads', o.threads, defaultThreads(), 1, maxThreads());
  const out = o.out === undefined ? 'results' : String(o.out);
  if (out.trim() === '') throw new UsageError('reproduce: --out must not be empty');
  if (o.quick && o.tiny) throw new UsageError('reproduce: --quick and --tiny exclude each other');
  // --tiny (undocumented): a test-only level that still writes every file.
  const level: ReproduceLevel = o.tiny ? 'tiny' : o.quick ? 'quick' : 'default';
  const progress = createProgress(process.stderr, !!o.quiet);
  try {
    if (o.mc !== undefined && o.mc !== 'coarse' && o.mc !== 'full') throw new UsageError(`reproduce: --mc must be coarse or full, got '${o.mc}'`);
    const cfg = configFor(level, threads);
    const s = await reproduce(o.mc ? { ...cfg, mc: o.mc } : cfg, out, progress, { force: !!o.force });
    process.stdout.write(`coulomix reproduce: results in ${s.out} (report: ${s.out}/REPORT.md), ${s.totalSeconds.toFixed(1)} s\n`);
  } finally {
    await closePool();
  }
}
