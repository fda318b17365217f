// Boundaries for maps (`GET /api/v1/boundaries/{level}`): the ONS TopoJSON layers and the ITL3
// shapefile converted at import, with retired codes brought up to date.
import { notFound } from '../core/errors.ts';
import { storedLevel, type AreaLevel } from '../core/levels.ts';
import { boundaryLayer } from '../store/queries/areas.ts';
import type { Ctx } from './context.ts';

interface Geometry {
  properties?: { areacd?: string; start?: number; end?: number; formerly?: string };
}

/**
 * Features still carrying a retired code (with no end year) take the code the statistics use
 * from the change year on, keeping the old one in `formerly`, so the map joins the data.
 */
function recode(
  topology: { objects: Record<string, { geometries?: Geometry[] }> },
  changes: ReadonlyMap<string, { code: string; effective: number }>,
): void {
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
export async function boundaryTopology(ctx: Ctx, level: AreaLevel): Promise<string> {
  const layer = await boundaryLayer(ctx.store, storedLevel(level));
  if (!layer) throw notFound('boundary layer in the store', level);
  const topology = JSON.parse(layer.topology);
  recode(topology, ctx.lookups.codeChanges);
  return JSON.stringify(topology);
}
