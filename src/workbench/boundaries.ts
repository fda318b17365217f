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

/** The TopoJSON text of a boundary layer (served as stored: no parse and re-serialise). */
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
  return rows[0];
}
