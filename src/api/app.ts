import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import { clientAddresses } from './client-address.ts';
import type { ApiDeps } from './deps.ts';
import { COSTLY_ROUTES, costlyRoutes } from './limits.ts';
import { apiDocsPage } from './docs-page.ts';
import { HttpError, sendError } from './errors.ts';
import { areaRoutes } from './routes/areas.ts';
import { civicRoutes } from './civic/routes.ts';
import { compareRoutes } from './routes/compare.ts';
import { compositeRoutes } from './routes/composite.ts';
import { datasetRoutes } from './routes/datasets.ts';
import { entitlementRoutes } from './routes/entitlements.ts';
import { genderRoutes } from './routes/gender.ts';
import { indicatorRoutes } from './routes/indicators.ts';
import { ioRoutes } from './routes/io.ts';
import { layerRoutes } from './routes/layers.ts';
import { missionRoutes } from './routes/missions.ts';
import { registryRoutes } from './routes/registry.ts';
import { taxonomyRoutes } from './routes/taxonomies.ts';
import { serveWeb } from './static.ts';

/** Request bodies larger than this are refused with 413 before they are read. */
export const MAX_BODY_BYTES = 64 * 1024;

export const API_INFO = {
  title: 'Strata',
  version: '1',
  description:
    'The layered economy of UK places from official statistics: areas, layers, indicators, datasets with provenance.',
};

/** Builds the whole application: the JSON API under /api/v1, its OpenAPI document and docs page, and the web app. */
export function createApp(deps: ApiDeps): OpenAPIHono {
  const app = new OpenAPIHono({
    defaultHook: (result) => {
      if (!result.success) {
        const issue = result.error.issues[0]!;
        const field = issue.path.join('.') || '(request)';
        throw new HttpError(400, 'bad_request', `invalid ${field}: ${issue.message}`, {
          field,
          issues: result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
        });
      }
      return undefined;
    },
  });
  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        objectSrc: ["'none'"],
      },
    }),
  );
  app.use('*', clientAddresses(deps.trustProxy ?? null));
  app.use('/api/*', costlyRoutes(COSTLY_ROUTES, deps.costly));
  app.use(
    '/api/*',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: () => {
        throw new HttpError(413, 'payload_too_large', `request body larger than ${MAX_BODY_BYTES} bytes`);
      },
    }),
  );
  app.onError((e, c) => sendError(c, e));
  app.notFound((c) =>
    sendError(
      c,
      new HttpError(
        404,
        'not_found',
        `no route: ${c.req.method} ${new URL(c.req.url).pathname.slice(0, 200)}`,
      ),
    ),
  );

  areaRoutes(app, deps);
  layerRoutes(app, deps);
  indicatorRoutes(app, deps);
  datasetRoutes(app, deps);
  ioRoutes(app, deps);
  taxonomyRoutes(app, deps);
  registryRoutes(app, deps);
  compareRoutes(app, deps);
  compositeRoutes(app, deps);
  missionRoutes(app, deps);
  entitlementRoutes(app, deps);
  genderRoutes(app, deps);
  civicRoutes(app, deps);

  app.get('/api/v1/health', (c) => c.json({ ok: true }));
  // The routes are fixed once the app is built, so the document and its page are made once.
  let doc: ReturnType<typeof app.getOpenAPI31Document> | null = null;
  let page: string | null = null;
  const openapi = () => (doc ??= app.getOpenAPI31Document({ openapi: '3.1.0', info: API_INFO }));
  app.get('/api/v1/openapi.json', (c) => c.json(openapi()));
  app.get('/api/v1/docs', (c) => c.html((page ??= apiDocsPage(openapi() as never))));
  app.all('/api/*', () => {
    throw new HttpError(404, 'not_found', 'no such API route');
  });
  app.get('*', (c) => {
    if (!deps.webDir)
      throw new HttpError(404, 'not_found', 'the web app is not built: run npm start (or npm run build:web)');
    return serveWeb(c, deps.webDir);
  });
  return app;
}
