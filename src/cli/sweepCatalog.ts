import type { CommandCatalog } from '../sweep/validate.js';

/**
 * The commands `coulomix sweep` can run: those with a `--json` result. Each entry loads the
 * command's own option spec and parse-only function, so a spec is checked exactly as the
 * command would check its flags, before any task runs.
 */
export const SWEEPABLE_COMMANDS: CommandCatalog = {
  table: async () => {
    const m = await import('./commands/table.js');
    return { options: m.TABLE_OPTIONS, validate: (argv) => void m.parseTableArgs(argv) };
  },
  melt: async () => {
    const m = await import('./commands/melt.js');
    return { options: m.MELT_OPTIONS, validate: (argv) => void m.parseMeltArgs(argv) };
  },
  minimize: async () => {
    const m = await import('./commands/minimize.js');
    return { options: m.MINIMIZE_OPTIONS, validate: (argv) => void m.parseMinimizeArgs(argv) };
  },
  'free-energy': async () => {
    const m = await import('./commands/freeEnergy.js');
    return { options: m.FREE_ENERGY_OPTIONS, validate: (argv) => void m.parseFreeEnergyArgs(argv) };
  },
  'phase-diagram': async () => {
    const m = await import('./commands/phaseDiagram.js');
    return { options: m.PHASE_DIAGRAM_OPTIONS, validate: (argv) => void m.parsePhaseDiagramArgs(argv) };
  },
};
