import { createHash } from 'node:crypto';
import { flagText, type FlagValue, type SweepSpec } from './spec.js';

/** One task of a sweep: its position in the task list, its stable id and its flags. */
export interface SweepTask {
  /** 0-based position in the task list (the order of DIR/tasks.json and results.jsonl). */
  index: number;
  /** Stable id derived from the command and the flags (same spec, same ids). */
  id: string;
  /** Every flag of the task: the spec's base flags, then its grid flags. */
  flags: Record<string, FlagValue>;
}

/**
 * Command-line arguments of a task's flags: `--name=value`, `--name` for true, nothing for false.
 * The `=` form keeps negative numbers and values starting with '-' attached to their flag.
 *
 * @example taskArgv({ z2: 8, quiet: true }) // ['--z2=8', '--quiet']
 */
export function taskArgv(flags: Record<string, FlagValue>): string[] {
  const argv: string[] = [];
  for (const [name, v] of Object.entries(flags)) {
    if (v === false) continue;
    argv.push(v === true ? `--${name}` : `--${name}=${flagText(v)}`);
  }
  return argv;
}

/**
 * The stable id of a task: a readable part from its grid values and 12 hex digits of the
 * SHA-256 of the command and every flag as it reaches the command line (sorted by name; false
 * switches left out, numbers as printed), so `8` and `"8"` give the same task.
 *
 * @example taskId('melt', { anharmonic: 'fh93' }, ['anharmonic']) // 'anharmonic=fh93-6c1e...'
 */
export function taskId(command: string, flags: Record<string, FlagValue>, gridNames: string[]): string {
  const canonical = Object.keys(flags)
    .filter((k) => flags[k] !== false)
    .sort()
    .map((k) => [k, flags[k] === true ? true : flagText(flags[k])]);
  const hash = createHash('sha256').update(JSON.stringify([command, canonical])).digest('hex').slice(0, 12);
  const readable = gridNames
    .map((k) => `${k}=${flagText(flags[k])}`)
    .join('_')
    .replace(/[^A-Za-z0-9._=+-]/g, '_')
    .slice(0, 60);
  return `${readable}-${hash}`;
}

/**
 * The task list of a spec: the Cartesian product of the grid, the first grid flag varying
 * slowest (as nested loops written in the spec's order).
 *
 * @example expandTasks({ command: 'melt', base: {}, grid: { anharmonic: ['bc22', 'fh93'] } }).length // 2
 */
export function expandTasks(spec: SweepSpec): SweepTask[] {
  const names = Object.keys(spec.grid);
  const total = names.reduce((n, k) => n * spec.grid[k].length, 1);
  const tasks: SweepTask[] = [];
  for (let index = 0; index < total; index++) {
    const flags: Record<string, FlagValue> = { ...spec.base };
    let rest = index;
    for (let j = names.length - 1; j >= 0; j--) {
      const values = spec.grid[names[j]];
      flags[names[j]] = values[rest % values.length];
      rest = Math.floor(rest / values.length);
    }
    const ordered: Record<string, FlagValue> = { ...spec.base };
    for (const k of names) ordered[k] = flags[k];
    tasks.push({ index, id: taskId(spec.command, ordered, names), flags: ordered });
  }
  return tasks;
}

/** The grid part of a task's flags, for messages: `z2=10 liquid-mixing=smix`. */
export function describeTask(task: SweepTask, gridNames: string[]): string {
  return gridNames.map((k) => `${k}=${flagText(task.flags[k])}`).join(' ');
}
