// The profile of one area (`strata area CODE`, `GET /api/v1/areas/{code}`): its layered economy
// over time, its specialisations, real growth by layer and headline indicators.
import { notFound } from '../core/errors.ts';
import { levelIn, LEVELS, type Level } from '../core/levels.ts';
import type { Taxonomy } from '../core/taxonomy.ts';
import type { AreaProfile } from '../contract/areas.ts';
import { layerVolume, type LayerVolume } from '../models/layers/growth.ts';
import type { Panel } from '../models/layers/panel.ts';
import type { LayerWeights } from '../models/layers/split.ts';
import { industryShares } from '../models/layers/specialisation.ts';
import { parentsOf, sameAreaIn2025 } from './areas.ts';
import type { Ctx } from './context.ts';
import { cauthMembership } from './cauth.ts';
import { areaExplain } from './explain.ts';
import { lads2023, ladsWithin } from './geography.ts';
import { headlineIndicators } from './indicators.ts';
import { layerRows, layersAll } from './layers.ts';
import { loadPanel } from './panels.ts';
import { sourceText } from './sources.ts';
import { taxonomyKey } from './taxonomies.ts';

/** The profile of one area: layered economy over time, specialisations, real growth, headline indicators. */
export async function areaProfile(ctx: Ctx, code: string, taxonomy: Taxonomy): Promise<AreaProfile> {
  const level = levelIn(code, LEVELS);
  const layers = await layersAll(ctx, level, 'gva_cp', taxonomy);
  if (!layers.table.areas.includes(code)) throw notFound('area', code);
  const { parents, region, lads } = await placeOf(ctx, level, code);
  const [specialisations, growth, explain] = await Promise.all([
    specialise(ctx, level, code, taxonomy),
    realGrowth(ctx, level, code, taxonomy),
    volumesAt(ctx, level, taxonomy).then((v) => areaExplain(ctx, level, code, taxonomy, v.inputs, v.volume)),
  ]);
  const alias = level.startsWith('itl') ? await sameAreaIn2025(ctx, code) : null;
  const indicators = await headlineIndicators(ctx, code, level, { region, lads, alias });
  return {
    area: { areacd: code, areanm: layers.names.get(code) ?? code, level, parents, region, lads },
    taxonomy: taxonomy.id,
    layers: {
      measure: 'gva_cp',
      unit: '£ million',
      source: sourceText(layers.source),
      years: layers.years,
      rows: layerRows(layers, undefined, code),
    },
    specialisations,
    growth,
    indicators,
    explain,
    notes: [
      level === 'cauth'
        ? 'LQ compares the area with the UK (the sum of every local authority district).'
        : `LQ compares the area with the sum of all areas at ${level} level.`,
      ...layers.notes,
    ],
  };
}

/** Where an area sits: its parents (a district's combined authority among them), its region, the districts inside it. */
async function placeOf(ctx: Ctx, level: Level, code: string) {
  if (level === 'cauth') return cauthPlace(ctx, code);
  const parents = level === 'uk' ? [] : await parentsOf(ctx, code);
  const itl1 = level === 'itl1' ? code : parents.find((p) => p.level === 'itl1')?.areacd;
  const region = itl1 ? (ctx.lookups.itl1Regions.get(itl1) ?? null) : null;
  const lads = level === 'itl3' || level === 'itl2' || level === 'itl1' ? await ladsWithin(ctx, code) : [];
  if (level === 'lad') {
    const m = await cauthMembership(ctx);
    for (const [cauth, members] of m.members)
      if (members.includes(code))
        parents.push({ areacd: cauth, areanm: m.names.get(cauth) ?? cauth, level: 'cauth' });
  }
  return { parents, region, lads };
}

/** A combined authority's member districts and the region they share (none when they span two). */
async function cauthPlace(ctx: Ctx, code: string) {
  const members = (await cauthMembership(ctx)).members.get(code) ?? [];
  const lads = (await lads2023(ctx)).filter((l) => members.includes(l.areacd));
  const regions = [...new Set(lads.map((l) => l.region))];
  const first = lads[0];
  const region =
    regions.length === 1 && first ? { areacd: first.region, areanm: first.regionName, level: 'rgn' } : null;
  return {
    parents: [],
    region,
    lads: lads.map((l) => ({ areacd: l.areacd, areanm: l.areanm, level: 'lad' })),
  };
}

