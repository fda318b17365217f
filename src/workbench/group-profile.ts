// The profile of a custom group of areas: the members' industry panels summed (so £ add up,
// shares are of the summed GVA, i.e. GVA-weighted, and LQs compare with the UK), with England
// and the UK summed from the same table beside it. A combined authority's own profile is the
// same sum over its districts, so a group of them equals it.
import { UsageError } from '../core/errors.ts';
import type { Taxonomy } from '../core/taxonomy.ts';
import type { AreaGroupProfile, GroupComparatorRow } from '../contract/area-group.ts';
import type { AreaRef } from '../contract/common.ts';
import { layerVolume, type LayerVolume } from '../models/layers/growth.ts';
import { layerTable, type LayerTable } from '../models/layers/layer-table.ts';
import type { Panel } from '../models/layers/panel.ts';
import { rollUp, type Link } from '../models/layers/rollup.ts';
import { industryShares } from '../models/layers/specialisation.ts';
import { GROUP_CODE, resolveGroup, type ResolvedGroup } from './area-group.ts';
import type { Ctx } from './context.ts';
import type { ParsedFile } from './data-file.ts';
import { lads2023 } from './geography.ts';
import { contributionsOf, explainRule, latestSplit, splitFlags } from './explain.ts';
import { layerRows, layersAll, type LayersResult } from './layers.ts';
import { loadPanel } from './panels.ts';
import { growthOf, notImputed, topSpecialisations } from './profile.ts';
import { sourceText } from './sources.ts';

const ENGLAND = { areacd: 'E92000001', areanm: 'England' };
const UK = { areacd: 'K02000001', areanm: 'United Kingdom' };

/** England's districts (E06–E09) or ITL areas (TLC–TLK, the nine English regions). */
const inEngland = (code: string) => /^E0[6-9]/.test(code) || /^TL[C-K]/.test(code);

/** The profile of a group declared in a file or a URL list; nothing is stored. */
export async function groupProfile(
  ctx: Ctx,
  file: ParsedFile,
  taxonomy: Taxonomy,
): Promise<AreaGroupProfile> {
  const g = await resolveGroup(ctx, file);
  const cp = await layersAll(ctx, g.base, 'gva_cp', taxonomy);
  const links = linksOf(g, cp.panel.areas);
  const sum = rollUp(cp.panel, links);
  if (sum.incomplete.includes(GROUP_CODE))
    throw new UsageError(
      `not every area of ${g.spec.name} is published in ${sourceText(cp.source)}: ${g.codes.filter((c) => !cp.panel.areas.includes(c)).join(', ')}`,
      'no_data',
      409,
    );
  const table = layerTable(sum.panel, cp.weights, cp.table.reference);
  const names = new Map([
    [GROUP_CODE, g.spec.name],
    [ENGLAND.areacd, ENGLAND.areanm],
    [UK.areacd, UK.areanm],
  ]);
  const { volume, source, cvm: cvmSum } = await volumes(ctx, g.base, sum.panel, links, cp.weights);
  const { shares } = industryShares(sum.panel, notImputed);
  const { reference } = industryShares(cp.panel, notImputed);
  const at = sum.panel.areas.indexOf(GROUP_CODE);
  return {
    area: { areacd: GROUP_CODE, areanm: g.spec.name, level: 'group', ...(await placeOf(ctx, g)) },
    taxonomy: taxonomy.id,
    layers: {
      measure: 'gva_cp',
      unit: '£ million',
      source: sourceText(cp.source),
      years: cp.years,
      rows: layerRows({ ...cp, table, names }, undefined, GROUP_CODE),
    },
    specialisations: topSpecialisations(
      { panel: sum.panel, w: cp.weights, industryNames: cp.industryNames, shares, reference },
      at,
    ),
    growth: growthOf(volume, volume.areas.indexOf(GROUP_CODE), source),
    indicators: [],
    explain: groupExplain(sum.panel, cvmSum, cp, at),
    group: {
      name: g.spec.name,
      description: g.spec.description ?? null,
      members: g.members,
      base: g.base,
      derived: true,
    },
    comparators: comparatorsOf(table, volume, names),
    notes: [
      `Derived: a group is the sum of its ${g.codes.length} ${g.base === 'lad' ? 'local authority districts' : `${g.base.toUpperCase()} areas`} in the same table; £ add up, shares are of the summed GVA (weighted by GVA) and LQs compare with the UK (the sum of every area in the table). England and the UK are summed from the same table.`,
      'Published indicators (pay, employment rates, …) are not combined for a group: a median of medians is no median. See each member’s profile.',
      ...cp.notes,
    ],
  };
}

