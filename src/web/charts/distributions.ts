// Distributions and tallies: employers' pay gaps as quantile boxes (10–90% whiskers, 25–75% box,
// median, mean), industries' gaps as a strip per layer, and a mission's tally stacked by track.
import type { GapDistribution } from '../lib/api-types.ts';
import type { Category } from '../lib/categories.ts';
import { labelWidth } from './layers.ts';
import type { ChartBuilder } from './plot.ts';

const gap = (v: number) => `${v.toFixed(1)}%`;

/** Quantile boxes per group; `fy` facets by layer when the rows also split by size band. */
export function quantileBoxes(
  rows: GapDistribution[],
  name: (layer: string) => string,
  bySize: boolean,
): ChartBuilder {
  const data = rows.map((r) => ({ ...r, row: bySize ? r.size : name(r.layer), facet: name(r.layer) }));
  const rowsOf = [...new Set(data.map((d) => d.row))];
  const lo = Math.min(0, ...data.map((d) => d.p10));
  const hi = Math.max(0, ...data.map((d) => d.p90));
  const tip = (d: (typeof data)[number]) =>
    `${d.facet}${bySize ? `, ${d.size}` : ''}: median ${gap(d.median)} (25–75%: ${gap(d.p25)} to ${gap(d.p75)}; 10–90%: ${gap(d.p10)} to ${gap(d.p90)}), ${d.employers} employers`;
  const y = { y: 'row', ...(bySize ? { fy: 'facet' } : {}) };
  return (Plot, width) =>
    Plot.plot({
      width,
      height:
        (bySize ? 17 : 30) * data.length + (bySize ? 14 * new Set(data.map((d) => d.facet)).size : 0) + 60,
      marginLeft: labelWidth(rowsOf, width * 0.35),
      marginRight: bySize ? labelWidth([...new Set(data.map((d) => d.facet))], 200) : 20,
      x: {
        label: 'Employer’s gap in hourly pay, % (positive: men paid more)',
        domain: [lo - 2, hi + 2],
        grid: true,
      },
      y: { label: null, domain: rowsOf },
      fy: bySize ? { label: null, domain: [...new Set(data.map((d) => d.facet))] } : undefined,
      marks: [
        Plot.ruleX([0], { stroke: '#000' }),
        Plot.ruleY(data, { ...y, x1: 'p10', x2: 'p90', stroke: '#555' }),
        Plot.barX(data, {
          ...y,
          x1: 'p25',
          x2: 'p75',
          fill: '#56B4E9',
          stroke: '#0b4f8a',
          insetTop: bySize ? 2 : 5,
          insetBottom: bySize ? 2 : 5,
        }),
        Plot.tickX(data, {
          ...y,
          x: 'median',
          stroke: '#000',
          strokeWidth: 2.5,
          insetTop: bySize ? 1 : 3,
          insetBottom: bySize ? 1 : 3,
        }),
        Plot.dot(data, {
          ...y,
          x: 'mean',
          symbol: 'diamond',
          r: 3.5,
          fill: '#E69F00',
          stroke: '#000',
          strokeWidth: 0.5,
        }),
        Plot.tip(data, Plot.pointer({ ...y, x: 'median', title: tip })),
      ],
    });
}

export interface IndustryGap {
  layer: string;
  industry: string;
  name: string;
  value: number | null;
}

/** Each industry's gap as a dot in its layer's row; suppressed industries counted in the row label. */
export function industryStrip(
  rows: IndustryGap[],
  order: string[],
  name: (layer: string) => string,
): ChartBuilder {
  const shown = rows.filter((r) => r.value !== null);
  const label = (layer: string) => {
    const x = rows.filter((r) => r.layer === layer && r.value === null).length;
    return `${name(layer)}${x ? ` (${x} suppressed)` : ''}`;
  };
  const layers = order.filter((l) => rows.some((r) => r.layer === l));
  return (Plot, width) =>
    Plot.plot({
      width,
      height: 44 * layers.length + 60,
      marginLeft: labelWidth(layers.map(label), width * 0.4),
      x: { label: 'Median gap in hourly pay, UK, % (positive: men paid more)', grid: true, inset: 12 },
      y: { label: null, domain: layers, tickFormat: label },
      marks: [
        Plot.ruleX([0], { stroke: '#000' }),
        Plot.dot(shown, {
          y: 'layer',
          x: 'value',
          r: 4.5,
          fill: '#0072B2',
          fillOpacity: 0.55,
          stroke: '#000',
          strokeWidth: 0.5,
        }),
        Plot.tip(
          shown,
          Plot.pointer({
            y: 'layer',
            x: 'value',
            title: (r: IndustryGap) => `${r.name} (${r.industry}): ${gap(r.value!)}`,
          }),
        ),
      ],
    });
}

/** Shares of population by track, one bar per row (the mission, then each indicator). */
export function trackBars(
  rows: { row: string; track: string; share: number }[],
  tracks: Category[],
): ChartBuilder {
  const fill = (t: Category) => (t.fill.startsWith('url') ? '#ececec' : t.fill);
  const used = tracks.filter((t) => rows.some((r) => r.track === t.id && r.share > 0));
  const order = [...new Set(rows.map((r) => r.row))];
  return (Plot, width) =>
    Plot.plot({
      width,
      height: 40 * order.length + 70,
      marginLeft: labelWidth(order, width * 0.4),
      x: { label: 'Share of population (%)', domain: [0, 100], grid: true },
      y: { label: null, domain: order },
      color: {
        domain: used.map((t) => t.id),
        range: used.map(fill),
        legend: true,
        tickFormat: (id: string) => tracks.find((t) => t.id === id)?.label ?? id,
      },
      marks: [
        Plot.barX(
          rows,
          Plot.stackX({
            y: 'row',
            x: 'share',
            fill: 'track',
            stroke: '#333',
            strokeWidth: 0.5,
            order: used.map((t) => t.id),
            title: (r: (typeof rows)[number]) => `${r.row}: ${r.share.toFixed(1)}% ${r.track}`,
            tip: true,
          }),
        ),
        Plot.text(
          rows,
          Plot.stackX({
            y: 'row',
            x: 'share',
            order: used.map((t) => t.id),
            text: (r: (typeof rows)[number]) => (r.share >= 6 ? `${Math.round(r.share)}%` : ''),
            fill: (r: (typeof rows)[number]) => (r.track === 'on' || r.track === 'off' ? '#fff' : '#000'),
          }),
        ),
      ],
    });
}
