import type { IoTable } from './io-table.ts';

/**
 * The typed records readers produce and the store keeps. Publisher vocabulary (GSS/ITL
 * codes, SIC codes as printed, status markers) is kept as published.
 */

/** The ONS tidy indicator schema (Explore Local Statistics). */
export interface Observation {
  areacd: string;
  areanm: string;
  /** Publisher's geography label (`Country`, `Region`, `Lower Tier Local Authority`, ...). */
  geography: string;
  /** Stable indicator id, e.g. `gross-median-weekly-pay`. */
  indicator: string;
  /** Period as published: `2025-04-30`, `2022`, `2021/22`, `2023-Q1` ... */
  period: string;
  observation: number | null;
  measure: string;
  unit: string;
  lci95: number | null;
  uci95: number | null;
  /** Publisher's marker: `x` suppressed, `p` provisional, `u` unreliable, ... or null. */
  status: string | null;
  notes: string | null;
  /** The indicator as named in the file's `indicator` column (`Business births`); the id may be a slug of it. */
  indicatorLabel?: string;
}

/** What a publisher says about an indicator: the Explore Local Statistics metadata sidecar, flattened. */
export interface IndicatorMeta {
  /** The id observations carry in `indicator`. */
  id: string;
  /** The dataset (file stem) it was published in, e.g. `business-demography`. */
  dataset: string;
  /** Name in the data file's `indicator` column. */
  publishedName: string;
  label: string;
  subtitle: string | null;
  /** Measure and unit as the data file gives them (`Pounds`, `£`). */
  measure: string | null;
  unit: string | null;
  /** Display hints as published (`GBPSign`, `%`, `minutes`). */
  prefix: string | null;
  suffix: string | null;
  subText: string | null;
  decimalPlaces: number | null;
  sourceOrg: string | null;
  sourceURL: string | null;
  /** As published, `dd/mm/yyyy`, several joined by `|` when there are several sources. */
  sourceDate: string | null;
  longDescription: string | null;
  caveats: string | null;
  /** Publisher's flags `experimentalStatistic` and `standardised` (`T`/`F`). */
  experimental: boolean | null;
  standardised: boolean | null;
}

/** A measure by area and industry: GVA, employees, residents in employment. */
export type IndustryMeasure =
  | 'gva_cp'
  | 'gva_cvm'
  | 'cvm_index'
  | 'deflator'
  | 'employees'
  | 'employment'
  | 'residents_in_employment'
  | 'ghg_intensity'
  | 'co2_intensity'
  // ASHE gender pay gap (%) by industry, Table 4.12: statistic × full-time/part-time.
  | 'gpg_median_all'
  | 'gpg_median_full_time'
  | 'gpg_median_part_time'
  | 'gpg_mean_all'
  | 'gpg_mean_full_time'
  | 'gpg_mean_part_time';

export interface IndustryObservation {
  areacd: string;
  areanm: string;
  /** Industry code exactly as published (`CA (10-12)`, `49-51`, `68IMP`, `1`, `C101`). */
  industry: string;
  industryName: string;
  /** Published parent code in the source's hierarchy, or null for the root. */
  parent: string | null;
  measure: IndustryMeasure;
  /** Calendar year. */
  period: number;
  value: number | null;
  status: string | null;
}

/** One row of a Nomis API CSV: date, geography, any number of dimensions, value, status. */
export interface NomisRecord {
  date: string;
  geographyCode: string;
  geographyName: string;
  geographyType: string;
  /** Dimension name (e.g. `GENDER`, `C_AGE`, `INDUSTRY`) → code and label. */
  dims: Record<string, { code: string; name: string }>;
  measures: string;
  value: number | null;
  status: string;
  statusName: string;
}

/** An area's name and level, with the years its code is valid. */
export interface AreaRecord {
  areacd: string;
  areanm: string;
  level: string;
  start: number | null;
  end: number | null;
}

/** A parent link in an area hierarchy; `weight` < 1 when a child straddles two parents. */
export interface AreaLink {
  child: string;
  parent: string;
  childLevel: string;
  parentLevel: string;
  /** Lookup vintage, e.g. `2023`, `2025`. */
  vintage: string;
  weight: number;
  /** Why the weight is what it is (the straddle rule, for instance), or null. */
  rule: string | null;
}

/** A boundary layer: TopoJSON topology, planar or spherical, and the areas it holds. */
export interface BoundaryLayer {
  /** Layer name, e.g. `ltla`, `itl3`. */
  name: string;
  level: string;
  /** `EPSG:4326` (lon/lat) or `EPSG:27700` (British National Grid, metres). */
  crs: string;
  /** A TopoJSON Topology object with one object named after the layer. */
  topology: unknown;
}

/** A centroid and size for an area, from its boundary. */
export interface AreaGeometry {
  areacd: string;
  level: string;
  /** Boundary dataset vintage label. */
  vintage: string;
  start: number | null;
  end: number | null;
  /** British National Grid easting/northing of the centroid (metres). */
  x: number;
  y: number;
  lon: number;
  lat: number;
}

/** One employer's gender pay gap return (Government Equalities Office service). */
export interface GpgEmployerReturn {
  period: string;
  employerId: string;
  employerName: string;
  postcode: string | null;
  companyNumber: string | null;
  /** SIC 2007 codes as listed by the employer (5-digit; `1` = dormant). */
  sicCodes: string[];
  diffMeanHourly: number | null;
  diffMedianHourly: number | null;
  diffMeanBonus: number | null;
  diffMedianBonus: number | null;
  maleBonus: number | null;
  femaleBonus: number | null;
  femaleLowerQuartile: number | null;
  femaleLowerMiddleQuartile: number | null;
  femaleUpperMiddleQuartile: number | null;
  femaleTopQuartile: number | null;
  employerSize: string;
  submittedLate: boolean | null;
}

/** A council payment over £500 (Local Government Transparency Code). */
export interface SpendingRecord {
  body: string;
  serviceArea: string | null;
  expensesType: string | null;
  /** ISO date. */
  date: string;
  transaction: string | null;
  amount: number;
  supplier: string;
  companyNumber: string | null;
  charityNumber: string | null;
}

/** A SIC 2007 code at some level with its name, from a publisher's lookup. */
export interface SicEntry {
  code: string;
  level: 'section' | 'division' | 'group' | 'class' | 'subclass';
  name: string;
  parent: string | null;
}

/** A cell of an input–output workbook sheet, kept for verification. */
export interface IoCell {
  year: number;
  sheet: string;
  row: string;
  col: string;
  value: number;
  /** The cell's A1 reference in the sheet, so a value can be found again (labels repeat across blocks). */
  cell?: string;
}

/** Everything a reader can produce; each key becomes a store table. */
export interface RecordSet {
  observations?: Observation[];
  indicators?: IndicatorMeta[];
  industry?: IndustryObservation[];
  nomis?: NomisRecord[];
  areas?: AreaRecord[];
  links?: AreaLink[];
  boundaries?: BoundaryLayer[];
  geometry?: AreaGeometry[];
  gpgEmployers?: GpgEmployerReturn[];
  spending?: SpendingRecord[];
  sic?: SicEntry[];
  ioCells?: IoCell[];
  /** Input–output tables (industry by industry), one per year read. */
  ioTables?: IoTable[];
}

/** A total the publisher states, re-checked by `strata data verify`. */
export interface PublishedCheck {
  /** What is checked, e.g. `TLC11 2022 Total = sum of children`. */
  name: string;
  expected: number;
  actual: number;
  tolerance: number;
}
