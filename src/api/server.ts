import { serve } from '@hono/node-server';
import { existsSync } from 'node:fs';
import { CivicService } from '../civic/service.ts';
import { DEFAULT_CIVIC_DB } from '../civic/store/open.ts';
import { StoreHolder, taxonomyById } from '../workbench.ts';
import { createApp } from './app.ts';
import type { ApiDeps } from './deps.ts';
import { storeOf, withGeneration } from './store-context.ts';

export const WEB_DIR = new URL('../../dist/web/', import.meta.url).pathname;

/** How often the server looks for a new store generation written by `strata data import`. */
export const STORE_POLL_MS = 1000;

/**
 * Starts the server on 127.0.0.1 (or `host`) with the store opened read-only and the civic store
 * (`civic`, else $STRATA_CIVIC_DB, else sqlite:.strata/civic.sqlite); resolves once listening.
 * An import while serving writes a new generation of the store file; the server moves to it
 * within STORE_POLL_MS, each request reading one generation from start to end.
 */
export async function startServer(opts: {
  db: string;
  port: number;
  host?: string;
  civic?: string;
}): Promise<{ url: string; close: () => Promise<void> }> {
  const holder = await StoreHolder.open(opts.db, {
    pollMs: STORE_POLL_MS,
    onSwitch: (g) => process.stdout.write(`store ${opts.db}: serving its new import (generation ${g.id})\n`),
  });
  const civic = await CivicService.open((opts.civic ?? process.env.STRATA_CIVIC_DB) || DEFAULT_CIVIC_DB);
  const deps: ApiDeps = {
    get store() {
      return storeOf(holder);
    },
    taxonomy: taxonomyById,
    webDir: existsSync(WEB_DIR + 'index.html') ? WEB_DIR : null,
    civic,
  };
  const app = createApp(deps);
  const host = opts.host ?? '127.0.0.1';
  return new Promise((resolvePromise) => {
    const fetch = (req: Request, env?: object) => withGeneration(holder, () => app.fetch(req, env));
    const server = serve({ fetch, port: opts.port, hostname: host }, (info) => {
      resolvePromise({
        url: `http://${host}:${info.port}/`,
        close: () =>
          new Promise<void>((done) =>
            server.close(() => {
              holder.close();
              void civic.close().then(done);
            }),
          ),
      });
    });
  });
}
