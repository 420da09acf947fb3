import { spawnSync } from 'node:child_process';
import { DomainError } from '../errors.js';

/** What the job-array script needs. Paths must be absolute (compute nodes start elsewhere). */
export interface SbatchOptions {
  /** Sweep directory (absolute). */
  dir: string;
  /** Spec file inside it (absolute): DIR/spec.json. */
  spec: string;
  /** Log directory of the array tasks (absolute): DIR/slurm. */
  logs: string;
  /** Node binary and dist/cli/main.js (absolute). */
  node: string;
  cli: string;
  /** Number of array tasks (shards). */
  arraySize: number;
  /** Number of tasks in the sweep (for the comment). */
  taskCount: number;
  cpusPerTask: number;
  partition?: string;
  time?: string;
  /** Per-task time limit passed on to each shard (seconds, 0 = none). */
  taskTimeout?: number;
}

/** Single-quote a word for bash. */
export function shellQuote(s: string): string {
  return /^[A-Za-z0-9_./=:@%+,-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

/** SLURM's --time formats: M, M:S, H:M:S, D-H, D-H:M, D-H:M:S. */
export const SLURM_TIME = /^(\d+|\d+:\d{1,2}|\d+:\d{1,2}:\d{1,2}|\d+-\d+|\d+-\d+:\d{1,2}|\d+-\d+:\d{1,2}:\d{1,2})$/;
/** A partition name or a comma-separated list of them. */
export const SLURM_PARTITION = /^[A-Za-z0-9_.-]+(,[A-Za-z0-9_.-]+)*$/;

/**
 * The sbatch script of a sweep: a job array whose task I runs shard I/N of the sweep
 * (`coulomix sweep DIR/spec.json --out DIR --shard I/N`). Finished tasks are skipped, so
 * submitting it again resumes.
 *
 * @example sbatchScript({ dir: '/scratch/s', spec: '/scratch/s/spec.json', ... })
 */
export function sbatchScript(o: SbatchOptions): string {
  const q = shellQuote;
  const lines = [
    '#!/bin/bash',
    `# coulomix sweep as a SLURM job array: array task I runs shard I/${o.arraySize} of the ${o.taskCount} tasks in`,
    `# ${o.dir}/tasks.json.`,
    '# Tasks that have a result are skipped, so submitting this again resumes the sweep.',
    '#SBATCH --job-name=coulomix-sweep',
    `#SBATCH --array=0-${o.arraySize - 1}`,
    '#SBATCH --ntasks=1',
    `#SBATCH --cpus-per-task=${o.cpusPerTask}`,
    `#SBATCH --output=${o.logs}/%A_%a.out`,
  ];
  if (o.partition) lines.push(`#SBATCH --partition=${o.partition}`);
  if (o.time) lines.push(`#SBATCH --time=${o.time}`);
  const timeout = o.taskTimeout ? ` --task-timeout ${o.taskTimeout}` : '';
  lines.push(
    'set -eu',
    `exec ${q(o.node)} ${q(o.cli)} sweep ${q(o.spec)} --out ${q(o.dir)} --shard "\${SLURM_ARRAY_TASK_ID}/${o.arraySize}" --threads ${o.cpusPerTask}${timeout}`,
    '',
  );
  return lines.join('\n');
}

/** Compress sorted integers to SLURM's array syntax: [0,1,2,5] -> '0-2,5'. */
export function arrayRanges(ids: number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < ids.length; ) {
    let j = i;
    while (j + 1 < ids.length && ids[j + 1] === ids[j] + 1) j++;
    parts.push(i === j ? `${ids[i]}` : `${ids[i]}-${ids[j]}`);
    i = j + 1;
  }
  return parts.join(',');
}

/**
 * Submit the script with `sbatch --parsable --array=LIST SCRIPT` and return the job id.
 * DomainError (one line) if sbatch is missing or refuses the job.
 */
export function submitSbatch(script: string, arrayList: string, env: NodeJS.ProcessEnv = process.env): string {
  const r = spawnSync('sbatch', ['--parsable', `--array=${arrayList}`, script], { encoding: 'utf8', env });
  if (r.error) {
    const code = (r.error as NodeJS.ErrnoException).code;
    throw new DomainError(code === 'ENOENT' ? `--submit needs SLURM's sbatch on PATH; the script is ${script} (submit it with sbatch on the cluster)` : `sbatch could not run: ${r.error.message}`);
  }
  const jobId = r.stdout.trim().split(';')[0];
  if (r.status !== 0 || !/^\d+$/.test(jobId)) {
    const why = r.stderr.trim().split('\n').filter(Boolean).at(-1) ?? `exit code ${r.status}`;
    throw new DomainError(`sbatch refused ${script}: ${why.replace(/^sbatch: error: /, '')}`);
  }
  return jobId;
}
