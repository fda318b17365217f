// What every civic service function works with: the open store, a clock (tests move it), and
// the queues that bound slow work strangers can ask for (auth/queue.ts), and the head key if any.
import type { WorkQueue } from './auth/queue.ts';
import type { HeadPublishing } from './service/heads.ts';
import type { CivicDb } from './store/open.ts';

/** The store, the clock and the work queues. */
export interface CivicContext {
  cdb: CivicDb;
  now: () => Date;
  /** Password hashing: sign-in, registration, password changes. */
  hashing: WorkQueue;
  /** Invitation-code redemption. */
  redeeming: WorkQueue;
  /** The key and interval heads are published with, when configured: a close then appends the final head. */
  heads?: HeadPublishing;
}
