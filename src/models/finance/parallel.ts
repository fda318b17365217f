// Splits a simulation between the calling thread and worker threads. Paths are cut into blocks
// that threads claim from a shared counter (Atomics), and every block writes to its own place
// in a shared array; when all blocks are done the series are summarised the same way. Which
// thread did what never matters: the bytes are the same for any number of threads. Workers
// register tsx's loader themselves (Node 20 does not apply `--import` hooks to a worker's
// entry), so the TypeScript entry runs as it is.
import { workerSource } from '../../core/worker-source.ts';
import { Worker } from 'node:worker_threads';
import type { SimulationPlan } from './plan.ts';
import { blocksOf, outputLength, simulateBlock, summariseJob, SUMMARY_WIDTH } from './simulate.ts';
import { marketBuffers } from './market.ts';

/** What a worker needs of the plan (the output specs stay behind). */
export type WorkerPlan = Pick<
  SimulationPlan,
  'market' | 'paths' | 'report' | 'kernels' | 'series' | 'thresholds'
>;

/** A job's shared arrays: per-path values, summaries, and the two claim counters. */
export interface Shared {
  out: Float64Array;
  stats: Float64Array;
  counters: Int32Array;
}

/** Worker threads kept for simulations; `size` of them work beside the calling thread. */
export interface FinancePool {
  size: number;
  run(plan: SimulationPlan): Promise<{ out: Float64Array; stats: Float64Array }>;
  close(): Promise<void>;
}

/** The plan's shared arrays (SharedArrayBuffer so threads write in place). */
export function sharedArrays(plan: WorkerPlan & { series: number }): Shared {
  const jobs = plan.series * plan.report.length;
  return {
    out: new Float64Array(new SharedArrayBuffer(outputLength(plan as SimulationPlan) * 8)),
    stats: new Float64Array(new SharedArrayBuffer(jobs * SUMMARY_WIDTH * 8)),
    counters: new Int32Array(new SharedArrayBuffer(8)),
  };
}

/** Claims and simulates blocks until none is left. */
export function simulateClaimed(plan: WorkerPlan, shared: Shared): void {
  const blocks = blocksOf(plan.paths);
  const buffers = marketBuffers(plan.market);
  for (let i = Atomics.add(shared.counters, 0, 1); i < blocks; i = Atomics.add(shared.counters, 0, 1))
    simulateBlock(plan as SimulationPlan, i, shared.out, buffers);
}

/** Claims and summarises series until none is left. */
export function summariseClaimed(plan: WorkerPlan, shared: Shared): void {
  const jobs = plan.series * plan.report.length;
  const scratch = new Float64Array(plan.paths);
  for (let j = Atomics.add(shared.counters, 1, 1); j < jobs; j = Atomics.add(shared.counters, 1, 1))
    summariseJob(plan as SimulationPlan, j, shared.out, shared.stats, scratch);
}

type Reply = { type: 'simulated' | 'summarised'; job: number };

/** How a pool works: with the calling thread (the CLI) or not (a server's thread answers requests); whether its threads keep the process alive. */
export interface FinancePoolOptions {
  caller?: boolean;
  unref?: boolean;
}

/** Starts `size` worker threads (they load in the background; work starts before they are up). */
export function createFinancePool(size: number, o: FinancePoolOptions = {}): FinancePool {
  const caller = o.caller ?? true;
  if (!(Number.isInteger(size) && size >= (caller ? 0 : 1))) throw new Error(`invalid worker count: ${size}`);
  const shim = workerSource(import.meta.url, 'worker');
  const workers = Array.from({ length: size }, () => new Worker(shim, { eval: true, execArgv: [] }));
  if (o.unref) for (const w of workers) w.unref();
  let jobs = 0;
  let busy = false;
  return {
    size,
    async run(plan) {
      if (busy) throw new Error('finance pool is busy');
      busy = true;
      const job = ++jobs;
      if (o.unref) for (const w of workers) w.ref();
      const shared = sharedArrays(plan);
      const lean: WorkerPlan = {
        market: plan.market,
        paths: plan.paths,
        report: plan.report,
        kernels: plan.kernels,
        series: plan.series,
        thresholds: plan.thresholds,
      };
      try {
        const phase = (type: Reply['type']) =>
          Promise.all(
            workers.map(
              (w) =>
                new Promise<void>((resolve, reject) => {
                  const onMessage = (m: Reply) => {
                    if (m.job !== job || m.type !== type) return;
                    w.off('message', onMessage).off('error', reject);
                    resolve();
                  };
                  w.on('message', onMessage).once('error', reject);
                }),
            ),
          );
        const simulated = phase('simulated');
        for (const w of workers) w.postMessage({ type: 'simulate', job, plan: lean, shared });
        if (caller) simulateClaimed(lean, shared);
        await simulated;
        const summarised = phase('summarised');
        for (const w of workers) w.postMessage({ type: 'summarise', job });
        if (caller) summariseClaimed(lean, shared);
        await summarised;
        return { out: shared.out, stats: shared.stats };
      } finally {
        busy = false;
        // a run holds the process open; an idle pool does not (after the listeners, which ref a worker again)
        if (o.unref) for (const w of workers) w.unref();
      }
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
