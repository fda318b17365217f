// Charts as inline SVG, drawn by Observable Plot into a linkedom document (no browser, no
// network): each has a title, a description for screen readers, and a table beside it.
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';

const { document } = parseHTML('<!doctype html><html><body></body></html>');

function svg(options: Plot.PlotOptions, alt: string): string {
  const el = Plot.plot({
    ...options,
    document: document as unknown as Plot.PlotOptions['document'],
    ariaDescription: alt,
  });
  el.setAttribute('role', 'img');
  el.setAttribute('aria-label', alt);
  return el.outerHTML;
}

/** Layer shares in two years, side by side: bars by layer. */
export function layerShareChart(
  rows: readonly { layer: string; year: number; share: number }[],
  alt: string,
): string {
  return svg(
    {
      width: 640,
      height: 40 + 28 * new Set(rows.map((r) => r.layer)).size * 2,
      marginLeft: 190,
      x: { label: 'share of GVA (%)', percent: true, grid: true },
      y: { axis: null, type: 'band' },
      fy: { label: null, axis: 'left' },
      color: { legend: true, type: 'ordinal', scheme: 'tableau10' },
      marks: [
        Plot.barX(rows, {
          x: 'share',
          y: (d: { year: number }) => String(d.year),
          fy: 'layer',
          fill: (d: { year: number }) => String(d.year),
        }),
        Plot.ruleX([0]),
      ],
    },
    alt,
  );
}

/** Values with their 95% intervals for the area, its region and the UK. */
export function intervalChart(
  rows: readonly { name: string; value: number; lo: number | null; hi: number | null }[],
  unit: string,
  alt: string,
): string {
  const withRange = rows.filter((r) => r.lo !== null && r.hi !== null);
  return svg(
    {
      width: 640,
      height: 40 + 30 * rows.length,
      marginLeft: 190,
      x: { label: unit, grid: true },
      y: { label: null, domain: rows.map((r) => r.name) },
      marks: [
        Plot.ruleY(withRange, { y: 'name', x1: 'lo', x2: 'hi', strokeWidth: 3, stroke: '#999' }),
        Plot.dot(rows, { y: 'name', x: 'value', r: 5, fill: 'currentColor' }),
      ],
    },
    alt,
  );
}
