// The shapes the HTTP API returns (see /api/v1/openapi.json). The web app reaches the server
// only over HTTP, so these mirror the API rather than import the server's types.

export interface AreaRef {
  areacd: string;
  areanm: string;
  level: string;
}

/** GET /api/v1/areas */
export interface AreaListItem extends AreaRef {
  start: number | null;
  end: number | null;
  parents: string[];
}

/** One row of a layer table: value in the measure unit, share of the area total, location quotient. */
export interface LayerRow {
  areacd: string;
  areanm: string;
  year: number;
  layer: string;
  value: number;
  share: number;
  lq: number;
}

/** GET /api/v1/layers */
export interface LayersResponse {
  level: string;
  measure: string;
  taxonomy: string;
  years: number[];
  source: string;
  notes: string[];
  rows: LayerRow[];
}

export interface IndicatorPoint {
  areacd: string;
  areanm: string;
  value: number | null;
  lci95: number | null;
  uci95: number | null;
  status: string | null;
}

export interface IndicatorValue extends IndicatorPoint {
  indicator: string;
  label: string;
  period: string;
  unit: string;
  source: string;
  comparators: IndicatorPoint[];
  within: IndicatorPoint[];
}

export interface Specialisation {
  industry: string;
  /** The published industry name, when the API gives it. */
  name?: string;
  value: number;
  share: number;
  lq: number;
  layers: string[];
}

export interface GrowthLayer {
  layer: string;
  index: number[];
  lastYear: number;
  fiveYearAnnual: number;
  sinceStart: number;
}

/** GET /api/v1/areas/{code} */
export interface AreaProfile {
  area: AreaRef & { parents: AreaRef[]; region: AreaRef | null; lads: AreaRef[] };
  taxonomy: string;
  layers: { measure: 'gva_cp'; unit: string; source: string; years: number[]; rows: LayerRow[] };
  specialisations: { year: number; rows: Specialisation[] };
  growth: { source: string; years: number[]; layers: GrowthLayer[] };
  indicators: IndicatorValue[];
  notes: string[];
}

/** GET /api/v1/indicators (one entry) */
export interface IndicatorSummary {
  id: string;
  label: string;
  unit: string;
  periods: string[];
  latest: string;
  areas: number;
  withIntervals: number;
  source: string;
  meta: {
    subtitle?: string | null;
    longDescription?: string | null;
    caveats?: string | null;
    decimalPlaces?: number | null;
    prefix?: string | null;
    suffix?: string | null;
    subText?: string | null;
  } | null;
}

/** GET /api/v1/indicators/{id} */
export interface IndicatorValues {
  indicator: string;
  period: string;
  periods: string[];
  rows: (IndicatorPoint & { geography: string })[];
}

/** GET /api/v1/datasets (one entry) */
export interface Dataset {
  id: number;
  source: string;
  title: string;
  publisher: string;
  licence: string;
  vintage: string;
  rows: number;
  sha256: string;
  files: string[];
  imported_at: string;
  current: boolean;
}

/** GET /api/v1/taxonomies/{id} */
export interface TaxonomyInfo {
  id: string;
  version: number;
  title: string;
  sources: string[];
  layers: { id: string; name: string; description: string; divisions: string[] }[];
  rules: { splitMixedCodes: string; imputedRent: string };
}

/** A TopoJSON topology as the boundaries route serves it (only what the atlas reads). */
export interface BoundaryProps {
  areacd: string;
  areanm: string;
  start?: number | null;
  end?: number | null;
}

// The input–output routes (GET /api/v1/io/...; POST /api/v1/io/shock).

/** Fields every input–output answer carries. */
export interface IoAnswer {
  area: string;
  year: number;
  source: string;
  notes: string[];
}

/** GET /api/v1/io/layers?area= */
export interface IoLayers extends IoAnswer {
  layers: string[];
  /** Λ: row k = supplying layer, column j = demand layer. */
  matrix: number[][];
  linkages: {
    industry: string;
    name: string;
    backward: number;
    forward: number;
    forwardGhosh: number | null;
    key: boolean;
  }[];
}

/** GET /api/v1/io/multipliers?area=&type= : rows hold the named columns (type I/II, direct/indirect/induced, δ band). */
export interface IoMultipliers extends IoAnswer {
  type: number;
  delta: number | null;
  columns: string[];
  rows: ({ industry: string; name: string } & Record<string, string | number | null>)[];
}

/** GET /api/v1/io/extract?area=&layer= */
export interface IoExtraction extends IoAnswer {
  layer: string;
  lostOutput: number;
  lossLayer: number;
  lossRest: number;
  restShare: number;
  byLayer: { layer: string; baseline: number; extracted: number; loss: number }[];
  unit: string;
}

/** Direct, indirect (supply chain) and induced (household spending) parts of an effect. */
export interface IoSplit {
  direct: number;
  indirect: number;
  induced: number;
  total: number;
}

/** POST /api/v1/io/shock */
export interface IoShockResult extends IoAnswer {
  industry: string;
  amount: number;
  interregional: boolean;
  total: number;
  totals: Record<'output' | 'gva' | 'compensation' | 'employment', IoSplit | null>;
  byLayer: {
    layer: string;
    output: IoSplit;
    gva: IoSplit;
    compensation: IoSplit;
    employment: IoSplit | null;
  }[];
  byArea: { areacd: string; output: number; gva: number; employment: number | null }[];
  unit: string;
}
