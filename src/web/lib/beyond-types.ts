// The shapes of the beyond-GDP routes (registry, compare, missions, entitlements, gender), as
// the HTTP API returns them (see /api/v1/openapi.json); mirrored, never imported from the server.

/** better / similar / worse by polarity, higher / lower without one, or not-compared (no interval). */
export type Verdict = 'better' | 'similar' | 'worse' | 'higher' | 'lower' | 'not-compared';
export type Verdicts = { '95': Verdict; '99.8': Verdict };

/** GET /api/v1/registry (one entry). */
export interface RegistryEntry {
  id: string;
  label: string;
  kind: 'published' | 'derived' | 'industry';
  group: string;
  unit: string;
  polarity: 'higher-is-better' | 'lower-is-better' | 'none';
  rationale: string;
  /** Space-separated levels: `lad cty rgn …`. */
  levels: string;
  boundaries: string;
  period: string;
  first: string | null;
  last: string | null;
  areas: number;
  interval: string;
  trend: string;
  source: string;
  publisher: string;
}

/** The indicator as a table or comparison describes it. */
export interface IndicatorInfo {
  id: string;
  label: string;
  unit: string;
  polarity: RegistryEntry['polarity'];
  rationale: string;
  interval: string;
  trendRule: string;
  source: string;
}

/** Change by the declared rule: improving / maintaining / worsening, or increasing / no-change / decreasing. */
export interface Trend {
  status: string;
  latest?: number;
  reference?: number;
  change?: number;
}

/** One area of GET /api/v1/registry/{id}. */
export interface RegistryRow {
  areacd: string;
  areanm: string;
  period: string;
  value: number | null;
  status: string | null;
  lci95: number | null;
  uci95: number | null;
  lci998: number | null;
  uci998: number | null;
  region: string | null;
  vsNational: Verdicts;
  vsRegion: Verdicts;
  trend: Trend;
}

/** GET /api/v1/registry/{id}?level=&period= */
export interface RegistryTable {
  indicator: IndicatorInfo;
  level: string;
  period: string;
  periods: string[];
  national: { areacd: string; areanm: string; value: number | null } | null;
  regions: { areacd: string; areanm: string; value: number | null }[];
  rows: RegistryRow[];
  notes: string[];
}

/** One comparator of GET /api/v1/compare/{code}. */
export interface Comparator {
  kind: 'national' | 'region' | 'set' | 'nearest';
  label: string;
  areas: string[];
  value: number | null;
  verdict: Verdicts;
}

/** GET /api/v1/compare/{code} */
export interface Comparison {
  areacd: string;
  areanm: string;
  level: string;
  neighbours: { area: string; areanm: string; distance: number }[];
  profile: string[];
  rows: {
    indicator: IndicatorInfo;
    period: string;
    area: Omit<RegistryRow, 'vsNational' | 'vsRegion' | 'trend' | 'region'>;
    comparators: Comparator[];
    trend: Trend;
  }[];
  notes: string[];
}
