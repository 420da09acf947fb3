import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UncertifiedError } from '../../errors.js';
import { releaseAllClaims } from '../../sweep/claims.js';
import { mergeSweep } from '../../sweep/merge.js';
import { runSweep, type SweepEvent } from '../../sweep/runSweep.js';
import { arrayRanges, sbatchScript, SLURM_PARTITION, SLURM_TIME, submitSbatch } from '../../sweep/sbatch.js';
import { inShard, parseShard, shardFromEnv, type Shard } from '../../sweep/shard.js';
import { parseSpec } from '../../sweep/spec.js';
import { hasResult, openSweepDir, sweepPaths } from '../../sweep/sweepDir.js';
import { writeFileAtomic } from '../../sweep/atomicFile.js';
import { describeTask, type SweepTask } from '../../sweep/tasks.js';
import { checkSpec } from '../../sweep/validate.js';
import { integerOption, numberOption, parseOptions, type OptionSpec } from '../options.js';
import { SWEEPABLE_COMMANDS } from '../sweepCatalog.js';
import { UsageError } from '../usageError.js';

const HELP = `usage: coulomix sweep SPEC.json --out DIR [--threads K] [--shard I/N] [--task-timeout S] [--quiet]
       coulomix sweep SPEC.json --out DIR --slurm [--array-size N] [--partition P] [--time T]
                      [--cpus-per-task C] [--task-timeout S] [--submit]

Runs a parameter sweep: SPEC.json names a command, fixed flags and a grid, e.g.
  {"command": "phase-diagram", "base": {"model": "random", "gamma-min": 170, "gamma-max": 172},
   "grid": {"z2": [8, 10], "liquid-mixing": ["smix", "smixz"]}}
The Cartesian product of the grid is the task list (DIR/tasks.json, a stable id per task).
Each task runs 'coulomix COMMAND FLAGS --json' in its own process; its output goes atomically
to DIR/results/ID.json, a failure to DIR/failed/ID.json. Running again skips finished tasks and
retries failed ones. When every task has a result, DIR/results.jsonl holds them in task order.
Sweeps: ${Object.keys(SWEEPABLE_COMMANDS).join(', ')}.
  --out DIR          sweep directory (new, empty, or one this spec started)
  --threads K        tasks run at once (default 1; commands with --threads use their own threads)
  --shard I/N        only tasks whose index is I modulo N (0 <= I < N); inside a SLURM job array
                     the shard comes from SLURM_ARRAY_TASK_ID / SLURM_ARRAY_TASK_COUNT
  --task-timeout S   kill and record as failed a task that runs longer than S seconds
  --slurm            write DIR/sweep.sbatch, a job array whose task I runs shard I/N
  --array-size N     array tasks (default: one per task, at most 1000)
  --partition P, --time T, --cpus-per-task C   sbatch settings (C tasks at once per array task)
  --submit           submit the script with sbatch (only the shards with work left) and print
                     the job id
Then 'coulomix merge DIR' checks every task and writes DIR/results.jsonl.
`;

/** Options of `coulomix sweep`. */
export const SWEEP_OPTIONS = {
  out: { type: 'string' }, threads: { type: 'string' }, shard: { type: 'string' }, 'task-timeout': { type: 'string' },
  slurm: { type: 'boolean' }, 'array-size': { type: 'string' }, partition: { type: 'string' }, time: { type: 'string' },
  'cpus-per-task': { type: 'string' }, submit: { type: 'boolean' }, quiet: { type: 'boolean' }, help: { type: 'boolean' },
} satisfies Record<string, OptionSpec>;

/** Split argv into positional arguments and options (values of string options stay with them). */
export function splitPositionals(argv: string[], spec: Record<string, OptionSpec>): { positionals: string[]; options: string[] } {
  const positionals: string[] = [];
  const options: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') positionals.push(...argv.slice(i + 1)), (i = argv.length);
    else if (a.startsWith('-') && a.length > 1) {
      options.push(a);
      const name = a.replace(/^--?/, '');
      if (!a.includes('=') && spec[name]?.type === 'string' && i + 1 < argv.length) options.push(argv[++i]);
    } else positionals.push(a);
  }
  return { positionals, options };
}

