import { readFileSync } from 'node:fs';
import { notFound } from '../core/errors.ts';
import { query, type Store } from '../store/db.ts';

/** Boundary layers the atlas draws, by analysis level: ONS TopoJSON (LADs) and the ITL3 shapefile converted at import. */
const LAYER: Record<string, string> = {
  lad: 'ltla',
  itl3: 'itl3',
  rgn: 'rgn',
  ctry: 'ctry',
  utla: 'utla',
  cauth: 'cauth',
};
export const BOUNDARY_LEVELS = Object.keys(LAYER);

const CHANGES = new URL('../../data/lookups/code-changes.csv', import.meta.url).pathname;

let changeTable: ReadonlyMap<string, { code: string; effective: number }> | undefined;

/**
 * Recoded areas (data/lookups/code-changes.csv): old GSS code → new code, for boundaries
 * published under the old one. The table ships with Strata, so it is read once, not per request.
 */
export function codeChanges(): ReadonlyMap<string, { code: string; effective: number }> {
  changeTable ??= new Map(
    readFileSync(CHANGES, 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => {
        const [oldCode, , newCode, , effective] = l.split(',');
        return [oldCode!, { code: newCode!, effective: Number(effective!.slice(0, 4)) }];
      }),
  );
  return changeTable;
}

interface Geometry {
  properties?: { areacd?: string; start?: number; end?: number; formerly?: string };
}

/**
 * Features still carrying a retired code (with no end year) take the code the statistics use
 * from the change year on, keeping the old one in `formerly`, so the map joins the data.
 */
function recode(topology: { objects: Record<string, { geometries?: Geometry[] }> }): void {
  const changes = codeChanges();
  for (const object of Object.values(topology.objects)) {
    for (const g of object.geometries ?? []) {
      const p = g.properties;
      const change = p?.areacd ? changes.get(p.areacd) : undefined;
      if (!p || !change || p.end !== undefined) continue;
      p.formerly = p.areacd;
      p.areacd = change.code;
      p.start = Math.max(p.start ?? change.effective, change.effective);
    }
  }
}

/** The TopoJSON text of a boundary layer, with retired codes brought up to date. */
export async function boundaryTopology(
  store: Store,
  level: string,
): Promise<{ crs: string; topology: string; source: string }> {
  const name = LAYER[level];
  if (!name) throw notFound('boundary level', level);
  const rows = await query<{ crs: string; topology: string; source: string }>(
    store,
    `SELECT b.crs, b.topology, d.publisher || ', ' || d.title || ' (' || d.vintage || ')' AS source
       FROM boundaries b JOIN current_datasets d ON d.id = b.dataset_id WHERE b.name = ? ORDER BY b.dataset_id DESC LIMIT 1`,
    [name],
  );
  if (!rows[0]) throw notFound('boundary layer in the store', level);
  const topology = JSON.parse(rows[0].topology);
  recode(topology);
  return { ...rows[0], topology: JSON.stringify(topology) };
}
