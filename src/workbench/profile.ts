import { notFound } from '../core/errors.ts';
import type { Taxonomy } from '../core/taxonomy.ts';
import { layerVolume } from '../models/layers/growth.ts';
import { industryShares } from '../models/layers/specialisation.ts';
import type { Store } from '../store/db.ts';
import { analysisLevel, itl1Regions, parentsOf, sameAreaIn2025, type AreaRef } from './areas.ts';
import { ladsWithin } from './geography.ts';
import { cached } from './cache.ts';
import { headlineIndicators, type IndicatorValue } from './indicators.ts';
import { layerRows, layersCached, taxonomyKey, type LayerRow } from './layers.ts';
import { loadPanel, type Level } from './panels.ts';

/** Everything `strata area CODE` and `GET /api/v1/areas/{code}` show about one place. */
export interface AreaProfile {
  area: AreaRef & { parents: AreaRef[]; region: AreaRef | null; lads: AreaRef[] };
  taxonomy: string;
  /** GVA at current prices by layer, every year: value (£m), share, LQ against the sum of areas at this level. */
  layers: { measure: 'gva_cp'; unit: '£ million'; source: string; years: number[]; rows: LayerRow[] };
  /** Published industries with the highest location quotients in the latest year, with their counts. */
  specialisations: {
    year: number;
    rows: { industry: string; name: string; value: number; share: number; lq: number; layers: string[] }[];
  };
  /** Real growth by layer from chained-volume measures, chain-linked with current-price weights. */
  growth: {
    source: string;
    years: number[];
    layers: {
      layer: string;
      index: number[];
      lastYear: number;
      fiveYearAnnual: number;
      sinceStart: number;
    }[];
  };
  indicators: IndicatorValue[];
  notes: string[];
}

/** The profile of one area: layered economy over time, specialisations, real growth, headline indicators. */
export async function areaProfile(store: Store, code: string, taxonomy: Taxonomy): Promise<AreaProfile> {
  const level = analysisLevel(code);
  const layers = await layersCached(store, level, 'gva_cp', taxonomy);
  if (!layers.table.areas.includes(code)) throw notFound('area', code);
  const parents = level === 'uk' ? [] : await parentsOf(store, code);
  const itl1 = level === 'itl1' ? code : parents.find((p) => p.level === 'itl1')?.areacd;
  const region = itl1 ? (itl1Regions().get(itl1) ?? null) : null;
  const lads = level === 'itl3' || level === 'itl2' || level === 'itl1' ? await ladsWithin(store, code) : [];
  const [specialisations, growth] = await Promise.all([
    specialise(store, level, code, taxonomy),
    realGrowth(store, level, code, taxonomy),
  ]);
  const alias = level.startsWith('itl') ? await sameAreaIn2025(store, code) : null;
  const indicators = await headlineIndicators(store, code, level, region, lads, alias);
  return {
    area: { areacd: code, areanm: layers.names.get(code) ?? code, level, parents, region, lads },
    taxonomy: taxonomy.id,
    layers: {
      measure: 'gva_cp',
      unit: '£ million',
      source: `${layers.source.publisher}, ${layers.source.title} (${layers.source.vintage})`,
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
function sharesAt(store: Store, level: Level, taxonomy: Taxonomy) {
  return cached(store, `industry-shares:${level}:${taxonomyKey(taxonomy)}`, async () => {
    const { panel, weights: w, industryNames } = await layersCached(store, level, 'gva_cp', taxonomy);
    return { panel, w, industryNames, ...industryShares(panel, notImputed) };
  });
}

/** Chain-linked layer volumes for every area at a level, computed once per store state. */
function volumesAt(store: Store, level: Level, taxonomy: Taxonomy) {
  return cached(store, `volumes:${level}:${taxonomyKey(taxonomy)}`, async () => {
    const [cp, cvm] = await Promise.all([
      layersCached(store, level, 'gva_cp', taxonomy),
      loadPanel(store, level, 'gva_cvm'),
    ]);
    return { volume: layerVolume(cp.panel, cvm.panel, cp.weights), source: cvm.source };
  });
}

async function specialise(
  store: Store,
  level: Level,
  code: string,
  taxonomy: Taxonomy,
): Promise<AreaProfile['specialisations']> {
  const { panel, w, industryNames, shares, reference } = await sharesAt(store, level, taxonomy);
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
  store: Store,
  level: Level,
  code: string,
  taxonomy: Taxonomy,
): Promise<AreaProfile['growth']> {
  const { volume: v, source } = await volumesAt(store, level, taxonomy);
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
  return { source: `${source.publisher}, ${source.title} (${source.vintage})`, years: v.years, layers };
}
