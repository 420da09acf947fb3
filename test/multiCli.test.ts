import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as jsfive from 'jsfive';
import { describe, expect, it } from 'vitest';
import { getLatticeSums } from '../src/latticeSums/getLatticeSums.js';
import { tangentPlaneResidual } from '../src/multi/equilibrium.js';
import { multiLiquid } from '../src/multi/liquid.js';
import { firstSolid } from '../src/multi/liquidus.js';
import { MESA_SYSTEMS, mesaTernaryTable } from '../src/multi/mesaTable.js';
import { mesaFileNames } from '../src/multi/mesaHdf5.js';
import { multiRandomSolid } from '../src/multi/random.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = `${root}dist/cli/main.js`;
const run = (args: string[]) => {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

function readH5(path: string) {
  const buf = readFileSync(path);
  return new jsfive.File(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength), path);
}

describe('coulomix ternary / distillation / export mesa-ternary', () => {
  it('ternary --json: certified tie-lines including a trace one; bad input is exit 2', async () => {
    const r = run(['ternary', '--model', 'random', '--gamma', '170', '--grid', '24', '--trace', '1e-6', '--json', '--quiet']);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/null|NaN|Infinity/);
    const out = JSON.parse(r.stdout);
    expect(out.tieLines.length).toBeGreaterThan(10);
    const sums = await getLatticeSums(8);
    for (const t of out.tieLines) {
      expect(t.liquid.reduce((a: number, b: number) => a + b, 0)).toBeCloseTo(1, 10);
      // JSON rounds to 12 digits: the recomputed residual stays far below 1e-9
      expect(tangentPlaneResidual(multiLiquid([6, 8, 10], 170), t.liquid, multiRandomSolid([6, 8, 10], 170, sums), t.solid)).toBeLessThan(1e-9);
    }
    expect(out.tieLines.some((t: { trace?: boolean; liquid: number[] }) => t.trace && Math.abs(t.liquid[2] - 1e-6) < 1e-15)).toBe(true);
    expect(run(['ternary', '--gamma', '0']).code).toBe(2);
  });

  it('distillation --json: D and the O enrichment along the liquidus', () => {
    const r = run(['distillation', '--model', 'random', '--points', '4', '--json', '--quiet']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.rows).toHaveLength(4);
    for (const q of out.rows) {
      expect(q.D).toBeCloseTo(q.solid[2] / 0.01, 8);
      expect(q.enrichment2).toBeCloseTo(q.solid[1] - q.x2, 10);
    }
    expect(out.maxResidual).toBeLessThan(1e-9);
  });

  it('distillation --model sro: certified first solids from the SRO solid, trace x3 = 1e-6 included', () => {
    const r = run(['distillation', '--model', 'sro', '--points', '3', '--x3', '1e-6', '--json', '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.rows).toHaveLength(3);
    expect(out.maxResidual).toBeLessThan(1e-9);
    for (const q of out.rows) expect(q.D).toBeGreaterThan(0);
  });

  it('export mesa-ternary writes HDF5 that jsfive reads back with MESA layout; no overwrite without --force', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mesa-'));
    const n = 7;
    const r = run(['export', 'mesa-ternary', '--system', 'CONe', '--model', 'random', '--out', dir, '--n', String(n), '--threads', '2', '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    const table = await mesaTernaryTable('CONe', 'random', { n });
    const sums = await getLatticeSums(8);
    const L = (z: readonly number[], g: number) => multiLiquid(z, g);
    const S = (z: readonly number[], g: number) => multiRandomSolid(z, g, sums);
    for (const [name, k] of [
      ['CONe_deltaC.h5', 0],
      ['CONe_deltaO.h5', 1],
    ] as const) {
      const f = readH5(join(dir, name));
      expect(f.attrs.num_x1).toBe(n);
      expect(f.attrs.num_x2).toBe(n);
      const x1 = f.get('x1');
      const x2 = f.get('x2');
      const delta = f.get('delta');
      expect(x1.shape).toEqual([n]);
      expect(x2.shape).toEqual([n]);
      expect(delta.shape).toEqual([n, n]);
      expect(delta.dtype).toBe('<f8');
      const v = delta.value as number[];
      expect(v.every(Number.isFinite)).toBe(true);
      expect(v).toEqual([...(k === 0 ? table.delta1 : table.delta2)]);
      // order: delta[i][j] belongs to (x1[j], x2[i]); check one off-diagonal point directly
      const [j, i] = [1, 3];
      const xl = [x1.value[j], x2.value[i], 1 - x1.value[j] - x2.value[i]];
      const fs = firstSolid(L, S, [6, 8, 10], xl);
      expect(Math.abs(v[i * n + j] - (fs.solid[k] - xl[k]))).toBeLessThan(1e-8);
      // pure corners: nothing changes
      expect(v[0 * n + (n - 1)]).toBe(0);
    }
    const before = statSync(join(dir, 'CONe_deltaC.h5')).mtimeMs;
    const again = run(['export', 'mesa-ternary', '--system', 'CONe', '--model', 'random', '--out', dir, '--n', '3', '--quiet']);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/exists; use --force/);
    expect(statSync(join(dir, 'CONe_deltaC.h5')).mtimeMs).toBe(before);
    expect(run(['export', 'mesa-ternary', '--system', 'CONe', '--model', 'random', '--out', dir, '--n', '3', '--force', '--quiet']).code).toBe(0);
    expect(readH5(join(dir, 'CONe_deltaO.h5')).attrs.num_x1).toBe(3);
    expect(run(['export', 'mesa-ternary', '--system', 'XYZ', '--out', dir]).code).toBe(2);
    // file names and species order of MESA's phase_separation.f90
    expect(mesaFileNames({ system: 'NeOMg', species: MESA_SYSTEMS.NeOMg.species })).toEqual(['NeOMg_deltaMg.h5', 'NeOMg_deltaO.h5']);
    expect(mesaFileNames({ system: 'ONeNa', species: MESA_SYSTEMS.ONeNa.species })).toEqual(['ONeNa_deltaNa.h5', 'ONeNa_deltaO.h5']);
    expect(mesaFileNames({ system: 'COMg', species: MESA_SYSTEMS.COMg.species })).toEqual(['COMg_deltaC.h5', 'COMg_deltaMg.h5']);
  });
});
