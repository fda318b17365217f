// Areas and how they nest: names, the LAD–ITL lookups (2023 and 2025 vintages), the area list
// with its search, and map centroids.
import { list, query, type Store } from '../db.ts';

/** A parent link between two levels, with the share of the child in the parent. */
export interface Link {
  child: string;
  parent: string;
  weight: number;
}

/** Parent links between two stored levels from the 2023 lookup (empty when none is imported). */
export function linksBetween(store: Store, childLevel: string, parentLevel: string): Promise<Link[]> {
  return query<Link>(
    store,
    `SELECT DISTINCT l.child, l.parent, l.weight FROM area_links l JOIN current_datasets d ON d.id = l.dataset_id
      WHERE l.vintage = '2023' AND l.child_level = ? AND l.parent_level = ?`,
    [childLevel, parentLevel],
  );
}

/** Every area name the store knows, oldest dataset first (so later rows win when put in a map). */
export function areaNameRows(store: Store): Promise<{ areacd: string; areanm: string }[]> {
  return query(
    store,
    `SELECT a.areacd, a.areanm FROM areas a JOIN current_datasets d ON d.id = a.dataset_id ORDER BY a.dataset_id`,
  );
}

/** Any name the store has for a code, or null. */
export async function areaName(store: Store, code: string): Promise<string | null> {
  const [row] = await query<{ areanm: string | null }>(
    store,
    `SELECT any_value(areanm) AS areanm FROM areas WHERE areacd = ?`,
    [code],
  );
  return row?.areanm ?? null;
}

/** The direct parents of an area in the 2023 lookup (not LAU1), with their stored level and name. */
export function parentRows(
  store: Store,
  child: string,
): Promise<{ parent: string; parent_level: string; areanm: string | null }[]> {
  return query(
    store,
    `SELECT DISTINCT l.parent, l.parent_level,
            (SELECT any_value(a.areanm) FROM areas a WHERE a.areacd = l.parent) AS areanm
       FROM area_links l JOIN current_datasets d ON d.id = l.dataset_id
      WHERE l.vintage = '2023' AND l.child = ? AND 'lau1' NOT IN (l.parent_level, l.child_level)
      ORDER BY l.parent`,
    [child],
  );
}

/** Every child's parents in the 2023 lookup (what parentRows gives one child), by child then parent. */
export function allParentRows(
  store: Store,
): Promise<{ child: string; parent: string; parent_level: string; areanm: string | null }[]> {
  return query(
    store,
    `SELECT DISTINCT l.child, l.parent, l.parent_level,
            (SELECT any_value(a.areanm) FROM areas a WHERE a.areacd = l.parent) AS areanm
       FROM area_links l JOIN current_datasets d ON d.id = l.dataset_id
      WHERE l.vintage = '2023' AND 'lau1' NOT IN (l.parent_level, l.child_level)
      ORDER BY l.child, l.parent`,
  );
}

/** An area in the list: stored level, validity years, parents at the analysis levels. */
export interface AreaListRow {
  areacd: string;
  areanm: string;
  level: string;
  start: number | null;
  end: number | null;
  parents: string[] | null;
}

/** What the area list asks: a stored level, a lower-case search, a year with the codes recoded by then. */
export interface AreaSearch {
  level: string | null;
  q: string;
  year: number | null;
  /** Codes retired by `year` and the codes that replaced them. */
  retired: string[];
  replacements: string[];
  limit: number;
}

/**
 * Current areas at a level, valid in the year by the boundary files; name or code search, exact
 * code first. ITL levels use the January 2021 codes the GVA tables use.
 */
export function areaListRows(store: Store, s: AreaSearch): Promise<AreaListRow[]> {
  return query<AreaListRow>(
    store,
    `WITH a AS (
       SELECT areacd, arg_max(areanm, dataset_id) AS areanm, level, max(start_year) AS start, max(end_year) AS "end"
         FROM areas WHERE dataset_id IN (SELECT id FROM current_datasets) AND level <> 'lau1'
        GROUP BY areacd, level),
     p AS (
       SELECT child, list(DISTINCT parent ORDER BY parent) AS parents FROM area_links
        WHERE vintage = '2023' AND dataset_id IN (SELECT id FROM current_datasets) AND parent_level <> 'lau1'
        GROUP BY child)
     SELECT a.areacd, a.areanm, a.level, a.start, a."end", p.parents FROM a LEFT JOIN p ON p.child = a.areacd
      WHERE (? IS NULL OR a.level = ?)
        AND (? = '' OR contains(lower(a.areanm), ?) OR starts_with(lower(a.areacd), ?))
        AND (? IS NULL OR a.level LIKE 'itl%' OR a.level = 'uk' OR a.areacd IN (
              -- Valid in the year by the boundary files, which carry the codes' start and end years.
              SELECT b.areacd FROM areas b WHERE b.dataset_id IN (SELECT dataset_id FROM boundaries)
                 AND b.dataset_id IN (SELECT id FROM current_datasets)
                 AND (b.start_year IS NULL OR b.start_year <= ?) AND (b.end_year IS NULL OR b.end_year >= ?)
                 AND NOT list_contains(coalesce(?, []::VARCHAR[]), b.areacd)
              UNION SELECT unnest(coalesce(?, []::VARCHAR[]))))
        AND (a.level NOT LIKE 'itl%' OR a.areacd IN (SELECT child FROM area_links WHERE vintage = '2023') OR a.areacd IN (SELECT parent FROM area_links WHERE vintage = '2023'))
      ORDER BY (lower(a.areacd) = ?) DESC, starts_with(lower(a.areanm), ?) DESC, a.areanm, a.level, a.areacd
      LIMIT ?`,
    [
      s.level,
      s.level,
      s.q,
      s.q,
      s.q,
      s.year,
      s.year,
      s.year,
      list(s.retired),
      list(s.replacements),
      s.q,
      s.q,
      s.limit,
    ],
  );
}

