// End-to-end timings, paired: the same commands on two builds (a reference checkout, e.g. the
// code before a change, and this one), run alternately so that both see the same machine load.
// Reports the median of each and the median of the per-pair ratios (reference / this build), for
// the wall time and, for the whole-process cases, the CPU time (user + system, all threads),
// which other load on the machine disturbs much less.
//
//   node bench/endToEnd.mjs --before DIR [--runs 3] [--only table,minimize,diagram,reproduce]
//
// DIR is a built checkout (its dist/, build/ and bench/minimize.mjs; node_modules resolvable from
// it). Written to bench/results/end-to-end.json. Not part of `npm run bench` (it needs DIR).
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const before = arg('before');
if (!before) {
  console.error('usage: node bench/endToEnd.mjs --before DIR [--runs N] [--only table,minimize,diagram,reproduce]');
  process.exit(2);
}
const runs = Number(arg('runs', '3'));
const only = arg('only', 'table,minimize,diagram,reproduce').split(',');
const builds = [['before', resolve(before)], ['after', root]];

// bash's `time` reports the CPU seconds of the child (TIMEFORMAT: user system) on stderr.
function run(dir, args) {
  const cmd = [process.execPath, ...args.map((a) => a.replace('{root}', dir))].map((a) => `'${a}'`).join(' ');
  const t0 = performance.now();
  const r = spawnSync('bash', ['-c', `TIMEFORMAT='%U %S'; time ${cmd} 2>/dev/null`], { encoding: 'utf8', cwd: dir });
  const s = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`${args.join(' ')} in ${dir}: exit ${r.status}`);
  const [user, sys] = r.stderr.trim().split('\n').pop().split(' ').map(Number);
  lastCpu = user + sys;
  return { s, stdout: r.stdout };
}
let lastCpu = NaN;

const out = join(tmpdir(), `coulomix-e2e-${process.pid}`);
const cases = {
  // seconds of the whole process
  table: (dir) => run(dir, ['{root}/dist/cli/main.js', 'table', '--shells', '30', '--json']).s,
  diagram: (dir) => run(dir, ['{root}/dist/cli/main.js', 'phase-diagram', '--model', 'sro', '--csv', '--quiet']).s,
  reproduce: (dir) => {
    const s = run(dir, ['{root}/dist/cli/main.js', 'reproduce', '--out', out]).s;
    rmSync(out, { recursive: true, force: true });
    return s;
  },
  // milliseconds of one minimization: median of the benny samples of bench/minimize.mjs
  minimize: (dir) => {
    const { stdout } = run(dir, ['{root}/bench/minimize.mjs']);
    return Number(/Gamma=175\.719: median ([\d.]+) ms/.exec(stdout)[1]) / 1000;
  },
};

const median = (a) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
const results = [];
for (const name of only) {
  const times = { before: [], after: [] };
  const cpu = { before: [], after: [] };
  for (let i = 0; i < runs; i++) {
    // alternate which build goes first
    for (const [label, dir] of i % 2 ? [...builds].reverse() : builds) {
      times[label].push(cases[name](dir));
      cpu[label].push(name === 'minimize' ? NaN : lastCpu);
    }
    process.stderr.write(`  ${name}: run ${i + 1}/${runs}: before ${times.before[i].toFixed(3)} s (CPU ${cpu.before[i].toFixed(2)} s), after ${times.after[i].toFixed(3)} s (CPU ${cpu.after[i].toFixed(2)} s)\n`);
  }
  const ratios = times.before.map((b, i) => b / times.after[i]);
  const cpuRatios = cpu.before.map((b, i) => b / cpu.after[i]);
  const row = {
    case: name, beforeS: median(times.before), afterS: median(times.after), speedup: +median(ratios).toFixed(3), ratios: ratios.map((r) => +r.toFixed(3)),
    cpuBeforeS: median(cpu.before), cpuAfterS: median(cpu.after), cpuSpeedup: +median(cpuRatios).toFixed(3), cpuRatios: cpuRatios.map((r) => +r.toFixed(3)),
    before: times.before, after: times.after,
  };
  results.push(row);
  console.log(`${name}: wall before ${row.beforeS.toFixed(4)} s, after ${row.afterS.toFixed(4)} s, paired speed-up x${row.speedup} (${row.ratios.join(', ')})` +
    (name === 'minimize' ? '' : `; CPU before ${row.cpuBeforeS.toFixed(2)} s, after ${row.cpuAfterS.toFixed(2)} s, paired x${row.cpuSpeedup} (${row.cpuRatios.join(', ')})`));
}
mkdirSync(join(root, 'bench', 'results'), { recursive: true });
writeFileSync(join(root, 'bench', 'results', 'end-to-end.json'), `${JSON.stringify({ date: new Date().toISOString(), runs, before: 'reference build (--before)', load: (await import('node:os')).loadavg(), results }, null, 2)}\n`);
