import type { Command } from 'commander';
import { UsageError } from '../../core/errors.ts';
import { startServer } from '../../api/server.ts';
import type { Io } from '../output.ts';
import { globals } from './common.ts';

/** Parses a TCP port option. */
export function parsePort(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new UsageError(`invalid port: ${v}`);
  return n;
}

/** Serves the API and web app until interrupted; prints the URL. */
export async function serveUntilStopped(
  io: Io,
  cmd: Command,
  opts: { port: string; host?: string },
): Promise<void> {
  const { url, close } = await startServer({
    db: globals(cmd).db,
    port: parsePort(opts.port),
    host: opts.host,
    civic: (cmd.optsWithGlobals() as { civic?: string }).civic,
  });
  io.out(`Strata is serving ${url}  (API: ${url}api/v1/docs)\n`);
  await new Promise<void>((done) => {
    const stop = () => void close().then(done);
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

/** `strata serve [--port] [--host]`. */
export function registerServe(program: Command, io: Io): void {
  program
    .command('serve')
    .description('serve the HTTP API (/api/v1) and the web app from the store (opened read-only)')
    .option('--port <port>', 'TCP port', process.env.PORT ?? '8080')
    .option('--host <host>', 'interface to listen on', '127.0.0.1')
    .action(async (opts: { port: string; host: string }, cmd: Command) => serveUntilStopped(io, cmd, opts));
}
