// Charts of one area (or a few side by side): specialisations and headline indicators with
// their published 95% confidence intervals.
import { interval, lq, millions, withUnit } from '../lib/format.ts';
import type { IndicatorPoint, Specialisation } from '../lib/api-types.ts';
import type { ChartBuilder } from './plot.ts';
import { labelWidth, type LayerStyle } from './layers.ts';

/** The industry's label: its published name when given, else its code. */
export const industryLabel = (r: Specialisation) => (r.name ? `${r.name} (${r.industry})` : r.industry);

/** Location quotients on a log scale from 1, each bar labelled with the £m it rests on. */
export function specialisationBars(
  rows: Specialisation[],
  s: LayerStyle,
  domain?: [number, number],
  legend = true,
): ChartBuilder {
  const data = rows.map((r) => ({ ...r, label: industryLabel(r), layer: r.layers[0] ?? 'other' }));
  const [lo, hi] = domain ?? lqDomain(rows);
  return (Plot, width) =>
    Plot.plot({
      width,
      height: 28 * rows.length + 60,
      marginLeft: Math.min(
        360,
        width * 0.45,
        16 + 6 * Math.max(...data.map((d) => Math.min(52, d.label.length))),
      ),
      marginRight: 10,
      x: {
        type: 'log',
        domain: [lo, hi],
        tickFormat: '~g',
        label: 'Location quotient (log scale; 1 = same share as all areas)',
        grid: true,
      },
      y: {
        label: null,
        domain: data.map((d) => d.label),
        tickFormat: (t: string) => (t.length > 52 ? t.slice(0, 50) + '…' : t),
      },
      color: { domain: s.order, range: s.colours, legend, tickFormat: s.name, label: 'Layer' },
      marks: [
        Plot.barX(data, {
          y: 'label',
          x1: 1,
          x2: 'lq',
          fill: 'layer',
          tip: true,
          title: (d: (typeof data)[number]) => `${d.label}\nLQ ${lq(d.lq)} · ${millions(d.value)}`,
        }),
        Plot.ruleX([1], { stroke: '#000' }),
        Plot.text(data, {
          y: 'label',
          x: 'lq',
          text: (d: (typeof data)[number]) => `${lq(d.lq)} · ${millions(d.value)}`,
          textAnchor: 'start',
          dx: 4,
          fill: '#000',
        }),
      ],
    });
}

/** The LQ axis for some rows: from just below 1 (or the lowest LQ) to room for the labels. */
export function lqDomain(rows: Specialisation[]): [number, number] {
  return [Math.min(1, ...rows.map((r) => r.lq)) * 0.95, Math.max(2, ...rows.map((r) => r.lq)) * 1.6];
}

export interface IndicatorRow extends IndicatorPoint {
  /** Who the point is: the area itself, a comparator (region, UK) or an area inside (LADs of an ITL area). */
  role: 'area' | 'comparator' | 'within';
}

/** One indicator: each place's value as a dot with its 95% interval as a bar where published. */
export function indicatorIntervals(points: IndicatorRow[], unit: string): ChartBuilder {
  const shown = points.filter((p) => p.value !== null);
  const names = shown.map((p) => p.areanm);
  const xs = shown.flatMap((p) => [p.value!, p.lci95 ?? p.value!, p.uci95 ?? p.value!]);
  const [lo, hi] = [Math.min(...xs), Math.max(...xs)];
  // Room either side so a lone value (or values all alike) still gets a readable axis.
  const pad = (hi - lo || Math.abs(hi) || 1) * 0.15;
  return (Plot, width) =>
    Plot.plot({
      width,
      height: 30 * shown.length + 46,
      marginLeft: labelWidth(names, width * 0.5),
      marginRight: 30,
      x: { label: unit, domain: [lo - pad, hi + pad], nice: true, grid: true, tickFormat: '~s' },
      y: { label: null, domain: names },
      marks: [
        Plot.ruleY(
          shown.filter((p) => p.lci95 !== null && p.uci95 !== null),
          { y: 'areanm', x1: 'lci95', x2: 'uci95', stroke: '#555', strokeWidth: 2 },
        ),
        Plot.tickX(
          shown.filter((p) => p.lci95 !== null),
          { y: 'areanm', x: 'lci95', stroke: '#555' },
        ),
        Plot.tickX(
          shown.filter((p) => p.uci95 !== null),
          { y: 'areanm', x: 'uci95', stroke: '#555' },
        ),
        Plot.dot(shown, {
          y: 'areanm',
          x: 'value',
          r: 5,
          fill: (p: IndicatorRow) => (p.role === 'area' ? '#000' : p.role === 'within' ? '#0072B2' : '#fff'),
          stroke: '#000',
          symbol: (p: IndicatorRow) => (p.role === 'comparator' ? 'diamond' : 'circle'),
          tip: true,
          title: (p: IndicatorRow) =>
            `${p.areanm}: ${withUnit(p.value, unit)}${p.lci95 !== null && p.uci95 !== null ? ` (${interval(p.lci95, p.uci95, unit, p.value)})` : ''}`,
        }),
      ],
    });
}
