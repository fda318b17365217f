// Combined authorities as areas: which April 2023 local authority districts make up each one.
// The pack carries no official LAD → combined authority lookup, so membership is derived from
// the ONS boundaries (a district belongs where a point inside it falls) and checked: the members'
// areas must add up to the combined authority's, or the authority is left out with a note.
import { feature } from 'topojson-client';
import { UsageError } from '../core/errors.ts';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { membersByBoundary, type AreaFeature } from '../models/geo/membership.ts';
import type { Link } from '../models/layers/rollup.ts';
import { boundaryLayer } from '../store/queries/areas.ts';
import type { Ctx } from './context.ts';
import { lads2023 } from './geography.ts';

/** Combined authorities with their member districts, derived from the boundaries. */
export interface CauthMembership {
  /** LAD → combined authority, weight 1 (a district lies wholly in one authority). */
  links: Link[];
  names: Map<string, string>;
  /** Authority → its member LADs. */
  members: Map<string, string[]>;
  source: string;
  notes: string[];
}

/** The year whose district boundaries match the April 2023 codes the LAD tables use. */
const LAD_YEAR = 2023;

/** Membership of every combined authority (E47) in the ONS boundaries, computed once per store state. */
export function cauthMembership(ctx: Ctx): Promise<CauthMembership> {
  return ctx.cached('cauth:membership', async () => {
    const [cauth, ltla] = await Promise.all([layer(ctx, 'cauth'), layer(ctx, 'ltla')]);
    const current = new Set((await lads2023(ctx)).map((l) => l.areacd));
    const authorities = cauth.features.filter((f) => f.properties.areacd.startsWith('E47'));
    const districts = ltla.features.filter((f) => validIn(f, LAD_YEAR) && current.has(f.properties.areacd));
    const links: Link[] = [];
    const members = new Map<string, string[]>();
    const notes = [
      `Combined authorities are derived: each is the sum of the April ${LAD_YEAR} local authority districts whose boundaries lie inside it (${cauth.source}); shares are of the summed GVA and LQs compare with the UK.`,
    ];
    for (const m of membersByBoundary(authorities, districts)) {
      if (!m.ok || m.members.length === 0) {
        notes.push(
          `${m.parent} left out: its member districts cover ${(100 * m.cover).toFixed(1)}% of its area, not all of it`,
        );
        continue;
      }
      members.set(m.parent, m.members);
      for (const child of m.members) links.push({ child, parent: m.parent, weight: 1 });
    }
    const names = new Map(authorities.map((f) => [f.properties.areacd, f.properties.areanm]));
    return { links, names, members, source: cauth.source, notes };
  });
}

type Named = AreaFeature & { properties: { areacd: string; areanm: string; start?: number; end?: number } };

const validIn = (f: Named, year: number) =>
  (f.properties.start ?? -Infinity) <= year && year <= (f.properties.end ?? Infinity);

async function layer(ctx: Ctx, name: string): Promise<{ features: Named[]; source: string }> {
  const stored = await boundaryLayer(ctx.store, name);
  if (!stored)
    throw new UsageError(`no ${name} boundaries in the store: import the ONS boundaries`, 'no_data', 409);
  const topology = JSON.parse(stored.topology) as Topology;
  const object = topology.objects[name] as GeometryCollection;
  const features = (feature(topology, object) as unknown as { features: Named[] }).features;
  return { features, source: stored.source };
}
