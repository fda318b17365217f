// Flat rows of the beyond-GDP results, one shape for CSV downloads from the CLI and the API:
// every table keeps its intervals beside its values.
import type { AreaComparison } from './compare.ts';
import type { CompositeReport } from './composite-file.ts';
import type { EntitlementReport } from './entitlements.ts';
import type { GenderReport } from './gender.ts';
import type { IndicatorTable } from './indicator-table.ts';
import type { MissionReport } from './missions.ts';

type Row = Record<string, unknown>;
/** Rows and the columns to write, in order. */
export interface Flat {
  rows: Row[];
  columns: string[];
}

/** An indicator table: value, limits at 95% and 99.8%, verdicts against region and nation, trend. */
export function indicatorTableRows(t: IndicatorTable): Flat {
  return {
    rows: t.rows.map((r) => ({
      ...r,
      vs_national_95: r.vsNational['95'],
      vs_national_998: r.vsNational['99.8'],
      vs_region_95: r.vsRegion['95'],
      vs_region_998: r.vsRegion['99.8'],
      trend: r.trend.status,
    })),
    columns: [
      'areacd',
      'areanm',
      'period',
      'value',
      'lci95',
      'uci95',
      'lci998',
      'uci998',
      'status',
      'region',
      'vs_national_95',
      'vs_national_998',
      'vs_region_95',
      'vs_region_998',
      'trend',
    ],
  };
}

/** An area comparison: one row per indicator, a value and two verdicts per comparator. */
export function comparisonRows(c: AreaComparison): Flat {
  const kinds = ['national', 'region', 'set', 'nearest'].filter((k) =>
    c.rows.some((r) => r.comparators.some((x) => x.kind === k)),
  );
  const rows = c.rows.map((r) => {
    const row: Row = {
      indicator: r.indicator.id,
      unit: r.indicator.unit,
      period: r.period,
      value: r.area.value,
      lci95: r.area.lci95,
      uci95: r.area.uci95,
    };
    for (const k of kinds) {
      const x = r.comparators.find((y) => y.kind === k);
      row[k] = x?.value ?? null;
      row[`vs_${k}_95`] = x?.verdict['95'] ?? '';
      row[`vs_${k}_998`] = x?.verdict['99.8'] ?? '';
    }
    row['trend'] = r.trend.status;
    return row;
  });
  return {
    rows,
    columns: [
      'indicator',
      'unit',
      'period',
      'value',
      'lci95',
      'uci95',
      ...kinds.flatMap((k) => [k, `vs_${k}_95`, `vs_${k}_998`]),
      'trend',
    ],
  };
}

/** A league table: never a rank without its interval. */
export function compositeRows(r: CompositeReport): Flat {
  return {
    rows: r.rows.map((x) => ({
      rank: x.rank,
      areacd: x.areacd,
      areanm: x.areanm,
      score: x.score,
      median_rank: x.medianRank,
      rank_p05: x.rankP05,
      rank_p95: x.rankP95,
      score_p05: x.scoreP05,
      score_median: x.scoreMedian,
      score_p95: x.scoreP95,
    })),
    columns: [
      'rank',
      'areacd',
      'areanm',
      'score',
      'median_rank',
      'rank_p05',
      'rank_p95',
      'score_p05',
      'score_median',
      'score_p95',
    ],
  };
}

/** A mission: the nation first, then every area, one row per indicator with its rule. */
export function missionRows(r: MissionReport): Flat {
  const rows = [r.national, ...r.areas].flatMap((a) =>
    a.indicators.map((i) => ({
      areacd: a.areacd,
      areanm: a.areanm,
      mission_track: a.track,
      indicator: i.indicator,
      rule: i.rule,
      baseline_year: i.baselineYear,
      baseline: i.baseline,
      target_year: i.targetYear,
      target: i.target,
      latest_year: i.latestYear,
      latest: i.latest,
      lci95: i.lower,
      uci95: i.upper,
      expected: i.expected,
      track: i.track,
      confidence: i.confidence,
      p_on_track: i.pOnTrack,
      status: i.status,
    })),
  );
  return { rows, columns: Object.keys(rows[0] ?? { areacd: 0 }) };
}

