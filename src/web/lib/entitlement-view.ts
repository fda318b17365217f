// What the entitlements page draws from the report: each area's shortfall against a floor (areas
// meeting it drawn apart), the national summary, and the need ranking with its rank intervals.
import type { MapDatum } from './atlas.ts';
import { ranks } from './atlas.ts';
import type { EntitlementReport, EntitlementRow, FloorSummary, Projection } from './api-types.ts';
import { NO_DATA_FILL, probability } from './categories.ts';
import type { Table } from './table.ts';
import { count, money, num, withUnit } from './format.ts';

/** The fill of areas that meet a floor: neutral, apart from the shortfall classes. */
export const MEETS_FILL = '#d4d4d4';

/** Low – central – high cost, and whether it is one-off or a year. */
export function costRange(c: {
  costLow: number | null;
  costCentral: number | null;
  costHigh: number | null;
  recurring: string;
}): string {
  return `${money(c.costCentral)} (${money(c.costLow)} to ${money(c.costHigh)})${c.recurring === 'annual' ? ' a year' : ''}`;
}

/** A shortfall in the floor's unit ("2.1 points" for percentages). */
export function shortfallText(v: number | null, unit: string): string {
  return v === null ? '–' : unit === '%' ? `${num(v)} points` : withUnit(v, unit);
}

/** When the trend line reaches the floor, in words. */
export function projectionText(p: Projection): string {
  switch (p.kind) {
    case 'met':
      return 'meets the floor';
    case 'insufficient-data':
      return 'one published year: no trend';
    case 'not-on-trend':
      return 'trend moving away from the floor';
    case 'projected':
      return `projected to reach it in ${Math.round(p.year!)} (5–95%: ${p.yearP05 === null ? '–' : Math.round(p.yearP05)}–${p.yearP95 === null ? 'later' : Math.round(p.yearP95)}), P(by the deadline) ${probability(p.pByDeadline)}`;
    default:
      return p.kind;
  }
}

/** Map data for one floor: shortfall as the value (null for areas that meet it or have no data). */
export function floorData(rows: EntitlementRow[], unit: string): Map<string, MapDatum> {
  const rk = ranks(rows.map((r) => (r.status === 'below' ? r.shortfall : null)));
  const of = rk.filter((x) => x !== null).length;
  return new Map(
    rows.map((r, i) => [
      r.areacd,
      {
        areacd: r.areacd,
        areanm: r.areanm,
        value: r.status === 'below' ? r.shortfall : null,
        text:
          r.status === 'no-data'
            ? 'no data'
            : r.status === 'meets'
              ? `meets the floor (${withUnit(r.value, unit)})`
              : `${shortfallText(r.shortfall, unit)} short (${withUnit(r.value, unit)})`,
        interval: r.status === 'below' ? `Cost to close ${costRange(r)}` : '',
        rank: rk[i]!,
        of,
        extra:
          r.status === 'no-data'
            ? []
            : [
                `People to reach the floor: ${count(Math.round(r.peopleToFloor ?? 0))}`,
                `Trend: ${projectionText(r.projection)}`,
              ],
      },
    ]),
  );
}

/** Fills for areas drawn apart from the shortfall classes: meeting the floor, no data. */
export function floorFills(rows: EntitlementRow[]): Map<string, string> {
  return new Map(
    rows
      .filter((r) => r.status !== 'below')
      .map((r) => [r.areacd, r.status === 'meets' ? MEETS_FILL : NO_DATA_FILL]),
  );
}

/** One floor's areas as a table. */
export function floorTable(rows: EntitlementRow[], unit: string): Table {
  const sorted = [...rows].sort(
    (a, b) => (b.shortfall ?? -1) - (a.shortfall ?? -1) || a.areanm.localeCompare(b.areanm),
  );
  return {
    columns: [
      'Area',
      'Code',
      'Value',
      'Status',
      'Shortfall',
      'People to reach the floor',
      'Cost to close: central (low to high)',
      'Trend',
    ],
    rows: sorted.map((r) => [
      r.areanm,
      r.areacd,
      withUnit(r.value, unit),
      r.status,
      r.status === 'below' ? shortfallText(r.shortfall, unit) : null,
      r.peopleToFloor === null ? null : Math.round(r.peopleToFloor),
      r.status === 'below' ? costRange(r) : null,
      projectionText(r.projection),
    ]),
    formats: [null, null, null, null, null, (v) => (typeof v === 'number' ? count(v) : '–'), null, null],
    links: sorted.map((r) => `/area/${r.areacd}`),
  };
}

/** The national summary: who is below each floor and what closing the gap costs. */
export function summaryTable(s: FloorSummary[], unit: (floor: string) => string): Table {
  return {
    columns: [
      'Floor',
      'Rule',
      'National figure',
      'Areas below / assessed',
      'Population of those areas',
      'People to reach the floor',
      'People without the service',
      'Cost to close: central (low to high)',
      'Below but projected to meet it by the deadline',
    ],
    rows: s.map((f) => [
      f.title,
      f.rule,
      f.national ? `${f.national.areanm}: ${withUnit(f.national.value, unit(f.floor))}` : null,
      `${f.areasBelow} / ${f.areasAssessed}`,
      Math.round(f.populationBelow),
      Math.round(f.peopleToFloor),
      Math.round(f.peopleWithout),
      costRange(f),
      f.projectedByDeadline,
    ]),
    formats: [
      null,
      null,
      null,
      null,
      ...[0, 0, 0].map(() => (v: string | number | null) => (typeof v === 'number' ? count(v) : '–')),
      null,
      null,
    ],
  };
}

/** The need ranking: median rank with its 5–95% interval, never a rank alone. */
export function rankingTable(r: EntitlementReport['ranking']): Table {
  return {
    columns: [
      'Area',
      'Code',
      'Median rank (1 = greatest need)',
      '5–95% rank interval',
      'Cost per head, central (£)',
      'Floors below',
    ],
    rows: r.map((x) => [
      x.areanm,
      x.areacd,
      x.medianRank,
      `${x.rankP05}–${x.rankP95}`,
      x.perHead,
      x.floorsBelow,
    ]),
    formats: [null, null, null, null, (v) => (typeof v === 'number' ? `£${num(v)}` : '–'), null],
    links: r.map((x) => `/area/${x.areacd}`),
  };
}
