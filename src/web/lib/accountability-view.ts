// The Commitments and Reports pages' tables, from the API's answers: the register with the rule
// beside each status, a commitment's history, and the report's layers, indicators, forecasts and
// appendix. Numbers stay at full precision in the cells (the CSV); `formats` say how they read.
import type {
  CommitmentHistory,
  CommitmentRow,
  ReportInput,
} from './api-types.ts';
import { lq, millions, money, num, pct } from './format.ts';
import type { Cell, Table } from './table.ts';

/** Statuses from best to worst, as the register's vocabulary orders them. */
export const STATUS_ORDER = ['achieved', 'on-track', 'signs-of-progress', 'off-track', 'not-kept', 'unclear'];

/** A status as words: on-track → "on track". */
export function statusWords(s: string): string {
  return s.replace(/-/g, ' ');
}

/** The register's rows as a table: id, who, what, areas, deadline, status, rule, as of, reason. */
export function commitmentsTable(rows: readonly CommitmentRow[]): Table {
  return {
    columns: ['Id', 'Who', 'What', 'Areas', 'Deadline', 'Status', 'Rule', 'Status as of', 'Reason'],
    rows: rows.map((c) => [
      c.id,
      c.who,
      c.what,
      c.areas.join(' '),
      c.deadline,
      c.status,
      c.rule,
      c.statusDate,
      c.reason,
    ]),
  };
}

/** One commitment's history, oldest first. */
export function historyTable(h: CommitmentHistory): Table {
  return {
    columns: ['#', 'Date', 'Status', 'Rule', 'Reason', 'Evidence', 'Who'],
    rows: h.history.map((e) => [e.seq, e.date, e.status, e.rule, e.reason, e.evidence, e.who]),
  };
}

/** GVA by layer in the report's first and latest years. */
export function reportLayersTable(r: ReportInput): Table {
  const l = r.profile.layers;
  const ends = [l.years[0], l.years.at(-1)].filter((y): y is number => y !== undefined);
  const rows = l.rows
    .filter((x) => ends.includes(x.year))
    .sort((a, b) => a.layer.localeCompare(b.layer) || a.year - b.year);
  return {
    columns: ['Layer', 'Year', 'GVA £m', 'Share', 'LQ'],
    rows: rows.map((x) => [x.layer, x.year, x.value, x.share, x.lq]),
    formats: [
      null,
      (v) => String(v),
      (v) => millions(v as number | null),
      (v) => pct(v as number | null),
      (v) => lq(v as number | null),
    ],
  };
}

/** Each headline indicator beside the region and the UK, with 95% intervals. */
export function reportIndicatorsTable(r: ReportInput): Table {
  const rows: Cell[][] = [];
  for (const i of [...r.profile.indicators].sort((a, b) => a.indicator.localeCompare(b.indicator)))
    for (const p of [i, ...i.comparators])
      rows.push([`${i.label} (${i.unit})`, i.period, p.areanm, p.value, p.lci95, p.uci95]);
  const n = (v: Cell) => num(v as number | null);
  return {
    columns: ['Indicator', 'Period', 'Area', 'Value', 'Lower 95%', 'Upper 95%'],
    rows,
    formats: [null, null, null, n, n, n],
  };
}

/** Frozen projections against outturn: the error's parts add up to the total exactly. */
export function reportForecastsTable(r: ReportInput): Table {
  const fixed2 = (v: unknown) => (typeof v === 'number' ? v.toFixed(2) : String(v ?? '—'));
  return {
    columns: ['Id', 'Indicator', 'Year', 'Method', 'Frozen on', 'Projected', 'Outturn', 'Revision', 'Policy', 'Rest'],
    rows: [...r.projections]
      .sort((a, b) => a.projection.id.localeCompare(b.projection.id))
      .map(({ projection: p, outturn: o }) => [
        p.id,
        p.indicator,
        p.period,
        p.method,
        p.frozenOn,
        p.value,
        o ? o.outturn : 'not yet published',
        o?.error.revision.value ?? null,
        o?.error.policy.value ?? null,
        o?.error.rest.value ?? null,
      ]),
    formats: [null, null, (v) => String(v), null, null, fixed2, fixed2, fixed2, fixed2, fixed2],
  };
}

