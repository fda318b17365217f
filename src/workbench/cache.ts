import type { Store } from '../store/db.ts';
import { storeVersion } from '../store/queries/datasets.ts';

/**
 * Results that depend only on the store's contents, computed once and reused until a new
 * dataset lands (the store's version is its newest dataset id and dataset count; a store
 * opened read-only is asked once, since nothing lands in it while it is open). Kept per
 * store: a server reading a new generation of the file starts afresh, and the old one's
 * results go when it is closed and dropped.
 */
export class ResultCache {
  readonly #memo = new WeakMap<Store, Map<string, { version: string; value: Promise<unknown> }>>();
  /** A read-only store's version, asked once: nothing can land in it while it is open. */
  readonly #fixed = new WeakMap<Store, Promise<string>>();

  #version(store: Store): Promise<string> {
    if (!store.readOnly) return storeVersion(store);
    let v = this.#fixed.get(store);
    if (!v) this.#fixed.set(store, (v = storeVersion(store)));
    return v;
  }

  /** The cached value for `key` in `store`, computing it with `fn` when the store has changed. */
  async get<T>(store: Store, key: string, fn: () => Promise<T>): Promise<T> {
    let memo = this.#memo.get(store);
    if (!memo) this.#memo.set(store, (memo = new Map()));
    const version = await this.#version(store);
    const hit = memo.get(key);
    if (hit && hit.version === version) return hit.value as Promise<T>;
    const value = fn();
    memo.set(key, { version, value });
    value.catch(() => memo.delete(key));
    return value;
  }
}
