// The plain records an appraisal runs on: national coefficient rows and final-demand columns,
// and per area its shares of each industry, its output, its baseline and the local figures some
// interventions need. The workbench fills them from the store; they cross to worker threads as
// they are (typed arrays and plain objects only).
import type { FloorSpec } from './kinds/infrastructure.ts';
import type { ChannelLayout } from './channels.ts';

/** National columns a horizontal target or a trade shock spreads by, £ million by industry. */
export interface Columns {
  'final-demand': Float64Array;
  investment: Float64Array;
  consumption: Float64Array;
  exports: Float64Array;
  goods: Float64Array;
  services: Float64Array;
}

export interface NationalData {
  codes: string[];
  n: number;
  layout: ChannelLayout;
  /** Coefficient rows of the IO channels, io × n. */
  rows: Float64Array;
  /** GVA, compensation (£ per £ of output) and jobs per £ million of output. */
  gva: Float64Array;
  compensation: Float64Array;
  employment: Float64Array;
  /** Household spending per £ of household income (the Type II consumption column). */
  consumption: Float64Array;
  columns: Columns;
  /** National output, £ million. */
  output: Float64Array;
  /** The nation's channels (S x), the baseline of the UK total. */
  baseline: Float64Array;
}

/** One area's own figures. */
export interface AreaData {
  areacd: string;
  /** size^r_i / Σ_s size^s_i: the area's share of each industry. */
  share: Float64Array;
  /** Estimated output by industry, £ million. */
  output: Float64Array;
  /** The area's channels (S x^r). */
  baseline: Float64Array;
  population: number | null;
  workingAge: number | null;
  /** Share of employee jobs paid below the Living Wage Foundation rate (ASHE), 0–1. */
  livingWage: number | null;
  /** Entitlement floors by id: people below the floor, the gap and its unit cost basis. */
  floors: Record<string, FloorSpec>;
}
