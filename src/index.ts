/**
 * coulomix: structure, thermodynamics and phase diagrams of binary bcc Coulomb crystals
 * (D. A. Baiko 2025). Units: lattice sums in 1/a_i, energies per ion in U_1 = Z1^(5/3) e^2/a_e
 * with linear mixing subtracted, entropies in k_B per ion (see README and docs/physics.md).
 */

// Errors: DomainError (input outside the supported range), UncertifiedError (no certificate)
export { CoulomixError, DomainError, UncertifiedError } from './errors.js';

// Lattice geometry and lattice sums (Table I)
export { bccShells, MAX_SHELLS, type BccShell, type ShellOrbit } from './lattice/bccShells.js';
export { ION_DENSITY, LATTICE_CONSTANT, RECIPROCAL_UNIT } from './lattice/constants.js';
export { shellCosineSums } from './lattice/shellCosineSums.js';
export { latticeSums, type LatticeSumsOptions, type LatticeSumsResult } from './latticeSums/latticeSums.js';
export { getLatticeSums } from './latticeSums/getLatticeSums.js';
export type { LatticeSums, ShellSums } from './latticeSums/types.js';

// Kernels (WASM) and parallel execution
export { latticeKernel, type LatticeKernel, type LatticeKernelOptions } from './kernels/latticeKernel.js';
export { shellCosineTable } from './kernels/shellCosineTable.js';
export { initKernels } from './kernels/loadWasm.js';
export { closePool, defaultThreads } from './parallel/pool.js';
export { WEDGE, inWedge } from './brillouin/wedge.js';
export { phononFrequencies } from './phonons/phononFrequencies.js';
export { phononMoments, type PhononMoments } from './phonons/phononMoments.js';

// One-component plasma and mixture thermodynamics
export { meltingGamma } from './ocp/meltingPoint.js';
export { ocpLiquidFreeEnergy, DS99, LIQUID_FITS } from './ocp/liquidFreeEnergy.js';
export { ocpSolidFreeEnergy, BC22, FH93, ANHARMONIC_FITS } from './ocp/solidFreeEnergy.js';
export { zMoment, meanZ, validateMixture, type Mixture } from './mixture/composition.js';
export {
  ionSphereUnit, madelungExcess, correlationEnergy, shiftEnergy, randomEnergy, electrostaticEnergy, linearCoefficients,
} from './mixture/electrostatic.js';
export { mixingEntropy, mixingEntropyZ, shellEntropyDecrement, orderedEntropy } from './mixture/entropy.js';
export { liquidMixingCorrection } from './mixture/liquidMixing.js';

// Free-energy models
export { liquidFreeEnergy } from './models/liquid.js';
export { randomSolid } from './models/random.js';
export { ogataSolid, ogataEnergy } from './models/ogata.js';
export { sroSolid } from './models/sro.js';
export type { SolidModelResult } from './models/types.js';

// Phase diagrams
export { phaseDiagram } from './phase/phaseDiagram.js';
export { coexistenceWindows } from './phase/coexistence.js';
export { sroPhaseDiagram, type SroPhaseDiagramOptions } from './parallel/sroPhaseDiagram.js';
export { latticeMonteCarlo, type LatticeMonteCarloOptions, type LatticeMonteCarloResult } from './mc/latticeMonteCarlo.js';
