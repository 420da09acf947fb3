import { DomainError } from '../errors.js';
import type { SweepSpec } from './spec.js';
import { describeTask, expandTasks, taskArgv, type SweepTask } from './tasks.js';

/** What a sweep needs to know about one command: its option spec and a parse-only check. */
export interface SweepableCommand {
  /** The command's options (name -> type), as its own parser declares them. */
  options: Readonly<Record<string, { type: 'string' | 'boolean' }>>;
  /** Parse and validate argv exactly as the command does, without doing any work; throws DomainError. */
  validate(argv: string[]): void;
}

/** Commands a sweep can run, loaded on demand (only the spec's command is loaded). */
export type CommandCatalog = Readonly<Record<string, () => Promise<SweepableCommand>>>;

/** Flags the sweep sets or forbids itself, with the reason. */
export const RESERVED_FLAGS: Readonly<Record<string, string>> = {
  json: 'the sweep adds --json itself',
  csv: "a task's result is the command's --json output",
  help: 'it prints help instead of a result',
};

function checkFlag(source: string, command: string, cmd: SweepableCommand, name: string, values: unknown[]): void {
  if (name in RESERVED_FLAGS) throw new DomainError(`${source}: flag '${name}' cannot be swept (${RESERVED_FLAGS[name]})`);
  const option = Object.prototype.hasOwnProperty.call(cmd.options, name) ? cmd.options[name] : undefined;
  if (!option) {
    const known = Object.keys(cmd.options).filter((k) => !(k in RESERVED_FLAGS));
    throw new DomainError(`${source}: '${name}' is not an option of ${command} (its options: ${known.join(', ')})`);
  }
  for (const v of values) {
    if (option.type === 'boolean' && typeof v !== 'boolean') throw new DomainError(`${source}: ${command} --${name} is a switch: use true or false, got ${JSON.stringify(v)}`);
    if (option.type === 'string' && typeof v === 'boolean') throw new DomainError(`${source}: ${command} --${name} takes a value, got ${v}`);
  }
}

/**
 * Check a parsed spec against its command before any work: the command is sweepable, every
 * flag is one of its options with the right type, and the command accepts every task's flags.
 * Returns the task list. Throws a one-line DomainError naming the spec file.
 *
 * @example await checkSpec(parseSpec(text, 'spec.json'), catalog, 'spec.json')
 */
export async function checkSpec(spec: SweepSpec, catalog: CommandCatalog, source: string): Promise<SweepTask[]> {
  const load = Object.prototype.hasOwnProperty.call(catalog, spec.command) ? catalog[spec.command] : undefined;
  if (!load) throw new DomainError(`${source}: unknown command '${spec.command}' (a sweep runs one of: ${Object.keys(catalog).join(', ')})`);
  const cmd = await load();
  for (const [name, v] of Object.entries(spec.base)) checkFlag(source, spec.command, cmd, name, [v]);
  for (const [name, list] of Object.entries(spec.grid)) checkFlag(source, spec.command, cmd, name, list);
  const tasks = expandTasks(spec);
  const gridNames = Object.keys(spec.grid);
  const seen = new Map<string, number>();
  for (const task of tasks) {
    const other = seen.get(task.id);
    if (other !== undefined) throw new DomainError(`${source}: tasks ${other + 1} and ${task.index + 1} have the same flags`);
    seen.set(task.id, task.index);
    try {
      cmd.validate([...taskArgv(task.flags), '--json']);
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      throw new DomainError(`${source}: task ${task.index + 1} of ${tasks.length} (${describeTask(task, gridNames)}) is rejected by ${spec.command}: ${err.message}`);
    }
  }
  return tasks;
}