function parseSweepArgs(argv: string[]) {
  const { positionals, options } = splitPositionals(argv, SWEEP_OPTIONS);
  const o = parseOptions('sweep', options, SWEEP_OPTIONS);
  if (o.help) return 'help' as const;
  if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'sweep: SPEC.json is required (coulomix sweep SPEC.json --out DIR)' : `sweep: unexpected argument '${positionals[1]}'`);
  if (o.out === undefined || String(o.out).trim() === '') throw new UsageError('sweep: --out DIR is required');
  for (const flag of ['array-size', 'partition', 'time', 'cpus-per-task', 'submit'] as const) {
    if (o[flag] !== undefined && !o.slurm) throw new UsageError(`sweep: --${flag} needs --slurm`);
  }
  if (o.slurm && o.shard !== undefined) throw new UsageError('sweep: --shard and --slurm exclude each other (the job array sets the shard of each array task)');
  if (o.slurm && o.threads !== undefined) throw new UsageError('sweep: with --slurm, --cpus-per-task C sets the tasks run at once per array task');
  const time = o.time === undefined ? undefined : String(o.time);
  if (time !== undefined && !SLURM_TIME.test(time)) throw new UsageError(`--time must be a SLURM time (minutes, M:S, H:M:S, D-H, D-H:M or D-H:M:S), got '${time}'`);
  const partition = o.partition === undefined ? undefined : String(o.partition);
  if (partition !== undefined && !SLURM_PARTITION.test(partition)) throw new UsageError(`--partition must be a partition name (letters, digits, '_', '.', '-'; comma-separated), got '${partition}'`);
  return {
    specPath: positionals[0],
    out: String(o.out),
    threads: integerOption('threads', o.threads, 1, 1, 256),
    shard: o.shard === undefined ? undefined : parseShard(String(o.shard)),
    taskTimeout: numberOption('task-timeout', o['task-timeout'], 0, (v) => (v > 0 ? undefined : 'must be a positive number of seconds')),
    slurm: Boolean(o.slurm),
    arraySize: o['array-size'],
    partition,
    time,
    cpusPerTask: integerOption('cpus-per-task', o['cpus-per-task'], 1, 1, 256),
    submit: Boolean(o.submit),
    quiet: Boolean(o.quiet),
  };
}

type SweepArgs = Exclude<ReturnType<typeof parseSweepArgs>, 'help'>;

