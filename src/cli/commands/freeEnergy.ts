import { MAX_ORDER_PARAMETERS } from '../../models/sroDomain.js';
import { DOMAIN_TEXT } from '../../domain.js';
import { getLatticeSums } from '../../latticeSums/getLatticeSums.js';
import type { Mixture } from '../../mixture/composition.js';
import { liquidFreeEnergy } from '../../models/liquid.js';
import { mc2010Liquid, mc2010Solid } from '../../models/mc2010.js';
import { ogataSolid } from '../../models/ogata.js';
import { randomSolid } from '../../models/random.js';
import type { SolidModelResult } from '../../models/types.js';
import { LIQUID_FITS } from '../../ocp/liquidFreeEnergy.js';
import { ANHARMONIC_FITS } from '../../ocp/solidFreeEnergy.js';
import { cleanEntropy } from '../format.js';
import { chargeOptions, gammaOption, integerOption, onlyWith, parseOptions, required, xOption, type OptionSpec } from '../options.js';
import { UsageError } from '../usageError.js';
import { pickParameterSet } from './parameterSets.js';

/** Model names accepted by --model. */
export const FREE_ENERGY_MODELS = ['random', 'ogata', 'ogata-smixz', 'mc2010', 'sro', 'liquid', 'mc2010-liquid'] as const;
export type FreeEnergyModel = (typeof FREE_ENERGY_MODELS)[number];

export const HELP = `usage: coulomix free-energy --model ${FREE_ENERGY_MODELS.join('|')} --x X --gamma G [--z1 6] [--z2 8] [--json]
                            [--shells 8]                          (random, sro)
                            [--liquid-fit ${Object.keys(LIQUID_FITS).join('|')}] [--anharmonic ${Object.keys(ANHARMONIC_FITS).join('|')}]
                            [--liquid-mixing smixz|smix]          (liquid)

Free energy per ion of one solid or liquid model of a binary Coulomb mixture, in units of
U_1 = Z1^(5/3) e^2/a_e with the linear-mixing electrostatic energy subtracted.
  --x X           ${DOMAIN_TEXT.x}
  --gamma G       ${DOMAIN_TEXT.gamma}
  --z1, --z2      ${DOMAIN_TEXT.z} (default 6, 8: C/O)
  --shells N      shells of the lattice sums, 1..30 (random), or order parameters, 1..${MAX_ORDER_PARAMETERS} (sro; default 8)
  --liquid-fit, --anharmonic   one-component plasma fits of the liquid (default ds99, bc22)
  --liquid-mixing smixz|smix   ideal mixing term of the liquid (default smixz: -S_mixZ, eq. 11;
                  smix: the -S_mix variant, see docs/solidus-offset.md)
  --json          one JSON object {model, z1, z2, x, gamma, [shells], F, U, S, [alpha]}
'mc2010' and 'mc2010-liquid' are Medin & Cumming's (2010) solid (Ogata energy, -S_mixZ) and
liquid (their OCP fit, -S_mixZ). A flag that does not apply to the chosen model is refused. S is printed as 0 when |S| < 1e-12.
`;

/** Signature of the 'sro' model (src/models/sro.ts, loaded on demand). */
type SroSolid = (mix: Mixture, gamma: number, sums: unknown, options: { shells: number }) => Promise<SolidModelResult>;

/** Options of `coulomix free-energy` (also what `coulomix sweep` checks a spec's flags against). */
export const FREE_ENERGY_OPTIONS = {
  model: { type: 'string' },
  x: { type: 'string' },
  gamma: { type: 'string' },
  z1: { type: 'string' },
  z2: { type: 'string' },
  shells: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean' },
  'liquid-fit': { type: 'string' },
  anharmonic: { type: 'string' },
  'liquid-mixing': { type: 'string' },
} satisfies Record<string, OptionSpec>;

/** Parse and validate argv (UsageError on bad input); 'help' for --help. */
export function parseFreeEnergyArgs(argv: string[]) {
  const opts = parseOptions('free-energy', argv, FREE_ENERGY_OPTIONS);
  if (opts.help) return 'help' as const;
  if (opts.model === undefined) throw new UsageError(`free-energy: --model is required (${FREE_ENERGY_MODELS.join(', ')})`);
  const model = String(opts.model) as FreeEnergyModel;
  if (!FREE_ENERGY_MODELS.includes(model)) {
    throw new UsageError(`--model must be one of ${FREE_ENERGY_MODELS.join(', ')}, got '${opts.model}'`);
  }
  const x = xOption(required('free-energy', opts, 'x'));
  const gamma = gammaOption(required('free-energy', opts, 'gamma'));
  const { z1, z2 } = chargeOptions(opts);
  const usesShells = model === 'random' || model === 'sro';
  onlyWith(opts, ['shells'], usesShells, '--model random or sro');
  onlyWith(opts, ['liquid-fit', 'anharmonic', 'liquid-mixing'], model === 'liquid', '--model liquid');
  const shells = integerOption('shells', opts.shells, 8, 1, model === 'sro' ? MAX_ORDER_PARAMETERS : 30);
  const liquidFit = pickParameterSet('liquid-fit', opts['liquid-fit'], LIQUID_FITS, 'ds99');
  const anharmonic = pickParameterSet('anharmonic', opts.anharmonic, ANHARMONIC_FITS, 'bc22');
  const idealMixing = opts['liquid-mixing'] === undefined ? 'smixz' : String(opts['liquid-mixing']);
  if (idealMixing !== 'smix' && idealMixing !== 'smixz') {
    throw new UsageError(`--liquid-mixing must be smixz or smix, got '${idealMixing}'`);
  }
  const mix = { z1, z2, x };
  return { model, x, gamma, z1, z2, shells, liquidFit, anharmonic, idealMixing: idealMixing as 'smix' | 'smixz', mix, json: Boolean(opts.json) };
}

