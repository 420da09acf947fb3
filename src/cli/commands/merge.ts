import { join } from 'node:path';
import { UncertifiedError } from '../../errors.js';
import { mergeSweep } from '../../sweep/merge.js';
import { flagText } from '../../sweep/spec.js';
import { parseOptions, type OptionSpec } from '../options.js';
import { UsageError } from '../usageError.js';
import { splitPositionals } from './sweep.js';

const HELP = `usage: coulomix merge DIR

Checks that every task of the sweep in DIR (DIR/tasks.json) has a result and writes
DIR/results.jsonl: one line per task in task order, {"id", "flags", "result"}, the same bytes
whether the sweep ran on one machine or in shards on a cluster. Missing and failed tasks are
listed on stderr and the exit code is 1 (nothing is written); run the sweep again to finish them.
`;

/** Options of `coulomix merge`. */
export const MERGE_OPTIONS = { help: { type: 'boolean' } } satisfies Record<string, OptionSpec>;

/**
 * `coulomix merge DIR`: results.jsonl of a finished sweep, or the list of what is missing.
 *
 * @example await run(['sweep-out'])
 */
export async function run(argv: string[]): Promise<void> {
  const { positionals, options } = splitPositionals(argv, MERGE_OPTIONS);
  const o = parseOptions('merge', options, MERGE_OPTIONS);
  if (o.help) {
    process.stdout.write(HELP);
    return;
  }
  if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'merge: DIR is required (coulomix merge DIR)' : `merge: unexpected argument '${positionals[1]}'`);
  const dir = positionals[0];
  const r = mergeSweep(dir);
  if (r.written) {
    process.stdout.write(`merge: all ${r.total} tasks have results; wrote ${join(dir, 'results.jsonl')}\n`);
    return;
  }
  const grid = (flags: Record<string, unknown>): string => r.gridNames.map((k) => `${k}=${flagText(flags[k] as string)}`).join(' ');
  for (const t of r.missing) {
    const running = t.running ? ` (running now: pid ${t.running.pid} on ${t.running.host})` : '';
    process.stderr.write(`missing: task ${t.index + 1} ${t.id} (${grid(t.flags)})${running}\n`);
  }
  for (const t of r.failed) {
    process.stderr.write(`failed:  task ${t.index + 1} ${t.id} (${grid(t.flags)}), attempt ${t.failure.attempts}: ${t.failure.message}\n`);
  }
  const missing = r.missing.length + r.failed.length;
  throw new UncertifiedError(`merge: ${missing} of ${r.total} tasks have no result (${r.missing.length} missing, ${r.failed.length} failed); results.jsonl not written. Run the sweep again to finish them`);
}
