// A probability over the years: the Monte Carlo estimate as a line and its 90% Wilson interval
// as a band, on a scale from 0 to the largest upper bound (at least 10%), so a small chance is
// not drawn as a large one.
import type { FinanceRow } from '../lib/api-types.ts';
import { valueText } from '../lib/finance-view.ts';
import type { ChartBuilder } from './plot.ts';

export function probabilityChart(rows: FinanceRow[]): ChartBuilder {
  const text = (v: number) => valueText(v, 'probability');
  const top = Math.max(0.1, ...rows.map((r) => r.p95));
  const tip = (d: FinanceRow) => `${d.year}: ${text(d.p50)}\n90% interval: ${text(d.p05)} to ${text(d.p95)}`;
  return (Plot, width) =>
    Plot.plot({
      width,
      height: 220,
      marginLeft: 56,
      x: { label: 'Year', tickFormat: (y: number) => String(y), ticks: Math.min(rows.length, 10) },
      y: { label: 'probability', grid: true, domain: [0, Math.min(1, top * 1.1)], tickFormat: text },
      marks: [
        Plot.areaY(rows, { x: 'year', y1: 'p05', y2: 'p95', fill: '#fcbba1' }),
        Plot.lineY(rows, { x: 'year', y: 'p50', stroke: '#a50f15', strokeWidth: 2 }),
        Plot.dot(rows, { x: 'year', y: 'p50', fill: '#a50f15', r: 2.5 }),
        Plot.tip(rows, Plot.pointerX({ x: 'year', y: 'p50', title: tip })),
      ],
    });
}
