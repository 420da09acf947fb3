import { meltingGamma } from '../../ocp/meltingPoint.js';
import { LIQUID_FITS } from '../../ocp/liquidFreeEnergy.js';
import { ANHARMONIC_FITS } from '../../ocp/solidFreeEnergy.js';
import { parseOptions, type OptionSpec } from '../options.js';
import { pickParameterSet } from './parameterSets.js';

export const HELP = `usage: coulomix melt [--json] [--liquid-fit ${Object.keys(LIQUID_FITS).join('|')}] [--anharmonic ${Object.keys(ANHARMONIC_FITS).join('|')}]

Melting coupling Gamma_1m of the classical one-component plasma: the root of
f_liq - f_sol (Potekhin-Chabrier liquid fit, harmonic bcc solid with u_ln, anharmonic terms).
Defaults are the paper's (ds99, bc22), giving 175.719.
  --liquid-fit ${Object.keys(LIQUID_FITS).join('|')}   Potekhin & Chabrier 2000 fit: DeWitt & Slattery 1999 parameters, or with Caillol 1999 data
  --anharmonic ${Object.keys(ANHARMONIC_FITS).join('|')}        anharmonic terms: Baiko & Chugunov 2022, or Farouki & Hamaguchi 1993
  --json                    {"gammaMelt", "liquidFit", "anharmonic"}
`;

/** Options of `coulomix melt` (also what `coulomix sweep` checks a spec's flags against). */
export const MELT_OPTIONS = {
  json: { type: 'boolean' },
  help: { type: 'boolean' },
  'liquid-fit': { type: 'string' },
  anharmonic: { type: 'string' },
} satisfies Record<string, OptionSpec>;

/** Parse and validate argv (UsageError on bad input); 'help' for --help. */
export function parseMeltArgs(argv: string[]) {
  const opts = parseOptions('melt', argv, MELT_OPTIONS);
  if (opts.help) return 'help' as const;
  const liquidFit = pickParameterSet('liquid-fit', opts['liquid-fit'], LIQUID_FITS, 'ds99');
  const anharmonic = pickParameterSet('anharmonic', opts.anharmonic, ANHARMONIC_FITS, 'bc22');
  return { liquidFit, anharmonic, json: Boolean(opts.json) };
}

/**
 * `coulomix melt [--json] [--liquid-fit NAME] [--anharmonic NAME]`: prints Gamma_1m
 * (docs/physics.md section 7). `--json` prints {"gammaMelt", "liquidFit", "anharmonic"}.
 *
 * @example await run(['--json']) // {"gammaMelt":175.7189...,"liquidFit":"ds99","anharmonic":"bc22"}
 */
export async function run(argv: string[]): Promise<void> {
  const parsed = parseMeltArgs(argv);
  if (parsed === 'help') {
    process.stdout.write(HELP);
    return;
  }
  const { liquidFit, anharmonic } = parsed;
  const opts = { json: parsed.json };
  const gammaMelt = meltingGamma({ liquidFit, anharmonic });
  if (opts.json) {
    process.stdout.write(`${JSON.stringify({ gammaMelt, liquidFit: liquidFit.name, anharmonic: anharmonic.name })}\n`);
  } else {
    process.stdout.write(
      `Gamma_1m = ${gammaMelt.toFixed(3)}  (${gammaMelt.toFixed(8)}; one-component plasma melting, liquid fit ${liquidFit.name}, anharmonic ${anharmonic.name})\n`,
    );
  }
}
