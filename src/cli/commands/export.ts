import { UsageError } from '../usageError.js';

/**
 * Export formats of `coulomix export <format>`, each its own module with a `run(argv)`;
 * loaded lazily. Add a format by one line here.
 */
export const formats: Record<string, { summary: string; load: () => Promise<{ run(argv: string[]): Promise<void> }> }> = {
  mesa: { summary: "liquidus table + blouin_delta_xo fit for MESA's phase separation", load: () => import('./export/mesa.js') },
  'mesa-ternary': { summary: 'MESA phase-separation HDF5 tables of a ternary system (e.g. CONe_deltaC.h5)', load: () => import('./exportMesaTernary.js') },
};

function help(): string {
  const width = Math.max(...Object.keys(formats).map((f) => f.length));
  const lines = Object.entries(formats).map(([name, f]) => `  ${name.padEnd(width)}  ${f.summary}`);
  return `usage: coulomix export <format> [options]\n\nformats:\n${lines.join('\n')}\n\nRun 'coulomix export <format> --help' for the options of one format.\n`;
}

/**
 * `coulomix export <format> ...`: dispatch to the format's module (UsageError, exit 2, for an unknown one).
 *
 * @example await run(['mesa', '--z1', '6', '--z2', '8', '--model', 'random', '--json'])
 */
export async function run(argv: string[]): Promise<void> {
  const [name, ...rest] = argv;
  const format = name === undefined ? undefined : formats[name];
  if (format) return (await format.load()).run(rest);
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(help());
    return;
  }
  const known = Object.keys(formats).join(', ');
  if (name === undefined) throw new UsageError(`export: name a format (${known})`);
  throw new UsageError(`export: unknown format '${name}' (${known})`);
}
