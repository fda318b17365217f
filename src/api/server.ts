import { serve } from '@hono/node-server';
import { existsSync } from 'node:fs';
import { CivicService } from '../civic/service.ts';
import { DEFAULT_CIVIC_DB } from '../civic/store/open.ts';
import { Workbench } from '../workbench.ts';
import { createApp } from './app.ts';

export const WEB_DIR = new URL('../../dist/web/', import.meta.url).pathname;

/**
 * Starts the server on 127.0.0.1 (or `host`) with the store opened read-only and the civic store
 * (`civic`, else $STRATA_CIVIC_DB, else sqlite:.strata/civic.sqlite); resolves once listening.
 */
export async function startServer(opts: {
  db: string;
  port: number;
  host?: string;
  civic?: string;
}): Promise<{ url: string; close: () => Promise<void> }> {
  const workbench = await Workbench.open(opts.db, { readOnly: true });
  const civic = await CivicService.open((opts.civic ?? process.env.STRATA_CIVIC_DB) || DEFAULT_CIVIC_DB);
  const app = createApp({ workbench, webDir: existsSync(WEB_DIR + 'index.html') ? WEB_DIR : null, civic });
  const host = opts.host ?? '127.0.0.1';
  return new Promise((resolvePromise) => {
    const server = serve({ fetch: app.fetch, port: opts.port, hostname: host }, (info) => {
      resolvePromise({
        url: `http://${host}:${info.port}/`,
        close: () =>
          new Promise<void>((done) =>
            server.close(() => {
              workbench.close();
              void civic.close().then(done);
            }),
          ),
      });
    });
  });
}
