// The coulomix web app: form <-> URL, a run on Web Workers with progress and Cancel, the
// phase diagram (Fig. 2's view), the free energies at a picked Gamma with their double
// tangents (Fig. 1's view), the windows as tables, downloads, and the finished result as
// JSON in <script id="coulomix-result"> for scripted use.
import {
  CancelledError, SOLID_MODELS, fixedSolidCurve, getLatticeSums, initKernels, liquidCurve, liquidCurveFor, meltingGamma,
  phaseDiagramInputErrors, sroCurveFromPoints, type FixedSolidModel, type FreeEnergyCurve, type LatticeSums, type PhaseDiagramResult,
} from 'coulomix';
import { chart, type Series } from './plot';
import { DEFAULTS, PRESETS, fromQuery, toQuery, type AppParams } from './params';
import { Job, defaultMixing, type RunResult } from './compute';
import { download } from './downloads';

const $ = <T extends HTMLElement = HTMLElement>(id: string): T => document.getElementById(id) as T;
const cores = Math.max(1, navigator.hardwareConcurrency || 1);
const COLORS: Record<string, string> = { sro: '#1f77b4', random: '#ff7f0e', ogata: '#2ca02c', 'ogata-smixz': '#d62728', mc2010: '#9467bd' };
const colorOf = (model: string): string => COLORS[model] ?? '#8c564b';
const FIELDS = ['z1', 'z2', 'gammaMin', 'gammaMax', 'gammaStep', 'xStep', 'workers'] as const;

let job: Job | undefined;
let last: { result: RunResult; job: Job; svg?: SVGSVGElement } | undefined;
let sums: LatticeSums | undefined;

function setState(state: string, text: string): void {
  document.body.dataset.state = state;
  $('status').textContent = text;
}

function buildForm(): void {
  $('cores').textContent = String(cores);
  const preset = $<HTMLSelectElement>('preset');
  preset.innerHTML = [...PRESETS.map((p) => `<option value="${p.z1},${p.z2}">${p.name} (${p.z1}, ${p.z2})</option>`), '<option value="">custom</option>'].join('');
  preset.addEventListener('change', () => {
    if (!preset.value) return;
    const [z1, z2] = preset.value.split(',');
    $<HTMLInputElement>('z1').value = z1;
    $<HTMLInputElement>('z2').value = z2;
  });
  for (const id of ['z1', 'z2']) $(id).addEventListener('input', syncPreset);
  $('models').innerHTML = SOLID_MODELS.map((m) => `<label><input type="checkbox" name="model" value="${m}" /> ${m}</label>`).join('');
  $('liquidMixing').innerHTML = `<option value="">library default (${defaultMixing()})</option><option value="smix">smix</option><option value="smixz">smixz</option>`;
}

function syncPreset(): void {
  const v = `${$<HTMLInputElement>('z1').value},${$<HTMLInputElement>('z2').value}`;
  const preset = $<HTMLSelectElement>('preset');
  preset.value = PRESETS.some((p) => `${p.z1},${p.z2}` === v) ? v : '';
}

function writeForm(p: AppParams): void {
  for (const k of FIELDS) $<HTMLInputElement>(k).value = String(p[k]);
  $<HTMLSelectElement>('liquidMixing').value = p.liquidMixing ?? '';
  for (const box of document.querySelectorAll<HTMLInputElement>('input[name=model]')) box.checked = p.models.includes(box.value);
  syncPreset();
}

function readForm(): AppParams {
  const num = (k: string): number => {
    const s = $<HTMLInputElement>(k).value.trim();
    return s === '' ? NaN : Number(s);
  };
  return {
    z1: num('z1'), z2: num('z2'), gammaMin: num('gammaMin'), gammaMax: num('gammaMax'), gammaStep: num('gammaStep'), xStep: num('xStep'),
    workers: num('workers'),
    models: [...document.querySelectorAll<HTMLInputElement>('input[name=model]:checked')].map((b) => b.value),
    liquidMixing: $<HTMLSelectElement>('liquidMixing').value || undefined,
  };
}

