// What every civic service function works with: the open store and a clock (tests move it).
import type { CivicDb } from './store/open.ts';

/** The store and the clock. */
export interface CivicContext {
  cdb: CivicDb;
  now: () => Date;
}
