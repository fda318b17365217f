// Splits scenario work between the calling thread and worker threads: a job is a context sent to
// every worker once and a list of tasks that whichever thread is free takes next (the calling
// thread starts at once; workers join when they have started). Results come back in task order
// and each depends only on its task, so they are the same whatever the number of threads.
// Workers register tsx's loader themselves (as src/models/composite/parallel.ts explains).
import { workerSource } from '../../core/worker-source.ts';
import { Worker } from 'node:worker_threads';
import {
  appraiseLocal,
  buildModels,
  type AppraiseContext,
  type ModelContext,
  type ScenarioTask,
} from './batch.ts';
import type { AreaModel } from './area-model.ts';
import type { Appraisal } from './assemble.ts';

type Reply =
  | { type: 'ready' }
  | { type: 'done'; job: number; index: number; result: unknown }
  | { type: 'failed'; job: number; index: number; message: string };

/** Worker threads kept between jobs; `size` of them work beside the calling thread. Close when done. */
export interface ScenarioPool {
  size: number;
  models(context: ModelContext, blocks: number[][]): Promise<AreaModel[][]>;
  appraise(
    context: AppraiseContext,
    tasks: ScenarioTask[],
    onResult?: (index: number, a: Appraisal) => void,
  ): Promise<Appraisal[]>;
  close(): Promise<void>;
}

interface Job {
  id: number;
  tasks: unknown[];
  next: number;
  busy: number;
  results: unknown[];
  done: number;
  onResult: (index: number, r: unknown) => void;
  /** False when results go to onResult only (a long batch is not held in memory). */
  keep: boolean;
  resolve: (r: unknown[]) => void;
  reject: (e: unknown) => void;
}

/** Starts `size` worker threads (0: everything on the calling thread). */
export function createScenarioPool(size: number): ScenarioPool {
  if (!(Number.isInteger(size) && size >= 0)) throw new Error(`invalid worker count: ${size}`);
  const shim = workerSource(import.meta.url, 'worker');
  const workers = Array.from({ length: size }, () => new Worker(shim, { eval: true, execArgv: [] }));
  const ready = new Set<Worker>();
  let job: Job | undefined;
  let jobs = 0;
  const give = (w: Worker) => {
    if (!job || job.next >= job.tasks.length) return;
    const index = job.next++;
    job.busy++;
    w.postMessage({ type: 'task', job: job.id, index, task: job.tasks[index] });
  };
  const finish = (j: Job, index: number, r: unknown) => {
    if (j.keep) j.results[index] = r;
    j.done++;
    j.onResult(index, r);
    if (j.done === j.tasks.length && job === j) {
      job = undefined;
      j.resolve(j.results);
    }
  };
  for (const w of workers) {
    w.on('message', (msg: Reply) => {
      if (msg.type === 'ready') ready.add(w);
      else if (job && msg.job === job.id) {
        job.busy--;
        if (msg.type === 'failed') {
          const j = job;
          job = undefined;
          return j.reject(new Error(msg.message));
        }
        finish(job, msg.index, msg.result);
      }
      give(w);
    });
    w.on('error', (e) => {
      ready.delete(w);
      if (job) {
        const j = job;
        job = undefined;
        j.reject(e);
      }
    });
  }
  const run = <C, T, R>(
    kind: 'models' | 'appraise',
    context: C,
    tasks: T[],
    local: (t: T) => R,
    onResult: ((i: number, r: R) => void) | undefined,
  ) =>
    new Promise<R[]>((resolve, reject) => {
      if (job) return reject(new Error('scenario pool is busy'));
      if (tasks.length === 0) return resolve([]);
      const current: Job = {
        id: ++jobs,
        tasks,
        next: 0,
        busy: 0,
        results: new Array(tasks.length),
        done: 0,
        onResult: (onResult ?? (() => {})) as (i: number, r: unknown) => void,
        keep: !onResult,
        resolve: resolve as (r: unknown[]) => void,
        reject,
      };
      job = current;
      for (const w of workers) w.postMessage({ type: 'context', job: current.id, kind, context });
      for (const w of ready) give(w);
      const work = async () => {
        while (job === current && current.next < tasks.length) {
          const index = current.next++;
          finish(current, index, local(tasks[index]!));
          await new Promise((r) => setImmediate(r)); // let worker replies in between tasks
        }
      };
      work().catch((e) => {
        if (job === current) job = undefined;
        reject(e);
      });
    });
  return {
    size,
    models: (context, blocks) => run('models', context, blocks, (b) => buildModels(context, b), undefined),
    appraise: (context, tasks, onResult) =>
      run('appraise', context, tasks, (t) => appraiseLocal(context, t), onResult),
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
