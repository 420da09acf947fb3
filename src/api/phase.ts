import { checkBoolean, checkCallback, checkChoice, checkCharge, checkInteger, checkNumber, checkOptions, DOMAIN } from '../domain.js';
import { DomainError } from '../errors.js';
import { checkSroDomain, MAX_ORDER_PARAMETERS } from '../models/sroDomain.js';
import { checkThreads } from '../parallel/pool.js';
import { sroPhaseDiagram as sroImpl, type SroPhaseDiagramOptions } from '../parallel/sroPhaseDiagram.js';
import { coexistenceWindows as windowsImpl, type CoexistenceOptions } from '../phase/coexistence.js';
import { SOLID_MODELS } from '../phase/modelCurves.js';
import { phaseDiagram as diagramImpl, type PhaseDiagramOptions, type PhaseDiagramResult } from '../phase/phaseDiagram.js';
import type { CoexistenceWindow, FreeEnergyCurve } from '../phase/types.js';
import { checkGrid, checkIdealMixing, checkOcpOptions, checkScan, checkSums } from './checks.js';

/** At most this many Gamma values in one scan (fixed models / SRO, whose every Gamma is a minimized curve). */
export const MAX_GAMMA_VALUES = 5000;
export const MAX_SRO_GAMMA_VALUES = 1000;

const SCAN_KEYS = ['z1', 'z2', 'gammaMin', 'gammaMax', 'gammaStep', 'grid', 'gamma1m', 'liquid', 'azeotropeTolerance', 'azeotropeSearchLimit',
  'extendToAzeotrope', 'threads', 'azeotropeRefine', 'azeotropeMaxIterations'];

function checkScanOptions(o: Record<string, unknown>, maxValues: number): void {
  const z1 = checkCharge('z1', o.z1 ?? 6);
  const z2 = checkCharge('z2', o.z2 ?? 8);
  if (z1 >= z2) throw new DomainError(`z1 must be smaller than z2, got z1 = ${z1}, z2 = ${z2}`);
  checkScan('', o.gammaMin, o.gammaMax, o.gammaStep, maxValues);
  checkGrid('grid', o.grid);
  if (o.gamma1m !== undefined) checkNumber('gamma1m', o.gamma1m, DOMAIN.gammaMin, DOMAIN.gammaMax);
  if (o.liquid !== undefined) {
    checkOcpOptions('liquid', o.liquid, ['idealMixing']);
    checkIdealMixing('liquid.idealMixing', (o.liquid as { idealMixing?: unknown }).idealMixing);
  }
  if (o.azeotropeTolerance !== undefined) checkNumber('azeotropeTolerance', o.azeotropeTolerance, 1e-12, 10);
  if (o.azeotropeSearchLimit !== undefined) {
    const limit = checkNumber('azeotropeSearchLimit', o.azeotropeSearchLimit, o.gammaMax as number, DOMAIN.gammaMax);
    const steps = (limit - (o.gammaMax as number)) / (o.gammaStep as number);
    if (steps > 10 * maxValues) throw new DomainError(`azeotropeSearchLimit ${limit} lies ${Math.round(steps)} steps beyond gammaMax; at most ${10 * maxValues} are supported`);
  }
  checkBoolean('extendToAzeotrope', o.extendToAzeotrope);
  if (o.threads !== undefined) checkThreads(o.threads);
  if (o.azeotropeRefine !== undefined) checkChoice('azeotropeRefine', o.azeotropeRefine, ['tangency', 'bisection']);
  if (o.azeotropeMaxIterations !== undefined) checkInteger('azeotropeMaxIterations', o.azeotropeMaxIterations, 1, 1000);
}

/**
 * The phase diagram of a named solid model (or a curve provider) against the liquid
 * (src/phase/phaseDiagram.ts), with its options checked: integer charges 1 <= Z1 < Z2 <= 100,
 * 1 <= gammaMin < gammaMax <= 1e4, gammaStep 0.01..100 with at most 5000 Gamma values (1000
 * for 'sro'), a solvus scan inside the domain, known option keys and values.
 *
 * @example await phaseDiagram({ model: 'random', gammaMin: 170, gammaMax: 185, gammaStep: 1 })
 */
