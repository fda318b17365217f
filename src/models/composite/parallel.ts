// Splits the Monte Carlo runs over worker threads. The plan is made before the split, each
// worker evaluates a contiguous block of rows with the same pure code, and the partial
// histograms are integer counts, so the result is identical whatever the number of workers.
// Workers register tsx's loader so the TypeScript entry runs as it is (no build step).
import { Worker } from 'node:worker_threads';
import type { Partial, Plan, Prepared } from './evaluate.ts';

/** A set of started workers that can evaluate plans; close it when done. */
export interface WorkerPool {
  size: number;
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

/**
 * Starts `size` workers running worker.ts. Node 20 does not apply `--import` hooks to a
 * worker's entry module, so each worker starts from a small shim that registers tsx's loader
 * and then imports the TypeScript entry.
 */
export function createWorkerPool(size: number): WorkerPool {
  if (!(Number.isInteger(size) && size >= 1)) throw new Error(`invalid worker count: ${size}`);
  const tsx = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./worker.ts', import.meta.url).href;
  const shim = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); });`;
  const workers = Array.from({ length: size }, () => new Worker(shim, { eval: true, execArgv: [] }));
  let next = 0;
  const ask = (worker: Worker, prepared: Prepared, plan: Plan) =>
    new Promise<Partial>((resolve, reject) => {
      const id = next++;
      const onMessage = (msg: { id: number; part: Partial }) => {
        if (msg.id !== id) return;
        worker.off('message', onMessage).off('error', reject);
        resolve(msg.part);
      };
      worker.on('message', onMessage).once('error', reject);
      worker.postMessage({ id, prepared, plan });
    });
  return {
    size,
    async evaluate(prepared, plan) {
      const blocks = splitRows(plan.rows, size);
      const parts = await Promise.all(
        blocks.map(([from, to], i) => ask(workers[i]!, prepared, slicePlan(plan, from, to))),
      );
      return parts.map((part, i) => ({ ...part, from: blocks[i]![0], to: blocks[i]![1] }));
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
