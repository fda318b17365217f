// The Monte Carlo itself, shared by the calling thread and worker threads: a block of paths
// through the market, then every policy's kernel on the same block (so a reform and its
// baseline read the same numbers); afterwards each recorded series is summarised. Both steps
// work on index ranges and write to their own places, so any split between threads gives the
// same bytes.
import { bankKernel } from './bank.ts';
import { bondsKernel } from './bonds.ts';
import { cdcKernel } from './cdc.ts';
import { BLOCK, marketBuffers, simulateMarket, type MarketBlock } from './market.ts';
import type { KernelSpec, SimulationPlan } from './plan.ts';
import { potKernel } from './pot.ts';
import { providerKernel } from './provider.ts';
import { PERCENTILES, summarise } from './quantiles.ts';
import type { Sink } from './sink.ts';
import { smallPotsKernel } from './small-pots.ts';
import { wealthFundKernel } from './wealth-fund.ts';

/** Numbers per summary: the percentiles, the mean, and the count below the series' threshold. */
export const SUMMARY_WIDTH = PERCENTILES.length + 2;

/** Blocks of paths: a job is [from, to). */
export function blocksOf(paths: number): number {
  return Math.ceil(paths / BLOCK);
}

/** Length of the per-path output array of a plan. */
export function outputLength(plan: SimulationPlan): number {
  return plan.series * plan.report.length * plan.paths;
}

/** Runs one kernel on a block, resolved by kind. */
export function runKernel(k: KernelSpec, block: MarketBlock, sink: Sink): void {
  switch (k.kind) {
    case 'pot':
      return potKernel(k.plan, block, sink);
    case 'provider':
      return providerKernel(k.plan, block, sink);
    case 'cdc':
      return cdcKernel(k.plan, block, sink);
    case 'small-pots':
      return smallPotsKernel(k.plan, block, sink);
    case 'bank':
      return bankKernel(k.plan, block, sink);
    case 'bonds':
      return bondsKernel(k.plan, block, sink);
    case 'wealth-fund':
      return wealthFundKernel(k.plan, block, sink);
  }
  throw new Error(`invalid kernel: ${(k as { kind: unknown }).kind}`);
}

/** Simulates block number `index` into `out` (reusing `buffers`). */
export function simulateBlock(
  plan: SimulationPlan,
  index: number,
  out: Float64Array,
  buffers: MarketBlock,
): void {
  const from = index * BLOCK;
  const n = Math.min(BLOCK, plan.paths - from);
  simulateMarket(plan.market, from, n, buffers);
  for (const k of plan.kernels)
    runKernel(k, buffers, { out, paths: plan.paths, report: plan.report, first: k.first });
}

/** Simulates blocks [from, to). */
export function simulateBlocks(plan: SimulationPlan, from: number, to: number, out: Float64Array): void {
  const buffers = marketBuffers(plan.market);
  for (let i = from; i < to; i++) simulateBlock(plan, i, out, buffers);
}

/** Summarises series-report pair `job` (series × reports + report) of `out` into `stats`. */
export function summariseJob(
  plan: SimulationPlan,
  job: number,
  out: Float64Array,
  stats: Float64Array,
  scratch: Float64Array,
): void {
  const s = Math.floor(job / plan.report.length);
  const values = out.subarray(job * plan.paths, (job + 1) * plan.paths);
  const t = plan.thresholds[s]!;
  const r = summarise(values, scratch, Number.isNaN(t) ? -Infinity : t);
  stats.set([...r.p, r.mean, r.below], job * SUMMARY_WIDTH);
}

/** Everything on the calling thread: the per-path values and their summaries. */
export function simulateAll(plan: SimulationPlan): { out: Float64Array; stats: Float64Array } {
  const out = new Float64Array(outputLength(plan));
  simulateBlocks(plan, 0, blocksOf(plan.paths), out);
  const jobs = plan.series * plan.report.length;
  const stats = new Float64Array(jobs * SUMMARY_WIDTH);
  const scratch = new Float64Array(plan.paths);
  for (let j = 0; j < jobs; j++) summariseJob(plan, j, out, stats, scratch);
  return { out, stats };
}
