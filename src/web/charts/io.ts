// Charts of the input–output results: the layer interaction matrix as a heatmap, and bars for
// any labelled numeric field (multipliers, output lost, effects of a shock).
import type { ChartBuilder } from './plot.ts';

/** Λ as a heatmap: row k = supplying layer, column j = demand layer, each cell labelled. */
export function layerHeatmap(
  layers: string[],
  matrix: number[][],
  name: (id: string) => string,
): ChartBuilder {
  const cells = matrix.flatMap((row, k) => row.map((v, j) => ({ from: layers[k]!, to: layers[j]!, v })));
  const max = Math.max(...cells.map((c) => Math.abs(c.v)));
  return (Plot, width) =>
    Plot.plot({
      width: Math.min(width, 760),
      height: 60 * layers.length + 90,
      marginLeft: 190,
      marginBottom: 90,
      padding: 0.04,
      x: { label: 'Demand in layer (column) →', domain: layers, tickFormat: name, tickRotate: -25 },
      y: { label: '↑ Supplying layer (row)', domain: layers, tickFormat: name },
      color: { type: 'linear', scheme: 'YlGnBu', domain: [0, max], legend: true, label: 'Λ' },
      marks: [
        Plot.cell(cells, {
          x: 'to',
          y: 'from',
          fill: 'v',
          tip: true,
          title: (c: (typeof cells)[number]) => `${name(c.from)} → ${name(c.to)}: ${c.v.toFixed(3)}`,
        }),
        Plot.text(cells, {
          x: 'to',
          y: 'from',
          text: (c: (typeof cells)[number]) => c.v.toFixed(3),
          fill: (c: (typeof cells)[number]) => (c.v > max * 0.55 ? '#fff' : '#000'),
        }),
      ],
    });
}

/** Horizontal bars of one numeric field, labelled by a text field, largest first. */
export function labelledBars(
  records: Record<string, unknown>[],
  label: string,
  value: string,
  axis: string,
  name: (label: string) => string = (l) => l,
  top = 20,
): ChartBuilder {
  const data = [...records]
    .filter((r) => typeof r[value] === 'number')
    .sort((a, b) => (b[value] as number) - (a[value] as number))
    .slice(0, top)
    .map((r) => ({ label: name(String(r[label] ?? '')), value: r[value] as number }));
  return (Plot, width) =>
    Plot.plot({
      width,
      height: 24 * data.length + 50,
      marginLeft: Math.min(320, width * 0.42),
      marginRight: 50,
      x: { label: axis, grid: true },
      y: {
        label: null,
        domain: data.map((d) => d.label),
        tickFormat: (t: string) => (t.length > 46 ? t.slice(0, 44) + '…' : t),
      },
      marks: [
        Plot.barX(data, { y: 'label', x: 'value', fill: '#0072B2', tip: true }),
        Plot.ruleX([0]),
        Plot.text(data, {
          y: 'label',
          x: 'value',
          text: (d: (typeof data)[number]) => d.value.toFixed(3),
          textAnchor: 'start',
          dx: 3,
        }),
      ],
    });
}
