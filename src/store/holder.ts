import { statSync } from 'node:fs';
import { closeStore, openStore, type Store } from './db.ts';

/** One opened generation of the store file, with how many requests are using it. */
export interface Generation {
  id: number;
  store: Store;
  users: number;
  retired: boolean;
}

/**
 * Holds a read-only store and follows its file: when an import renames a new generation over
 * the path (generation.ts), the next `refresh` opens it, makes it current, and closes the old
 * one once the last request using it has released it. Requests `acquire` the current
 * generation when they start and `release` it when they end, so none loses its store midway.
 */
export class StoreHolder {
  readonly path: string;
  #current: Generation;
  #identity: string;
  #refreshing: Promise<boolean> | null = null;
  #timer: NodeJS.Timeout | null = null;
  #onSwitch: (g: Generation) => void;

  private constructor(path: string, store: Store, identity: string, onSwitch: (g: Generation) => void) {
    this.path = path;
    this.#current = { id: 1, store, users: 0, retired: false };
    this.#identity = identity;
    this.#onSwitch = onSwitch;
  }

  /** Opens PATH read-only; `pollMs` > 0 checks for a new generation that often. */
  static async open(
    path: string,
    opts: { pollMs?: number; onSwitch?: (g: Generation) => void } = {},
  ): Promise<StoreHolder> {
    const identity = fileIdentity(path);
    const holder = new StoreHolder(
      path,
      await openStore(path, { readOnly: true }),
      identity,
      opts.onSwitch ?? (() => {}),
    );
    if (opts.pollMs) {
      holder.#timer = setInterval(() => void holder.refresh().catch(() => {}), opts.pollMs);
      holder.#timer.unref();
    }
    return holder;
  }

  /** The generation new requests get. */
  current(): Generation {
    return this.#current;
  }

  acquire(): Generation {
    const g = this.#current;
    g.users++;
    return g;
  }

  release(g: Generation): void {
    g.users--;
    if (g.retired && g.users === 0) closeStore(g.store);
  }

  /** Moves to the file's new generation if there is one; true when it did. */
  refresh(): Promise<boolean> {
    this.#refreshing ??= this.#switch().finally(() => (this.#refreshing = null));
    return this.#refreshing;
  }

  async #switch(): Promise<boolean> {
    const identity = fileIdentity(this.path);
    if (identity === this.#identity) return false;
    const store = await openStore(this.path, { readOnly: true });
    const old = this.#current;
    this.#current = { id: old.id + 1, store, users: 0, retired: false };
    this.#identity = identity;
    old.retired = true;
    if (old.users === 0) closeStore(old.store);
    this.#onSwitch(this.#current);
    return true;
  }

  /** Stops following the file and closes the current generation (requests still running keep theirs). */
  close(): void {
    if (this.#timer) clearInterval(this.#timer);
    const g = this.#current;
    g.retired = true;
    if (g.users === 0) closeStore(g.store);
  }
}

/** What changes when a new generation is renamed over the path: the file's inode (and size, time). */
function fileIdentity(path: string): string {
  try {
    const s = statSync(path);
    return `${s.ino}:${s.size}:${s.mtimeMs}`;
  } catch {
    return 'absent';
  }
}
