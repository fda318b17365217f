import type { Command } from 'commander';
import { parseTrustProxy } from '../../api/client-address.ts';
import { startServer } from '../../api/server.ts';
import { loadHeadKey, MIN_HEAD_INTERVAL } from '../../civic/service.ts';
import type { Io } from '../output.ts';
import { UsageError } from '../../core/errors.ts';
import { globals } from './common.ts';

/** Parses a TCP port option. */
export function parsePort(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new UsageError(`invalid port: ${v}`);
  return n;
}

/** The options of `strata serve` (and `strata start`, which passes only port and host). */
export interface ServeOptions {
  port: string;
  host?: string;
  tlsCert?: string;
  tlsKey?: string;
  trustProxy?: string;
  headKey?: string;
  headInterval?: string;
}

/** The head schedule: the signing key (--head-key or $STRATA_CIVIC_HEAD_KEY) and the interval in minutes. */
export function headSchedule(opts: Pick<ServeOptions, 'headKey' | 'headInterval'>) {
  const file = opts.headKey ?? process.env.STRATA_CIVIC_HEAD_KEY;
  const minutes = opts.headInterval ?? process.env.STRATA_CIVIC_HEAD_INTERVAL ?? '60';
  const seconds = Number(minutes) * 60;
  if (!Number.isInteger(seconds) || seconds < MIN_HEAD_INTERVAL)
    throw new UsageError(`invalid head interval: ${minutes} (minutes, at least ${MIN_HEAD_INTERVAL / 60})`);
  if (!file) return undefined;
  try {
    return { signer: loadHeadKey(file), intervalSeconds: seconds };
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

function transport(opts: ServeOptions) {
  if ((opts.tlsCert === undefined) !== (opts.tlsKey === undefined))
    throw new UsageError('--tls-cert and --tls-key go together');
  const tls = opts.tlsCert && opts.tlsKey ? { cert: opts.tlsCert, key: opts.tlsKey } : undefined;
  const text = opts.trustProxy ?? process.env.STRATA_TRUST_PROXY;
  try {
    return { tls, trustProxy: text ? parseTrustProxy(text) : null };
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

/** Serves the API and web app until interrupted; prints the URL. */
export async function serveUntilStopped(io: Io, cmd: Command, opts: ServeOptions): Promise<void> {
  const host = opts.host ?? '127.0.0.1';
  let server: Awaited<ReturnType<typeof startServer>>;
  const heads = headSchedule(opts);
  try {
    server = await startServer({
      db: globals(cmd).db,
      port: parsePort(opts.port),
      host,
      civic: (cmd.optsWithGlobals() as { civic?: string }).civic,
      ...transport(opts),
      heads,
    });
  } catch (e) {
    if (e instanceof Error && /^refusing to serve|^cannot read the TLS/.test(e.message))
      throw new UsageError(e.message);
    throw e;
  }
  const { url, close } = server;
  io.out(`Strata is serving ${url}  (API: ${url}api/v1/docs)\n`);
  if (heads)
    io.out(
      `publishing signed ballot-log heads every ${heads.intervalSeconds === 60 ? 'minute' : `${heads.intervalSeconds / 60} minutes`} (key ${heads.signer.published.fingerprint})\n`,
    );
  else
    io.out(
      'not publishing ballot-log heads: no signing key (--head-key FILE; create one with strata civic heads keygen)\n',
    );
  await new Promise<void>((done) => {
    const stop = () => void close().then(done);
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

/** `strata serve [--port] [--host] [--tls-cert --tls-key] [--trust-proxy]`. */
export function registerServe(program: Command, io: Io): void {
  program
    .command('serve')
    .description('serve the HTTP API (/api/v1) and the web app from the store (opened read-only)')
    .option('--port <port>', 'TCP port', process.env.PORT ?? '8080')
    .option(
      '--host <host>',
      'interface to listen on; an address other than loopback needs TLS or --trust-proxy',
      '127.0.0.1',
    )
    .option('--tls-cert <file>', 'serve HTTPS with this certificate chain (PEM)')
    .option('--tls-key <file>', 'the private key of --tls-cert (PEM)')
    .option(
      '--trust-proxy <hops|addresses>',
      'the TLS-terminating proxies in front: how many (1), or their addresses and CIDR blocks, comma-separated (env STRATA_TRUST_PROXY)',
    )
    .option(
      '--head-key <file>',
      'publish each consultation’s signed ballot-log head with this Ed25519 key (mode 0600; env STRATA_CIVIC_HEAD_KEY)',
    )
    .option(
      '--head-interval <minutes>',
      'how often heads are published, at most once per interval (default 60; env STRATA_CIVIC_HEAD_INTERVAL)',
    )
    .action(async (opts: ServeOptions, cmd: Command) => serveUntilStopped(io, cmd, opts));
}
