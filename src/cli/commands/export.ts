import { UsageError } from '../usageError.js';

/** Export formats: `coulomix export <format> [options]`, each in its own module exporting run(argv). */
const formats: Record<string, { summary: string; load: () => Promise<{ run(argv: string[]): Promise<void> }> }> = {
  'mesa-ternary': { summary: "MESA phase-separation HDF5 tables of a ternary system (e.g. CONe_deltaC.h5)", load: () => import('./exportMesaTernary.js') },
};

function usage(): string {
  const lines = Object.entries(formats).map(([name, f]) => `  ${name}  ${f.summary}`);
  return `usage: coulomix export <format> [options]\n\nformats:\n${lines.join('\n')}\n\nRun 'coulomix export <format> --help' for the options of one format.\n`;
}

/** Run `coulomix export <format> ...`. */
export async function run(argv: string[]): Promise<void> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h') {
    process.stdout.write(usage());
    if (name === undefined) throw new UsageError(`export: name a format (${Object.keys(formats).join(', ')})`);
    return;
  }
  const f = formats[name];
  if (!f) throw new UsageError(`export: unknown format '${name}' (one of ${Object.keys(formats).join(', ')})`);
  await (await f.load()).run(rest);
}
