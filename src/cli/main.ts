#!/usr/bin/env node
import { UsageError } from './usageError.js';
import { DomainError, UncertifiedError } from '../errors.js';

/** Sub-commands, loaded lazily so that `coulomix melt` does not pay for the WASM kernels. */
const commands: Record<string, { summary: string; load: () => Promise<{ run(argv: string[]): Promise<void> }> }> = {
  table: { summary: 'lattice sums I_i, T_i of Table I (Ewald + Brillouin-zone quadrature)', load: () => import('./commands/table.js') },
  melt: { summary: 'one-component plasma melting point Gamma_1m', load: () => import('./commands/melt.js') },
  minimize: { summary: 'equilibrium short-range order at (x, Gamma)', load: () => import('./commands/minimize.js') },
  'free-energy': { summary: 'free energy of one solid or liquid model at (x, Gamma)', load: () => import('./commands/freeEnergy.js') },
  'phase-diagram': { summary: 'liquid-solid coexistence windows over a Gamma range', load: () => import('./commands/phaseDiagram.js') },
  ternary: { summary: 'ternary phase diagram at fixed Gamma (tie-lines, three-phase triangles)', load: () => import('./commands/ternary.js') },
  distillation: { summary: 'distribution coefficient of a third species (22Ne) along the C/O liquidus', load: () => import('./commands/distillation.js') },
  export: { summary: 'export tables for other codes (export mesa-ternary)', load: () => import('./commands/export.js') },
  reproduce: { summary: 'recompute every table and figure of the paper into ./results', load: () => import('./commands/reproduce.js') },
};

function usage(): string {
  const width = Math.max(...Object.keys(commands).map((c) => c.length));
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`);
  return `usage: coulomix <command> [options]\n\ncommands:\n${lines.join('\n')}\n\nRun 'coulomix <command> --help' for the options of one command.\n`;
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage());
    return name === undefined ? 2 : 0;
  }
  const command = commands[name];
  if (!command) throw new UsageError(`unknown command '${name}' (try 'coulomix --help')`);
  const mod = await command.load();
  await mod.run(rest);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    if (err instanceof DomainError) {
      process.stderr.write(`coulomix: ${err.message}\n`);
      process.exitCode = 2;
    } else if (err instanceof UncertifiedError) {
      process.stderr.write(`coulomix: ${err.message}\n`);
      process.exitCode = 1;
    } else {
      const msg = err instanceof Error ? err.message : String(err);
      process.stderr.write(`coulomix: internal error: ${msg}\n`);
      if (process.env.COULOMIX_DEBUG && err instanceof Error) process.stderr.write(`${err.stack}\n`);
      process.exitCode = 1;
    }
  },
);
