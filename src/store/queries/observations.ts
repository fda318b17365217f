// Published indicator values (`observations`, the ONS tidy schema) and their metadata: what an
// area profile, the indicator list, an indicator's table and a registry series read.
import { list, query, type Store } from '../db.ts';

/** One published value with its interval and status marker. */
export interface ObservationPoint {
  areacd: string;
  areanm: string;
  value: number | null;
  lci95: number | null;
  uci95: number | null;
  status: string | null;
}

/** A published value with its indicator, period, unit, label and source. */
export interface LabelledObservation extends ObservationPoint {
  indicator: string;
  period: string;
  unit: string;
  label: string | null;
  source: string;
}

/** Observations with their indicator's label and dataset's source, for a WHERE to narrow. */
const LABELLED = `SELECT o.areacd, o.areanm, o.indicator, o.period, o.observation AS value, o.lci95, o.uci95, o.status, o.unit,
            json_extract_string(i.meta, '$.label') AS label, d.publisher || ', ' || d.title AS source
       FROM observations o JOIN current_datasets d ON d.id = o.dataset_id
       LEFT JOIN indicators i ON i.dataset_id = o.dataset_id AND i.id = o.indicator`;

/** Every value of the given indicators for the given areas. */
export function observationsFor(
  store: Store,
  indicators: readonly string[],
  areas: readonly string[],
): Promise<LabelledObservation[]> {
  return query<LabelledObservation>(
    store,
    `${LABELLED} WHERE list_contains(?, o.indicator) AND list_contains(?, o.areacd)`,
    [list(indicators), list(areas)],
  );
}

/** Every area's observations of some indicators, as observationsFor gives them. */
export function observationsOf(store: Store, indicators: readonly string[]): Promise<LabelledObservation[]> {
  return query<LabelledObservation>(store, `${LABELLED} WHERE list_contains(?, o.indicator)`, [
    list(indicators),
  ]);
}

/** An indicator the store holds, with its coverage and published metadata (JSON text). */
export interface IndicatorCoverage {
  id: string;
  label: string | null;
  unit: string;
  periods: string[];
  areas: number;
  withIntervals: number;
  source: string;
  meta: string | null;
}

/** Every indicator in the store with its periods, areas and how many values carry an interval. */
export async function indicatorCoverage(store: Store): Promise<IndicatorCoverage[]> {
  const rows = await query<
    Omit<IndicatorCoverage, 'areas' | 'withIntervals'> & { areas: bigint; ci: bigint }
  >(
    store,
    `SELECT o.indicator AS id, any_value(json_extract_string(i.meta, '$.label')) AS label, any_value(o.unit) AS unit,
            list(DISTINCT o.period ORDER BY o.period) AS periods, count(DISTINCT o.areacd) AS areas,
            count(o.lci95) AS ci, any_value(d.publisher || ', ' || d.title) AS source, any_value(i.meta) AS meta
       FROM observations o JOIN current_datasets d ON d.id = o.dataset_id
       LEFT JOIN indicators i ON i.dataset_id = o.dataset_id AND i.id = o.indicator
      GROUP BY o.indicator ORDER BY o.indicator`,
  );
  return rows.map(({ ci, areas, ...r }) => ({ ...r, areas: Number(areas), withIntervals: Number(ci) }));
}

/** The periods an indicator is published for, in order. */
export async function indicatorPeriods(store: Store, id: string): Promise<string[]> {
  const rows = await query<{ period: string }>(
    store,
    `SELECT DISTINCT period FROM observations o JOIN current_datasets d ON d.id = o.dataset_id WHERE o.indicator = ? ORDER BY period`,
    [id],
  );
  return rows.map((r) => r.period);
}

/** Every area's value of an indicator at a period, by code. */
export function indicatorAt(
  store: Store,
  id: string,
  period: string,
): Promise<(ObservationPoint & { geography: string })[]> {
  return query(
    store,
    `SELECT o.areacd, o.areanm, o.geography, o.observation AS value, o.lci95, o.uci95, o.status
       FROM observations o JOIN current_datasets d ON d.id = o.dataset_id
      WHERE o.indicator = ? AND o.period = ? ORDER BY o.areacd`,
    [id, period],
  );
}

/** An indicator's every value (by area, then period) with the dataset it came from. */
export function indicatorSeriesRows(
  store: Store,
  id: string,
): Promise<(ObservationPoint & { period: string; source: string })[]> {
  return query(
    store,
    `SELECT o.areacd, o.areanm, o.period, o.observation AS value, o.lci95, o.uci95, o.status,
            d.publisher || ', ' || d.title || ' (' || d.vintage || ')' AS source
       FROM observations o JOIN current_datasets d ON d.id = o.dataset_id
      WHERE o.indicator = ? ORDER BY o.areacd, o.period`,
    [id],
  );
}

/** The values of one indicator in a dataset (nulls left out), by area and period. */
export function datasetValues(
  store: Store,
  datasetId: number,
  indicator: string,
): Promise<{ areacd: string; period: string; value: number }[]> {
  return query(
    store,
    `SELECT areacd, period, observation AS value FROM observations WHERE dataset_id = ? AND indicator = ? AND observation IS NOT NULL`,
    [datasetId, indicator],
  );
}

/** The first and last period and number of areas held, by key: an indicator id, or `source|measure` for industry tables. */
export async function coverageByKey(
  store: Store,
): Promise<Map<string, { first: string; last: string; areas: number }>> {
  const rows = await query<{ key: string; first: string; last: string; areas: bigint }>(
    store,
    `SELECT o.indicator AS key, min(o.period) AS first, max(o.period) AS last, count(DISTINCT o.areacd) AS areas
       FROM observations o JOIN current_datasets d ON d.id = o.dataset_id GROUP BY 1
     UNION ALL
     SELECT d.source || '|' || o.measure, min(o.period)::VARCHAR, max(o.period)::VARCHAR, count(DISTINCT o.areacd)
       FROM industry_obs o JOIN current_datasets d ON d.id = o.dataset_id GROUP BY 1`,
  );
  return new Map(rows.map((r) => [r.key, { first: r.first, last: r.last, areas: Number(r.areas) }]));
}

/** Ids of every indicator the store holds (observations, and industry measures as source|measure). */
export async function heldIndicatorIds(
  store: Store,
): Promise<{ observations: string[]; industry: string[] }> {
  const obs = await query<{ id: string }>(
    store,
    `SELECT DISTINCT o.indicator AS id FROM observations o JOIN current_datasets d ON d.id = o.dataset_id ORDER BY 1`,
  );
  const ind = await query<{ id: string }>(
    store,
    `SELECT DISTINCT d.source || '|' || o.measure AS id FROM industry_obs o JOIN current_datasets d ON d.id = o.dataset_id
      WHERE o.measure NOT IN ('gva_cp', 'gva_cvm', 'cvm_index', 'deflator', 'employees', 'employment', 'residents_in_employment')
      ORDER BY 1`,
  );
  return { observations: obs.map((r) => r.id), industry: ind.map((r) => r.id) };
}

/** The current datasets holding values of an indicator: source, vintage and checksum, by source. */
export function indicatorDatasets(
  store: Store,
  indicator: string,
): Promise<{ source: string; vintage: string; sha256: string }[]> {
  return query(
    store,
    `SELECT d.source, d.vintage, d.sha256 FROM current_datasets d
      WHERE d.id IN (SELECT DISTINCT dataset_id FROM observations WHERE indicator = ?)
      ORDER BY d.source, d.vintage, d.sha256`,
    [indicator],
  );
}
