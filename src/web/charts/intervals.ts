// Dot-and-interval charts: every area ranked with its 95% and 99.8% limits, one area against the
// nation indicator by indicator, rank intervals of a need ranking, and costs low–central–high.
import { category, VERDICTS } from '../lib/categories.ts';
import { interval, money, withUnit } from '../lib/format.ts';
import type { RelativeRow } from '../lib/comparison-view.ts';
import type { RankedRow } from '../lib/registry-view.ts';
import { labelWidth } from './layers.ts';
import type { ChartBuilder } from './plot.ts';

const verdictColour = (ids: string[], legend = true) => {
  const used = VERDICTS.filter((v) => ids.includes(v.id));
  return {
    domain: used.map((v) => v.id),
    range: used.map((v) => v.fill),
    legend,
    tickFormat: (id: string) => category(VERDICTS, id).label,
    label: 'Compared with the nation (95%)',
  };
};

/** Every area's value, lowest to highest, with its 99.8% (light) and 95% (dark) limits, coloured by verdict at 95%. */
export function rankedIntervals(
  rows: RankedRow[],
  unit: string,
  national: { areanm: string; value: number | null } | null,
): ChartBuilder {
  const data = rows
    .filter((r) => r.value !== null)
    .sort((a, b) => a.value! - b.value!)
    .map((r, i) => ({ ...r, pos: i + 1, verdict: r.vsNational['95'] }));
  const tip = (d: (typeof data)[number]) =>
    `${d.areanm}: ${withUnit(d.value, unit)}\n${interval(d.lci95, d.uci95, unit, d.value)}\nvs nation: ${d.verdict}`;
  return (Plot, width) =>
    Plot.plot({
      width,
      height: 360,
      marginLeft: 60,
      x: { label: `Areas ordered by value, lowest to highest (${data.length})`, ticks: [] },
      y: { label: unit, grid: true, nice: true },
      color: verdictColour(data.map((d) => d.verdict)),
      marks: [
        Plot.ruleX(
          data.filter((d) => d.lci998 !== null),
          { x: 'pos', y1: 'lci998', y2: 'uci998', stroke: '#c8c8c8', strokeWidth: 1 },
        ),
        Plot.ruleX(
          data.filter((d) => d.lci95 !== null),
          { x: 'pos', y1: 'lci95', y2: 'uci95', stroke: '#555', strokeWidth: 1 },
        ),
        national?.value != null
          ? Plot.ruleY([national.value], { stroke: '#000', strokeDasharray: '4 3' })
          : null,
        national?.value != null
          ? Plot.text([national.value], {
              y: (v: number) => v,
              frameAnchor: 'left',
              dx: 6,
              dy: -8,
              stroke: '#fff',
              strokeWidth: 3,
              paintOrder: 'stroke',
              text: () => `${national.areanm}: ${withUnit(national.value, unit)}`,
              fill: '#000',
            })
          : null,
        Plot.dot(data, {
          x: 'pos',
          y: 'value',
          r: 2.6,
          fill: 'verdict',
          stroke: '#222',
          strokeWidth: 0.5,
          title: tip,
          tip: true,
        }),
      ],
    });
}

/** Differences beyond this many per cent (or percentage points) are drawn at the edge (the table has them). */
export const RELATIVE_CAP = 150;

