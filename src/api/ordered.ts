import { checkCharge, checkChoice, checkInteger, checkNumber } from '../domain.js';
import { DomainError } from '../errors.js';
import {
  orderedCell as orderedCellImpl, orderedEnergy as orderedEnergyImpl, orderedShellAlphas as orderedShellAlphasImpl,
  type OrderedCell, type OrderedEnergy, type OrderedStructureName,
} from '../mixture/orderedStructures.js';

/** The fully ordered structures of the paper's Fig. 1 (src/mixture/orderedStructures.ts), arguments checked. */
const NAMES: OrderedStructureName[] = ['CsCl', 'D03-Z2', 'D03-Z1'];

/** The ordered cell of a structure ('CsCl', 'D03-Z2', 'D03-Z1'). @example orderedCell('CsCl') */
export function orderedCell(name: OrderedStructureName): OrderedCell {
  return orderedCellImpl(checkChoice('name', name, NAMES));
}

/** Static-lattice energies of an ordered structure; integer charges 1 <= z1 < z2 <= 100, zeta in [0.8, 1]. */
export function orderedEnergy(name: OrderedStructureName, z1: number, z2: number, zeta: number): OrderedEnergy {
  checkChoice('name', name, NAMES);
  checkCharge('z1', z1);
  checkCharge('z2', z2);
  if (z1 >= z2) throw new DomainError(`z1 must be smaller than z2, got z1 = ${z1}, z2 = ${z2}`);
  checkNumber('zeta', zeta, 0.8, 1);
  return orderedEnergyImpl(name, z1, z2, zeta);
}

/** The order parameters alpha_1..alpha_n (n = 1..60) of an ordered cell. */
export function orderedShellAlphas(cell: OrderedCell, n: number): number[] {
  if (cell === null || typeof cell !== 'object' || !NAMES.includes((cell as OrderedCell).name)) {
    throw new DomainError('cell must come from orderedCell()');
  }
  return orderedShellAlphasImpl(cell, checkInteger('n', n, 1, 60));
}
