import type { LatticeSums } from '../src/latticeSums/types.js';

/**
 * Paper Table I (a_i units) as a LatticeSums fixture: T_i, I_i - T_i, m_i, T_0, and the
 * Madelung constant of docs/physics.md section 1. I_i = T_i + (I_i - T_i) (table precision).
 */
const rows: Array<[number, number, number, number]> = [
  // [4 l^2/a_l^2, m_i, T_i, I_i - T_i]
  [3, 8, 4.4334, 0.1149],
  [4, 6, 3.0577, -0.1035],
  [8, 12, 4.1411, 0.0368],
  [11, 24, 7.2268, -0.1009],
  [12, 8, 2.1968, 0.0774],
  [16, 6, 1.495, -0.0179],
  [19, 24, 5.371, 0.051],
  [20, 24, 5.2993, -0.0146],
];

const latticeConstant = Math.cbrt((8 * Math.PI) / 3);

export const TABLE_I: LatticeSums = {
  units: 'a_i',
  zeta: 0.895929255682,
  T0: 0.90183,
  error: 1e-4,
  shells: rows.map(([l2, m, T, IminusT], k) => ({
    i: k + 1,
    vector: [0, 0, 0],
    l2,
    m,
    R: (Math.sqrt(l2) / 2) * latticeConstant,
    I: T + IminusT,
    T,
    IminusT,
  })),
};