/** Contributions to the group's real growth and its split flags; a group has no peers to be flagged against. */
function groupExplain(cp: Panel, cvm: Panel, r: LayersResult, at: number): AreaGroupProfile['explain'] {
  const x = { cp, cvm, w: r.weights, industryNames: r.industryNames };
  const b = cvm.areas.indexOf(GROUP_CODE);
  // the volume panel may lack a comparator the current-price one has: read both at the group
  const one = (p: Panel, a: number): Panel => {
    const n = p.years.length * p.industries.length;
    return { ...p, areas: [GROUP_CODE], values: p.values.slice(a * n, (a + 1) * n) };
  };
  const y = { ...x, cp: one(cp, at), cvm: one(cvm, b) };
  const contributions = contributionsOf(y, 0);
  const rule = explainRule();
  return { contributions, rule, flags: splitFlags(contributions, latestSplit(y, 0), rule), releases: [] };
}

/** Members → the group, English areas → England, every area → the UK. */
function linksOf(g: ResolvedGroup, areas: string[]): Link[] {
  return [
    ...g.codes.map((child) => ({ child, parent: GROUP_CODE, weight: 1 })),
    ...areas.filter(inEngland).map((child) => ({ child, parent: ENGLAND.areacd, weight: 1 })),
    ...areas.map((child) => ({ child, parent: UK.areacd, weight: 1 })),
  ];
}

/** Chain-linked layer volumes of the summed areas (current-price and volume panels summed alike). */
async function volumes(
  ctx: Ctx,
  base: ResolvedGroup['base'],
  cp: Panel,
  links: Link[],
  w: Parameters<typeof layerVolume>[2],
): Promise<{ volume: LayerVolume; source: string; cvm: Panel }> {
  const cvm = await loadPanel(ctx, base, 'gva_cvm');
  const sum = rollUp(cvm.panel, links);
  // a comparator missing from the volume table is dropped from both, so the panels match
  const keep = (p: Panel): Panel => {
    const idx = sum.panel.areas.map((a) => p.areas.indexOf(a));
    const n = p.years.length * p.industries.length;
    const values = new Float64Array(idx.length * n);
    idx.forEach((i, k) => values.set(p.values.subarray(i * n, (i + 1) * n), k * n));
    return { ...p, areas: sum.panel.areas, values };
  };
  if (!sum.panel.areas.includes(GROUP_CODE))
    throw new UsageError(`not every area of the group has volume measures`, 'no_data', 409);
  return { volume: layerVolume(keep(cp), sum.panel, w), source: sourceText(cvm.source), cvm: sum.panel };
}

/** The districts a group covers and the region they share (none when they span two). */
async function placeOf(ctx: Ctx, g: ResolvedGroup) {
  const all = await lads2023(ctx);
  const lads = all.filter((l) =>
    g.base === 'lad' ? g.codes.includes(l.areacd) : l.itl.some((c) => g.codes.includes(c)),
  );
  const regions = [...new Set(lads.map((l) => l.region))];
  const first = lads[0];
  const region: AreaRef | null =
    regions.length === 1 && first ? { areacd: first.region, areanm: first.regionName, level: 'rgn' } : null;
  return {
    parents: [],
    region,
    lads: lads.map((l) => ({ areacd: l.areacd, areanm: l.areanm, level: 'lad' })),
  };
}

/** The group, England and the UK by layer in the latest year, with real growth since the first year. */
function comparatorsOf(
  t: LayerTable,
  v: LayerVolume,
  names: Map<string, string>,
): AreaGroupProfile['comparators'] {
  const Y = t.years.length;
  const L = t.layers.length;
  const VY = v.years.length;
  const rows: GroupComparatorRow[] = [];
  t.layers.forEach((layer, l) =>
    [GROUP_CODE, ENGLAND.areacd, UK.areacd].forEach((areacd) => {
      const a = t.areas.indexOf(areacd);
      if (a < 0) return;
      const i = (a * Y + Y - 1) * L + l;
      const b = v.areas.indexOf(areacd);
      const growth = b < 0 ? NaN : v.index[(b * VY + VY - 1) * L + l]! / v.index[b * VY * L + l]! - 1;
      rows.push({
        layer,
        areacd,
        areanm: names.get(areacd) ?? areacd,
        value: t.values[i]!,
        share: t.shares[i]!,
        lq: t.lq[i]!,
        sinceStart: Number.isFinite(growth) ? growth : null,
      });
    }),
  );
  return { year: t.years[Y - 1]!, growthYears: v.years, rows };
}
