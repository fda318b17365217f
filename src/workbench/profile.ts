// The profile of one area (`strata area CODE`, `GET /api/v1/areas/{code}`): its layered economy
// over time, its specialisations, real growth by layer and headline indicators.
import { notFound } from '../core/errors.ts';
import { levelIn, LEVELS, type Level } from '../core/levels.ts';
import type { Taxonomy } from '../core/taxonomy.ts';
import type { AreaProfile } from '../contract/areas.ts';
import { layerVolume } from '../models/layers/growth.ts';
import { industryShares } from '../models/layers/specialisation.ts';
import { parentsOf, sameAreaIn2025 } from './areas.ts';
import type { Ctx } from './context.ts';
import { ladsWithin } from './geography.ts';
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
  const parents = level === 'uk' ? [] : await parentsOf(ctx, code);
  const itl1 = level === 'itl1' ? code : parents.find((p) => p.level === 'itl1')?.areacd;
  const region = itl1 ? (ctx.lookups.itl1Regions.get(itl1) ?? null) : null;
  const lads = level === 'itl3' || level === 'itl2' || level === 'itl1' ? await ladsWithin(ctx, code) : [];
  const [specialisations, growth] = await Promise.all([
    specialise(ctx, level, code, taxonomy),
    realGrowth(ctx, level, code, taxonomy),
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
    notes: [`LQ compares the area with the sum of all areas at ${level} level.`, ...layers.notes],
  };
}

const notImputed = (c: string) => c !== '68IMP';

// Shares and volumes start from the cached layer table's current-price panel and weights.

/** Industry shares for every area at a level, computed once per store state. */
function sharesAt(ctx: Ctx, level: Level, taxonomy: Taxonomy) {
  return ctx.cached(`industry-shares:${level}:${taxonomyKey(taxonomy)}`, async () => {
    const { panel, weights: w, industryNames } = await layersAll(ctx, level, 'gva_cp', taxonomy);
    return { panel, w, industryNames, ...industryShares(panel, notImputed) };
  });
}

/** Chain-linked layer volumes for every area at a level, computed once per store state. */
function volumesAt(ctx: Ctx, level: Level, taxonomy: Taxonomy) {
  return ctx.cached(`volumes:${level}:${taxonomyKey(taxonomy)}`, async () => {
    const [cp, cvm] = await Promise.all([
      layersAll(ctx, level, 'gva_cp', taxonomy),
      loadPanel(ctx, level, 'gva_cvm'),
    ]);
    return { volume: layerVolume(cp.panel, cvm.panel, cp.weights), source: cvm.source };
  });
}

async function specialise(
  ctx: Ctx,
  level: Level,
  code: string,
  taxonomy: Taxonomy,
): Promise<AreaProfile['specialisations']> {
  const { panel, w, industryNames, shares, reference } = await sharesAt(ctx, level, taxonomy);
  const a = panel.areas.indexOf(code);
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
  const { volume: v, source } = await volumesAt(ctx, level, taxonomy);
  const a = v.areas.indexOf(code);
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
  return { source: sourceText(source), years: v.years, layers };
}
