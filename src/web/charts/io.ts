// Charts of the input–output answers: Λ as a heatmap, linkages as a quadrant plot, multipliers
// with their δ band, extraction losses and a shock split direct / indirect / induced.
import type { IoLayers, IoSplit } from '../lib/api-types.ts';
import { labelWidth } from './layers.ts';
import type { ChartBuilder } from './plot.ts';

/**
 * Λ as a heatmap: row k = supplying layer, column j = demand layer, each cell labelled. The
 * diagonal holds the £1 of demand itself, so it is left uncoloured and the colour scale is
 * spent on what layers draw from each other.
 */
export function layerHeatmap(
  layers: string[],
  matrix: number[][],
  name: (id: string) => string,
): ChartBuilder {
  const cells = matrix.flatMap((row, k) =>
    row.map((v, j) => ({ from: layers[k]!, to: layers[j]!, v, diag: k === j })),
  );
  const max = Math.max(1e-9, ...cells.filter((c) => !c.diag).map((c) => c.v));
  type Cell = (typeof cells)[number];
  return (Plot, width) =>
    Plot.plot({
      width: Math.min(width, 820),
      height: 62 * layers.length + 110,
      marginLeft: labelWidth(layers.map(name), 200),
      marginBottom: 100,
      padding: 0.04,
      x: { label: 'Final demand for layer (column) →', domain: layers, tickFormat: name, tickRotate: -25 },
      y: { label: '↑ Output drawn from layer (row)', domain: layers, tickFormat: name },
      color: {
        type: 'linear',
        scheme: 'YlGnBu',
        domain: [0, max],
        legend: true,
        label: 'Λ, off the diagonal (£ per £1)',
      },
      marks: [
        Plot.cell(
          cells.filter((c) => !c.diag),
          {
            x: 'to',
            y: 'from',
            fill: 'v',
            tip: true,
            title: (c: Cell) => `£1 for ${name(c.to)} draws £${c.v.toFixed(4)} from ${name(c.from)}`,
          },
        ),
        Plot.cell(
          cells.filter((c) => c.diag),
          {
            x: 'to',
            y: 'from',
            fill: '#f2f2f2',
            stroke: '#999',
            title: (c: Cell) => `${name(c.to)} on itself, including the £1: ${c.v.toFixed(4)}`,
          },
        ),
        ...[false, true].map((diag) =>
          Plot.text(
            cells.filter((c) => c.diag === diag),
            {
              x: 'to',
              y: 'from',
              text: (c: Cell) => c.v.toFixed(3),
              fill: (c: Cell) => (!c.diag && c.v > max * 0.55 ? '#fff' : '#000'),
              fontWeight: diag ? 'bold' : 'normal',
            },
          ),
        ),
      ],
    });
}

type Linkage = IoLayers['linkages'][number];

/** Rasmussen linkages: backward (what an industry buys) against forward (what it supplies); key sectors above 1 on both. */
export function linkageQuadrants(rows: Linkage[]): ChartBuilder {
  return (Plot, width) =>
    Plot.plot({
      width: Math.min(width, 820),
      height: 420,
      grid: true,
      x: { label: 'Backward linkage (1 = average) →', nice: true },
      y: { label: '↑ Forward linkage (1 = average)', nice: true },
      symbol: { legend: true, domain: ['key sector', 'other'] },
      marks: [
        Plot.ruleX([1], { stroke: '#333' }),
        Plot.ruleY([1], { stroke: '#333' }),
        Plot.dot(rows, {
          x: 'backward',
          y: 'forward',
          symbol: (r: Linkage) => (r.key ? 'key sector' : 'other'),
          stroke: (r: Linkage) => (r.key ? '#D55E00' : '#0072B2'),
          r: 4,
          tip: true,
          title: (r: Linkage) =>
            `${r.name} (${r.industry})\nbackward ${r.backward.toFixed(2)}, forward ${r.forward.toFixed(2)}`,
        }),
      ],
    });
}

/** One value per labelled row as horizontal bars, largest first, with an optional low–high band. */
export function bandBars(
  rows: { label: string; value: number; low?: number | null; high?: number | null }[],
  axis: string,
  top = 20,
): ChartBuilder {
  const data = [...rows].sort((a, b) => b.value - a.value).slice(0, top);
  const banded = data.filter((d) => d.low != null && d.high != null);
  type Row = (typeof data)[number];
  return (Plot, width) =>
    Plot.plot({
      width,
      height: 24 * data.length + 60,
      marginLeft: labelWidth(
        data.map((d) => d.label.slice(0, 48)),
        Math.min(340, width * 0.45),
      ),
      marginRight: 50,
      x: { label: axis, grid: true, nice: true },
      y: {
        label: null,
        domain: data.map((d) => d.label),
        tickFormat: (t: string) => (t.length > 48 ? t.slice(0, 46) + '…' : t),
      },
      marks: [
        Plot.barX(data, { y: 'label', x: 'value', fill: '#56B4E9', tip: true }),
        Plot.ruleY(banded, { y: 'label', x1: 'low', x2: 'high', stroke: '#000', strokeWidth: 1.5 }),
        Plot.tickX(banded, { y: 'label', x: 'low', stroke: '#000' }),
        Plot.tickX(banded, { y: 'label', x: 'high', stroke: '#000' }),
        Plot.ruleX([0]),
        Plot.text(data, {
          y: 'label',
          x: (d: Row) => d.high ?? d.value,
          text: (d: Row) => d.value.toFixed(2),
          textAnchor: 'start',
          dx: 4,
        }),
      ],
    });
}

/** Effects by layer stacked direct / indirect / induced. */
export function splitBars(rows: { label: string; split: IoSplit }[], axis: string): ChartBuilder {
  const parts = ['direct', 'indirect', 'induced'] as const;
  const long = rows.flatMap((r) => parts.map((part) => ({ label: r.label, part, value: r.split[part] })));
  return (Plot, width) =>
    Plot.plot({
      width,
      height: 30 * rows.length + 90,
      marginLeft: labelWidth(
        rows.map((r) => r.label),
        220,
      ),
      x: { label: axis, grid: true, nice: true },
      y: { label: null, domain: rows.map((r) => r.label) },
      color: { domain: [...parts], range: ['#0072B2', '#56B4E9', '#E69F00'], legend: true, label: 'Effect' },
      marks: [
        Plot.barX(long, { y: 'label', x: 'value', fill: 'part', order: [...parts], tip: true }),
        Plot.ruleX([0]),
      ],
    });
}
