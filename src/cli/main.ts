#!/usr/bin/env node
import { readFileSync, realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { UsageError } from './usageError.js';
import { DomainError, UncertifiedError } from '../errors.js';
import { HelpShown } from './options.js';

/** Sub-commands, loaded lazily so that `coulomix melt` does not pay for the WASM kernels. */
const commands: Record<string, { summary: string; load: () => Promise<{ run(argv: string[]): Promise<void> }> }> = {
  table: { summary: 'lattice sums I_i, T_i of Table I (Ewald + Brillouin-zone quadrature)', load: () => import('./commands/table.js') },
  melt: { summary: 'one-component plasma melting point Gamma_1m', load: () => import('./commands/melt.js') },
  minimize: { summary: 'equilibrium short-range order at (x, Gamma)', load: () => import('./commands/minimize.js') },
  'free-energy': { summary: 'free energy of one solid or liquid model at (x, Gamma)', load: () => import('./commands/freeEnergy.js') },
  'phase-diagram': { summary: 'liquid-solid coexistence windows over a Gamma range', load: () => import('./commands/phaseDiagram.js') },
  mc: { summary: 'exact lattice Monte Carlo of the crystal: replica exchange, free energy, long-range order', load: () => import('./commands/mc.js') },
  ternary: { summary: 'ternary phase diagram at fixed Gamma (tie-lines, three-phase triangles)', load: () => import('./commands/ternary.js') },
  distillation: { summary: 'distribution coefficient of a third species (22Ne) along the C/O liquidus', load: () => import('./commands/distillation.js') },
  reproduce: { summary: 'recompute every table and figure of the paper into ./results', load: () => import('./commands/reproduce.js') },
  export: { summary: 'tables for other codes (mesa: liquidus and blouin_delta_xo fit; mesa-ternary: HDF5 tables)', load: () => import('./commands/export.js') },
  sweep: { summary: 'parameter sweep of one command over a grid of flags (one machine, or a SLURM job array)', load: () => import('./commands/sweep.js') },
  merge: { summary: 'check a sweep directory and write its results.jsonl in task order', load: () => import('./commands/merge.js') },
  app: { summary: 'serve the web app (phase diagrams computed in the browser) on 127.0.0.1', load: () => import('./commands/app.js') },
};

/** Names of the sub-commands (for tests and help). */
export function commandNames(): string[] {
  return Object.keys(commands);
}

/** The package version (package.json, two levels up from src/cli/ and dist/cli/). */
export function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

function usage(): string {
  const width = Math.max(...Object.keys(commands).map((c) => c.length));
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`);
  return (
    `usage: coulomix <command> [options]\n       coulomix help <command> | coulomix --version\n\ncommands:\n${lines.join('\n')}\n\n` +
    `Run 'coulomix <command> --help' (or -h) for the options of one command. Bad input gives one\n` +
    `line on stderr and exit code 2, a computation that cannot be certified exit code 1.\n`
  );
}

function lookup(name: string): (typeof commands)[string] {
  const command = Object.prototype.hasOwnProperty.call(commands, name) ? commands[name] : undefined;
  if (!command) throw new UsageError(`unknown command '${name}' (try 'coulomix --help')`);
  return command;
}

async function dispatch(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) throw new UsageError("no command given (try 'coulomix --help')");
  if (name === '--help' || name === '-h') {
    process.stdout.write(usage());
    return 0;
  }
  if (name === '--version' || name === '-V') {
    if (rest.length > 0) throw new UsageError(`--version takes no arguments, got '${rest[0]}'`);
    process.stdout.write(`coulomix ${version()}\n`);
    return 0;
  }
  if (name === 'help') {
    if (rest.length === 0) {
      process.stdout.write(usage());
      return 0;
    }
    if (rest.length > 1) throw new UsageError(`help takes one command, got '${rest.join(' ')}'`);
    await (await lookup(rest[0]).load()).run(['--help']);
    return 0;
  }
  const mod = await lookup(name).load();
  await mod.run(rest);
  return 0;
}

/**
 * Run the CLI on `argv` (without `node` and the script) and return the exit code: 0, 2 for
 * bad input (DomainError, one line on stderr naming the supported range), 1 for a computation
 * that failed (UncertifiedError; or a defect, reported as an internal error).
 *
 * @example process.exitCode = await runCli(['melt', '--json'])
 */
export async function runCli(argv: string[]): Promise<number> {
  try {
    return await dispatch(argv);
  } catch (err) {
    if (err instanceof HelpShown) return 0;
    if (err instanceof DomainError) {
      process.stderr.write(`coulomix: ${err.message}\n`);
      return 2;
    }
    if (err instanceof UncertifiedError) {
      process.stderr.write(`coulomix: ${err.message}\n`);
      return 1;
    }
    const msg = err instanceof Error ? err.message : String(err);
    process.stderr.write(`coulomix: internal error: ${msg}\n`);
    if (process.env.COULOMIX_DEBUG && err instanceof Error) process.stderr.write(`${err.stack}\n`);
    return 1;
  }
}

/**
 * A closed output pipe (`coulomix melt | true`, `... --csv | head -1`) ends the process
 * quietly with exit code 0, as Unix filters do; any other stream error is reported once.
 */
function quietOnClosedPipe(stream: NodeJS.WriteStream): void {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE' || err.code === 'ERR_STREAM_DESTROYED') process.exit(0);
    if (stream !== process.stderr) process.stderr.write(`coulomix: cannot write the output: ${err.message}\n`);
    process.exit(1);
  });
}

function invokedDirectly(): boolean {
  try {
    return !!process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url);
  } catch {
    return false;
  }
}

if (invokedDirectly()) {
  quietOnClosedPipe(process.stdout);
  quietOnClosedPipe(process.stderr);
  runCli(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
