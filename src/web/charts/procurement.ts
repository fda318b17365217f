// Charts of where a public body's money goes: one horizontal bar per item (£ million), and the
// meets / fails / not known split of each franchise condition as a stacked bar.
import { labelWidth } from './layers.ts';
import type { ChartBuilder } from './plot.ts';

/** £ million bars, largest first as given; negative totals (net credits) drawn left of zero. */
export function spendBars(rows: { label: string; total: number }[], what: string): ChartBuilder {
  const data = rows.map((r) => ({ label: r.label, m: r.total / 1e6 }));
  return (Plot, width) =>
    Plot.plot({
      width,
      height: 26 * data.length + 50,
      marginLeft: labelWidth(
        data.map((d) => d.label),
        Math.min(300, width * 0.45),
      ),
      x: { label: `${what} (£ million)`, grid: true },
      y: { label: null, domain: data.map((d) => d.label) },
      marks: [Plot.barX(data, { y: 'label', x: 'm', fill: '#0b4f8a', tip: true }), Plot.ruleX([0])],
    });
}

const STATUS = ['Meets', 'Fails', 'Not known'] as const;

/** Each condition's spend split into meets, fails and not known (adding to the total). */
export function conditionBars(
  totals: { name: string; meets: number; fails: number; unknown: number }[],
): ChartBuilder {
  const data = totals.flatMap((t) =>
    ([t.meets, t.fails, t.unknown] as const).map((v, i) => ({
      name: t.name,
      status: STATUS[i]!,
      m: v / 1e6,
    })),
  );
  return (Plot, width) =>
    Plot.plot({
      width,
      height: 32 * totals.length + 80,
      marginLeft: labelWidth(
        totals.map((t) => t.name),
        Math.min(320, width * 0.45),
      ),
      x: { label: 'Spend (£ million)', grid: true },
      y: { label: null, domain: totals.map((t) => t.name) },
      color: {
        domain: [...STATUS],
        range: ['#1b7837', '#b2182b', '#bdbdbd'],
        legend: true,
      },
      marks: [Plot.barX(data, { y: 'name', x: 'm', fill: 'status', order: [...STATUS], tip: true })],
    });
}
