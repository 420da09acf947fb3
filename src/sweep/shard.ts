import { DomainError } from '../errors.js';

/** One shard of a task list: the tasks whose index is congruent to `index` modulo `count`. */
export interface Shard {
  index: number;
  count: number;
  /** Where it came from, for messages: '--shard' or 'SLURM_ARRAY_TASK_ID'. */
  source: string;
}

/** Largest number of shards (SLURM's default MaxArraySize is 1001). */
export const MAX_SHARDS = 100_000;

/**
 * Parse `--shard I/N` (0 <= I < N; I is 0-based, like SLURM array task ids from --array=0-(N-1)).
 *
 * @example parseShard('2/4') // { index: 2, count: 4, source: '--shard' }
 */
export function parseShard(text: string): Shard {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || !(count >= 1 && count <= MAX_SHARDS) || !(index < count)) {
    throw new DomainError(`--shard must be I/N with integers 0 <= I < N <= ${MAX_SHARDS}, got '${text}'`);
  }
  return { index, count, source: '--shard' };
}

/**
 * The shard of a SLURM array task: (SLURM_ARRAY_TASK_ID - SLURM_ARRAY_TASK_MIN) /
 * SLURM_ARRAY_TASK_STEP of SLURM_ARRAY_TASK_COUNT. Undefined outside a job array.
 *
 * @example shardFromEnv({ SLURM_ARRAY_TASK_ID: '3', SLURM_ARRAY_TASK_COUNT: '4' }) // 3/4
 */
export function shardFromEnv(env: NodeJS.ProcessEnv): Shard | undefined {
  if (env.SLURM_ARRAY_TASK_ID === undefined) return undefined;
  const num = (name: string, fallback?: number): number => {
    const raw = env[name];
    const v = raw === undefined ? fallback : Number(raw);
    if (v === undefined || !Number.isInteger(v) || v < 0) throw new DomainError(`${name} must be a non-negative integer, got '${raw}'; pass --shard I/N instead`);
    return v;
  };
  const id = num('SLURM_ARRAY_TASK_ID');
  const count = num('SLURM_ARRAY_TASK_COUNT');
  const min = num('SLURM_ARRAY_TASK_MIN', 0);
  const step = Math.max(1, num('SLURM_ARRAY_TASK_STEP', 1));
  const index = (id - min) / step;
  if (!Number.isInteger(index) || index < 0 || index >= count || count > MAX_SHARDS) {
    throw new DomainError(`SLURM_ARRAY_TASK_ID ${id} is not one of ${count} evenly spaced array tasks from ${min}; pass --shard I/N instead`);
  }
  return { index, count, source: 'SLURM_ARRAY_TASK_ID' };
}

/** True if task `taskIndex` belongs to the shard (round robin, so costly corners of a grid spread out). */
export function inShard(taskIndex: number, shard: Shard | undefined): boolean {
  return shard === undefined || taskIndex % shard.count === shard.index;
}
