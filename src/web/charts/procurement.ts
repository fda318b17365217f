// Charts of where a public body's money goes: one horizontal bar per item (£ million), the
// meets / fails / not known split of each franchise condition, and suppliers' pay gaps.
import { labelWidth } from './layers.ts';
import type { ChartBuilder, PlotModule } from './plot.ts';

/** The label margin for these labels at this width, and a y axis that ends long labels with … to fit it. */
function labels(Plot: PlotModule, names: string[], width: number, cap: number) {
  const margin = labelWidth(names, Math.min(cap, width * 0.45));
  // Plot measures line width in ems of its 10px font, about two characters of 6.2px each
  const axis = Plot.axisY({ label: null, textOverflow: 'ellipsis', lineWidth: (margin - 14) / 12.4 });
  return { margin, axis };
}

/** £ million bars, largest first as given; negative totals (net credits) drawn left of zero. */
export function spendBars(rows: { label: string; total: number }[], what: string): ChartBuilder {
  const data = rows.map((r) => ({ label: r.label, m: r.total / 1e6 }));
  return (Plot, width) => {
    const y = labels(
      Plot,
      data.map((d) => d.label),
      width,
      300,
    );
    return Plot.plot({
      width,
      height: 26 * data.length + 50,
      marginLeft: y.margin,
      x: { label: `${what} (£ million)`, grid: true },
      y: { label: null, domain: data.map((d) => d.label) },
      marks: [y.axis, Plot.barX(data, { y: 'label', x: 'm', fill: '#0b4f8a', tip: true }), Plot.ruleX([0])],
    });
  };
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
  return (Plot, width) => {
    const y = labels(
      Plot,
      totals.map((t) => t.name),
      width,
      320,
    );
    return Plot.plot({
      width,
      height: 32 * totals.length + 80,
      marginLeft: y.margin,
      x: { label: 'Spend (£ million)', grid: true },
      y: { label: null, domain: totals.map((t) => t.name) },
      color: { domain: [...STATUS], range: ['#1b7837', '#b2182b', '#bdbdbd'], legend: true },
      marks: [y.axis, Plot.barX(data, { y: 'name', x: 'm', fill: 'status', order: [...STATUS], tip: true })],
    });
  };
}

/** Each supplier's median pay gap (%, positive: men paid more), zero marked. */
export function gapBars(rows: { supplier: string; gap: number }[]): ChartBuilder {
  return (Plot, width) => {
    const y = labels(
      Plot,
      rows.map((r) => r.supplier),
      width,
      300,
    );
    return Plot.plot({
      width,
      height: 24 * rows.length + 50,
      marginLeft: y.margin,
      x: { label: 'Median hourly pay gap (%)', grid: true },
      y: { label: null, domain: rows.map((r) => r.supplier) },
      marks: [
        y.axis,
        Plot.barX(rows, {
          y: 'supplier',
          x: 'gap',
          fill: (r: { gap: number }) => (r.gap > 0 ? '#7b3294' : '#008837'),
          tip: true,
        }),
        Plot.ruleX([0]),
      ],
    });
  };
}