/** Entitlements, by view: every area and floor, the national summary, or the need ranking. */
export function entitlementRows(r: EntitlementReport, view: 'rows' | 'summary' | 'ranking'): Flat {
  switch (view) {
    case 'rows':
      return {
        rows: r.rows.map((x) => ({
          ...x,
          people_to_floor: x.peopleToFloor,
          people_without: x.peopleWithout,
          cost_low: x.costLow,
          cost_central: x.costCentral,
          cost_high: x.costHigh,
          trend_per_year: x.projection.slope,
          projection: x.projection.kind,
          projected_year: x.projection.year,
          projected_p05: x.projection.yearP05,
          projected_p95: x.projection.yearP95,
          p_by_deadline: x.projection.pByDeadline,
        })),
        columns: [
          'areacd',
          'areanm',
          'floor',
          'rule',
          'period',
          'value',
          'status',
          'shortfall',
          'population',
          'people_to_floor',
          'people_without',
          'cost_low',
          'cost_central',
          'cost_high',
          'recurring',
          'trend_per_year',
          'projection',
          'projected_year',
          'projected_p05',
          'projected_p95',
          'p_by_deadline',
        ],
      };
    case 'summary':
      return {
        rows: r.summary.map((s) => ({
          ...s,
          national: s.national?.areanm ?? null,
          national_value: s.national?.value ?? null,
          areas_assessed: s.areasAssessed,
          areas_below: s.areasBelow,
          population_below: s.populationBelow,
          people_to_floor: s.peopleToFloor,
          people_without: s.peopleWithout,
          cost_low: s.costLow,
          cost_central: s.costCentral,
          cost_high: s.costHigh,
          projected_by_deadline: s.projectedByDeadline,
        })),
        columns: [
          'floor',
          'rule',
          'period',
          'national',
          'national_value',
          'areas_assessed',
          'areas_below',
          'population_below',
          'people_to_floor',
          'people_without',
          'cost_low',
          'cost_central',
          'cost_high',
          'recurring',
          'projected_by_deadline',
        ],
      };
    case 'ranking':
      return {
        rows: r.ranking.map((x) => ({
          ...x,
          cost_per_head: x.perHead,
          median_rank: x.medianRank,
          rank_p05: x.rankP05,
          rank_p95: x.rankP95,
          floors_below: x.floorsBelow,
        })),
        columns: [
          'rank',
          'areacd',
          'areanm',
          'cost_per_head',
          'median_rank',
          'rank_p05',
          'rank_p95',
          'floors_below',
        ],
      };
  }
  throw new Error(`invalid view: ${view as string}`);
}

export const GENDER_VIEWS = ['layers', 'sizes', 'local', 'industries'] as const;

/** The gender lens, by view: employers by layer, by layer and size, local gaps, or ASHE industries by layer. */
export function genderRows(r: GenderReport, view: (typeof GENDER_VIEWS)[number]): Flat {
  const dist = [
    'layer',
    'size',
    'employers',
    'weight',
    'mean',
    'p10',
    'p25',
    'median',
    'p75',
    'p90',
    'share_men_paid_more',
  ];
  const withShare = (rows: GenderReport['employers']['byLayer']) =>
    rows.map((d) => ({ ...d, share_men_paid_more: d.shareMenPaidMore }));
  switch (view) {
    case 'layers':
      return { rows: withShare(r.employers.byLayer), columns: dist };
    case 'sizes':
      return { rows: withShare(r.employers.byLayerAndSize), columns: dist };
    case 'local':
      return {
        rows: r.local.rows as unknown as Row[],
        columns: ['areacd', 'areanm', 'basis', 'statistic', 'pattern', 'value', 'status', 'national'],
      };
    case 'industries':
      return {
        rows: r.industries as unknown as Row[],
        columns: ['layer', 'industry', 'name', 'value', 'status'],
      };
  }
  throw new Error(`invalid view: ${view as string}`);
}
