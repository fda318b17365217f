// Worker-thread entry for parallel.ts: evaluates the slice of the plan it is sent and posts
// back the partial result. The same pure code as the in-process path.
import { parentPort } from 'node:worker_threads';
import { evaluate, type Plan, type Prepared } from './evaluate.ts';

const port = parentPort;
if (!port) throw new Error('composite worker must run in a worker thread');
port.on('message', (job: { id: number; prepared: Prepared; plan: Plan }) => {
  const part = evaluate(job.prepared, job.plan, 0, job.plan.rows);
  port.postMessage({ id: job.id, part }, [
    part.shift.buffer,
    part.rankCounts.buffer,
    part.scoreCounts.buffer,
  ] as ArrayBuffer[]);
});