export async function phaseDiagram(options: PhaseDiagramOptions): Promise<PhaseDiagramResult> {
  if (options === null || typeof options !== 'object') throw new DomainError('phaseDiagram needs an options object { model, gammaMin, gammaMax, gammaStep }');
  const o = checkOptions('phaseDiagram options', options, [...SCAN_KEYS, 'model', 'name', 'sums', 'solvus', 'onProgress', 'sroProvider', 'prepare']) as Record<string, unknown>;
  if (typeof o.model !== 'function') checkChoice('model', o.model, SOLID_MODELS);
  if (o.model === 'sro' && typeof o.sroProvider !== 'function') {
    throw new DomainError("model 'sro' needs an sroProvider (or call sroPhaseDiagram, which makes one)");
  }
  checkScanOptions(o, o.model === 'sro' || typeof o.model === 'function' ? MAX_SRO_GAMMA_VALUES : MAX_GAMMA_VALUES);
  if (o.name !== undefined && typeof o.name !== 'string') throw new DomainError('name must be a string');
  if (o.sums !== undefined) checkSums(o.sums);
  for (const f of ['onProgress', 'sroProvider', 'prepare']) checkCallback(f, o[f]);
  if (o.solvus !== undefined && typeof o.solvus !== 'boolean') {
    const s = checkOptions('solvus', o.solvus as object, ['gammaMin', 'gammaMax', 'gammaStep']) as Record<string, unknown>;
    checkScan('solvus.', s.gammaMin ?? o.gammaMin, s.gammaMax, s.gammaStep, MAX_GAMMA_VALUES);
  }
  return diagramImpl(options);
}

/**
 * The SRO phase diagram on worker threads (src/parallel/sroPhaseDiagram.ts), with its options
 * checked as for {@link phaseDiagram} ('sro': at most 1000 Gamma values) plus shells 1..30 and
 * xStep 0.001..0.01.
 *
 * @example await sroPhaseDiagram({ gammaMin: 170, gammaMax: 176, gammaStep: 1, threads: 2 })
 */
export async function sroPhaseDiagram(options: SroPhaseDiagramOptions): Promise<PhaseDiagramResult> {
  if (options === null || typeof options !== 'object') throw new DomainError('sroPhaseDiagram needs an options object { gammaMin, gammaMax, gammaStep }');
  const keys = [...SCAN_KEYS, 'shells', 'xStep', 'onCurves', 'onFailure', 'onCurve', 'runner'];
  const o = checkOptions('sroPhaseDiagram options', options, keys) as Record<string, unknown>;
  checkScanOptions(o, MAX_SRO_GAMMA_VALUES);
  // The SRO minimizer's certified domain (Z2 <= 6 Z1, Gamma <= 2000; src/models/sroDomain.ts).
  for (const g of [o.gammaMin, o.gammaMax] as number[]) checkSroDomain({ z1: (o.z1 as number) ?? 6, z2: (o.z2 as number) ?? 8, x: 0.5 }, g);
  if (o.shells !== undefined) checkInteger('shells', o.shells, 1, MAX_ORDER_PARAMETERS);
  if (o.xStep !== undefined) checkNumber('xStep', o.xStep, 0.001, 0.01);
  checkCallback('onCurves', o.onCurves);
  checkCallback('onFailure', o.onFailure);
  checkCallback('onCurve', o.onCurve);
  const runner = o.runner as { workers?: unknown; run?: unknown } | undefined;
  if (runner !== undefined && (runner === null || typeof runner.run !== 'function')) {
    throw new DomainError('runner must be a task runner { workers, run(task) } such as webWorkerRunner()');
  }
  return sroImpl(options);
}

/**
 * Every liquid-solid coexistence window at one Gamma (src/phase/coexistence.ts); the curves
 * must be objects with a function f(x) (and optionally df(x)).
 */
export function coexistenceWindows(liquid: FreeEnergyCurve, solid: FreeEnergyCurve, options?: CoexistenceOptions): CoexistenceWindow[] {
  for (const [name, c] of [['liquid', liquid], ['solid', solid]] as const) {
    if (c === null || typeof c !== 'object' || typeof c.f !== 'function') throw new DomainError(`${name} must be a curve { f(x), df?(x) }`);
    checkCallback(`${name}.df`, c.df);
  }
  const o = checkOptions('coexistenceWindows options', options, ['grid', 'refine', 'tangent']) as Record<string, unknown>;
  checkBoolean('refine', o.refine);
  checkGrid('grid', o.grid);
  return windowsImpl(liquid, solid, options);
}