/**
 * `coulomix free-energy`: evaluates one model at (z1, z2, x, Gamma) and prints F in U_1
 * (docs/physics.md sections 4-8). Bad input is a UsageError (exit code 2).
 *
 * @example await run(['--model', 'ogata', '--x', '0.5', '--gamma', '175.719', '--json'])
 */
export async function run(argv: string[]): Promise<void> {
  const parsed = parseFreeEnergyArgs(argv);
  if (parsed === 'help') {
    process.stdout.write(HELP);
    return;
  }
  const { model, x, gamma, z1, z2, shells, liquidFit, anharmonic, idealMixing, mix } = parsed;
  const opts = { json: parsed.json };
  const usesShells = model === 'random' || model === 'sro';

  let result: { model: string; F: number; U?: number; S?: number; alpha?: number[] };
  switch (model) {
    case 'liquid':
      result = { model, F: liquidFreeEnergy(mix, gamma, { liquidFit, anharmonic, idealMixing }) };
      break;
    case 'ogata':
      result = ogataSolid(mix, gamma, { entropy: 'smix' });
      break;
    case 'ogata-smixz':
      result = ogataSolid(mix, gamma, { entropy: 'smixz' });
      break;
    case 'mc2010':
      result = mc2010Solid(mix, gamma);
      break;
    case 'mc2010-liquid':
      result = { model, F: mc2010Liquid(mix, gamma) };
      break;
    case 'random':
      result = randomSolid(mix, gamma, await getLatticeSums(shells));
      break;
    case 'sro': {
      const sums = await getLatticeSums(shells);
      // The 'sro' model lives in src/models/sro.ts (another module); load it on demand.
      const specifier = '../../models/sro.js';
      let mod: { sroSolid: SroSolid };
      try {
        mod = (await import(specifier)) as { sroSolid: SroSolid };
      } catch (err) {
        const { code, message } = err as { code?: string; message?: string };
        if (code === 'ERR_MODULE_NOT_FOUND' && String(message).includes('models/sro.js')) throw new Error("the 'sro' model (src/models/sro.ts) is not built in this checkout");
        throw err;
      }
      const r = await mod.sroSolid(mix, gamma, sums, { shells });
      result = { model: 'sro', F: r.F, U: r.U, S: r.S, ...(r.alpha ? { alpha: Array.from(r.alpha) } : {}) };
      break;
    }
  }
  if (result.S !== undefined) result.S = cleanEntropy(result.S);

  if (opts.json) {
    const out: Record<string, unknown> = { model: result.model, z1, z2, x, gamma };
    if (usesShells) out.shells = shells;
    if (model === 'liquid') {
      out.liquidFit = liquidFit.name;
      out.anharmonic = anharmonic.name;
      out.liquidMixing = idealMixing;
    }
    out.F = result.F;
    if (result.U !== undefined) out.U = result.U;
    if (result.S !== undefined) out.S = result.S;
    if (result.alpha !== undefined) out.alpha = result.alpha;
    process.stdout.write(`${JSON.stringify(out)}\n`);
    return;
  }
  const lines = [
    `model ${result.model}: Z1 = ${z1}, Z2 = ${z2}, x = ${x}, Gamma_1 = ${gamma}${usesShells ? `, ${shells} shells` : ''}`,
    `  F = ${result.F.toPrecision(10)} U_1 per ion (linear mixing subtracted)`,
  ];
  if (result.U !== undefined) lines.push(`  U = ${result.U.toPrecision(10)} U_1 per ion`);
  if (result.S !== undefined) lines.push(`  S = ${result.S === 0 ? '0' : result.S.toPrecision(10)} k_B per ion`);
  if (result.alpha !== undefined) lines.push(`  alpha = ${result.alpha.map((a) => a.toPrecision(8)).join(' ')}`);
  process.stdout.write(`${lines.join('\n')}\n`);
}
