import type { LatticeSums } from '../latticeSums/types.js';
import type { LiquidOptions } from '../models/liquid.js';
import { liquidCurve } from '../phase/modelCurves.js';
import { phaseDiagram, type PhaseDiagramOptions, type PhaseDiagramResult } from '../phase/phaseDiagram.js';
import { sroCurveFromPoints, sroGrid, type SroPoint, type SroSplineOptions } from '../phase/sroCurve.js';
import { coexistenceWindows } from '../phase/coexistence.js';
import type { CoexistenceWindow, FreeEnergyCurve } from '../phase/types.js';
import type { ReproduceConfig } from './config.js';
import { sroCurveSplit, sroCurvesInPool, type SroTrouble } from './sroSweeps.js';

export type FixedModel = 'random' | 'ogata' | 'ogata-smixz';
export const FIXED_MODELS: readonly FixedModel[] = ['random', 'ogata', 'ogata-smixz'];

/** The composition, Gamma scan and hull grid that every diagram of the run shares (rows compare one to one). */
function runScan(cfg: ReproduceConfig, gamma1m: number): Omit<PhaseDiagramOptions, 'model'> {
  return {
    z1: cfg.z1,
    z2: cfg.z2,
    gammaMin: cfg.gammaMin,
    gammaMax: cfg.gammaMax,
    gammaStep: cfg.gammaStep,
    gamma1m,
    grid: { step: cfg.hullStep, edge: 1e-8 },
  };
}

/** A fixed-microstructure diagram (closed-form curves; solvus scanned down to Gamma = 800). */
export async function fixedDiagram(model: FixedModel, cfg: ReproduceConfig, gamma1m: number, sums: LatticeSums): Promise<PhaseDiagramResult> {
  return phaseDiagram({
    model,
    sums,
    ...runScan(cfg, gamma1m),
    solvus: { gammaMin: cfg.gammaMin, gammaMax: Math.max(800, cfg.gammaMax + cfg.solvusStep), gammaStep: cfg.solvusStep },
  });
}

/** A fixed-microstructure diagram against a variant liquid (no solvus: the solid, hence its solvus, is unchanged). */
export async function fixedDiagramLiquidVariant(model: FixedModel, cfg: ReproduceConfig, gamma1m: number, sums: LatticeSums, liquid: LiquidOptions): Promise<PhaseDiagramResult> {
  return phaseDiagram({ model, sums, liquid, ...runScan(cfg, gamma1m), solvus: false });
}

/** Cache of minimized SRO curves keyed by Gamma (every Gamma ever minimized in this run). */
export class SroCurveCache {
  readonly points = new Map<string, { gamma: number; points: SroPoint[] }>();
  /** Off-grid Gammas minimized on demand (azeotrope search). */
  onDemand = 0;
  constructor(
    readonly cfg: ReproduceConfig,
    readonly sums: LatticeSums,
    readonly trouble: SroTrouble,
    readonly xs: number[] = sroGrid({ step: cfg.sroXStep, endPoints: cfg.sroEndPoints, coarse: true }),
  ) {}

  static key(g: number): string {
    return g.toFixed(9);
  }

  /** Minimize the curves at many Gammas in the pool. */
  async fill(gammas: readonly number[], onProgress?: (done: number, total: number) => void): Promise<void> {
    const todo = [...new Set(gammas.map(SroCurveCache.key))].filter((k) => !this.points.has(k)).map(Number);
    const { z1, z2 } = this.cfg;
    const res = await sroCurvesInPool(z1, z2, todo, this.xs, this.sums, this.options(), this.trouble, onProgress);
    todo.forEach((g, k) => this.points.set(SroCurveCache.key(g), { gamma: g, points: res[k] }));
  }

  options() {
    return { shells: 8, samplePoints: this.cfg.samplePoints, threads: this.cfg.threads };
  }

  async pointsAt(g: number): Promise<SroPoint[]> {
    const k = SroCurveCache.key(g);
    let e = this.points.get(k);
    if (!e) {
      this.onDemand++;
      const pts = await sroCurveSplit(this.cfg.z1, this.cfg.z2, g, this.xs, this.sums, this.options(), this.trouble);
      e = { gamma: g, points: pts };
      this.points.set(k, e);
    }
    return e.points;
  }

  async curvesAt(g: number, spline: SroSplineOptions = {}, liquid: LiquidOptions = {}): Promise<{ liquid: FreeEnergyCurve; solid: FreeEnergyCurve }> {
    const pts = await this.pointsAt(g);
    return { liquid: liquidCurve(this.cfg.z1, this.cfg.z2, g, liquid), solid: sroCurveFromPoints(pts, g, spline) };
  }

  /** Coexistence windows of the SRO solid at one Gamma (spline options: e.g. the paper's spline of F itself). */
  async windowsAt(g: number, spline: SroSplineOptions = {}, liquidOptions: LiquidOptions = {}): Promise<CoexistenceWindow[]> {
    const { liquid, solid } = await this.curvesAt(g, spline, liquidOptions);
    return coexistenceWindows(liquid, solid, { grid: { step: this.cfg.hullStep, edge: 1e-8 } });
  }
}

/** The SRO diagram from the cache (the caller fills the grid Gammas first, in parallel). */
export async function sroDiagram(
  cache: SroCurveCache,
  gamma1m: number,
  onProgress?: (done: number, total: number) => void,
  liquid: LiquidOptions = {},
  overrides: Partial<Pick<PhaseDiagramOptions, 'azeotropeSearchLimit' | 'azeotropeTolerance'>> = {},
): Promise<PhaseDiagramResult> {
  const cfg = cache.cfg;
  return phaseDiagram({
    model: (g) => cache.curvesAt(g, {}, liquid),
    name: liquid.idealMixing === 'smix' ? 'sro-liquid-smix' : 'sro',
    ...runScan(cfg, gamma1m),
    solvus: false,
    azeotropeTolerance: cfg.sroAzeotropeTolerance,
    azeotropeSearchLimit: cfg.gammaMax + 60,
    onProgress,
    ...overrides,
  });
}

/**
 * The SRO solidus composition at crystallization Gamma_c: the O-rich solid of the window in
 * which the solid is richer in O than the liquid (the branch the paper quotes:
 * x ~ 0.49, 0.59, 0.72, 0.80 at Gamma_1m, 170, 160, 150). If several, the largest x_solid.
 */
export function solidusAt(windows: readonly CoexistenceWindow[]): CoexistenceWindow | null {
  const right = windows.filter((w) => w.xSolid > w.xLiquid);
  if (right.length === 0) return null;
  return right.reduce((a, b) => (b.xSolid > a.xSolid ? b : a));
}
