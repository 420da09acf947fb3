// Memory layout of the lattice Monte Carlo kernel (assembly/mc.ts), declared once: the kernel
// uses these enums, and they are exported from the module so that the TypeScript side
// (src/mc/mcKernel.ts) reads the same numbers from the compiled kernel (WASM globals, or the
// enum objects of the portable build). Plain enums: valid AssemblyScript and TypeScript.

/** Words of a context block (f64 each): scalars, then byte offsets of the arrays. */
export enum McWord {
  L = 0, // supercell edge in cubic cells
  N = 1, // sites, 2 L^3
  SLOTS = 2, // couplings per site (merged displacement vectors)
  N2 = 3, // number of Z2 ions (occupied sites)
  ENERGY = 4, // running total interaction energy sum_pairs J n n, U_1 units (whole cell)
  DIFF_AB = 5, // N2(sublattice A) - N2(sublattice B)
  ATTEMPTS = 6, // attempted exchanges since the counters were cleared
  ACCEPTED = 7, // accepted exchanges since the counters were cleared
  SITES = 8, // i32[N]: occupation n_R (1 = Z2)
  LIST2 = 9, // i32[N]: the occupied sites (first N2 entries)
  LIST1 = 10, // i32[N]: the empty sites (first N - N2 entries)
  FIELD = 11, // f64[N]: local field h_R = sum_slots J n_{R+d}
  COORD = 12, // i32[3 N]: doubled coordinates (units a_l/2) of each site
  SLOT_D = 13, // i32[3 SLOTS]: displacement of each slot (units a_l/2), filled by the caller
  SLOT_J = 14, // f64[SLOTS]: coupling of each slot, filled by the caller
  NBR = 15, // u16[N SLOTS]: neighbour site of each slot (built by mcBuild; N <= 65536)
  PAIR_J = 16, // f64[(2L)^3]: coupling by displacement mod the supercell (built by mcBuild)
  RNG = 17, // i32[4]: xoshiro128** state, set by the caller
  MEASURE_SHELLS = 18, // shells whose alpha_i are measured (<= 30)
  SHELL_C = 19, // f64[N MEASURE_SHELLS]: c_i(k)/(m_i N^2) on the supercell k grid, filled by the caller
  TWIDDLE = 20, // f64[2 L]: cos, sin of 2 pi j / L (built by mcBuild)
  DFT = 21, // f64[4 L^3 + 2 L]: scratch of the structure factor
  RECORD = 22, // f64[McRecord.ALPHA + MEASURE_SHELLS]: output of mcMeasure
  SERIES = 23, // f64[CAPACITY (McSeries.ALPHA + MEASURE_SHELLS)]: per-sweep series written by mcSweeps
  CAPACITY = 24, // sweeps the series holds
}

/** Context words. */
export const MC_WORDS: i32 = 25;

/** Offsets inside a RECORD (the structure measurement of one configuration). */
export enum McRecord {
  S_MAX = 0, // largest S(k) = |n_k|^2 / N over the supercell's k != 0
  K_STAR = 1, // its k index: sigma L^3 + (mx L + my) L + mz, k = 2 pi/(L a_l) (m + sigma L e_x)
  ALPHA = 2, // alpha_1 .. alpha_MEASURE_SHELLS
}

/**
 * Offsets inside one sweep of the SERIES (McSeries.ALPHA + MEASURE_SHELLS doubles per sweep).
 * On sweeps without a structure measurement S_MAX is -1 and the rest of the record is not written.
 */
export enum McSeries {
  ENERGY = 0, // total interaction energy after the sweep (U_1 units, whole cell)
  DIFF_AB = 1, // N2(A) - N2(B)
  S_MAX = 2, // McRecord.S_MAX of the configuration after the sweep
  K_STAR = 3, // McRecord.K_STAR
  ALPHA = 4, // alpha_1 .. alpha_MEASURE_SHELLS
}
