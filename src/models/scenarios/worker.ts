// Worker-thread entry for pool.ts: keeps the context of the current job and runs each task it is
// sent with the same pure functions as the calling thread (batch.ts), posting the result back.
import { parentPort } from 'node:worker_threads';
import {
  appraisalBuffers,
  appraiseLocal,
  buildModels,
  modelBuffers,
  type AppraiseContext,
  type ModelContext,
  type ScenarioTask,
} from './batch.ts';

type Message =
  | { type: 'context'; job: number; kind: 'models'; context: ModelContext }
  | { type: 'context'; job: number; kind: 'appraise'; context: AppraiseContext }
  | { type: 'task'; job: number; index: number; task: number[] | ScenarioTask };

const port = parentPort;
if (!port) throw new Error('scenario worker must run in a worker thread');
let context:
  { kind: 'models'; context: ModelContext } | { kind: 'appraise'; context: AppraiseContext } | undefined;
port.on('message', (msg: Message) => {
  if (msg.type === 'context') {
    context =
      msg.kind === 'models'
        ? { kind: 'models', context: msg.context }
        : { kind: 'appraise', context: msg.context };
    return;
  }
  try {
    if (context?.kind === 'models') {
      const result = buildModels(context.context, msg.task as number[]);
      port.postMessage({ type: 'done', job: msg.job, index: msg.index, result }, modelBuffers(result));
    } else if (context?.kind === 'appraise') {
      const result = appraiseLocal(context.context, msg.task as ScenarioTask);
      port.postMessage({ type: 'done', job: msg.job, index: msg.index, result }, appraisalBuffers(result));
    } else throw new Error('scenario worker: task before context');
  } catch (e) {
    port.postMessage({ type: 'failed', job: msg.job, index: msg.index, message: (e as Error).message });
  }
});
port.postMessage({ type: 'ready' });
