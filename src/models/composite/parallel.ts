// Splits the Monte Carlo runs between the calling thread and worker threads. The plan is made
// before the split; the rows are cut into blocks that whichever thread is free takes next (the
// calling thread starts at once, workers join when they have started), and the partial
// histograms are integer counts added up afterwards — so the result is identical whatever the
// number of threads or who did which block. Workers register tsx's loader themselves (Node 20
// does not apply `--import` hooks to a worker's entry module), so the TypeScript entry runs
// as it is, with no build step.
import { Worker } from 'node:worker_threads';
import { workerSource } from '../../core/worker-source.ts';
import { evaluate, type Partial, type Plan, type Prepared } from './evaluate.ts';

/** Worker threads kept between analyses; `size` of them work beside the calling thread (or alone). Close when done. */
export interface WorkerPool {
  size: number;
  /** Blocks the calling thread evaluated itself (0 for a pool made with `caller: false`). */
  callerBlocks: number;
  evaluate(prepared: Prepared, plan: Plan): Promise<Partial[]>;
  close(): Promise<void>;
}

/** Contiguous blocks [from, to) covering rows, as even as possible. */
export function splitRows(rows: number, parts: number): [number, number][] {
  const out: [number, number][] = [];
  for (let p = 0; p < parts; p++) {
    const from = Math.floor((rows * p) / parts);
    const to = Math.floor((rows * (p + 1)) / parts);
    if (to > from) out.push([from, to]);
  }
  return out;
}

/** Rows [from, to) of a plan, as a plan of its own. */
export function slicePlan(plan: Plan, from: number, to: number): Plan {
  const d = plan.weights.length / plan.rows;
  return {
    rows: to - from,
    mcRows: Math.max(0, Math.min(plan.mcRows, to) - from),
    weights: plan.weights.slice(from * d, to * d),
    form: plan.form.slice(from, to),
    aggregation: plan.aggregation.slice(from, to),
  };
}

type Reply = { type: 'ready' } | { type: 'done'; job: number; from: number; part: Partial };

interface Job {
  id: number;
  plan: Plan;
  blocks: [number, number][];
  next: number;
  busy: number;
  parts: Partial[];
  fail: (e: unknown) => void;
  settle: () => void;
}

/**
 * Starts `size` worker threads (they load in the background; work starts before they are up).
 * With `caller: false` the calling thread evaluates nothing and the threads do not keep the
 * process alive: a server's request thread stays free to answer while the analysis runs.
 */
export function createWorkerPool(size: number, opts: { caller?: boolean } = {}): WorkerPool {
  if (!(Number.isInteger(size) && size >= 0)) throw new Error(`invalid worker count: ${size}`);
  const caller = opts.caller ?? true;
  if (!caller && size < 1) throw new Error(`invalid worker count: ${size} (at least 1 without the caller)`);
  const shim = workerSource(import.meta.url, 'worker');
  const workers = Array.from({ length: size }, () => new Worker(shim, { eval: true, execArgv: [] }));
  const ready = new Set<Worker>();
  // the job each worker was last given a block of: a worker that dies takes only that job down
  const holds = new Map<Worker, number>();
  let job: Job | undefined;
  let jobs = 0;
  const give = (w: Worker) => {
    if (!job || job.next >= job.blocks.length) return;
    const [from, to] = job.blocks[job.next++]!;
    job.busy++;
    holds.set(w, job.id);
    w.postMessage({ type: 'block', job: job.id, from, plan: slicePlan(job.plan, from, to) });
  };
  for (const w of workers) {
    w.on('message', (msg: Reply) => {
      if (msg.type === 'ready') ready.add(w);
      else if (job && msg.job === job.id) {
        job.busy--;
        job.parts.push({ ...msg.part, from: msg.from, to: msg.from + msg.part.shift.length });
      }
      give(w);
      job?.settle();
    });
    w.on('error', (e) => {
      ready.delete(w); // a dead worker gets no more blocks, so later jobs cannot wait on it
      if (job && holds.get(w) === job.id) job.fail(e);
    });
  }
  // Without the caller, the threads keep the process alive only while a job runs (a job waits on
  // their replies); idle, they do not. Set after the listeners, since adding one refs the port.
  const keepAlive = (on: boolean) => {
    if (!caller)
      for (const w of workers)
        if (on) w.ref();
        else w.unref();
  };
  keepAlive(false);
  const pool: WorkerPool = {
    size,
    callerBlocks: 0,
    evaluate(prepared, plan) {
      if (job) return Promise.reject(new Error('worker pool is busy'));
      // about eight blocks per thread: small enough to balance, large enough to amortise messages
      const blocks = splitRows(plan.rows, Math.min(plan.rows, 8 * (size + 1)));
      return new Promise<Partial[]>((resolve, reject) => {
        let mainDone = false;
        const current: Job = {
          id: ++jobs,
          plan,
          blocks,
          next: 0,
          busy: 0,
          parts: [],
          fail: (e) => {
            job = undefined;
            keepAlive(false);
            reject(e);
          },
          settle: () => {
            if (!mainDone || current.busy > 0 || current.next < blocks.length || job !== current) return;
            job = undefined;
            keepAlive(false);
            resolve(current.parts);
          },
        };
        job = current;
        keepAlive(true);
        for (const w of workers) w.postMessage({ type: 'prepare', job: current.id, prepared });
        for (const w of ready) give(w);
        const work = async () => {
          while (caller && job === current && current.next < blocks.length) {
            const [from, to] = blocks[current.next++]!;
            pool.callerBlocks++;
            current.parts.push(evaluate(prepared, plan, from, to));
            await new Promise((r) => setImmediate(r)); // let worker replies in between blocks
          }
          mainDone = true;
          current.settle();
        };
        work().catch(current.fail);
      });
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
  return pool;
}
