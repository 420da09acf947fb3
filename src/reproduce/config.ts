import type { McLevel } from './mcStudy.js';

/** Resolution levels of `coulomix reproduce`. */
export type ReproduceLevel = 'default' | 'quick' | 'tiny';

/** Everything that sets the cost and resolution of a run (all computed quantities follow from it). */
export interface ReproduceConfig {
  level: ReproduceLevel;
  z1: number;
  z2: number;
  /** Worker threads of the Piscina pool. */
  threads: number;
  /** Table I: number of shells and absolute accuracy target of the T_i. */
  tableShells: number;
  tableTol: number;
  /** Phase-diagram Gamma scan. */
  gammaMin: number;
  gammaMax: number;
  gammaStep: number;
  /** x step of the SRO minimization grid (<= 0.01 for the default run). */
  sroXStep: number;
  /** Extra SRO grid points near x = 0 (mirrored near 1). */
  sroEndPoints: number[];
  /** Size of the wedge sample of the constraint |Delta_k|^2 >= 0 (paper: ~1e5). */
  samplePoints: number;
  /** Composition step of the hull grid of the phase diagrams. */
  hullStep: number;
  /** Gamma tolerance of the SRO azeotrope bisection. */
  sroAzeotropeTolerance: number;
  /** Gamma step of the fixed-model solvus scan (up to Gamma = 800). */
  solvusStep: number;
  /** Fig. 3 / Fig. 4: Gamma step and the largest Gamma. */
  sweepStep: number;
  sweepMax: number;
  /** Crystallization Gammas of Fig. 4 besides Gamma_1m (paper: 170, 160, 150). */
  crystallizationGammas: number[];
  /** Gamma step of the diagrams beyond the paper (O/Ne, C/Ne, and C/O below Gamma = gammaMin). */
  pairGammaStep: number;
  /** Lattice Monte Carlo section: 'coarse' by default, 'full' (finite-size study) with --mc full. */
  mc: McLevel;
  /** The C/O/Ne section (Gibbs triangles, 22Ne distillation, a MESA table): default level only (about a minute). */
  ternary: boolean;
}

/** The configuration of a level (threads filled in by the caller). */
export function configFor(level: ReproduceLevel, threads: number): ReproduceConfig {
  const base: ReproduceConfig = {
    level,
    z1: 6,
    z2: 8,
    threads,
    tableShells: 8,
    tableTol: 1e-9,
    gammaMin: 130,
    gammaMax: 181.5,
    gammaStep: 0.5,
    sroXStep: 0.01,
    sroEndPoints: [0.0005, 0.001, 0.002, 0.003, 0.005, 0.0075],
    samplePoints: 100_000,
    hullStep: 0.002,
    sroAzeotropeTolerance: 1e-3,
    solvusStep: 5,
    sweepStep: 10,
    sweepMax: 800,
    crystallizationGammas: [170, 160, 150],
    pairGammaStep: 2,
    mc: level === 'tiny' ? 'tiny' : level === 'quick' ? 'quick' : 'coarse',
    ternary: level === 'default',
  };
  if (level === 'quick') {
    return {
      ...base,
      tableTol: 1e-7,
      gammaStep: 2.5,
      sroXStep: 0.02 as number,
      sroEndPoints: [0.002, 0.005, 0.01],
      samplePoints: 20_000,
      hullStep: 0.005,
      sroAzeotropeTolerance: 0.05,
      solvusStep: 20,
      sweepStep: 50,
      pairGammaStep: 6,
    };
  }
  if (level === 'tiny') {
    // Test-only: every file is written, the numbers are rough.
    return {
      ...base,
      tableTol: 1e-5,
      gammaMin: 150,
      gammaMax: 180,
      gammaStep: 10,
      sroXStep: 0.05,
      sroEndPoints: [0.01],
      samplePoints: 5_000,
      hullStep: 0.01,
      sroAzeotropeTolerance: 0.5,
      solvusStep: 100,
      sweepStep: 200,
      pairGammaStep: 15,
    };
  }
  return base;
}
