// Worker-thread entry for parallel.ts: claims blocks of paths, then series to summarise, from
// the shared counters of the job it is given — the same pure code as the calling thread runs.
import { parentPort } from 'node:worker_threads';
import { simulateClaimed, summariseClaimed, type Shared, type WorkerPlan } from './parallel.ts';

type Message =
  { type: 'simulate'; job: number; plan: WorkerPlan; shared: Shared } | { type: 'summarise'; job: number };

const port = parentPort;
if (!port) throw new Error('finance worker must run in a worker thread');
let current: { job: number; plan: WorkerPlan; shared: Shared } | undefined;
port.on('message', (msg: Message) => {
  if (msg.type === 'simulate') {
    current = { job: msg.job, plan: msg.plan, shared: msg.shared };
    simulateClaimed(current.plan, current.shared);
    port.postMessage({ type: 'simulated', job: msg.job });
    return;
  }
  if (!current || current.job !== msg.job) throw new Error(`no simulation for job ${msg.job}`);
  summariseClaimed(current.plan, current.shared);
  port.postMessage({ type: 'summarised', job: msg.job });
  current = undefined;
});
