// The worker threads that run the Monte Carlo part of analyses for the server, kept between
// requests: the thread answering HTTP evaluates none of it, so other requests are answered
// while an analysis runs. Analyses take the pool in turn (the costly-route limits bound how many
// wait), and the threads do not keep the process alive.
import { availableParallelism } from 'node:os';
import type { FinancePool, WorkerPool } from '../workbench.ts';
import { createFinancePool, createWorkerPool } from '../workbench/pools.ts';

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

let finance: FinancePool | undefined;
let financeTurn: Promise<unknown> = Promise.resolve();

/** The server's finance simulation threads (the same count), made on first use; runs take them in turn. */
export function financePool(): FinancePool {
  finance ??= createFinancePool(Math.max(1, availableParallelism() - 1), { caller: false, unref: true });
  const pool = finance;
  return {
    size: pool.size,
    run(plan) {
      const run = financeTurn.then(() => pool.run(plan));
      financeTurn = run.catch(() => undefined);
      return run;
    },
    close: async () => undefined, // shared for the life of the process
  };
}
