/**
 * Result of one solid model at (mixture, Gamma): free and electrostatic energies per ion
 * in U_1 = Z1^(5/3) e^2/a_e with linear mixing subtracted, entropy per ion in k_B
 * (paper, "Random C/O mixture"; docs/physics.md sections 4, 5, 8). F = U - T S with T = 1/Gamma_1.
 */
export interface SolidModelResult {
  /** Model name: 'random', 'ogata', 'ogata-smixz', 'sro'. */
  model: string;
  /** Free energy per ion, U_1. */
  F: number;
  /** Energy per ion, U_1. */
  U: number;
  /** Residual entropy per ion, k_B. */
  S: number;
  /** Order parameters alpha_1..alpha_n (only for 'sro'). */
  alpha?: number[];
}
