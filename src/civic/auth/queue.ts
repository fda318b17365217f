// A bounded queue for slow work a stranger can ask for: password hashing (sign-in, registration,
// password changes) and invitation-code redemption. At most `concurrency` jobs run at once and
// at most `waiting` wait; beyond that the request is refused at once as busy (HTTP 503) instead
// of piling up memory and CPU — each scrypt hash takes 128 MiB and a few hundred milliseconds.
import { refuse } from '../errors.ts';

/** How much work may run and wait. */
export interface QueueLimits {
  concurrency: number;
  waiting: number;
}

/** Runs jobs with a cap on concurrency and on the queue behind it. */
export class WorkQueue {
  readonly name: string;
  readonly limits: QueueLimits;
  #running = 0;
  #waiting: (() => void)[] = [];
  /** Jobs started since the queue was made (tests read it). */
  started = 0;

  constructor(name: string, limits: QueueLimits) {
    for (const [k, v] of Object.entries(limits))
      if (!Number.isInteger(v) || v < (k === 'concurrency' ? 1 : 0))
        throw new Error(`invalid ${name} queue ${k}: ${v}`);
    this.name = name;
    this.limits = limits;
  }

  /** Runs `job` when a place is free; refuses as busy when the queue is full. */
  async run<T>(job: () => Promise<T>): Promise<T> {
    if (this.#running >= this.limits.concurrency) {
      if (this.#waiting.length >= this.limits.waiting)
        throw refuse('busy', `the server is busy (${this.name}): try again in a moment`, { retryAfter: 2 });
      await new Promise<void>((go) => this.#waiting.push(go));
    } else this.#running++;
    this.started++;
    try {
      return await job();
    } finally {
      const next = this.#waiting.shift();
      if (next) next();
      else this.#running--;
    }
  }
}
