// The Scenario lab's charts: goals with their 5–95 % bands, the frontier of candidates on two
// goals with the chosen portfolio marked, and A beside B goal by goal.
import type { CompareRow, FrontierReport, ScenarioRow } from '../lib/api-types.ts';
import { num } from '../lib/format.ts';
import { labelWidth } from './layers.ts';
import type { ChartBuilder } from './plot.ts';

const DOT = '#1d4e89';
const CHOSEN = '#c0392b';

/** Goals (one unit) as dots with their 5–95 % band, one row each. */
export function goalBands(rows: ScenarioRow[], label: (goal: string) => string, unit: string): ChartBuilder {
  const data = rows.map((x) => ({ ...x, name: label(x.goal) }));
  return (Plot, width) =>
    Plot.plot({
      width,
      height: 40 + 26 * data.length,
      marginLeft: labelWidth(
        data.map((d) => d.name),
        260,
      ),
      x: { label: `${unit}: central value with its 5–95% band`, grid: true, nice: true },
      y: { label: null, domain: data.map((d) => d.name) },
      marks: [
        Plot.ruleX([0], { stroke: '#888' }),
        Plot.ruleY(data, { y: 'name', x1: 'p05', x2: 'p95', stroke: '#555', strokeWidth: 2 }),
        Plot.dot(data, {
          y: 'name',
          x: 'value',
          r: 4,
          fill: DOT,
          tip: true,
          title: (d: (typeof data)[number]) =>
            `${d.name}: ${num(d.value)} ${unit}\n5–95%: ${num(d.p05)} to ${num(d.p95)}`,
        }),
      ],
    });
}

/** Candidates on goals x and y with their bands; the frontier joined, the chosen portfolio ringed. */
export function frontierChart(r: FrontierReport): ChartBuilder {
  const data = r.candidates.filter((c) => c.x !== null && c.y !== null);
  const front = data.filter((c) => c.frontier).sort((a, b) => a.x! - b.x!);
  return (Plot, width) =>
    Plot.plot({
      width,
      height: 380,
      marginLeft: 70,
      x: { label: `${r.x.label} (${r.x.unit})`, grid: true, nice: true },
      y: { label: `${r.y.label} (${r.y.unit})`, grid: true, nice: true },
      marks: [
        Plot.ruleX([0], { stroke: '#bbb' }),
        Plot.ruleY([0], { stroke: '#bbb' }),
        Plot.ruleX(data, { x: 'x', y1: 'yP05', y2: 'yP95', stroke: '#aaa' }),
        Plot.ruleY(data, { y: 'y', x1: 'xP05', x2: 'xP95', stroke: '#aaa' }),
        Plot.line(front, { x: 'x', y: 'y', stroke: DOT, strokeDasharray: '4 3' }),
        Plot.dot(data, {
          x: 'x',
          y: 'y',
          r: 5,
          fill: (d: (typeof data)[number]) => (d.frontier ? DOT : '#fff'),
          stroke: DOT,
          tip: true,
          title: (d: (typeof data)[number]) =>
            `${d.id} (${d.kind})\n${r.x.id}: ${num(d.x)}\n${r.y.id}: ${num(d.y)}\ncost £${num(d.cost / 1e6)}m${d.chosen ? '\nin the portfolio' : ''}`,
        }),
        Plot.dot(
          data.filter((d) => d.chosen),
          { x: 'x', y: 'y', r: 10, stroke: CHOSEN, strokeWidth: 2.5, fill: 'none' },
        ),
        Plot.text(data, {
          x: 'x',
          y: 'y',
          text: 'id',
          dy: -14,
          fontSize: 12,
          stroke: '#fff',
          strokeWidth: 3,
          paintOrder: 'stroke',
          fill: '#222',
        }),
      ],
    });
}

/** A and B goal by goal (goals of one unit), each with its band. */
export function compareChart(
  rows: CompareRow[],
  names: { a: string; b: string },
  unit: string,
): ChartBuilder {
  const side = (which: string, pick: (x: CompareRow) => [number | null, number | null, number | null]) =>
    rows.map((x) => {
      const [value, p05, p95] = pick(x);
      return { goal: x.goal, which, value, p05, p95 };
    });
  const a = side(names.a, (x) => [x.a, x.aP05, x.aP95]);
  const b = side(names.b, (x) => [x.b, x.bP05, x.bP95]);
  type D = (typeof a)[number];
  const tip = (d: D) =>
    `${d.which}\n${d.goal}: ${num(d.value)} ${unit}\n5–95%: ${num(d.p05)} to ${num(d.p95)}`;
  const marks = (Plot: Parameters<ChartBuilder>[0], data: D[], dy: number) => [
    Plot.ruleY(data, { y: 'goal', x1: 'p05', x2: 'p95', stroke: 'which', strokeWidth: 2, dy }),
    Plot.dot(data, { y: 'goal', x: 'value', fill: 'which', r: 4, dy, tip: true, title: tip }),
  ];
  return (Plot, width) =>
    Plot.plot({
      width,
      height: 60 + 44 * rows.length,
      marginLeft: labelWidth(
        rows.map((x) => x.goal),
        260,
      ),
      x: { label: `${unit}: central value with its 5–95% band`, grid: true, nice: true },
      y: { label: null, domain: rows.map((x) => x.goal) },
      color: { domain: [names.a, names.b], range: [DOT, '#e08e0b'], legend: true },
      marks: [Plot.ruleX([0], { stroke: '#888' }), ...marks(Plot, a, -7), ...marks(Plot, b, 7)],
    });
}