/** Owner-occupiers' imputed rental is left out of shares and specialisations. */
export const notImputed = (c: string) => c !== '68IMP';

// Shares and volumes start from the cached layer table's current-price panel and weights.

/** Industry shares for every area at a level, computed once per store state. */
function sharesAt(ctx: Ctx, level: Level, taxonomy: Taxonomy) {
  return ctx.cached(`industry-shares:${level}:${taxonomyKey(taxonomy)}`, async () => {
    const { panel, weights: w, industryNames } = await layersAll(ctx, level, 'gva_cp', taxonomy);
    const { shares, reference } = industryShares(panel, notImputed);
    if (level !== 'cauth') return { panel, w, industryNames, shares, reference };
    // combined authorities against the UK: every district's industry shares
    const lad = await layersAll(ctx, 'lad', 'gva_cp', taxonomy);
    return { panel, w, industryNames, shares, reference: industryShares(lad.panel, notImputed).reference };
  });
}

/** Chain-linked layer volumes for every area at a level, computed once per store state. */
function volumesAt(ctx: Ctx, level: Level, taxonomy: Taxonomy) {
  return ctx.cached(`volumes:${level}:${taxonomyKey(taxonomy)}`, async () => {
    const [cp, cvm] = await Promise.all([
      layersAll(ctx, level, 'gva_cp', taxonomy),
      loadPanel(ctx, level, 'gva_cvm'),
    ]);
    return {
      volume: layerVolume(cp.panel, cvm.panel, cp.weights),
      source: cvm.source,
      inputs: { cp: cp.panel, cvm: cvm.panel, w: cp.weights, industryNames: cp.industryNames },
    };
  });
}

async function specialise(
  ctx: Ctx,
  level: Level,
  code: string,
  taxonomy: Taxonomy,
): Promise<AreaProfile['specialisations']> {
  const { panel, w, industryNames, shares, reference } = await sharesAt(ctx, level, taxonomy);
  return topSpecialisations({ panel, w, industryNames, shares, reference }, panel.areas.indexOf(code));
}

/** What specialisations are read from: a current-price panel, its weights and names, industry shares and their reference. */
export interface ShareInputs {
  panel: Panel;
  w: LayerWeights;
  industryNames: Map<string, string>;
  shares: Float64Array;
  reference: Float64Array;
}

/** The ten published industries with the highest LQ for area index `a` in the latest year. */
export function topSpecialisations(s: ShareInputs, a: number): AreaProfile['specialisations'] {
  const { panel, w, industryNames, shares, reference } = s;
  const Y = panel.years.length;
  const y = Y - 1;
  const I = panel.industries.length;
  const rows = panel.industries
    .map((industry, i) => {
      const share = shares[(a * Y + y) * I + i]!;
      return {
        industry,
        name: industryNames.get(industry) ?? industry,
        value: panel.values[(a * Y + y) * I + i]!,
        share,
        lq: share / reference[y * I + i]!,
        layers: w.layers.filter((_, l) => w.weights[i * w.layers.length + l]! > 0),
      };
    })
    .filter((r) => notImputed(r.industry) && r.value > 0 && Number.isFinite(r.lq))
    .sort((p, q) => q.lq - p.lq)
    .slice(0, 10);
  return { year: panel.years[y]!, rows };
}

async function realGrowth(
  ctx: Ctx,
  level: Level,
  code: string,
  taxonomy: Taxonomy,
): Promise<AreaProfile['growth']> {
  const { volume, source } = await volumesAt(ctx, level, taxonomy);
  return growthOf(volume, volume.areas.indexOf(code), sourceText(source));
}

/** Real growth by layer of area index `a`: the volume index, last year, five-year annual and since the start. */
export function growthOf(v: LayerVolume, a: number, source: string): AreaProfile['growth'] {
  const Y = v.years.length;
  const L = v.layers.length;
  const layers = v.layers.map((layer, l) => {
    const index = v.years.map((_, k) => v.index[(a * Y + k) * L + l]!);
    const last = index[Y - 1]!;
    return {
      layer,
      index,
      lastYear: last / index[Y - 2]! - 1,
      fiveYearAnnual: Math.pow(last / index[Y - 6]!, 1 / 5) - 1,
      sinceStart: last / index[0]! - 1,
    };
  });
  return { source, years: v.years, layers };
}
