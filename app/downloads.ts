// Downloads of a finished run: CSV (every window and invariant point), JSON (the published
// result), SVG and PNG of the phase diagram.
import type { RunResult } from './compute';

/** One CSV for every model: windows, then azeotropes / eutectics. */
export function resultCsv(r: RunResult): string {
  const lines = ['model,kind,gamma,T_over_T1m,x_liquid,x_solid,side,x_error'];
  for (const [model, d] of Object.entries(r.diagrams)) {
    for (const w of d.rows) lines.push(`${model},window,${w.gamma},${w.tOverT1m},${w.xLiquid},${w.xSolid},${w.side},`);
    for (const a of d.invariants) lines.push(`${model},${a.kind},${a.gamma},${a.tOverT1m},${a.x},${a.kind === 'azeotrope' ? a.x : ''},,${a.xError}`);
  }
  return `${lines.join('\n')}\n`;
}

function save(name: string, blob: Blob): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

export function svgText(svg: SVGSVGElement): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(svg)}`;
}

/** The SVG drawn at `scale` times its size as a PNG blob. */
export function svgToPng(svg: SVGSVGElement, scale = 2): Promise<Blob> {
  const w = Number(svg.getAttribute('width'));
  const h = Number(svg.getAttribute('height'));
  const img = new Image();
  const url = URL.createObjectURL(new Blob([svgText(svg)], { type: 'image/svg+xml' }));
  return new Promise((resolve, reject) => {
    img.onload = () => {
      const canvas = document.createElement('canvas');
      canvas.width = w * scale;
      canvas.height = h * scale;
      const ctx = canvas.getContext('2d')!;
      ctx.scale(scale, scale);
      ctx.drawImage(img, 0, 0);
      URL.revokeObjectURL(url);
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png');
    };
    img.onerror = () => reject(new Error('could not render the SVG'));
    img.src = url;
  });
}

export function download(kind: 'csv' | 'json' | 'svg' | 'png', r: RunResult, svg: SVGSVGElement | undefined, base: string): void {
  if (kind === 'csv') save(`${base}.csv`, new Blob([resultCsv(r)], { type: 'text/csv' }));
  else if (kind === 'json') save(`${base}.json`, new Blob([JSON.stringify(r, null, 1)], { type: 'application/json' }));
  else if (svg && kind === 'svg') save(`${base}.svg`, new Blob([svgText(svg)], { type: 'image/svg+xml' }));
  else if (svg) void svgToPng(svg).then((b) => save(`${base}.png`, b));
}
