/**
 * coulomix: structure, thermodynamics and phase diagrams of binary bcc Coulomb crystals
 * (D. A. Baiko 2025). Units: lattice sums in 1/a_i, energies per ion in U_1 = Z1^(5/3) e^2/a_e
 * with linear mixing subtracted, entropies in k_B per ion (see README and docs/physics.md).
 */

// Errors: DomainError (input outside the supported range), UncertifiedError (no certificate).
// Every function below checks its arguments (src/api/, src/domain.ts) and never returns NaN.
export { CoulomixError, DomainError, UncertifiedError } from './errors.js';
export { DOMAIN, checkMixture } from './domain.js';

// Lattice geometry and lattice sums (Table I)
export { MAX_SHELLS, type BccShell, type ShellOrbit } from './lattice/bccShells.js';
export { ION_DENSITY, LATTICE_CONSTANT, RECIPROCAL_UNIT } from './lattice/constants.js';

export { latticeSums, type LatticeSumsOptions, type LatticeSumsResult } from './latticeSums/latticeSums.js';

export type { LatticeSums, ShellSums } from './latticeSums/types.js';

// Kernels (WASM) and parallel execution
export type { LatticeKernel, LatticeKernelOptions } from './kernels/latticeKernel.js';
export { closePool, defaultThreads, maxThreads } from './parallel/pool.js';
export { WEDGE } from './brillouin/wedge.js';
export type { PhononMoments } from './phonons/phononMoments.js';
export {
  bccShells, getLatticeSums, shellCosineSums, shellCosineTable, latticeKernel, inWedge, phononFrequencies, phononMoments, initKernels,
} from './api/lattice.js';

// One-component plasma and mixture thermodynamics
export { DS99, LIQUID_FITS } from './ocp/liquidFreeEnergy.js';
export { BC22, FH93, ANHARMONIC_FITS } from './ocp/solidFreeEnergy.js';
export { validateMixture, type Mixture } from './mixture/composition.js';
export {
  zMoment, meanZ, ionSphereUnit, madelungExcess, correlationEnergy, shiftEnergy, randomEnergy, electrostaticEnergy, linearCoefficients,
  mixingEntropy, mixingEntropyZ, shellEntropyDecrement, orderedEntropy, liquidMixingCorrection,
} from './api/mixture.js';

// Free-energy models
export {
  meltingGamma, ocpLiquidFreeEnergy, ocpSolidFreeEnergy, liquidFreeEnergy, randomSolid, ogataSolid, ogataEnergy,
  mc2010Liquid, mc2010Solid, mc2010OcpDifference, composedLiquid,
} from './api/models.js';
export { MC2010_GAMMA_CRIT, type LiquidIngredients } from './models/mc2010.js';
export { orderedEnergy, orderedCell, orderedShellAlphas } from './api/ordered.js';
export type { OrderedStructureName } from './mixture/orderedStructures.js';
export { sroSolid } from './api/sro.js';
export type { SolidModelResult } from './models/types.js';

// Phase diagrams
export { phaseDiagram, sroPhaseDiagram, coexistenceWindows } from './api/phase.js';
export type { SroPhaseDiagramOptions } from './parallel/sroPhaseDiagram.js';
export { liquidusPoints, type LiquidusPoint } from './phase/liquidus.js';

// Tables for other codes
export { mesaTable, type MesaTable } from './export/mesa.js';
export { sroCurveSource } from './parallel/sroSource.js';

// Exact statistical mechanics of the lattice model (docs/physics.md section 12)
export { latticeMonteCarlo, type LatticeMonteCarloOptions, type LatticeMonteCarloResult } from './mc/latticeMonteCarlo.js';
