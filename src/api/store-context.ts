import { AsyncLocalStorage } from 'node:async_hooks';
import type { Generation, Store, StoreHolder } from '../workbench.ts';

/** The store generation each request reads, from its first line to its last (see store/holder.ts). */
const pinned = new AsyncLocalStorage<Generation>();

/** Runs one request with the holder's current generation pinned, released when it is answered. */
export async function withGeneration<T>(holder: StoreHolder, fn: () => T | Promise<T>): Promise<T> {
  const g = holder.acquire();
  try {
    return await pinned.run(g, fn);
  } finally {
    holder.release(g);
  }
}

/** The store the running request reads: its pinned generation, else the holder's current one. */
export function storeOf(holder: StoreHolder): Store {
  return (pinned.getStore() ?? holder.current()).store;
}

/** A prefix that keeps responses prepared from one generation from being served for another. */
export function generationKey(): string {
  const g = pinned.getStore();
  return g ? `g${g.id}|` : '';
}

/** The generation id of the running request (0 outside one). */
export function generationId(): number {
  return pinned.getStore()?.id ?? 0;
}
