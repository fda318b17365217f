// What every civic service function works with: the open store, a clock (tests move it), and
// the queues that bound slow work strangers can ask for (auth/queue.ts).
import type { WorkQueue } from './auth/queue.ts';
import type { CivicDb } from './store/open.ts';

/** The store, the clock and the work queues. */
export interface CivicContext {
  cdb: CivicDb;
  now: () => Date;
  /** Password hashing: sign-in, registration, password changes. */
  hashing: WorkQueue;
  /** Invitation-code redemption. */
  redeeming: WorkQueue;
}
