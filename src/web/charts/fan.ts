// A fan chart: the 5–95% and 25–75% bands of a measure over the years, its median as a line,
// and (when given) the baseline's median dashed, so a reform is never shown by its mean alone.
import type { FinanceRow } from '../lib/api-types.ts';
import { valueText } from '../lib/finance-view.ts';
import type { ChartBuilder } from './plot.ts';

export function fanChart(rows: FinanceRow[], baseline: FinanceRow[] = []): ChartBuilder {
  const unit = rows[0]?.unit ?? '';
  const text = (v: number) => valueText(v, unit);
  const tip = (d: FinanceRow) =>
    `${d.year}: median ${text(d.p50)}\n25–75%: ${text(d.p25!)} to ${text(d.p75!)}\n5–95%: ${text(d.p05)} to ${text(d.p95)}`;
  return (Plot, width) =>
    Plot.plot({
      width,
      height: 280,
      marginLeft: 72,
      x: { label: 'Year', tickFormat: (y: number) => String(y), ticks: Math.min(rows.length, 10) },
      y: { label: unit, grid: true, nice: true, tickFormat: text },
      marks: [
        Plot.areaY(rows, { x: 'year', y1: 'p05', y2: 'p95', fill: '#c6dbef' }),
        Plot.areaY(rows, { x: 'year', y1: 'p25', y2: 'p75', fill: '#6baed6' }),
        Plot.lineY(rows, { x: 'year', y: 'p50', stroke: '#08306b', strokeWidth: 2 }),
        baseline.length
          ? Plot.lineY(baseline, { x: 'year', y: 'p50', stroke: '#444', strokeDasharray: '5 4' })
          : null,
        Plot.dot(rows, { x: 'year', y: 'p50', fill: '#08306b', r: 2.5 }),
        Plot.tip(rows, Plot.pointerX({ x: 'year', y: 'p50', title: tip })),
      ],
    });
}
