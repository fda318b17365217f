// Every civic route: the JSON API under /api/v1/civic (in the OpenAPI document) and the
// participation pages under /participate. Each is gated by the authorisation matrix.
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { ApiDeps } from '../deps.ts';
import { civicAuthRoutes } from './auth.ts';
import { civicBallotRoutes } from './ballots.ts';
import { civicConsultationRoutes } from './consultations.ts';
import { civicOrganiserRoutes } from './organiser.ts';
import { civicPageRoutes } from './pages.ts';
import { isPublicRecord } from './public-cache.ts';
import { civicResultRoutes } from './results.ts';

/** Registers the civic API and pages. */
export function civicRoutes(app: OpenAPIHono, deps: ApiDeps): void {
  // Sessions, CSRF tokens, codes, ballots and accounts pass through here: no cache may keep them.
  // Only answers that mark themselves public records (public-cache.ts: the signed head series) and
  // set no cookie keep their own caching.
  for (const path of ['/api/v1/civic/*', '/participate', '/participate/*'])
    app.use(path, async (c, next) => {
      await next();
      if (!isPublicRecord(c) || c.res.headers.has('set-cookie'))
        c.res.headers.set('cache-control', 'no-store');
    });
  civicAuthRoutes(app, deps);
  civicConsultationRoutes(app, deps);
  civicOrganiserRoutes(app, deps);
  civicBallotRoutes(app, deps);
  civicResultRoutes(app, deps);
  civicPageRoutes(app, deps);
}
