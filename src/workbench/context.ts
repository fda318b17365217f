import type { Registry } from '../models/registry/entry.ts';
import type { Store } from '../store/db.ts';
import type { Lookups } from './lookups.ts';

/**
 * What every answer reads: the store, the indicator registry, the lookups shipped with Strata,
 * and the cache of results built from the store. The Workbench is one; tests may build another.
 */
export interface Ctx {
  readonly store: Store;
  registry(): Promise<Registry>;
  readonly lookups: Lookups;
  /** The value for `key`, computed with `fn` once per state of the store. */
  cached<T>(key: string, fn: () => Promise<T>): Promise<T>;
}
