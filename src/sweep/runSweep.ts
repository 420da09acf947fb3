import { readdirSync, unlinkSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { claimTask, pidAlive, type ClaimInfo } from './claims.js';
import { runTask, type TaskOutcome } from './runTask.js';
import { inShard, type Shard } from './shard.js';
import { hasResult, sweepPaths, writeFailure, writeResult } from './sweepDir.js';
import { taskArgv, type SweepTask } from './tasks.js';

/** What runSweep reports as it goes (the CLI prints these on stderr). */
export type SweepEvent =
  | { kind: 'start'; total: number; done: number; todo: number }
  | { kind: 'done'; task: SweepTask; seconds: number; finished: number; todo: number }
  | { kind: 'failed'; task: SweepTask; message: string; attempts: number; finished: number; todo: number }
  | { kind: 'waiting'; task: SweepTask; holder: ClaimInfo };

export interface SweepRunOptions {
  dir: string;
  command: string;
  tasks: SweepTask[];
  /** Path of dist/cli/main.js (the tasks run as `node CLI COMMAND ... --json`). */
  cli: string;
  /** Tasks run at once (child processes). */
  threads: number;
  shard?: Shard;
  /** Per-task time limit in ms (0 = none). */
  timeoutMs?: number;
  /** Poll interval while waiting for tasks another sweep holds (ms). */
  pollMs?: number;
  signal?: AbortSignal;
  onEvent?: (e: SweepEvent) => void;
}

export interface SweepSummary {
  /** Tasks in this shard (all tasks without a shard). */
  total: number;
  /** Of those, already done before this run. */
  alreadyDone: number;
  /** Computed by this run. */
  computed: number;
  failed: Array<{ task: SweepTask; message: string }>;
  interrupted: boolean;
}

/** Remove temporary files that dead processes of this host left in DIR/results and DIR/failed. */
function removeDeadTemps(dir: string): void {
  const host = hostname().replace(/[^A-Za-z0-9.-]/g, '_');
  const p = sweepPaths(dir);
  for (const sub of [p.results, p.failed, p.running]) {
    for (const name of readdirSync(sub)) {
      const m = /\.tmp-(.+)-(\d+)-[0-9a-f]{8}$/.exec(name);
      if (m && m[1] === host && !pidAlive(Number(m[2]))) {
        try {
          unlinkSync(join(sub, name));
        } catch {
          /* gone already */
        }
      }
    }
  }
}

const sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((r) => {
    const t = setTimeout(r, ms);
    signal?.addEventListener('abort', () => (clearTimeout(t), r()), { once: true });
  });

/**
 * Run the tasks of one shard that have no result yet, `threads` at a time, each in its own
 * child process; write each result atomically to DIR/results/<id>.json, or its failure to
 * DIR/failed/<id>.json (retried by the next run). Tasks another live sweep holds are waited for.
 * The directory must have been opened with openSweepDir.
 */
export async function runSweep(o: SweepRunOptions): Promise<SweepSummary> {
  removeDeadTemps(o.dir);
  const mine = o.tasks.filter((t) => inShard(t.index, o.shard));
  const queue = mine.filter((t) => !hasResult(o.dir, t.id));
  const summary: SweepSummary = { total: mine.length, alreadyDone: mine.length - queue.length, computed: 0, failed: [], interrupted: false };
  o.onEvent?.({ kind: 'start', total: mine.length, done: summary.alreadyDone, todo: queue.length });
  let finished = 0;
  const todo = queue.length;
  const deferred = new Map<string, SweepTask>();

  const attempt = async (task: SweepTask): Promise<void> => {
    if (hasResult(o.dir, task.id)) return void (deferred.delete(task.id), (finished += 1));
    const claim = claimTask(o.dir, task.id);
    if (!('release' in claim)) {
      if (!deferred.has(task.id)) o.onEvent?.({ kind: 'waiting', task, holder: claim });
      deferred.set(task.id, task);
      return;
    }
    deferred.delete(task.id);
    // Another sweep may have finished the task and released its claim between the check above
    // and this claim: look again now that the claim is ours, so a task is never computed twice.
    if (hasResult(o.dir, task.id)) {
      claim.release();
      finished += 1;
      return;
    }
    let outcome: TaskOutcome;
    try {
      outcome = await runTask(o.cli, o.command, taskArgv(task.flags), o.timeoutMs ?? 0, o.signal);
      if (outcome.ok) writeResult(o.dir, task, outcome.result);
      else if (!outcome.interrupted) {
        const rec = writeFailure(o.dir, { id: task.id, flags: task.flags, exitCode: outcome.exitCode, signal: outcome.signal, message: outcome.message, stderr: outcome.stderr, host: hostname(), finished: new Date().toISOString() });
        summary.failed.push({ task, message: outcome.message });
        finished += 1;
        o.onEvent?.({ kind: 'failed', task, message: outcome.message, attempts: rec.attempts, finished, todo });
        return;
      }
    } finally {
      claim.release();
    }
    if (outcome.ok) {
      summary.computed += 1;
      finished += 1;
      o.onEvent?.({ kind: 'done', task, seconds: outcome.seconds, finished, todo });
    }
  };

  const worker = async (): Promise<void> => {
    for (let task = queue.shift(); task && !o.signal?.aborted; task = queue.shift()) await attempt(task);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(o.threads, queue.length)) }, worker));
  while (deferred.size > 0 && !o.signal?.aborted) {
    await sleep(o.pollMs ?? 1000, o.signal);
    for (const task of [...deferred.values()]) if (!o.signal?.aborted) await attempt(task);
  }
  summary.interrupted = Boolean(o.signal?.aborted);
  return summary;
}