/** One row per indicator: the area's difference from the nation on one scale (`axis` names it), with its 95% interval, coloured by verdict. */
export function relativeToNation(all: RelativeRow[], axis: string): ChartBuilder {
  const cap = (v: number | null) => (v === null ? null : Math.max(-RELATIVE_CAP, Math.min(RELATIVE_CAP, v)));
  const rows = all.map((r) => ({
    ...r,
    diff: cap(r.diff)!,
    lo: cap(r.lo),
    hi: cap(r.hi),
    beyond: Math.abs(r.diff) > RELATIVE_CAP,
  }));
  const xs = rows.flatMap((r) => [r.diff, r.lo ?? r.diff, r.hi ?? r.diff]);
  const span = Math.max(10, ...xs.map(Math.abs));
  return (Plot, width) =>
    Plot.plot({
      width,
      height: 24 * rows.length + 70,
      marginLeft: labelWidth(
        rows.map((r) => r.label.slice(0, 60)),
        width * 0.45,
      ),
      x: { label: axis, domain: [-span * 1.05, span * 1.05], grid: true },
      y: {
        label: null,
        domain: rows.map((r) => r.label),
        tickFormat: (t: string) => (t.length > 60 ? t.slice(0, 58) + '…' : t),
      },
      color: verdictColour(rows.map((r) => r.verdict)),
      marks: [
        Plot.ruleX([0], { stroke: '#000' }),
        Plot.ruleY(
          rows.filter((r) => r.lo !== null),
          { y: 'label', x1: 'lo', x2: 'hi', stroke: '#555', strokeWidth: 2 },
        ),
        Plot.dot(rows, {
          y: 'label',
          x: 'diff',
          r: 5,
          fill: 'verdict',
          stroke: '#000',
          // beyond the axis: a triangle at the edge (the value is in the tooltip and the table)
          symbol: (r: (typeof rows)[number]) => (r.beyond ? 'triangle' : 'circle'),
          title: 'text',
          tip: true,
        }),
      ],
    });
}

/** Median rank with its 5–95% interval for the areas given (rank 1 = greatest need). */
export function rankIntervals(
  rows: { areanm: string; medianRank: number; rankP05: number; rankP95: number }[],
  of: number,
): ChartBuilder {
  return (Plot, width) =>
    Plot.plot({
      width,
      height: 20 * rows.length + 60,
      marginLeft: labelWidth(
        rows.map((r) => r.areanm),
        width * 0.4,
      ),
      x: {
        label: `Rank of ${of} (1 = greatest need), median and 5–95% interval`,
        domain: [0, Math.max(...rows.map((r) => r.rankP95)) + 2],
        grid: true,
      },
      y: { label: null, domain: rows.map((r) => r.areanm) },
      marks: [
        Plot.ruleY(rows, { y: 'areanm', x1: 'rankP05', x2: 'rankP95', stroke: '#0072B2', strokeWidth: 3 }),
        Plot.dot(rows, {
          y: 'areanm',
          x: 'medianRank',
          r: 4,
          fill: '#000',
          title: (r: (typeof rows)[number]) =>
            `${r.areanm}: median rank ${r.medianRank} (5–95%: ${r.rankP05}–${r.rankP95})`,
          tip: true,
        }),
      ],
    });
}

/** Cost to close each gap: central (dot) with low–high (bar), on a log scale of pounds. */
export function costIntervals(
  rows: { label: string; low: number; central: number; high: number }[],
): ChartBuilder {
  const shown = rows.filter((r) => r.high > 0);
  const lo = Math.min(...shown.map((r) => Math.max(1, r.low)));
  const hi = Math.max(...shown.map((r) => r.high));
  return (Plot, width) =>
    Plot.plot({
      width,
      height: 34 * shown.length + 60,
      marginLeft: labelWidth(
        shown.map((r) => r.label),
        width * 0.4,
      ),
      x: {
        type: 'log',
        label: 'Cost to close (log scale): low – central – high',
        grid: true,
        ticks: [1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11].filter((t) => t >= lo / 2 && t <= hi * 2),
        tickFormat: money,
      },
      y: { label: null, domain: shown.map((r) => r.label) },
      marks: [
        Plot.ruleY(shown, {
          y: 'label',
          x1: (r: (typeof shown)[number]) => Math.max(1, r.low),
          x2: 'high',
          stroke: '#555',
          strokeWidth: 3,
        }),
        Plot.dot(shown, {
          y: 'label',
          x: 'central',
          r: 5,
          fill: '#E69F00',
          stroke: '#000',
          title: (r: (typeof shown)[number]) =>
            `${r.label}: ${money(r.central)} (${money(r.low)} to ${money(r.high)})`,
          tip: true,
        }),
      ],
    });
}