/** Scenarios and finance plans on record for the area: each linked figure against outturn, or why there is none yet. */
export function reportPlansTable(r: ReportInput): Table {
  const fixed2 = (v: unknown) => (typeof v === 'number' ? v.toFixed(2) : String(v ?? '—'));
  const rows: Cell[][] = [];
  for (const d of [...r.plans].sort((a, b) => a.plan.id.localeCompare(b.plan.id))) {
    const p = d.plan;
    if (d.outturns.length === 0)
      rows.push([p.id, p.kind, p.frozenOn, null, null, null, d.unmeasured ?? '—', null, null, null]);
    for (const o of d.outturns)
      rows.push([
        p.id,
        p.kind,
        p.frozenOn,
        `${o.measure} → ${o.indicator}`,
        o.year,
        o.expected,
        o.outturn ?? o.pending,
        o.error?.revision.value ?? null,
        o.error?.policy.value ?? null,
        o.error?.rest.value ?? null,
      ]);
  }
  return {
    columns: ['Id', 'Kind', 'Frozen on', 'Figure', 'Year', 'Expected', 'Outturn', 'Revision', 'Policy', 'Rest'],
    rows,
    formats: [null, null, null, null, (v) => (v === null ? '–' : String(v)), fixed2, fixed2, fixed2, fixed2, fixed2],
  };
}

/** The consultations held in the area as of the report's date: state, ballots, and the closed log's head. */
export function reportConsultationsTable(r: ReportInput): Table {
  return {
    columns: ['Id', 'Title', 'Opened', 'State', 'Open poll', 'Rule', 'Ballots counted', 'Log head', 'Signed heads'],
    rows: [...r.consultations]
      .sort((a, b) => a.opensAt.localeCompare(b.opensAt) || a.id.localeCompare(b.id))
      .map((c) => [
        c.id,
        c.title,
        c.opensAt.slice(0, 10),
        c.state,
        c.openPoll ? 'yes: not a vote' : 'no',
        c.rule,
        c.ballots,
        c.head ? `${c.head.hash} (${c.head.count} entries)` : null,
        c.signedCount,
      ]),
  };
}

/** Every dataset the report rests on, with its checksum. */
export function reportDatasetsTable(r: ReportInput): Table {
  return {
    columns: ['Publisher', 'Title', 'Vintage', 'Licence', 'sha256'],
    rows: r.datasets.map((d) => [d.publisher, d.title, d.vintage, d.licence, d.sha256]),
  };
}

/** Every method with its version and parameters. */
export function reportMethodsTable(r: ReportInput): Table {
  return {
    columns: ['Method', 'Version', 'Parameters'],
    rows: r.methods.map((m) => [m.name, m.version, m.parameters]),
  };
}

/** Each mission's indicators for the area: track, latest against target, P(on track), the rule. */
export function reportMissionsTable(r: ReportInput): Table {
  const rows: Cell[][] = [];
  for (const m of r.missions)
    for (const i of m.status?.indicators ?? [])
      rows.push([m.title, i.indicator, i.latest, i.latestYear, i.target, i.targetYear, i.track, i.pOnTrack, i.rule]);
  const n = (v: Cell) => num(v as number | null);
  return {
    columns: ['Mission', 'Indicator', 'Latest', 'Year', 'Target', 'By', 'Track', 'P(on track)', 'Rule'],
    rows,
    formats: [null, null, n, (v) => (v === null ? '–' : String(v)), n, (v) => String(v), null, (v) => pct(v as number | null, 0), null],
  };
}

/** The area against each entitlement floor: value, status, shortfall, cost to close (central). */
export function reportEntitlementsTable(r: ReportInput): Table {
  return {
    columns: ['Floor', 'Rule', 'Period', 'Value', 'Status', 'Shortfall', 'Cost to close (central)'],
    rows: r.entitlements.rows.map((x) => [x.floor, x.rule, x.period, x.value, x.status, x.shortfall, x.costCentral]),
    formats: [null, null, null, (v) => num(v as number | null), null, (v) => num(v as number | null), (v) => money(v as number | null)],
  };
}

/** The area's local gender pay gaps beside the UK (suppressed kept as suppressed). */
export function reportGenderTable(r: ReportInput): Table {
  return {
    columns: ['Basis', 'Statistic', 'Pattern', 'Gap %', 'UK %'],
    rows: r.gender.rows.map((x) => [x.basis, x.statistic, x.pattern, x.value, x.national]),
    formats: [null, null, null, (v) => (v === null ? 'suppressed' : num(v as number)), (v) => num(v as number | null)],
  };
}