/** The library's messages next to their fields; true if the input is accepted. */
function showErrors(p: AppParams): boolean {
  const errors = phaseDiagramInputErrors(p).map((e) => ({ field: e.field as string, message: e.message }));
  if (!(Number.isInteger(p.workers) && p.workers >= 1 && p.workers <= 256)) errors.push({ field: 'workers', message: `workers must be an integer from 1 to 256, got ${p.workers}` });
  for (const span of document.querySelectorAll<HTMLElement>('.error')) span.textContent = '';
  for (const input of document.querySelectorAll('input.bad')) input.classList.remove('bad');
  for (const e of errors) {
    const span = document.querySelector<HTMLElement>(`.error[data-for="${e.field}"]`);
    if (span) span.textContent = span.textContent ? `${span.textContent}; ${e.message}` : e.message;
    document.getElementById(e.field)?.classList.add('bad');
  }
  return errors.length === 0;
}

function pairName(z1: number, z2: number): string {
  return PRESETS.find((p) => p.z1 === z1 && p.z2 === z2)?.name ?? `Z1 = ${z1}, Z2 = ${z2}`;
}

function start(p: AppParams): void {
  if (!showErrors(p)) {
    setState('invalid', 'fix the input marked in red; nothing was computed');
    return;
  }
  history.replaceState(null, '', toQuery(p, cores));
  $<HTMLAnchorElement>('link').href = toQuery(p, cores, true);
  $('coulomix-result').textContent = '';
  const bar = $<HTMLProgressElement>('progress');
  const t0 = performance.now();
  bar.value = 0;
  setState('running', 'starting the workers...');
  $<HTMLButtonElement>('run').disabled = true;
  $<HTMLButtonElement>('cancel').disabled = false;
  const current = new Job(p, (label, done, total) => {
    if (total <= 0) {
      bar.removeAttribute('value');
      setState('running', `${label}...`);
      return;
    }
    bar.value = done / total;
    const s = (performance.now() - t0) / 1000;
    const left = done > 0 ? (s / done) * (total - done) : NaN;
    setState('running', `${label} ${done}/${total}, ${s.toFixed(1)} s${Number.isFinite(left) ? `, about ${left.toFixed(0)} s left` : ''}`);
  });
  job = current;
  current.result.then(
    (result) => {
      if (job !== current) return;
      last = { result, job: current };
      $('coulomix-result').textContent = JSON.stringify(result);
      bar.value = 1;
      const warn = result.failures.length > 0 ? `; ${result.failures.length} SRO minimizations failed and were left out` : '';
      render(result, current);
      setState('done', `done in ${result.seconds.total.toFixed(1)} s on ${result.workers} worker(s)${warn}`);
    },
    (err: unknown) => {
      if (job !== current) return;
      bar.value = 0;
      if (err instanceof CancelledError) setState('cancelled', 'cancelled: the workers were stopped');
      else setState('error', `error: ${err instanceof Error ? err.message : String(err)}`);
    },
  ).finally(() => {
    if (job !== current) return;
    job = undefined;
    $<HTMLButtonElement>('run').disabled = false;
    $<HTMLButtonElement>('cancel').disabled = true;
  });
}

// ---- drawing ---------------------------------------------------------------------------

const f6 = (v: number): string => v.toFixed(6);

function diagramSeries(model: string, d: PhaseDiagramResult): Series[] {
  const out: Series[] = [];
  const symbols = model === 'sro';
  for (const side of ['left', 'right'] as const) {
    const rows = d.rows.filter((r) => r.side === side).sort((a, b) => b.tOverT1m - a.tOverT1m);
    if (rows.length === 0) continue;
    for (const kind of ['liquidus', 'solidus'] as const) {
      const data = rows.map((r) => ({
        x: kind === 'liquidus' ? r.xLiquid : r.xSolid,
        y: r.tOverT1m,
        tip: `${model} ${kind}\nGamma = ${r.gamma}, T/T_1m = ${f6(r.tOverT1m)}\nx_liquid = ${f6(r.xLiquid)}, x_solid = ${f6(r.xSolid)}`,
      }));
      const a = d.azeotrope;
      if (a) data.push({ x: a.kind === 'eutectic' && kind === 'solidus' ? ((side === 'left' ? a.xSolidLow : a.xSolidHigh) ?? a.x) : a.x, y: a.tOverT1m, tip: '' });
      out.push({
        name: model, color: colorOf(model), mark: symbols ? 'both' : 'line', width: symbols ? 0.8 : 2,
        dash: kind === 'liquidus' && !symbols ? '6,3' : undefined, symbol: kind === 'liquidus' ? 'triangle' : 'circle', data,
        noLegend: kind === 'liquidus' || out.some((o) => !o.noLegend),
      });
    }
  }
  for (const a of d.invariants) {
    out.push({
      name: `${model} ${a.kind}`, color: colorOf(model), mark: 'points', symbol: 'star', noLegend: true,
      data: [{ x: a.x, y: a.tOverT1m, tip: `${model} ${a.kind}\nGamma = ${a.gamma.toFixed(4)}, T/T_1m = ${f6(a.tOverT1m)}\nx = ${f6(a.x)} (+- ${a.xError.toExponential(1)})` }],
    });
  }
  return out;
}

