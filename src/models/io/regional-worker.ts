// Worker-thread entry for regional-pool.ts: keeps the plan and slab of the current job and
// builds each block of areas it is sent straight into the slab's shared memory — the same pure
// code (regional-area.ts) as the calling thread runs, so who builds an area changes no bit.
import { parentPort } from 'node:worker_threads';
import { buildArea, newScratch, type Scratch } from './regional-area.ts';
import type { RegionalPlan } from './regional-plan.ts';
import type { RegionalSlab } from './regional-slab.ts';

type Message =
  | { type: 'job'; job: number; plan: RegionalPlan; slab: RegionalSlab }
  | { type: 'block'; job: number; from: number; to: number };

const port = parentPort;
if (!port) throw new Error('regional worker must run in a worker thread');
let current: { job: number; plan: RegionalPlan; slab: RegionalSlab; scratch: Scratch } | undefined;
port.on('message', (msg: Message) => {
  if (msg.type === 'job') {
    current = { ...msg, scratch: newScratch(msg.plan) };
    return;
  }
  try {
    const { plan, slab, scratch } = current!;
    for (let r = msg.from; r < msg.to; r++) buildArea(plan, slab, r, r, scratch);
    port.postMessage({ type: 'done', job: msg.job });
  } catch (e) {
    port.postMessage({ type: 'failed', job: msg.job, message: (e as Error).message });
  }
});
port.postMessage({ type: 'ready' });
