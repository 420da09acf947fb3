// The app's parameters: the form, the URL query string, and the library's input type.
import type { PhaseDiagramInput } from 'coulomix';

/** Pair presets (Z1 < Z2). */
export const PRESETS: Array<{ name: string; z1: number; z2: number }> = [
  { name: 'C/O', z1: 6, z2: 8 },
  { name: 'O/Ne', z1: 8, z2: 10 },
  { name: 'C/Ne', z1: 6, z2: 10 },
  { name: 'He/C', z1: 2, z2: 6 },
  { name: 'C/Fe', z1: 6, z2: 26 },
];

/** Defaults: the default C/O SRO diagram of `coulomix phase-diagram`. */
export const DEFAULTS = { z1: 6, z2: 8, models: ['sro'], gammaMin: 130, gammaMax: 181.5, gammaStep: 0.5, xStep: 0.01 };

/** App parameters: the diagram input plus the number of Web Workers. */
export interface AppParams extends PhaseDiagramInput {
  workers: number;
}

const NUMERIC = ['z1', 'z2', 'gammaMin', 'gammaMax', 'gammaStep', 'xStep'] as const;

/** Parse a query string (?z1=6&z2=8&model=sro,random&gammaMin=...&mixing=smixz&workers=2). */
export function fromQuery(search: string, defaultWorkers: number): { params: AppParams; run: boolean } {
  const q = new URLSearchParams(search);
  const num = (k: string, d: number): number => (q.has(k) ? Number(q.get(k)) : d);
  const models = q.has('model') ? q.getAll('model').flatMap((m) => m.split(',')).map((m) => m.trim()).filter(Boolean) : DEFAULTS.models;
  const params: AppParams = {
    z1: num('z1', DEFAULTS.z1),
    z2: num('z2', DEFAULTS.z2),
    models,
    gammaMin: num('gammaMin', DEFAULTS.gammaMin),
    gammaMax: num('gammaMax', DEFAULTS.gammaMax),
    gammaStep: num('gammaStep', DEFAULTS.gammaStep),
    xStep: num('xStep', DEFAULTS.xStep),
    liquidMixing: q.get('mixing') || undefined,
    workers: Math.max(1, Math.floor(num('workers', defaultWorkers)) || defaultWorkers),
  };
  return { params, run: q.get('run') === '1' };
}

/** The query string of `params` (workers only if not the default). */
export function toQuery(params: AppParams, defaultWorkers: number, run = false): string {
  const q = new URLSearchParams();
  for (const k of NUMERIC) q.set(k, String(params[k]));
  q.set('model', params.models.join(','));
  if (params.liquidMixing) q.set('mixing', params.liquidMixing);
  if (params.workers !== defaultWorkers) q.set('workers', String(params.workers));
  if (run) q.set('run', '1');
  return `?${q.toString().replaceAll('%2C', ',')}`;
}
