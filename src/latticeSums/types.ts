/** Lattice sums of one neighbour shell, a_i units (paper Table I). */
export interface ShellSums {
  /** Shell number, 1-based. */
  i: number;
  /** Representative vector in units of a_l. */
  vector: [number, number, number];
  /** 4 l^2 / a_l^2. */
  l2: number;
  /** Multiplicity m_i. */
  m: number;
  /** Shell radius in a_i. */
  R: number;
  /** I_i = m_i / R_i in 1/a_i (eq. 5). */
  I: number;
  /** T_i in 1/a_i (eq. 7). */
  T: number;
  /** I_i - T_i in 1/a_i. */
  IminusT: number;
}

/** Everything the thermodynamics needs from the lattice: Table I plus zeta and T_0. */
export interface LatticeSums {
  units: 'a_i';
  /** bcc Madelung constant, units Z^2 e^2 / a_i. */
  zeta: number;
  /** T_0 in 1/a_i (eq. 6-7 with 1 in place of the shell sum). */
  T0: number;
  /** Estimated absolute error of every T (max over i of the two-resolution difference). */
  error: number;
  shells: ShellSums[];
}
