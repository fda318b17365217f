// The group a shocked area belongs to, for splitting an interregional shock into the area,
// elsewhere in its group and the rest of the UK: its combined authority when the authority is
// made of whole areas at the model's level, otherwise its ITL1 region.
import type { Link } from '../models/layers/rollup.ts';
import { cauthMembership } from './cauth.ts';
import type { Ctx } from './context.ts';
import { areaNames, requireLinks } from './panels.ts';

export interface ShockGroup {
  areacd: string;
  areanm: string;
  kind: 'cauth' | 'itl1';
  /** The group's areas at the model's level (the shocked area among them). */
  members: string[];
}

/** Each child's parent: where a child is split between parents, the one with the largest share. */
function parentOf(links: readonly Link[]): Map<string, string> {
  const best = new Map<string, Link>();
  for (const l of links) {
    const b = best.get(l.child);
    if (!b || l.weight > b.weight) best.set(l.child, l);
  }
  return new Map([...best].map(([c, l]) => [c, l.parent]));
}

function childrenOf(links: readonly Link[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [child, parent] of parentOf(links)) out.set(parent, [...(out.get(parent) ?? []), child]);
  return out;
}

/** The combined authority's ITL3 areas when it is exactly a union of whole ITL3 areas holding `itl3`; else null. */
function cauthAsItl3(
  itl3: string,
  ladsOf: Map<string, string[]>,
  caOf: Map<string, string>,
  members: Map<string, string[]>,
) {
  const cas = new Set((ladsOf.get(itl3) ?? []).map((l) => caOf.get(l)));
  const ca = cas.size === 1 ? [...cas][0] : undefined;
  if (!ca) return null;
  const caLads = new Set(members.get(ca));
  const inside = [...ladsOf].filter(([, lads]) => lads.every((l) => caLads.has(l)));
  const covered = inside.reduce((n, [, lads]) => n + lads.length, 0);
  return covered === caLads.size ? { ca, members: inside.map(([p]) => p) } : null;
}

/** The shocked area's combined authority (in whole areas at `level`) or else its ITL1 region, among `areas`. */
export async function shockGroup(
  ctx: Ctx,
  level: 'itl3' | 'lad',
  area: string,
  areas: readonly string[],
): Promise<ShockGroup> {
  const cauth = await cauthMembership(ctx);
  const caOf = parentOf(cauth.links);
  const inModel = (codes: readonly string[]) => codes.filter((a) => areas.includes(a));
  const ladToItl3 = await requireLinks(ctx, 'ltla', 'itl3');
  const ca =
    level === 'lad'
      ? caOf.has(area)
        ? { ca: caOf.get(area)!, members: cauth.members.get(caOf.get(area)!)! }
        : null
      : cauthAsItl3(area, childrenOf(ladToItl3), caOf, cauth.members);
  if (ca)
    return {
      areacd: ca.ca,
      areanm: cauth.names.get(ca.ca) ?? ca.ca,
      kind: 'cauth',
      members: inModel(ca.members),
    };
  return itl1Group(ctx, level, area, areas, ladToItl3);
}

async function itl1Group(
  ctx: Ctx,
  level: 'itl3' | 'lad',
  area: string,
  areas: readonly string[],
  ladToItl3: Link[],
): Promise<ShockGroup> {
  const up = [
    parentOf(await requireLinks(ctx, 'itl3', 'itl2')),
    parentOf(await requireLinks(ctx, 'itl2', 'itl1')),
  ];
  if (level === 'lad') up.unshift(parentOf(ladToItl3));
  const itl1 = (a: string) => up.reduce<string | undefined>((c, m) => (c === undefined ? c : m.get(c)), a);
  const region = itl1(area);
  if (!region) throw new Error(`no ITL1 region for ${area} in the LAD–ITL lookup`);
  const names = await areaNames(ctx);
  return {
    areacd: region,
    areanm: names.get(region) ?? region,
    kind: 'itl1',
    members: areas.filter((a) => itl1(a) === region),
  };
}
