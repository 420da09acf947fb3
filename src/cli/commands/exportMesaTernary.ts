import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { mesaFileNames, writeMesaTernary } from '../../multi/mesaHdf5.js';
import { MESA_SYSTEMS, mesaTernaryTable, type MesaSystem } from '../../multi/mesaTable.js';
import { defaultThreads, maxThreads } from '../../parallel/pool.js';
import { integerOption, parseOptions } from '../options.js';
import { createProgress } from '../progress.js';
import { UsageError } from '../usageError.js';
import { modelOption } from './ternaryShared.js';

const SYSTEMS = Object.keys(MESA_SYSTEMS) as MesaSystem[];

const HELP = `usage: coulomix export mesa-ternary --system ${SYSTEMS.join('|')} [--model random|sro] --out DIR
                                  [--n 51] [--threads K] [--force] [--quiet] [--json]

Writes the two HDF5 tables MESA's phase-separation module reads for a ternary system, e.g.
DIR/CONe_deltaC.h5 and DIR/CONe_deltaO.h5: integer attributes num_x1, num_x2; float64 datasets
x1, x2 (liquid number fractions of the first two species on a grid 0, 1/(n-1), ..., 1) and
delta [num_x2][num_x1] = x_solid - x_liquid of that file's species, where the solid is the first
to form when the liquid cools to its liquidus. Points with x1 + x2 > 1 take the value on the
x1 + x2 = 1 edge at the same x1 (MESA interpolates bicubically over the whole rectangle).
Species (x1, x2, rest) in the order MESA's phase_separation.f90 uses: CONe = C, O, Ne;
COMg = C, Mg, O; NeOMg = Mg, O, Ne; ONeNa = Na, O, Ne. Existing files are
never overwritten without --force. Supported: 3 <= n <= 401.
`;

/** Run `coulomix export mesa-ternary`. */
export async function run(argv: string[]): Promise<void> {
  const o = parseOptions('export mesa-ternary', argv, {
    system: { type: 'string' },
    model: { type: 'string' },
    out: { type: 'string' },
    n: { type: 'string' },
    threads: { type: 'string' },
    force: { type: 'boolean' },
    quiet: { type: 'boolean' },
    json: { type: 'boolean' },
    help: { type: 'boolean' },
  });
  if (o.help) {
    process.stdout.write(HELP);
    return;
  }
  const system = String(o.system ?? '') as MesaSystem;
  if (!SYSTEMS.includes(system)) throw new UsageError(`export mesa-ternary: --system must be one of ${SYSTEMS.join(', ')}, got '${o.system ?? ''}'`);
  const model = modelOption(o.model);
  if (o.out === undefined || String(o.out) === '') throw new UsageError('export mesa-ternary: --out DIR is required');
  const dir = String(o.out);
  const n = integerOption('n', o.n, 51, 3, 401);
  const threads = integerOption('threads', o.threads, defaultThreads(), 1, maxThreads());
  const force = Boolean(o.force);
  const names = mesaFileNames({ system, species: MESA_SYSTEMS[system].species });
  const there = names.map((f) => join(dir, f)).find((p) => existsSync(p));
  if (there && !force) throw new UsageError(`${there} exists; use --force to overwrite it`);
  const t0 = Date.now();
  const bar = createProgress(`mesa-ternary ${system}`, (n * (n + 1)) / 2, { silent: Boolean(o.quiet) });
  const table = await mesaTernaryTable(system, model, { n, threads, onProgress: (d) => bar.update(d) });
  bar.done();
  const paths = await writeMesaTernary(table, dir, { force });
  const seconds = (Date.now() - t0) / 1000;
  const summary = { system, model, species: table.species, n, points: table.points, maxResidual: table.maxResidual, seconds, files: paths };
  if (o.json) process.stdout.write(`${JSON.stringify(summary, null, 1)}\n`);
  else
    process.stdout.write(
      `${paths.map((p) => `wrote ${p}`).join('\n')}\n${system} (${table.species.join('/')}), ${model} solid: ${n} x ${n} grid, ${table.points} liquid compositions solved, max tangent-plane residual ${table.maxResidual.toExponential(1)}, ${seconds.toFixed(1)} s\n`,
    );
}
