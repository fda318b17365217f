// The real server as a child process (`strata serve`), for the durability test and the load bench.
import { spawn, type ChildProcess } from 'node:child_process';

/** A running server process and its base URL. */
export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** Resolves when the process has exited. */
  exited: Promise<number | null>;
}

/** Starts `strata serve --port 0` with the analytic store `db` and the civic store `civic`; resolves once it listens. */
export function startServerProcess(db: string, civic: string): Promise<ServerProcess> {
  const child = spawn(
    process.execPath,
    ['bin/strata.js', 'serve', '--port', '0', '--db', db, '--civic', civic],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, STRATA_CIVIC_DB: '' },
    },
  );
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stderr!.on('data', (d: Buffer) => (err += d));
    child.stdout!.on('data', (d: Buffer) => {
      out += d;
      const m = /serving (http:\/\/[^\s]+\/)/.exec(out);
      if (m) resolve({ url: m[1]!, child, exited });
    });
    void exited.then((code) =>
      reject(new Error(`server exited (${code}) before listening: ${err.slice(0, 500)}`)),
    );
  });
}
