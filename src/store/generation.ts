import {
  closeSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { dirname } from 'node:path';
import { closeStore, openStore, type Store } from './db.ts';

/**
 * Imports never write the store file that servers and other commands have open. They write a
 * new generation: a copy of the store (`PATH.next-PID`), imported into, checkpointed, closed,
 * then renamed over PATH — one atomic step, so a reader opening PATH sees the old store or the
 * new one, never a mix. A process that had the old one open keeps reading it (the file lives on
 * until closed) and moves over when it notices (see holder.ts). One import at a time per store:
 * `PATH.import-lock` holds the importing process's id.
 */
export async function writeGeneration<T>(
  path: string,
  fn: (store: Store) => Promise<{ changed: boolean; result: T }>,
): Promise<T> {
  if (path === ':memory:') {
    const store = await openStore(path);
    try {
      return (await fn(store)).result;
    } finally {
      closeStore(store);
    }
  }
  // The first import on a fresh clone: the store's folder (.strata/) does not exist yet.
  mkdirSync(dirname(path), { recursive: true });
  const unlock = lock(path);
  const next = `${path}.next-${process.pid}`;
  try {
    removeFile(next);
    if (existsSync(path)) copyFileSync(path, next);
    // A store left with a write-ahead log by a writer that died: the copy replays it.
    if (existsSync(`${path}.wal`)) copyFileSync(`${path}.wal`, `${next}.wal`);
    const store = await openStore(next);
    let outcome: { changed: boolean; result: T };
    try {
      outcome = await fn(store);
      await store.conn.run('CHECKPOINT');
    } finally {
      closeStore(store);
    }
    if (outcome.changed) {
      if (existsSync(`${next}.wal`)) throw new Error(`store ${next} kept a write-ahead log after closing`);
      removeFile(`${path}.wal`);
      renameSync(next, path);
    }
    return outcome.result;
  } finally {
    removeFile(next);
    unlock();
  }
}

function removeFile(path: string): void {
  rmSync(path, { force: true });
  rmSync(`${path}.wal`, { force: true });
}

/** Takes PATH.import-lock, or says which live process holds it; a lock left by a dead process is taken over. */
function lock(path: string): () => void {
  const file = `${path}.import-lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx', 0o600);
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(file, { force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const pid = Number(readFileSync(file, 'utf8'));
      if (alive(pid))
        throw new Error(`another import into ${path} is running (process ${pid}): wait for it`, { cause: e });
      rmSync(file, { force: true });
    }
  }
  throw new Error(`cannot take the import lock ${file}`);
}

function alive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