/**
 * For each ITL area of the 2023 lookup, the code of the 2025 lookup covering exactly the same
 * local authorities (null when none does).
 */
export function itlCodePairs(store: Store): Promise<{ new_code: string | null; old_code: string }[]> {
  return query(
    store,
    `WITH RECURSIVE up(lad, area, vintage) AS (
        SELECT child, parent, vintage FROM area_links WHERE child_level = 'ltla' AND parent_level = 'itl3'
          AND dataset_id IN (SELECT id FROM current_datasets)
        UNION
        SELECT up.lad, l.parent, l.vintage FROM up JOIN area_links l ON l.child = up.area AND l.vintage = up.vintage
         WHERE l.parent_level IN ('itl2', 'itl1') AND l.dataset_id IN (SELECT id FROM current_datasets)),
      sets AS (SELECT area, vintage, list(DISTINCT lad ORDER BY lad) AS lads FROM up GROUP BY area, vintage)
     SELECT n.area AS new_code, o.area AS old_code
       FROM sets o LEFT JOIN sets n ON n.lads = o.lads AND n.vintage = '2025' AND length(n.area) = length(o.area)
      WHERE o.vintage = '2023'`,
  );
}

/** A LAD of the April 2023 lookup with its ITL1 area and every ITL area it lies in. */
export interface LadRow {
  areacd: string;
  areanm: string | null;
  itl1: string;
  itl: string[];
}

/** The LADs of the April 2023 LAD–ITL lookup, each with its ITL areas. */
export function lad2023Rows(store: Store): Promise<LadRow[]> {
  return query<LadRow>(
    store,
    `WITH RECURSIVE up(lad, area, lvl) AS (
        SELECT child, parent, parent_level FROM area_links l JOIN current_datasets d ON d.id = l.dataset_id
         WHERE l.vintage = '2023' AND l.child_level = 'ltla' AND l.parent_level = 'itl3'
        UNION
        SELECT up.lad, l.parent, l.parent_level FROM up JOIN area_links l ON l.child = up.area
         JOIN current_datasets d ON d.id = l.dataset_id
         WHERE l.vintage = '2023' AND l.parent_level IN ('itl2', 'itl1'))
     SELECT up.lad AS areacd, any_value(up.area) FILTER (WHERE up.lvl = 'itl1') AS itl1,
            list(DISTINCT up.area ORDER BY up.area) AS itl,
            (SELECT arg_max(a.areanm, a.dataset_id) FROM areas a WHERE a.areacd = up.lad AND a.level = 'ltla') AS areanm
       FROM up GROUP BY up.lad HAVING count(*) FILTER (WHERE up.lvl = 'itl1') > 0 ORDER BY 1`,
  );
}

/** LAD codes new in the 2025 lookup paired, by name, with the 2023 codes that left it. */
export function ladRecodeRows(store: Store): Promise<{ newcd: string; oldcd: string }[]> {
  return query(
    store,
    `WITH v AS (SELECT DISTINCT l.child AS areacd, l.vintage FROM area_links l JOIN current_datasets d ON d.id = l.dataset_id
                 WHERE l.child_level = 'ltla' AND l.vintage IN ('2023', '2025')),
          n AS (SELECT areacd, arg_max(areanm, dataset_id) AS areanm FROM areas WHERE level = 'ltla' GROUP BY 1),
          only25 AS (SELECT v.areacd, n.areanm FROM v JOIN n USING (areacd) WHERE vintage = '2025'
                      AND areacd NOT IN (SELECT areacd FROM v WHERE vintage = '2023')),
          only23 AS (SELECT v.areacd, n.areanm FROM v JOIN n USING (areacd) WHERE vintage = '2023'
                      AND areacd NOT IN (SELECT areacd FROM v WHERE vintage = '2025'))
     SELECT only25.areacd AS newcd, only23.areacd AS oldcd FROM only25 JOIN only23 USING (areanm)`,
  );
}

/** Centroids (British National Grid metres) of every area at a stored level, from the imported boundaries. */
export function centroidRows(
  store: Store,
  level: string,
): Promise<{ areacd: string; x: number; y: number }[]> {
  return query(
    store,
    `SELECT areacd, any_value(x) AS x, any_value(y) AS y FROM area_geometry
      WHERE level = ? AND dataset_id IN (SELECT id FROM current_datasets) GROUP BY areacd`,
    [level],
  );
}

/** The newest boundary layer of a name (TopoJSON text), with its source, or null. */
export async function boundaryLayer(
  store: Store,
  name: string,
): Promise<{ crs: string; topology: string; source: string } | null> {
  const rows = await query<{ crs: string; topology: string; source: string }>(
    store,
    `SELECT b.crs, b.topology, d.publisher || ', ' || d.title || ' (' || d.vintage || ')' AS source
       FROM boundaries b JOIN current_datasets d ON d.id = b.dataset_id WHERE b.name = ? ORDER BY b.dataset_id DESC LIMIT 1`,
    [name],
  );
  return rows[0] ?? null;
}
