// The report's sections from Strata's other lenses: missions with their status and P(on track),
// entitlement shortfalls and the cost to close them, and local gender pay gaps — each with its
// source, and saying so where the area has none or the store lacks the data.
import { esc, htmlTable, num, section } from './html.ts';
import type { ReportInput } from './input.ts';

const money = (x: number | null) => (x === null ? '—' : `£${num(x / 1e6, 1)}m`);
const prob = (x: number | null) => (x === null ? '—' : `${Math.round(x * 100)}%`);

/** Each example mission's indicators for the area, with the track, P(on track) and the rule. */
export function missionsSection(r: ReportInput): string {
  const judged = r.missions.filter((m) => m.status);
  if (!judged.length)
    return section(
      'missions',
      'Missions',
      `<p>Missions are judged for local authority districts and the UK${r.missions.length ? '' : '; no mission could be judged on this store'}. See the districts of this area.</p>`,
    );
  const examples = judged.some((m) => m.example)
    ? '<p class="example"><strong>EXAMPLE</strong> missions are invented to show the method, not adopted targets.</p>'
    : '';
  const parts = judged.map((m) => {
    const s = m.status!;
    const table = htmlTable(
      `${m.title}: ${s.areanm} is ${s.track === 'on' ? 'on track' : s.track === 'off' ? 'off track' : s.track.replace(/-/g, ' ')}`,
      ['Indicator', 'Latest', 'Year', 'Target', 'By', 'Status', 'P(on track)', 'Rule'],
      s.indicators.map((i) => [
        esc(i.indicator),
        num(i.latest, 2),
        i.latestYear === null ? '—' : String(i.latestYear),
        num(i.target, 2),
        String(i.targetYear),
        esc(i.track),
        prob(i.pOnTrack),
        esc(i.rule),
      ]),
    );
    return `<h3>${esc(m.title)}</h3>\n<p>Status rule: ${esc(m.statusRule)}. Source: ${esc(m.source)}.</p>\n${table}`;
  });
  return section('missions', 'Missions', examples + parts.join('\n'));
}

/** The area against each entitlement floor, with the shortfall and the cost to close it. */
export function entitlementsSection(r: ReportInput): string {
  const e = r.entitlements;
  if (e.unavailable)
    return section(
      'entitlements',
      'Entitlements',
      `<p>Not available on this store: ${esc(e.unavailable)}</p>`,
    );
  const source = `<p>Floors: ${esc(e.title)}. Source: ${esc(e.source)}.</p>\n`;
  if (e.summary.length)
    return section(
      'entitlements',
      'Entitlements: who is below each floor',
      source +
        htmlTable(
          'Each floor across the UK: areas and people below it, and the cost to close the gap (low, central, high)',
          ['Floor', 'Period', 'Areas below', 'People below', 'Cost low', 'Cost central', 'Cost high'],
          e.summary.map((f) => [
            esc(f.title),
            esc(f.period ?? '—'),
            `${f.areasBelow} of ${f.areasAssessed}`,
            num(f.populationBelow, 0),
            money(f.costLow),
            money(f.costCentral),
            money(f.costHigh),
          ]),
        ),
    );
  if (!e.rows.length)
    return section(
      'entitlements',
      'Entitlements',
      source + '<p>Entitlement floors are assessed for local authority districts and the UK.</p>',
    );
  return section(
    'entitlements',
    'Entitlements: shortfalls and the cost to close them',
    source +
      htmlTable(
        'The area against each floor (cost to close: low, central, high)',
        ['Floor', 'Rule', 'Period', 'Value', 'Status', 'Shortfall', 'Cost low', 'Cost central', 'Cost high'],
        e.rows.map((x) => [
          esc(x.floor),
          esc(x.rule),
          esc(x.period ?? '—'),
          num(x.value, 2),
          `<strong>${esc(x.status)}</strong>`,
          num(x.shortfall, 2),
          money(x.costLow),
          money(x.costCentral),
          money(x.costHigh),
        ]),
      ),
  );
}

/** The area's gender pay gaps by basis, statistic and working pattern (suppressed kept as such). */
export function genderSection(r: ReportInput): string {
  const g = r.gender;
  if (g.unavailable)
    return section('gender', 'The gender lens', `<p>Not available on this store: ${esc(g.unavailable)}</p>`);
  if (!g.rows.length)
    return section(
      'gender',
      'The gender lens',
      '<p>Local gender pay gaps are published for local authority districts; see the districts of this area.</p>',
    );
  const rows = [...g.rows].sort(
    (a, b) =>
      a.basis.localeCompare(b.basis) ||
      a.statistic.localeCompare(b.statistic) ||
      a.pattern.localeCompare(b.pattern),
  );
  return section(
    'gender',
    'The gender lens',
    `<p>Source: ${esc(g.source)}, ${esc(g.period)}. The gap is the difference in hourly pay as a percentage of men's.</p>\n` +
      htmlTable(
        `Gender pay gap (%), ${g.period}, beside the UK`,
        ['Basis', 'Statistic', 'Pattern', 'Gap %', 'UK %', 'Status'],
        rows.map((x) => [
          esc(x.basis),
          esc(x.statistic),
          esc(x.pattern),
          x.value === null ? 'suppressed' : num(x.value, 1),
          num(x.national, 1),
          esc(x.status ?? ''),
        ]),
      ),
  );
}
