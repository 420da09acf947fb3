import type { PhaseDiagramResult } from '../phase/phaseDiagram.js';

/**
 * The one CSV layout of a phase diagram, written by `coulomix phase-diagram --csv` and by
 * `coulomix reproduce` (phase-diagram-<model>.csv): one row per coexistence window, then the
 * invariant points (azeotrope, eutectic), then the refined solvus rows (an unrefined gap is a
 * grid location, not a result). Gamma = Gamma_1, T_over_T1m =
 * T/T_1m = Gamma_1m/Gamma, x = number fraction of the Z2 ions; empty cells where a column does
 * not apply to the row's kind.
 */
export const PHASE_DIAGRAM_CSV_COLUMNS = ['kind', 'gamma', 'T_over_T1m', 'x_liquid', 'x_solid', 'side', 'x_low', 'x_high', 'metastable'] as const;

function cell(v: number | string | boolean | undefined): string {
  if (v === undefined) return '';
  if (typeof v === 'number' && !Number.isFinite(v)) throw new Error(`phase diagram CSV: non-finite value ${v} (a defect)`);
  return String(v);
}

/**
 * CSV text of a phase diagram, columns {@link PHASE_DIAGRAM_CSV_COLUMNS}.
 *
 * @example phaseDiagramCsv(await phaseDiagram({ model: 'random', gammaMin: 170, gammaMax: 172, gammaStep: 1 }))
 */
export function phaseDiagramCsv(r: PhaseDiagramResult): string {
  const row = (kind: string, v: Partial<Record<(typeof PHASE_DIAGRAM_CSV_COLUMNS)[number], number | string | boolean>>): string =>
    [kind, ...PHASE_DIAGRAM_CSV_COLUMNS.slice(1).map((c) => cell(v[c]))].join(',');
  const lines: string[] = [PHASE_DIAGRAM_CSV_COLUMNS.join(',')];
  for (const w of r.rows) lines.push(row('window', { gamma: w.gamma, T_over_T1m: w.tOverT1m, x_liquid: w.xLiquid, x_solid: w.xSolid, side: w.side }));
  for (const a of r.invariants) {
    if (a.kind === 'eutectic') {
      lines.push(row('eutectic', { gamma: a.gamma, T_over_T1m: a.tOverT1m, x_liquid: a.x, x_low: a.xSolidLow, x_high: a.xSolidHigh }));
    } else lines.push(row('azeotrope', { gamma: a.gamma, T_over_T1m: a.tOverT1m, x_liquid: a.x, x_solid: a.x }));
  }
  for (const s of r.solvus.filter((q) => q.refined)) {
    lines.push(row('solvus', { gamma: s.gamma, T_over_T1m: s.tOverT1m, x_low: s.xLow, x_high: s.xHigh, metastable: s.metastable }));
  }
  return `${lines.join('\n')}\n`;
}
