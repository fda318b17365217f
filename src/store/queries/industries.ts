// Industry tables: the finest published industries of a dataset as one dense panel, their names,
// the industry gaps of ASHE Table 4.12, and GB employees by SIC division from BRES.
import { query, queryColumns, type Store } from '../db.ts';

/** Areas × years × industries, row-major, NaN where nothing is published. */
export interface IndustryPanel {
  areas: string[];
  years: number[];
  industries: string[];
  values: Float64Array;
}

const leaves = `SELECT areacd, industry, period, value FROM industry_obs
   WHERE dataset_id = $1 AND measure = $2
     AND industry NOT IN (SELECT parent FROM industries WHERE dataset_id = $1 AND parent IS NOT NULL)`;

/**
 * The finest published industries (the leaves of the source's tree, which partition its total)
 * of a measure for every area and year, or null when the dataset has none. Lists first, then every
 * value with its (area, year, industry) position computed in SQL, so the panel fills without
 * building a string key per row.
 */
export async function industryPanel(
  store: Store,
  datasetId: number,
  measure: string,
): Promise<IndustryPanel | null> {
  const lists = await queryColumns(
    store,
    `WITH o AS (${leaves})
     SELECT 'a' AS kind, areacd AS key, NULL::SMALLINT AS year FROM (SELECT DISTINCT areacd FROM o)
     UNION ALL SELECT 'y', NULL, period FROM (SELECT DISTINCT period FROM o)
     UNION ALL SELECT 'i', industry, NULL FROM (SELECT DISTINCT industry FROM o)
     ORDER BY kind, key, year`,
    [datasetId, measure],
  );
  const kinds = lists['kind'] as string[];
  const areas = (lists['key'] as string[]).filter((_, k) => kinds[k] === 'a');
  const years = (lists['year'] as number[]).filter((_, k) => kinds[k] === 'y');
  const industries = (lists['key'] as string[]).filter((_, k) => kinds[k] === 'i');
  if (areas.length === 0) return null;
  const cells = await queryColumns(
    store,
    `WITH o AS (${leaves})
     SELECT (a.ai * ${years.length} + y.yi) * ${industries.length} + i.ii AS k, o.value
       FROM o
       JOIN (SELECT areacd, (row_number() OVER (ORDER BY areacd) - 1)::INTEGER AS ai FROM (SELECT DISTINCT areacd FROM o)) a USING (areacd)
       JOIN (SELECT period, (row_number() OVER (ORDER BY period) - 1)::INTEGER AS yi FROM (SELECT DISTINCT period FROM o)) y USING (period)
       JOIN (SELECT industry, (row_number() OVER (ORDER BY industry) - 1)::INTEGER AS ii FROM (SELECT DISTINCT industry FROM o)) i USING (industry)`,
    [datasetId, measure],
  );
  const values = new Float64Array(areas.length * years.length * industries.length).fill(NaN);
  const k = cells['k'] as number[];
  const v = cells['value'] as (number | null)[];
  for (let n = 0; n < k.length; n++) values[k[n]!] = v[n] ?? NaN;
  return { areas, years, industries, values };
}

/** The names a dataset gives its areas and its industries. */
export async function datasetNames(
  store: Store,
  datasetId: number,
): Promise<{ areas: Map<string, string>; industries: Map<string, string> }> {
  const areas = await query<{ areacd: string; areanm: string }>(
    store,
    `SELECT areacd, any_value(areanm) AS areanm FROM areas WHERE dataset_id = ? GROUP BY areacd`,
    [datasetId],
  );
  const industries = await query<{ code: string; name: string | null }>(
    store,
    `SELECT code, any_value(name) AS name FROM industries WHERE dataset_id = ? GROUP BY code`,
    [datasetId],
  );
  return {
    areas: new Map(areas.map((r) => [r.areacd, r.areanm])),
    industries: new Map(industries.map((r) => [r.code, r.name?.trim() ?? r.code])),
  };
}

/** The values of one industry measure of the current vintage of a source, with the industries' names. */
export function industryMeasure(
  store: Store,
  source: string,
  measure: string,
): Promise<{ industry: string; name: string; value: number | null; status: string | null }[]> {
  return query(
    store,
    `SELECT o.industry, i.name, o.value, o.status FROM industry_obs o JOIN current_datasets d ON d.id = o.dataset_id
       LEFT JOIN industries i ON i.dataset_id = o.dataset_id AND i.code = o.industry
      WHERE d.source = ? AND o.measure = ? ORDER BY o.industry, o.areacd, o.period`,
    [source, measure],
  );
}
