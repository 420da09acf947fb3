import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, unlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DomainError } from '../errors.js';
import { createFileExclusive, writeFileAtomic } from './atomicFile.js';
import type { FlagValue } from './spec.js';
import type { SweepTask } from './tasks.js';

/** Format tag of DIR/tasks.json. */
export const TASKS_FORMAT = 'coulomix-sweep-tasks/1';

/** DIR/tasks.json: the task list a sweep directory belongs to. */
export interface TaskList {
  format: string;
  command: string;
  gridNames: string[];
  tasks: Array<{ id: string; flags: Record<string, FlagValue> }>;
}

/** Why one task failed, as recorded in DIR/failed/<id>.json (retried by the next run). */
export interface FailureRecord {
  id: string;
  flags: Record<string, FlagValue>;
  attempts: number;
  exitCode: number | null;
  signal: string | null;
  message: string;
  stderr: string[];
  host: string;
  finished: string;
}

/** The files of a sweep directory. */
export function sweepPaths(dir: string) {
  const d = resolve(dir);
  return {
    dir: d,
    spec: join(d, 'spec.json'),
    tasks: join(d, 'tasks.json'),
    results: join(d, 'results'),
    failed: join(d, 'failed'),
    running: join(d, 'running'),
    slurm: join(d, 'slurm'),
    sbatch: join(d, 'sweep.sbatch'),
    merged: join(d, 'results.jsonl'),
  };
}

/** Entries a sweep itself writes into DIR (anything else means DIR belongs to someone else). */
const OWN_ENTRIES = new Set(['spec.json', 'tasks.json', 'results', 'failed', 'running', 'slurm', 'sweep.sbatch', 'results.jsonl']);

function taskListText(command: string, gridNames: string[], tasks: SweepTask[]): string {
  const list: TaskList = { format: TASKS_FORMAT, command, gridNames, tasks: tasks.map((t) => ({ id: t.id, flags: t.flags })) };
  return `${JSON.stringify(list, null, 1)}\n`;
}

/** Read DIR/tasks.json (DomainError if DIR is not a sweep directory). */
export function readTaskList(dir: string): TaskList {
  const p = sweepPaths(dir);
  let list: TaskList;
  try {
    list = JSON.parse(readFileSync(p.tasks, 'utf8')) as TaskList;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new DomainError(`${dir} is not a sweep directory (no tasks.json; 'coulomix sweep SPEC --out ${dir}' creates one)`);
    throw new DomainError(`${p.tasks} is not readable as a task list (${(err as Error).message.split('\n')[0]})`);
  }
  if (list.format !== TASKS_FORMAT || !Array.isArray(list.tasks)) throw new DomainError(`${p.tasks} is not a coulomix task list (format ${TASKS_FORMAT})`);
  return list;
}

function firstDifference(stored: TaskList, command: string, tasks: SweepTask[]): string | undefined {
  if (stored.command !== command) return `it is a sweep of ${stored.command}, this spec runs ${command}`;
  const n = Math.min(stored.tasks.length, tasks.length);
  for (let i = 0; i < n; i++) {
    if (stored.tasks[i].id !== tasks[i].id) return `task ${i + 1} differs (${stored.tasks[i].id} there, ${tasks[i].id} now)`;
  }
  if (stored.tasks.length !== tasks.length) return `it has ${stored.tasks.length} tasks, this spec gives ${tasks.length}`;
  return undefined;
}

/**
 * Create the sweep directory for a task list, or check that an existing one holds the same
 * task list. Refuses (DomainError, nothing written) a directory that holds other files and no
 * tasks.json, and a directory whose tasks.json differs (the spec changed since the sweep began).
 * Safe when several processes (SLURM array tasks) open the same directory at once.
 */
export function openSweepDir(dir: string, command: string, gridNames: string[], tasks: SweepTask[], specText: string): void {
  const p = sweepPaths(dir);
  if (existsSync(p.dir) && !statSync(p.dir).isDirectory()) throw new DomainError(`--out ${dir} exists and is not a directory`);
  if (!existsSync(p.tasks) && existsSync(p.dir)) {
    const foreign = readdirSync(p.dir).filter((e) => !OWN_ENTRIES.has(e) && !e.startsWith('.tasks.json.tmp-') && !e.startsWith('.spec.json.tmp-'));
    if (foreign.length > 0) throw new DomainError(`--out ${dir} holds other files (${foreign[0]}, ...) and no tasks.json: choose a new or empty directory; nothing was written`);
  }
  mkdirSync(p.dir, { recursive: true });
  if (!createFileExclusive(p.tasks, taskListText(command, gridNames, tasks))) {
    const diff = firstDifference(readTaskList(dir), command, tasks);
    if (diff) throw new DomainError(`the spec changed since the sweep in ${dir} began: ${diff}. Use a new --out directory, or the spec in ${join(dir, 'spec.json')}; nothing was changed`);
  }
  createFileExclusive(p.spec, specText);
  for (const sub of [p.results, p.failed, p.running]) mkdirSync(sub, { recursive: true });
}

/** Path of a task's result file. */
export function resultPath(dir: string, id: string): string {
  return join(sweepPaths(dir).results, `${id}.json`);
}

/** Path of a task's failure record. */
export function failurePath(dir: string, id: string): string {
  return join(sweepPaths(dir).failed, `${id}.json`);
}

/** True if the task has a result file. */
export function hasResult(dir: string, id: string): boolean {
  return existsSync(resultPath(dir, id));
}

/** One line of results.jsonl: the task's id, its flags and the command's --json output. */
export function resultLine(task: { id: string; flags: Record<string, FlagValue> }, result: unknown): string {
  return `${JSON.stringify({ id: task.id, flags: task.flags, result })}\n`;
}

/** Record a task's result atomically and drop its failure record, if any. */
export function writeResult(dir: string, task: SweepTask, result: unknown): void {
  writeFileAtomic(resultPath(dir, task.id), resultLine(task, result));
  try {
    unlinkSync(failurePath(dir, task.id));
  } catch {
    /* no earlier failure */
  }
}

/** The failure record of a task, if it has one. */
export function readFailure(dir: string, id: string): FailureRecord | undefined {
  try {
    return JSON.parse(readFileSync(failurePath(dir, id), 'utf8')) as FailureRecord;
  } catch {
    return undefined;
  }
}

/** Record a failed attempt atomically (attempts counts up over runs). */
export function writeFailure(dir: string, record: Omit<FailureRecord, 'attempts'>): FailureRecord {
  const attempts = (readFailure(dir, record.id)?.attempts ?? 0) + 1;
  const full = { ...record, attempts };
  writeFileAtomic(failurePath(dir, record.id), `${JSON.stringify(full, null, 1)}\n`);
  return full;
}
