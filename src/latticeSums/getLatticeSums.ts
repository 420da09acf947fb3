import type { LatticeSums } from './types.js';

/**
 * Lattice sums for the first `shells` shells at the default tolerance (1e-9), computed
 * once per process and cached. PLACEHOLDER until the WASM kernels land.
 */
export async function getLatticeSums(shells: number): Promise<LatticeSums> {
  throw new Error(`lattice sums for ${shells} shells: kernels not built yet`);
}
