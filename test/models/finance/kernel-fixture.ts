// Runs one policy kernel over a market built from a calibration, in blocks, as the simulator
// does, and returns its series laid out [series][report][path].
import type { Calibration } from '../../../src/models/finance/calibration.ts';
import {
  BLOCK,
  marketBuffers,
  simulateMarket,
  type MarketBlock,
} from '../../../src/models/finance/market.ts';
import { marketPlan, type AddedAsset, type Weights } from '../../../src/models/finance/market-plan.ts';
import type { Sink } from '../../../src/models/finance/sink.ts';

export interface KernelRun {
  out: Float64Array;
  /** Values of series s at report r, one per path. */
  at(s: number, r: number): Float64Array;
}

export function runKernel(
  cal: Calibration,
  opts: {
    paths: number;
    years: number;
    report: number[];
    portfolios: Weights[];
    added?: AddedAsset[];
    read?: string[];
    inflation?: boolean;
    seed?: number;
    series: number;
  },
  kernel: (block: MarketBlock, sink: Sink) => void,
): KernelRun {
  const plan = marketPlan(cal, {
    seed: opts.seed ?? 42,
    years: opts.years,
    portfolios: opts.portfolios,
    added: opts.added,
    read: opts.read,
    inflation: opts.inflation,
  });
  const report = Int32Array.from(opts.report);
  const out = new Float64Array(opts.series * report.length * opts.paths);
  const block = marketBuffers(plan);
  for (let from = 0; from < opts.paths; from += BLOCK) {
    simulateMarket(plan, from, Math.min(BLOCK, opts.paths - from), block);
    kernel(block, { out, paths: opts.paths, report, first: 0 });
  }
  return {
    out,
    at: (s, r) =>
      out.subarray((s * report.length + r) * opts.paths, (s * report.length + r + 1) * opts.paths),
  };
}

export const FUND: Weights = {
  equities: 0.6,
  gilts: 0.15,
  index_linked_gilts: 0.1,
  property: 0.05,
  cash: 0.1,
};
