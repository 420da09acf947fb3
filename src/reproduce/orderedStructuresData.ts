import type { LatticeSums } from '../latticeSums/types.js';
import { electrostaticEnergy, randomEnergy } from '../mixture/electrostatic.js';
import {
  orderedCell,
  orderedEnergy,
  orderedShellAlphas,
  shellSumCorrelationEnergy,
  truncatedShiftEnergy,
  type OrderedStructureName,
} from '../mixture/orderedStructures.js';

/** Shell counts at which the paper's energy (eqs. 5, 6) is truncated in the comparison. */
export const TRUNCATIONS = [8, 30, 60] as const;

/** One fully ordered structure: its exact energy and the paper's energy truncated at n shells. */
export interface OrderedStructureRow {
  name: OrderedStructureName;
  label: string;
  x: number;
  /** Exact static-lattice energy minus linear mixing (Ewald over the ordered cell), U_1. */
  U: number;
  /** U_rnd at the same x (the disordered solid's energy), U_1. */
  Urandom: number;
  /** U_corr from the Ewald sum and from eq. 5 over every shell (smooth cut-off), U_1. */
  UcorrEwald: number;
  UcorrShellSum: number;
  /** Eq. 6 truncated at n = 8, 30, 60 shells (exact value 0), U_1. */
  Ushift: number[];
  /** The paper's energy (U_mad - LM + eqs. 5 + 6, n shells) minus the exact U, U_1. */
  paperMinusExact: number[];
}

const LABELS: Record<OrderedStructureName, string> = { CsCl: 'CsCl (B2)', 'D03-Z2': '4{fcc} (D0_3, Z2 minority)', 'D03-Z1': '4{fcc} (D0_3, Z1 minority)' };

/**
 * Fig. 1's open squares and the truncation check of the paper's energy (docs/physics.md
 * section 15). `sums` must hold at least 60 shells.
 */
export function orderedStructuresData(z1: number, z2: number, sums: LatticeSums): OrderedStructureRow[] {
  return (['D03-Z2', 'CsCl', 'D03-Z1'] as const).map((name) => {
    const exact = orderedEnergy(name, z1, z2, sums.zeta);
    const cell = orderedCell(name);
    const mix = { z1, z2, x: cell.x };
    const paper = TRUNCATIONS.map((n) => {
      const cut = { ...sums, shells: sums.shells.slice(0, n) };
      return electrostaticEnergy(mix, orderedShellAlphas(cell, n), cut) - exact.U;
    });
    return {
      name,
      label: LABELS[name],
      x: cell.x,
      U: exact.U,
      Urandom: randomEnergy(mix, sums),
      UcorrEwald: exact.Ucorr,
      UcorrShellSum: shellSumCorrelationEnergy(name, z1, z2),
      Ushift: TRUNCATIONS.map((n) => truncatedShiftEnergy(name, z1, z2, sums, n)),
      paperMinusExact: paper,
    };
  });
}