function render(r: RunResult, j: Job): void {
  $('results').hidden = false;
  const { z1, z2 } = r.input;
  const series = Object.entries(r.diagrams).flatMap(([m, d]) => diagramSeries(m, d));
  // Line styles: dashed lines / triangles are liquidus, solid lines / circles solidus; stars invariant points.
  const key = (name: string, mark: Series['mark'], dash?: string, symbol?: Series['symbol']): Series => ({ name, color: '#666', mark, dash, symbol, data: [], width: 1.5 });
  series.push(key('liquidus', 'both', '6,3', 'triangle'), key('solidus', 'both', undefined, 'circle'), key('azeotrope', 'points', undefined, 'star'));
  const first = Object.values(r.diagrams)[0];
  const pick = (y: number): void => {
    // Nearest scan Gamma to the clicked T/T_1m.
    const g = first.gammas.reduce((best, gg) => (Math.abs(first.gamma1m / gg - y) < Math.abs(first.gamma1m / best - y) ? gg : best), first.gammas[0]);
    drawDiagram(g);
    drawFreeEnergy(r, j, g);
  };
  const drawDiagram = (g?: number): void => {
    const c = chart($('diagram'), {
      title: `${pairName(z1, z2)} phase diagram (liquid mixing ${r.liquidMixing})`, xLabel: `x (Z2 = ${z2} number fraction)`, yLabel: 'T / T_1m',
      xDomain: [0, 1], series, onClick: (_x, y) => pick(y), marker: g === undefined ? undefined : first.gamma1m / g,
    });
    last!.svg = c.svg;
  };
  drawDiagram();
  // Default Gamma for the free energies: the middle row of the first diagram.
  const rows = first.rows;
  const g0 = rows.length > 0 ? rows[Math.floor(rows.length / 2)].gamma : first.gammas[0];
  drawDiagram(g0);
  drawFreeEnergy(r, j, g0);
  $('tables').innerHTML = Object.entries(r.diagrams).map(([m, d]) => tableHtml(m, d)).join('');
}

function solidCurve(model: string, r: RunResult, j: Job, g: number): FreeEnergyCurve | undefined {
  const { z1, z2 } = r.input;
  if (model === 'sro') {
    const pts = j.sroPoints.get(g);
    return pts && pts.length > 3 ? sroCurveFromPoints(pts, g) : undefined;
  }
  return fixedSolidCurve(model as FixedSolidModel, z1, z2, g, sums);
}

