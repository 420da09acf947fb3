import { latticeSums } from './latticeSums.js';
import type { LatticeSums } from './types.js';

const cache = new Map<number, Promise<LatticeSums>>();

/**
 * Lattice sums (zeta, T_0, I_i, T_i) for the first `shells` shells at the default accuracy
 * (1e-9), computed once per process and shared by every model that needs them.
 *
 * @param shells 1..60
 * @param threads worker threads for the first computation (default: in this thread)
 */
export function getLatticeSums(shells: number, threads = 1): Promise<LatticeSums> {
  let p = cache.get(shells);
  if (!p) {
    p = latticeSums({ shells, threads });
    cache.set(shells, p);
    p.catch(() => cache.delete(shells));
  }
  return p;
}
