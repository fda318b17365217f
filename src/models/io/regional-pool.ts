// Builds the regional models of many areas on several threads. The plan is made once on the
// calling thread and the results go into a slab in shared memory; the areas are cut into
// blocks that whichever thread is free takes next (the calling thread starts at once, workers
// join when they have started). Every area is built by the same code from the same plan, so the
// models are identical, bit for bit, whatever the number of threads or who built which area.
// Workers register tsx's loader themselves (Node 20 does not apply `--import` hooks to a
// worker's entry module), so the TypeScript entry runs as it is.
import { workerSource } from '../../core/worker-source.ts';
import { Worker } from 'node:worker_threads';
import type { NationalModel } from './national.ts';
import {
  bandModel,
  bandPlan,
  gridOf,
  type GridOptions,
  type RegionalGrid,
  type RegionalModel,
  type RegionalOptions,
} from './regional.ts';
import { buildArea, newScratch } from './regional-area.ts';
import { regionalPlan, type RegionalPlan } from './regional-plan.ts';
import { allocateSlab, type RegionalSlab } from './regional-slab.ts';
import type { RegionalSizes } from './sizes.ts';

/** `size` worker threads kept between calls, working beside the calling thread. Close when done. */
export interface RegionalPool {
  size: number;
  /** regionalModels, on the pool's threads. */
  models(national: NationalModel, sizes: RegionalSizes, opts?: RegionalOptions): Promise<RegionalModel[]>;
  /** regionalGrid, on the pool's threads. */
  grid(national: NationalModel, sizes: RegionalSizes, opts: GridOptions): Promise<RegionalGrid>;
  close(): Promise<void>;
}

type Reply =
  { type: 'ready' } | { type: 'done'; job: number } | { type: 'failed'; job: number; message: string };

interface Job {
  id: number;
  blocks: [number, number][];
  next: number;
  busy: number;
  fail: (e: Error) => void;
  settle: () => void;
}

/** Starts `size` worker threads (they load in the background; work starts before they are up). */
export function createRegionalPool(size: number): RegionalPool {
  if (!(Number.isInteger(size) && size >= 0)) throw new Error(`invalid worker count: ${size}`);
  const shim = workerSource(import.meta.url, 'regional-worker');
  const workers = Array.from({ length: size }, () => new Worker(shim, { eval: true, execArgv: [] }));
  const ready = new Set<Worker>();
  let job: Job | undefined;
  let jobs = 0;
  const give = (w: Worker) => {
    if (!job || job.next >= job.blocks.length) return;
    const [from, to] = job.blocks[job.next++]!;
    job.busy++;
    w.postMessage({ type: 'block', job: job.id, from, to });
  };
  for (const w of workers) {
    w.on('message', (msg: Reply) => {
      if (msg.type === 'ready') ready.add(w);
      else if (job && msg.job === job.id) {
        job.busy--;
        if (msg.type === 'failed') return job.fail(new Error(msg.message));
      }
      give(w);
      job?.settle();
    });
    w.on('error', (e) => {
      ready.delete(w);
      job?.fail(e);
    });
  }
  const build = (plan: RegionalPlan, slab: RegionalSlab) => {
    if (job) return Promise.reject(new Error('regional pool is busy'));
    const N = plan.areas.length;
    const blocks = splitAreas(N, Math.min(N, 8 * (size + 1)));
    return new Promise<void>((resolve, reject) => {
      let mainDone = false;
      const current: Job = {
        id: ++jobs,
        blocks,
        next: 0,
        busy: 0,
        fail: (e) => {
          if (job !== current) return;
          job = undefined;
          reject(e);
        },
        settle: () => {
          if (!mainDone || current.busy > 0 || current.next < blocks.length || job !== current) return;
          job = undefined;
          resolve();
        },
      };
      job = current;
      for (const w of workers) w.postMessage({ type: 'job', job: current.id, plan, slab });
      for (const w of ready) give(w);
      const scratch = newScratch(plan);
      const work = async () => {
        while (job === current && current.next < blocks.length) {
          const [from, to] = blocks[current.next++]!;
          for (let r = from; r < to; r++) buildArea(plan, slab, r, r, scratch);
          await new Promise((r) => setImmediate(r)); // let worker replies in between blocks
        }
        mainDone = true;
        current.settle();
      };
      work().catch((e: Error) => current.fail(e));
    });
  };
  return {
    size,
    async models(national, sizes, opts = {}) {
      const plan = regionalPlan(national, sizes, bandPlan(opts));
      const slab = allocateSlab(plan, true);
      await build(plan, slab);
      return plan.areas.map((_, r) => bandModel(national, plan, slab, r, r));
    },
    async grid(national, sizes, opts) {
      const plan = regionalPlan(national, sizes, { ...opts, keep: opts.deltas.map(() => true) });
      const slab = allocateSlab(plan, true);
      await build(plan, slab);
      return gridOf(national, plan, slab);
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}

/** Contiguous blocks [from, to) covering `count` areas, as even as possible. */
export function splitAreas(count: number, parts: number): [number, number][] {
  const out: [number, number][] = [];
  for (let p = 0; p < parts; p++) {
    const from = Math.floor((count * p) / parts);
    const to = Math.floor((count * (p + 1)) / parts);
    if (to > from) out.push([from, to]);
  }
  return out;
}