function readSpecText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    throw new UsageError(`sweep: cannot read ${path} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
}

const cliPath = (): string => fileURLToPath(new URL('../main.js', import.meta.url));

/** `--slurm`: write DIR/sweep.sbatch and, with --submit, submit the shards that have work left. */
function slurmMode(a: SweepArgs, tasks: SweepTask[]): void {
  const p = sweepPaths(a.out);
  const arraySize = integerOption('array-size', a.arraySize, Math.min(tasks.length, 1000), 1, tasks.length);
  mkdirSync(p.slurm, { recursive: true });
  writeFileAtomic(p.sbatch, sbatchScript({ dir: p.dir, spec: p.spec, logs: p.slurm, node: process.execPath, cli: cliPath(), arraySize, taskCount: tasks.length, cpusPerTask: a.cpusPerTask, partition: a.partition, time: a.time, taskTimeout: a.taskTimeout }));
  const shards: number[] = [];
  for (let i = 0; i < arraySize; i++) if (tasks.some((t) => inShard(t.index, { index: i, count: arraySize, source: '' }) && !hasResult(p.dir, t.id))) shards.push(i);
  if (!a.submit) {
    const shown = join(a.out, 'sweep.sbatch');
    process.stdout.write(`wrote ${shown}: a job array of ${arraySize} array tasks for ${tasks.length} tasks\nsubmit it with: sbatch ${shown}\n`);
    return;
  }
  if (shards.length === 0) {
    process.stderr.write(`sweep: all ${tasks.length} tasks have results; nothing to submit (coulomix merge ${a.out})\n`);
    return;
  }
  const list = arrayRanges(shards);
  const jobId = submitSbatch(p.sbatch, list);
  process.stderr.write(`sweep: submitted job array ${jobId} (array tasks ${list} of 0-${arraySize - 1}, ${tasks.length} tasks) from ${join(a.out, 'sweep.sbatch')}\n`);
  process.stdout.write(`${jobId}\n`);
}

function printEvent(e: SweepEvent, gridNames: string[], shard: Shard | undefined, threads: number): void {
  const w = (s: string): boolean => process.stderr.write(`sweep: ${s}\n`);
  if (e.kind === 'start') {
    const n = `${e.total} task${e.total === 1 ? '' : 's'}`;
    const where = shard ? `shard ${shard.index}/${shard.count} (${shard.source}): ${n}` : n;
    w(`${where}, ${e.done} already done, ${e.todo} to run, ${threads} at a time`);
  } else if (e.kind === 'done') w(`[${e.finished}/${e.todo}] ${describeTask(e.task, gridNames)}: done in ${e.seconds.toFixed(2)} s`);
  else if (e.kind === 'failed') w(`[${e.finished}/${e.todo}] ${describeTask(e.task, gridNames)}: FAILED (attempt ${e.attempts}): ${e.message}`);
  else w(`${describeTask(e.task, gridNames)}: being computed by another sweep (pid ${e.holder.pid} on ${e.holder.host}); waiting for it`);
}

/** Run this machine's share of the sweep; exits 130/143 on SIGINT/SIGTERM with results kept. */
async function localMode(a: SweepArgs, command: string, gridNames: string[], tasks: SweepTask[]): Promise<void> {
  const shard = a.shard ?? shardFromEnv(process.env);
  const abort = new AbortController();
  let stopSignal: NodeJS.Signals | undefined;
  const onSignal = (sig: NodeJS.Signals): void => {
    stopSignal = sig;
    abort.abort();
  };
  process.on('SIGINT', onSignal).on('SIGTERM', onSignal);
  const summary = await runSweep({ dir: a.out, command, tasks, cli: cliPath(), threads: a.threads, shard, timeoutMs: a.taskTimeout * 1000, signal: abort.signal, onEvent: a.quiet ? undefined : (e) => printEvent(e, gridNames, shard, a.threads) });
  process.off('SIGINT', onSignal).off('SIGTERM', onSignal);
  const done = summary.alreadyDone + summary.computed;
  if (summary.interrupted) {
    releaseAllClaims();
    process.stderr.write(`sweep: stopped by ${stopSignal}: ${done} of ${summary.total} tasks done, their results kept; run the same command again to resume\n`);
    process.exit(stopSignal === 'SIGINT' ? 130 : 143);
  }
  if (summary.failed.length > 0) {
    throw new UncertifiedError(`sweep: ${summary.failed.length} of ${summary.total} tasks failed (why: ${join(a.out, 'failed')}/ID.json); run the same command again to retry them`);
  }
  const head = `sweep: ${done} of ${summary.total} tasks done (${summary.computed} computed now)`;
  if (shard) {
    process.stdout.write(`${head} in shard ${shard.index}/${shard.count}; run 'coulomix merge ${a.out}' when every shard has finished\n`);
    return;
  }
  const report = mergeSweep(a.out);
  process.stdout.write(report.written ? `${head}; results in ${join(a.out, 'results.jsonl')}\n` : `${head}; other tasks are still missing ('coulomix merge ${a.out}' lists them)\n`);
}

/**
 * `coulomix sweep SPEC.json --out DIR`: a parameter sweep over one command (see HELP). The spec
 * is checked completely (command, flag names and types, every task's values) before any work.
 *
 * @example await run(['spec.json', '--out', 'sweep-out', '--threads', '2'])
 */
export async function run(argv: string[]): Promise<void> {
  const a = parseSweepArgs(argv);
  if (a === 'help') {
    process.stdout.write(HELP);
    return;
  }
  const text = readSpecText(a.specPath);
  const spec = parseSpec(text, a.specPath);
  const tasks = await checkSpec(spec, SWEEPABLE_COMMANDS, a.specPath);
  const gridNames = Object.keys(spec.grid);
  openSweepDir(a.out, spec.command, gridNames, tasks, `${JSON.stringify(spec, null, 2)}\n`);
  if (a.slurm) slurmMode(a, tasks);
  else await localMode(a, spec.command, gridNames, tasks);
}
