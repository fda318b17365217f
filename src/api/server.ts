import { serve } from '@hono/node-server';
import { existsSync, readFileSync } from 'node:fs';
import { createServer as createHttps } from 'node:https';
import { isIP } from 'node:net';
import { CivicService, DEFAULT_CIVIC_DB, type HeadSigner } from '../civic/service.ts';
import { StoreHolder, Workbench, type PdfPrinter } from '../workbench.ts';
import { createApp } from './app.ts';
import type { CostlyLimits } from './limits.ts';
import type { TrustProxy } from './client-address.ts';
import { storeOf, withGeneration } from './store-context.ts';

export const WEB_DIR = new URL('../../dist/web/', import.meta.url).pathname;

/** How often the server looks for a new store generation written by `strata data import`. */
export const STORE_POLL_MS = 1000;

/** How long a client may take and how many may be connected: slow or idle clients cannot hold the server. */
export interface ServerLimits {
  /** Whole request headers must arrive within this (ms). */
  headersTimeout: number;
  /** The whole request, body included, must arrive within this (ms). */
  requestTimeout: number;
  /** An idle kept-alive connection is closed after this (ms). */
  keepAliveTimeout: number;
  /** Connections beyond this are closed at once. */
  maxConnections: number;
}

export const SERVER_LIMITS: ServerLimits = {
  headersTimeout: 10_000,
  requestTimeout: 30_000,
  keepAliveTimeout: 5_000,
  maxConnections: 1000,
};

/** Where the TLS certificate chain and private key are (PEM files). */
export interface TlsFiles {
  cert: string;
  key: string;
}

export interface ServerOptions {
  db: string;
  port: number;
  host?: string;
  civic?: string;
  tls?: TlsFiles;
  trustProxy?: TrustProxy | null;
  limits?: Partial<ServerLimits>;
  /** Publish signed log heads with this key once per interval (seconds). */
  heads?: { signer: HeadSigner; intervalSeconds: number };
  /** The printer of reports to PDF (default a new one); the server closes it when it closes. */
  printer?: PdfPrinter;
  /** Limits on the costly routes per client address (default COSTLY_LIMITS). */
  costly?: CostlyLimits;
}

/** Whether a listening address only takes connections from this machine. */
export function isLoopback(host: string): boolean {
  if (host === 'localhost') return true;
  const h = host.replace(/^\[|\]$/g, '');
  if (isIP(h) === 4) return h.startsWith('127.');
  return h === '::1';
}

/**
 * Refuses to serve plain HTTP on a network address unless a trusted proxy in front terminates
 * TLS: the session cookies are Secure, so over plain HTTP a browser never sends them back and
 * every sign-in or code redemption fails with a CSRF error.
 */
export function checkTransport(host: string, tls: TlsFiles | undefined, trustProxy: TrustProxy | null): void {
  if (tls || trustProxy || isLoopback(host)) return;
  throw new Error(
    `refusing to serve plain HTTP on ${host}: browsers would not send the Secure session cookies back, ` +
      'so nobody could sign in or redeem a code. Serve TLS (--tls-cert FILE --tls-key FILE), or put a ' +
      'TLS-terminating proxy in front and declare it (--trust-proxy HOPS|ADDRESSES), or listen on 127.0.0.1.',
  );
}

function readTls(tls: TlsFiles): { cert: Buffer; key: Buffer } {
  const read = (what: string, file: string) => {
    try {
      return readFileSync(file);
    } catch (e) {
      throw new Error(`cannot read the TLS ${what} ${file}: ${(e as NodeJS.ErrnoException).code ?? e}`, {
        cause: e,
      });
    }
  };
  return { cert: read('certificate', tls.cert), key: read('key', tls.key) };
}

/**
 * Starts the server on 127.0.0.1 (or `host`) with the store opened read-only and the civic store
 * (`civic`, else $STRATA_CIVIC_DB, else sqlite:.strata/civic.sqlite); resolves once listening.
 * Over HTTPS with `tls`; on a network address only with TLS or a trusted proxy (checkTransport).
 * An import while serving writes a new generation of the store file; the server moves to it
 * within STORE_POLL_MS, each request reading one generation from start to end.
 */
export async function startServer(opts: ServerOptions): Promise<{ url: string; close: () => Promise<void> }> {
  const host = opts.host ?? '127.0.0.1';
  checkTransport(host, opts.tls, opts.trustProxy ?? null);
  const tls = opts.tls ? readTls(opts.tls) : undefined;
  const limits = { ...SERVER_LIMITS, ...opts.limits };
  const holder = await StoreHolder.open(opts.db, {
    pollMs: STORE_POLL_MS,
    onSwitch: (g) => process.stdout.write(`store ${opts.db}: serving its new import (generation ${g.id})\n`),
  });
  const civic = await CivicService.open((opts.civic ?? process.env.STRATA_CIVIC_DB) || DEFAULT_CIVIC_DB, {
    heads: opts.heads,
  });
  const workbench = await Workbench.following(() => storeOf(holder));
  // one Chromium for every PDF request, started by the first and closed with the server
  const printer = opts.printer ?? (await workbench.pdfPrinter());
  const app = createApp({
    workbench,
    webDir: existsSync(WEB_DIR + 'index.html') ? WEB_DIR : null,
    civic,
    trustProxy: opts.trustProxy ?? null,
    printer,
    ...(opts.costly ? { costly: opts.costly } : {}),
  });
  const fetch = (req: Request, env?: object) => withGeneration(holder, () => app.fetch(req, env));
  const timeouts = {
    headersTimeout: limits.headersTimeout,
    requestTimeout: limits.requestTimeout,
    keepAliveTimeout: limits.keepAliveTimeout,
    // how often Node checks the two timeouts above (default 30 s, longer than a short timeout)
    connectionsCheckingInterval: Math.min(1000, limits.headersTimeout),
  };
  return new Promise((resolvePromise) => {
    const listening = (info: { port: number }) => {
      const shown = isIP(host) === 6 ? `[${host}]` : host;
      resolvePromise({
        url: `${tls ? 'https' : 'http'}://${shown}:${info.port}/`,
        close: () =>
          new Promise<void>((done) =>
            server.close(() => {
              holder.close();
              void Promise.all([civic.close(), printer.close()]).then(() => done());
            }),
          ),
      });
    };
    const server = tls
      ? serve(
          {
            fetch,
            port: opts.port,
            hostname: host,
            createServer: createHttps,
            serverOptions: { ...timeouts, ...tls },
          },
          listening,
        )
      : serve({ fetch, port: opts.port, hostname: host, serverOptions: timeouts }, listening);
    server.maxConnections = limits.maxConnections;
  });
}
