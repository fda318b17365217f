// What the indicator page draws from a registry table: each area's value with its 95% and 99.8%
// limits, rank, verdicts against the nation and trend, as map data, fills and table rows.
import type { MapDatum } from './atlas.ts';
import { ranks, valueText } from './atlas.ts';
import type { TableRow, IndicatorTable } from './api-types.ts';
import { category, NO_DATA_FILL, trendText, VERDICTS, verdictText } from './categories.ts';
import type { Table } from './table.ts';
import { interval, limits } from './format.ts';

/** A registry row with its rank among areas with a value (1 = highest). */
export type RankedRow = TableRow & { rank: number | null };

/** Rows ranked by value, highest first; areas without a value last, by name. */
export function rankedRows(t: IndicatorTable): RankedRow[] {
  const rk = ranks(t.rows.map((r) => r.value));
  return t.rows
    .map((r, i) => ({ ...r, rank: rk[i]! }))
    .sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.areanm.localeCompare(b.areanm));
}

const ci = (lo: number | null, hi: number | null, unit: string, v: number | null) =>
  lo === null || hi === null ? null : limits(lo, hi, unit, v);

/** Map data: value, limits, rank, and the verdicts and trend as further tooltip lines. */
export function registryData(t: IndicatorTable): Map<string, MapDatum> {
  const unit = t.indicator.unit;
  const ranked = rankedRows(t);
  const of = ranked.filter((r) => r.rank !== null).length;
  const nation = t.national?.areanm ?? 'the nation';
  return new Map(
    ranked.map((r) => [
      r.areacd,
      {
        areacd: r.areacd,
        areanm: r.areanm,
        value: r.value,
        text: valueText(r, unit),
        interval: r.value === null ? '' : interval(r.lci95, r.uci95, unit, r.value),
        rank: r.rank,
        of,
        extra:
          r.value === null
            ? []
            : [
                `vs ${nation}: ${verdictText(r.vsNational['95'], '95')}, ${verdictText(r.vsNational['99.8'], '99.8')}`,
                `Trend: ${trendText(r.trend.status)}`,
              ],
      },
    ]),
  );
}

/** Fills by the verdict against the nation at a confidence level (areas without a value hatched). */
export function verdictFills(t: IndicatorTable, level: '95' | '99.8'): Map<string, string> {
  return new Map(
    t.rows.map((r) => [
      r.areacd,
      r.value === null ? NO_DATA_FILL : category(VERDICTS, r.vsNational[level]).fill,
    ]),
  );
}

/** The table of every area, as shown (the API's CSV holds the same at full precision). */
export function registryTable(t: IndicatorTable): Table {
  const unit = t.indicator.unit;
  const rows = rankedRows(t);
  return {
    columns: [
      'Area',
      'Code',
      'Rank (1 = highest)',
      'Value',
      '95% CI',
      '99.8% CI',
      `vs ${t.national?.areanm ?? 'nation'} (95%)`,
      '(99.8%)',
      'vs region (95%)',
      'Trend',
    ],
    rows: rows.map((r) => [
      r.areanm,
      r.areacd,
      r.rank,
      valueText(r, unit),
      ci(r.lci95, r.uci95, unit, r.value),
      ci(r.lci998, r.uci998, unit, r.value),
      r.value === null ? null : r.vsNational['95'],
      r.value === null ? null : r.vsNational['99.8'],
      r.value === null ? null : r.vsRegion['95'],
      r.value === null ? null : trendText(r.trend.status),
    ]),
    links: rows.map((r) => `/indicators?area=${r.areacd}`),
  };
}
