// Worker-thread entry for parallel.ts: keeps the prepared matrices of the current job,
// evaluates each block of the plan it is sent and posts back the partial result — the same
// pure code as the main thread runs.
import { parentPort } from 'node:worker_threads';
import { evaluate, type Plan, type Prepared } from './evaluate.ts';

type Message =
  | { type: 'prepare'; job: number; prepared: Prepared }
  | { type: 'block'; job: number; from: number; plan: Plan };

const port = parentPort;
if (!port) throw new Error('composite worker must run in a worker thread');
let prepared: Prepared | undefined;
port.on('message', (msg: Message) => {
  if (msg.type === 'prepare') {
    prepared = msg.prepared;
    return;
  }
  const part = evaluate(prepared!, msg.plan, 0, msg.plan.rows);
  const transfer = [part.shift.buffer, part.rankCounts.buffer, part.scoreCounts.buffer] as ArrayBuffer[];
  port.postMessage({ type: 'done', job: msg.job, from: msg.from, part }, transfer);
});
port.postMessage({ type: 'ready' });
