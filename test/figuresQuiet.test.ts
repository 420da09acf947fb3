import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderSvg } from '../src/figures/render.js';

afterEach(() => vi.restoreAllMocks());

describe('renderSvg', () => {
  it('draws layers with different colour domains without vega-lite notes on stderr', async () => {
    const warn = vi.spyOn(console, 'warn');
    const error = vi.spyOn(console, 'error');
    const layer = (names: string[]) => ({
      mark: 'line',
      encoding: {
        x: { field: 'x', type: 'quantitative' },
        y: { field: 'y', type: 'quantitative' },
        color: { field: 'm', type: 'nominal', scale: { domain: names } },
      },
    });
    const spec = { layer: [layer(['a', 'b', 'c']), layer(['a', 'b'])] };
    const rows = [
      { x: 0, y: 0, m: 'a' },
      { x: 1, y: 1, m: 'b' },
    ];
    const svg = await renderSvg(spec as never, rows);
    expect(svg).toContain('<svg');
    expect(warn).not.toHaveBeenCalled();
    expect(error).not.toHaveBeenCalled();
  });
});
