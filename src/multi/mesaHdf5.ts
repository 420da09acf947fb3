import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DomainError } from '../errors.js';
import type { MesaTernaryTable } from './mesaTable.js';

/** File names of a table: one per tabulated species, e.g. CONe_deltaC.h5, CONe_deltaO.h5. */
export function mesaFileNames(table: Pick<MesaTernaryTable, 'system' | 'species'>): [string, string] {
  return [`${table.system}_delta${table.species[0]}.h5`, `${table.system}_delta${table.species[1]}.h5`];
}

/**
 * Write the two HDF5 files MESA's phase_separation reads (docs/physics.md section 14) with h5wasm (dtype codes as in Python's struct: '<d' float64, '<i' int32):
 * integer attributes num_x1, num_x2; float64 datasets x1 [num_x1], x2 [num_x2] and
 * delta [num_x2][num_x1] (C order: Fortran's delta(j, i) at (x1(j), x2(i))).
 * Existing files are left alone unless `force`: then a DomainError names the first one.
 *
 * @returns the paths written
 * @example await writeMesaTernary(await mesaTernaryTable('CONe', 'random'), 'tables')
 */
export async function writeMesaTernary(table: MesaTernaryTable, dir: string, options: { force?: boolean } = {}): Promise<string[]> {
  const names = mesaFileNames(table);
  const paths = names.map((f) => join(dir, f));
  if (!options.force) {
    const there = paths.find((p) => existsSync(p));
    if (there) throw new DomainError(`${there} exists; use --force to overwrite it`);
  }
  mkdirSync(dir, { recursive: true });
  const h5wasm = (await import('h5wasm/node')).default;
  await h5wasm.ready;
  const n1 = table.x1.length;
  const n2 = table.x2.length;
  [table.delta1, table.delta2].forEach((delta, k) => {
    const f = new h5wasm.File(paths[k], 'w');
    try {
      f.create_attribute('num_x1', n1, null, '<i');
      f.create_attribute('num_x2', n2, null, '<i');
      f.create_dataset({ name: 'x1', data: table.x1, shape: [n1], dtype: '<d' });
      f.create_dataset({ name: 'x2', data: table.x2, shape: [n2], dtype: '<d' });
      f.create_dataset({ name: 'delta', data: delta, shape: [n2, n1], dtype: '<d' });
    } finally {
      f.close();
    }
  });
  return paths;
}
