// Where the policy kernels write: one value per path for each of their series at each report
// year, in one array laid out [series][report][path] (a SharedArrayBuffer when threads share
// it). A path's values land at its own index, so the array is the same whoever filled it.
import { BLOCK } from './market.ts';

/** The output array and the years to record. */
export interface Sink {
  out: Float64Array;
  paths: number;
  /** Simulated years (1-based: the value at the end of year y) recorded, ascending. */
  report: Int32Array;
  /** This kernel's first series. */
  first: number;
}

/** Report index of each 0-based simulated year (−1 when the year is not reported). */
export function reportIndex(report: Int32Array, years: number): Int32Array {
  const at = new Int32Array(years).fill(-1);
  report.forEach((y, r) => {
    if (!(y >= 1 && y <= years)) throw new Error(`invalid report year: ${y} (1 to ${years})`);
    at[y - 1] = r;
  });
  return at;
}

/** Copies a block's values of one series at one report into the sink. */
export function record(
  sink: Sink,
  series: number,
  r: number,
  from: number,
  n: number,
  values: Float64Array,
): void {
  const at = ((sink.first + series) * sink.report.length + r) * sink.paths + from;
  sink.out.set(values.subarray(0, n), at);
}

/** A zeroed state array per path of a block. */
export function state(): Float64Array {
  return new Float64Array(BLOCK);
}
