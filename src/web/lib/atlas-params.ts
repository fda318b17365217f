// The atlas's settings, all in the URL query: /?level=lad&layer=everyday&stat=lq&year=2015, /?level=cauth,
// /?level=itl3&indicator=gross-median-weekly-pay&period=2025-04-30&classes=jenks&area=TLC11.
import type { ClassMethod } from './classes.ts';
import type { LayerStat } from './atlas.ts';

export type AtlasLevel = 'lad' | 'itl3' | 'cauth';
export type Measure = 'gva_cp' | 'residents_in_employment';

export interface AtlasParams {
  level: AtlasLevel;
  /** An indicator id, or null when a layer is shown. */
  indicator: string | null;
  layer: string;
  stat: LayerStat;
  measure: Measure;
  /** A year, or `latest`. */
  year: string;
  /** An indicator period as published, or null for the latest. */
  period: string | null;
  method: ClassMethod;
  /** An area whose series of the indicator is drawn under the map, or null. */
  area: string | null;
}

export const LEVEL_NAMES: Record<AtlasLevel, string> = {
  lad: 'local authority districts',
  itl3: 'ITL3 areas',
  cauth: 'combined authorities',
};

export const MEASURE_NAMES: Record<Measure, string> = {
  gva_cp: 'gross value added at current prices',
  residents_in_employment: 'residents in employment (Census 2021)',
};

const oneOf = <T extends string>(v: string | null, allowed: readonly T[], fallback: T): T =>
  v !== null && (allowed as readonly string[]).includes(v) ? (v as T) : fallback;

/** Reads the atlas settings from a query string, with defaults for anything missing or unknown. */
export function readAtlasParams(q: URLSearchParams): AtlasParams {
  const indicator = q.get('indicator');
  const stat = oneOf<LayerStat>(q.get('stat'), ['share', 'lq', 'value'], 'share');
  const year = q.get('year');
  const area = q.get('area');
  return {
    level: oneOf<AtlasLevel>(q.get('level'), ['lad', 'itl3', 'cauth'], 'lad'),
    indicator: indicator && /^[a-z0-9:-]{1,120}$/.test(indicator) ? indicator : null,
    layer: q.get('layer') ?? 'foundational-material',
    stat,
    measure: oneOf<Measure>(q.get('measure'), ['gva_cp', 'residents_in_employment'], 'gva_cp'),
    year: year && /^\d{4}$/.test(year) ? year : 'latest',
    period: q.get('period'),
    method:
      !indicator && stat === 'lq'
        ? 'lq'
        : oneOf<ClassMethod>(q.get('classes'), ['quantile', 'jenks'], 'quantile'),
    area: area && /^[A-Z0-9]{3,9}$/.test(area) ? area : null,
  };
}
