// The report's scenarios and finance plans on record: each plan frozen by the report's date that
// speaks for the area — its file, checksum, method and parameters — with the area's frozen figures
// and bands, forecast against outturn for each figure a published indicator measures, and what has
// no outturn said plainly.
import type { PlanDetail, PlanPoint } from '../contract/plans.ts';
import { esc, htmlTable, num, section } from './html.ts';
import type { ReportInput } from './input.ts';

const SCALE = (unit: string) => (unit.startsWith('£') && !unit.includes('million') ? 1e6 : 1);

/** A figure in its unit, pounds in millions. */
function figureOf(v: number | null | undefined, unit: string): string {
  return num(v === null || v === undefined ? null : v / SCALE(unit), 2);
}

function unitOf(unit: string): string {
  return SCALE(unit) === 1 ? unit : unit.replace('£', '£ million');
}

function facts(p: PlanDetail['plan']): string {
  const params = Object.entries(p.parameters)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  const rows: [string, string][] = [
    ['Kind', p.kind === 'scenario' ? 'a scenario’s expected outcome' : 'a finance plan’s path'],
    ['File', `${esc(p.source)}, sha256 <code>${esc(p.fingerprint)}</code>`],
    ['Method', `${esc(p.method)} (${esc(params)})`],
    [
      'Frozen',
      `${esc(p.frozenOn)} by ${esc(p.who)}, on ${p.vintages.length} datasets (checksums in the register)`,
    ],
  ];
  return `<dl class="facts">${rows.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${v}</dd>`).join('')}</dl>`;
}

function figures(p: PlanDetail['plan'], points: PlanPoint[]): string {
  if (points.length === 0) return '<p>No figure of this plan is for this area itself.</p>';
  if (p.kind === 'scenario')
    return htmlTable(
      `Expected outcome in ${points[0]!.year} (5–95 % band)`,
      ['Intervention', 'Goal', 'Unit', 'Value', 'p05', 'p95'],
      points.map((x) => [
        esc(x.series),
        esc(x.measure),
        esc(x.unit),
        num(x.value, 2),
        num(x.bands.p05, 2),
        num(x.bands.p95, 2),
      ]),
    );
  return htmlTable(
    'Path by year (percentiles over the simulated paths)',
    ['Policy', 'Measure', 'Year', 'Unit', 'p05', 'p50', 'p95', 'Mean'],
    points.map((x) => [
      esc(x.series),
      esc(x.measure),
      String(x.year),
      esc(unitOf(x.unit)),
      figureOf(x.bands.p05, x.unit),
      figureOf(x.value, x.unit),
      figureOf(x.bands.p95, x.unit),
      figureOf(x.bands.mean, x.unit),
    ]),
  );
}

function outturns(d: PlanDetail): string {
  if (d.outturns.length === 0) return '';
  return htmlTable(
    'Linked figures against outturn (the indicator’s baseline + the effect; outturn − expected = revision + policy + rest, exactly; shown to 2 decimals)',
    ['Intervention', 'Goal', 'Indicator', 'Year', 'Expected', 'Outturn', 'Revision', 'Policy', 'Rest'],
    once(d.outturns).map((o) => [
      esc(o.series),
      esc(o.measure),
      esc(o.indicator),
      String(o.year),
      num(o.expected, 2),
      o.outturn === null ? esc(o.pending ?? '') : num(o.outturn, 2),
      o.error ? num(o.error.revision.value, 2) : '—',
      o.error ? num(o.error.policy.value, 2) : '—',
      o.error ? num(o.error.rest.value, 2) : '—',
    ]),
  );
}

/** A scenario of one intervention gives each figure twice (it and `all`): show it once. */
function once<T extends { series: string }>(rows: T[]): T[] {
  const series = new Set(rows.map((x) => x.series));
  return series.size === 2 && series.has('all') ? rows.filter((x) => x.series !== 'all') : rows;
}

/** Every plan on record for the area. */
export function plansSection(r: Pick<ReportInput, 'plans' | 'profile'>): string {
  const code = r.profile.area.areacd;
  const plans = [...r.plans].sort((a, b) => a.plan.id.localeCompare(b.plan.id));
  const body = plans.length
    ? plans
        .map((d) => {
          const p = d.plan;
          const points = once(p.points.filter((x) => x.areacd === code));
          return (
            `<h3>${esc(p.id)}: ${esc(p.title)}</h3>\n${facts(p)}\n${figures(p, points)}\n${outturns(d)}` +
            (d.unmeasured ? `\n<p>${esc(d.unmeasured[0]!.toUpperCase() + d.unmeasured.slice(1))}.</p>` : '')
          );
        })
        .join('\n')
    : '<p>No scenario or finance plan for this area is frozen in the register. Freeze one with <code>strata plans freeze scenario FILE</code> or <code>strata plans freeze finance FILE --area CODE</code>.</p>';
  return section('plans', 'Scenarios and finance plans on record', body);
}
