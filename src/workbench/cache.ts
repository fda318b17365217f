import type { Store } from '../store/db.ts';
import { storeVersion } from '../store/queries/datasets.ts';

/**
 * Results that depend only on the store's contents, computed once and reused until a new
 * dataset lands (the store's version is its newest dataset id and dataset count).
 */
export class ResultCache {
  readonly #store: Store;
  readonly #memo = new Map<string, { version: string; value: Promise<unknown> }>();

  constructor(store: Store) {
    this.#store = store;
  }

  /** The cached value for `key`, computing it with `fn` when the store has changed. */
  async get<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const version = await storeVersion(this.#store);
    const hit = this.#memo.get(key);
    if (hit && hit.version === version) return hit.value as Promise<T>;
    const value = fn();
    this.#memo.set(key, { version, value });
    value.catch(() => this.#memo.delete(key));
    return value;
  }
}
