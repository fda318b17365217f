// Charts of the layered economy: shares stacked over time, real growth by layer, and an area's
// place among all areas. Each takes plain rows and returns a ChartBuilder; the same builders
// serve the profile and the comparison (same scales across areas by construction).
import { inkOn } from '../lib/colour.ts';
import type { LayerStyle } from '../lib/taxonomy.svelte.ts';
import type { GrowthLayer, LayerRow } from '../lib/api-types.ts';
import type { ChartBuilder } from './plot.ts';

export type { LayerStyle } from '../lib/taxonomy.svelte.ts';

/** Pixels a label column needs at Plot's 10px sans-serif, capped. */
export function labelWidth(labels: string[], cap: number): number {
  return Math.min(cap, 14 + 6.2 * Math.max(0, ...labels.map((l) => l.length)));
}

/** The layer colour key on its own, for a set of charts that share it. */
export function layerLegend(s: LayerStyle): ChartBuilder {
  return (Plot) =>
    Plot.legend({
      color: { domain: s.order, range: s.colours, tickFormat: s.name, label: 'Layer' },
    }) as HTMLElement;
}

const colour = (s: LayerStyle, legend = true) => ({
  domain: s.order,
  range: s.colours,
  legend,
  tickFormat: s.name,
  label: 'Layer',
});

/** Layer shares stacked to 100% (or £ million stacked to the total) over the years; facets by area when there are several. */
export function sharesOverTime(
  rows: LayerRow[],
  s: LayerStyle,
  areas?: { code: string; name: string }[],
  measure: 'share' | 'value' = 'share',
): ChartBuilder {
  const share = measure === 'share';
  return (Plot, width) =>
    Plot.plot({
      width,
      height: areas && areas.length > 1 ? 150 * areas.length + 60 : 320,
      marginLeft: areas && areas.length > 1 ? 50 : 40,
      marginRight:
        areas && areas.length > 1
          ? labelWidth(
              areas.map((a) => a.name),
              240,
            )
          : 20,
      x: { label: null, tickFormat: 'd' },
      y: share
        ? { label: 'Share of GVA (%)', percent: true, domain: [0, 100], grid: true }
        : { label: 'GVA, £ million (current prices)', grid: true },
      color: colour(s),
      fy:
        areas && areas.length > 1
          ? {
              domain: areas.map((a) => a.code),
              tickFormat: (c: string) => areas.find((a) => a.code === c)?.name ?? c,
              label: null,
            }
          : undefined,
      marks: [
        Plot.areaY(rows, {
          x: 'year',
          y: measure,
          fill: 'layer',
          fy: areas && areas.length > 1 ? 'areacd' : undefined,
          order: s.order,
          tip: {
            format: {
              fill: s.name,
              y: (v: number) => (share ? `${(v * 100).toFixed(1)}%` : `£${v.toFixed(1)}m`),
              x: 'd',
            },
          },
        }),
        Plot.ruleY([0]),
      ],
    });
}

/** Chain-linked volume indices by layer (first year = 100); one panel per area when comparing. */
export function growthLines(
  series: { areacd: string; areanm: string; years: number[]; layers: GrowthLayer[] }[],
  s: LayerStyle,
): ChartBuilder {
  const long = series.flatMap((a) =>
    a.layers.flatMap((l) =>
      a.years.map((year, k) => ({ area: a.areanm, layer: l.layer, year, index: l.index[k]! })),
    ),
  );
  const base = series[0]?.years[0] ?? 1998;
  const several = series.length > 1;
  return (Plot, width) =>
    Plot.plot({
      width,
      height: several ? 240 : 320,
      x: { label: null, tickFormat: 'd' },
      y: { label: `Volume index (${base} = 100)`, grid: true, nice: true },
      fx: several ? { label: null, domain: series.map((a) => a.areanm) } : undefined,
      color: colour(s),
      marks: [
        Plot.ruleY([100], { stroke: '#555' }),
        // "Other" is a few £m at most: drawn thin and dashed so its swings do not dominate.
        ...[false, true].map((other) =>
          Plot.lineY(
            long.filter((d) => (d.layer === 'other') === other),
            {
              x: 'year',
              y: 'index',
              stroke: 'layer',
              fx: several ? 'area' : undefined,
              strokeWidth: other ? 1 : 2,
              strokeDasharray: other ? '3 3' : undefined,
              tip: { format: { stroke: s.name, x: 'd', y: (v: number) => v.toFixed(1) } },
            },
          ),
        ),
      ],
    });
}

