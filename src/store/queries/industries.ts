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

// NOT EXISTS rather than NOT IN: DuckDB plans it as a hash anti-join (one year reads 4× faster).
const leaves = `SELECT areacd, industry, period, value FROM industry_obs o
   WHERE dataset_id = $1 AND measure = $2
     AND NOT EXISTS (SELECT 1 FROM industries p WHERE p.dataset_id = $1 AND p.parent = o.industry)`;

/**
 * The finest published industries (the leaves of the source's tree, which partition its total)
 * of a measure for every area and year, or null when the dataset has none. Lists first, then every
 * value with its (area, year, industry) position computed in SQL, so the panel fills without
 * building a string key per row. `only` reads one year (or the latest) and leaves the others out;
 * `published` lists every year the dataset has either way.
 */
export async function industryPanel(
  store: Store,
  datasetId: number,
  measure: string,
  only?: number | 'latest',
): Promise<(IndustryPanel & { published: number[] }) | null> {
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
  const published = (lists['year'] as number[]).filter((_, k) => kinds[k] === 'y');
  const industries = (lists['key'] as string[]).filter((_, k) => kinds[k] === 'i');
  if (areas.length === 0) return null;
  // One year (a CLI asking for one reads a 26th of the cells), or every year.
  const one = only === 'latest' ? published.at(-1)! : only;
  const years = one === undefined ? published : published.includes(one) ? [one] : [];
  // Positions come from every year's lists (`l`), so one year's panel lines up with the whole one.
  const cells = await queryColumns(
    store,
    `WITH l AS (${leaves}), o AS (SELECT * FROM l${one === undefined ? '' : ' WHERE period = $3'})
     SELECT (a.ai * ${years.length} + y.yi) * ${industries.length} + i.ii AS k, o.value
       FROM o
       JOIN (SELECT areacd, (row_number() OVER (ORDER BY areacd) - 1)::INTEGER AS ai FROM (SELECT DISTINCT areacd FROM l)) a USING (areacd)
       JOIN (SELECT period, (row_number() OVER (ORDER BY period) - 1)::INTEGER AS yi FROM (SELECT DISTINCT period FROM o)) y USING (period)
       JOIN (SELECT industry, (row_number() OVER (ORDER BY industry) - 1)::INTEGER AS ii FROM (SELECT DISTINCT industry FROM l)) i USING (industry)`,
    one === undefined ? [datasetId, measure] : [datasetId, measure, one],
  );
  const values = new Float64Array(areas.length * years.length * industries.length).fill(NaN);
  const k = cells['k'] as number[];
  const v = cells['value'] as (number | null)[];
  for (let n = 0; n < k.length; n++) values[k[n]!] = v[n] ?? NaN;
  return { areas, years, industries, values, published };
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
