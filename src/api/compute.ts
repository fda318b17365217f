// The worker threads that run the Monte Carlo part of analyses for the server, kept between
// requests: the thread answering HTTP evaluates none of it, so other requests are answered
// while an analysis runs. Analyses take the pool in turn (the costly-route limits bound how many
// wait), and the threads do not keep the process alive.
import { availableParallelism } from 'node:os';
import { createWorkerPool, type WorkerPool } from '../workbench.ts';

let shared: WorkerPool | undefined;
let turn: Promise<unknown> = Promise.resolve();

/** The server's analysis pool: one worker per core but one (at least one), made on first use. */
export function computePool(): WorkerPool {
  shared ??= createWorkerPool(Math.max(1, availableParallelism() - 1), { caller: false });
  const pool = shared;
  return {
    size: pool.size,
    get callerBlocks() {
      return pool.callerBlocks;
    },
    evaluate(prepared, plan) {
      const run = turn.then(() => pool.evaluate(prepared, plan));
      turn = run.catch(() => undefined);
      return run;
    },
    close: async () => undefined, // shared for the life of the process
  };
}
