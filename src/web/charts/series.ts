// An indicator over time for one area: its value as a line with the 95% interval as a band
// where one exists, and the nation's value dashed beside it.
import { withUnit } from '../lib/format.ts';
import type { IndicatorAreaSeries } from '../lib/api-types.ts';
import type { ChartBuilder } from './plot.ts';

type Row = IndicatorAreaSeries['rows'][number];

export function areaSeries(s: IndicatorAreaSeries): ChartBuilder {
  const unit = s.indicator.unit;
  const rows = s.rows.filter((r) => r.value !== null);
  const banded = rows.filter((r) => r.lci95 !== null && r.uci95 !== null);
  const national = rows.filter((r) => r.national !== null);
  const text = (v: number | null) => withUnit(v, unit);
  const tip = (r: Row) =>
    `${r.period}: ${text(r.value)}` +
    (r.lci95 !== null ? `\n95% CI ${text(r.lci95)} to ${text(r.uci95)}` : '') +
    (r.national !== null ? `\nNation: ${text(r.national)}` : '');
  return (Plot, width) =>
    Plot.plot({
      width,
      height: 280,
      marginLeft: 64,
      x: { label: 'Year', tickFormat: (y: number) => String(y), ticks: Math.min(rows.length, 10) },
      y: { label: unit, grid: true, nice: true, tickFormat: (v: number) => text(v) },
      marks: [
        banded.length ? Plot.areaY(banded, { x: 'year', y1: 'lci95', y2: 'uci95', fill: '#c6dbef' }) : null,
        national.length
          ? Plot.lineY(national, { x: 'year', y: 'national', stroke: '#555', strokeDasharray: '5 4' })
          : null,
        Plot.lineY(rows, { x: 'year', y: 'value', stroke: '#08306b', strokeWidth: 2 }),
        Plot.dot(rows, { x: 'year', y: 'value', fill: '#08306b', r: 2.5 }),
        Plot.tip(rows, Plot.pointerX({ x: 'year', y: 'value', title: tip })),
      ],
    });
}