function drawFreeEnergy(r: RunResult, j: Job, g: number): void {
  const { z1, z2 } = r.input;
  const liq = liquidCurve(z1, z2, g, { idealMixing: r.liquidMixing });
  const xs = Array.from({ length: 199 }, (_, k) => (k + 1) / 200);
  const tipF = (name: string, x: number, f: number): string => `${name}\nx = ${x.toFixed(4)}, F = ${f.toExponential(6)} U_1`;
  const series: Series[] = [{ name: 'liquid', color: '#000', mark: 'line', data: xs.map((x) => ({ x, y: liq.f(x), tip: tipF('liquid', x, liq.f(x)) })) }];
  for (const model of Object.keys(r.diagrams)) {
    const s = solidCurve(model, r, j, g);
    if (!s) continue;
    series.push({ name: `${model} solid`, color: colorOf(model), mark: 'line', data: xs.map((x) => ({ x, y: s.f(x), tip: tipF(`${model} solid`, x, s.f(x)) })) });
    if (model === 'sro') {
      const pts = j.sroPoints.get(g) ?? [];
      series.push({ name: 'sro minima', color: COLORS.sro, mark: 'points', noLegend: true, data: pts.filter((p) => p.x > 0.004 && p.x < 0.996).map((p) => ({ x: p.x, y: p.F, tip: tipF('sro minimum', p.x, p.F) })) });
    }
    // A model with a liquid of its own (mc2010) gets that liquid drawn and used for its tangents.
    let ownLiq = liq;
    if (model !== 'sro') {
      const l = liquidCurveFor(model as FixedSolidModel, z1, z2, g, { idealMixing: r.liquidMixing });
      if (Math.abs(l.f(0.37) - liq.f(0.37)) > 1e-15) {
        ownLiq = l;
        series.push({ name: `${model} liquid`, color: colorOf(model), mark: 'line', dash: '2,3', data: xs.map((x) => ({ x, y: l.f(x), tip: tipF(`${model} liquid`, x, l.f(x)) })) });
      }
    }
    for (const w of r.diagrams[model].rows.filter((row) => row.gamma === g)) {
      const a = { x: w.xLiquid, y: ownLiq.f(w.xLiquid) };
      const b = { x: w.xSolid, y: s.f(w.xSolid) };
      const slope = (b.y - a.y) / (b.x - a.x);
      const lo = Math.max(0.001, Math.min(a.x, b.x) - 0.08);
      const hi = Math.min(0.999, Math.max(a.x, b.x) + 0.08);
      const tip = `${model} double tangent at Gamma = ${g}\nx_liquid = ${f6(w.xLiquid)}, x_solid = ${f6(w.xSolid)}`;
      series.push({ name: 'double tangent', color: '#777', mark: 'line', dash: '5,4', width: 1.2, noLegend: true, data: [{ x: lo, y: a.y + slope * (lo - a.x) }, { ...a, tip }, { ...b, tip }, { x: hi, y: a.y + slope * (hi - a.x) }].sort((p, q) => p.x - q.x) });
    }
  }
  // y range: the solids (the liquid rises far above them where it is not stable).
  const ys = series.slice(1).flatMap((s) => s.data.map((p) => p.y));
  const lo = Math.min(...ys);
  const hi = Math.max(...ys);
  chart($('freeEnergy'), {
    title: `Free energies at Gamma = ${g} (T/T_1m = ${(meltingGamma() / g).toFixed(5)}), linear mixing subtracted`,
    xLabel: `x (Z2 = ${z2} number fraction)`, yLabel: 'F / U_1 per ion', xDomain: [0, 1], series,
    yDomain: ys.length > 0 && hi > lo ? [lo - 0.05 * (hi - lo), hi + 0.05 * (hi - lo)] : undefined,
  });
}

function tableHtml(model: string, d: PhaseDiagramResult): string {
  const rows = d.rows.map((w) => `<tr><td>${w.gamma}</td><td>${f6(w.tOverT1m)}</td><td>${f6(w.xLiquid)}</td><td>${f6(w.xSolid)}</td><td>${w.side}</td></tr>`).join('');
  const inv = d.invariants.length === 0
    ? '<tr><td colspan="5">no azeotrope or eutectic in the scan</td></tr>'
    : d.invariants.map((a) => `<tr><th colspan="2">${a.kind} Gamma = ${a.gamma.toFixed(4)}</th><td colspan="3">x = ${f6(a.x)} +- ${a.xError.toExponential(1)}, T/T_1m = ${f6(a.tOverT1m)}</td></tr>`).join('');
  return `<table><caption>${model}: ${d.rows.length} windows</caption><thead><tr><th>Gamma</th><th>T/T_1m</th><th>x_liquid</th><th>x_solid</th><th>side</th></tr></thead><tbody>${rows}${inv}</tbody></table>`;
}

// ---- start-up ----------------------------------------------------------------------------

buildForm();
const initial = fromQuery(location.search, cores);
writeForm(initial.params);
$('form').addEventListener('submit', (e) => {
  e.preventDefault();
  if (!job) start(readForm());
});
$('cancel').addEventListener('click', () => job?.cancel());
for (const b of document.querySelectorAll<HTMLButtonElement>('[data-dl]')) {
  b.addEventListener('click', () => {
    if (last) download(b.dataset.dl as 'csv', last.result, last.svg, `coulomix-${last.result.input.z1}-${last.result.input.z2}`);
  });
}
$<HTMLAnchorElement>('link').href = toQuery(initial.params, cores, true);
initKernels()
  .then(() => getLatticeSums(8))
  .then((s) => {
    sums = s;
    setState('idle', `ready (default: the C/O ${DEFAULTS.models.join(', ')} diagram)`);
    if (initial.run) start(initial.params);
  })
  .catch((err: unknown) => setState('error', `error: ${err instanceof Error ? err.message : String(err)}`));