/** Every area's share in each layer (grey ticks) with the chosen areas marked and labelled. */
export function distribution(
  all: LayerRow[],
  chosen: { code: string; name: string }[],
  s: LayerStyle,
): ChartBuilder {
  const mine = all.filter((r) => chosen.some((c) => c.code === r.areacd));
  return (Plot, width) =>
    Plot.plot({
      width,
      height: 70 * s.order.length + 40,
      marginLeft: 190,
      marginRight: 20,
      x: { label: 'Share of the area’s GVA (%)', percent: true, grid: true },
      fy: { domain: s.order, tickFormat: s.name, label: null },
      marks: [
        Plot.tickX(all, { x: 'share', fy: 'layer', stroke: '#9a9a9a', strokeOpacity: 0.6 }),
        Plot.dot(mine, {
          x: 'share',
          fy: 'layer',
          fill: (r: LayerRow) => s.colours[s.order.indexOf(r.layer)],
          stroke: '#000',
          r: 6,
          symbol: chosen.length > 1 ? 'areacd' : 'circle',
          tip: true,
          title: (r: LayerRow) => `${r.areanm}: ${(r.share * 100).toFixed(1)}%`,
        }),
        ...(chosen.length === 1
          ? [
              Plot.text(mine, {
                x: 'share',
                fy: 'layer',
                text: () => chosen[0]!.name,
                dy: -14,
                fontWeight: 'bold',
              }),
            ]
          : []),
      ],
      symbol:
        chosen.length > 1
          ? {
              legend: true,
              domain: chosen.map((c) => c.code),
              tickFormat: (c: string) => chosen.find((x) => x.code === c)?.name ?? c,
            }
          : undefined,
    });
}

/** One bar per area, split by layer share (0–100%, the same scale for every area). */
export function compositionBars(
  rows: LayerRow[],
  s: LayerStyle,
  areas: { code: string; name: string }[],
): ChartBuilder {
  const names = new Map(areas.map((a) => [a.code, a.name]));
  const data = rows.map((r) => ({ ...r, name: names.get(r.areacd) ?? r.areanm }));
  return (Plot, width) =>
    Plot.plot({
      width,
      height: 44 * areas.length + 70,
      marginLeft: Math.min(220, width * 0.35),
      x: { label: 'Share of GVA (%)', percent: true, domain: [0, 100], grid: true },
      y: { label: null, domain: areas.map((a) => a.name) },
      color: colour(s),
      marks: [
        Plot.barX(data, {
          y: 'name',
          x: 'share',
          fill: 'layer',
          order: s.order,
          tip: true,
          title: (r: LayerRow & { name: string }) =>
            `${r.name}\n${s.name(r.layer)}: ${(r.share * 100).toFixed(1)}%`,
        }),
        Plot.text(
          data,
          Plot.stackX({
            y: 'name',
            x: 'share',
            z: 'layer',
            order: s.order,
            // Labels only where the segment is wide enough to hold one.
            text: (r: LayerRow) => (r.share >= 0.06 ? `${(r.share * 100).toFixed(0)}%` : ''),
            fill: (r: LayerRow) => inkOn(s.colours[s.order.indexOf(r.layer)] ?? '#999999'),
          }),
        ),
      ],
    });
}
