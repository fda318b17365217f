// What the gender page draws: local pay gaps with suppressed estimates kept as suppressed (their
// own pattern, never zero, never silently missing), employers' gap distributions, industry gaps.
import type { MapDatum } from './atlas.ts';
import { ranks } from './atlas.ts';
import type { GapDistribution, GenderReport, LocalGap } from './api-types.ts';
import { NO_DATA_FILL, SUPPRESSED_FILL } from './categories.ts';
import type { Table } from './table.ts';
import { num, pct } from './format.ts';

/** A gap in words: "13.8%", or why there is none. */
export function gapText(v: number | null, status: string | null): string {
  if (v !== null) return `${num(v)}%`;
  return status === 'x' ? 'suppressed by the publisher (x)' : 'not published';
}

/** Map data for one table of local gaps; rank 1 = the widest gap. */
export function localData(rows: LocalGap[]): Map<string, MapDatum> {
  const rk = ranks(rows.map((r) => r.value));
  const of = rk.filter((x) => x !== null).length;
  return new Map(
    rows.map((r, i) => [
      r.areacd,
      {
        areacd: r.areacd,
        areanm: r.areanm,
        value: r.value,
        text: gapText(r.value, r.status),
        interval: r.value === null ? '' : 'no interval published (the publisher marks quality by colour)',
        rank: rk[i]!,
        of,
        extra: r.national === null ? [] : [`UK: ${num(r.national)}%`],
      },
    ]),
  );
}

/** Suppressed areas get their own pattern; areas with nothing published are hatched. */
export function localFills(rows: LocalGap[]): Map<string, string> {
  return new Map(
    rows
      .filter((r) => r.value === null)
      .map((r) => [r.areacd, r.status === 'x' ? SUPPRESSED_FILL : NO_DATA_FILL]),
  );
}

/** The local gaps shown, widest first; suppressed and unpublished after, by name. */
export function localTable(rows: LocalGap[]): Table {
  const sorted = [...rows].sort(
    (a, b) => (b.value ?? -Infinity) - (a.value ?? -Infinity) || a.areanm.localeCompare(b.areanm),
  );
  return {
    columns: ['Area', 'Code', 'Gap', 'Marker', 'UK'],
    rows: sorted.map((r) => [
      r.areanm,
      r.areacd,
      gapText(r.value, r.status),
      r.status,
      r.national === null ? null : `${num(r.national)}%`,
    ]),
    links: sorted.map((r) => `/area/${r.areacd}`),
  };
}

/** Employers' gap distributions as a table (weighted quantiles). */
export function distributionTable(
  rows: GapDistribution[],
  name: (l: string) => string,
  bySize: boolean,
): Table {
  const g = (v: string | number | null) => (typeof v === 'number' ? `${num(v)}%` : '–');
  return {
    columns: [
      'Layer',
      ...(bySize ? ['Employer size'] : []),
      'Employers',
      '10th',
      '25th',
      'Median',
      '75th',
      '90th',
      'Mean',
      'Men paid more',
    ],
    rows: rows.map((r) => [
      name(r.layer),
      ...(bySize ? [r.size] : []),
      r.employers,
      r.p10,
      r.p25,
      r.median,
      r.p75,
      r.p90,
      r.mean,
      pct(r.shareMenPaidMore),
    ]),
    formats: [null, ...(bySize ? [null] : []), null, g, g, g, g, g, g, null],
  };
}

/** ASHE industry gaps grouped by layer, suppressed divisions kept and said. */
export function industryTable(rows: GenderReport['industries'], name: (l: string) => string): Table {
  return {
    columns: ['Layer', 'SIC division', 'Industry', 'Median gap, UK'],
    rows: rows.map((r) => [name(r.layer), r.industry, r.name, gapText(r.value, r.status)]),
  };
}

/** Pay gap classes around 0: women paid more (orange) below it, men paid as much or more (purple) above. */
export const GAP_BREAKS = [-5, -0.05, 5, 10, 20];
export const GAP_CLASSES_NOTE =
  'Fixed classes around 0: orange where women are paid more per hour, purple where men are paid as much or more; the darker, the wider the gap.';
