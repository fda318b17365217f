import { query, type Store } from '../store/db.ts';

/**
 * Results that depend only on the store's contents are computed once and reused until a new
 * dataset lands (the fingerprint is the newest dataset id and the dataset count).
 */
const memo = new Map<string, { fingerprint: string; value: Promise<unknown> }>();

async function fingerprint(store: Store): Promise<string> {
  const [r] = await query<{ id: number | null; n: bigint }>(
    store,
    `SELECT max(id) AS id, count(*) AS n FROM datasets`,
  );
  return `${r?.id ?? 0}:${r?.n ?? 0}`;
}

/** Returns the cached value for `key`, computing it with `fn` when the store has changed. */
export async function cached<T>(store: Store, key: string, fn: () => Promise<T>): Promise<T> {
  const fp = await fingerprint(store);
  const k = `${store.path}|${key}`;
  const hit = memo.get(k);
  if (hit && hit.fingerprint === fp) return hit.value as Promise<T>;
  const value = fn();
  memo.set(k, { fingerprint: fp, value });
  value.catch(() => memo.delete(k));
  return value;
}
