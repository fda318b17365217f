import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import { analyticsRoutes } from './analytics/index.ts';
import { civicRoutes } from './civic/routes.ts';
import { toHttp } from './civic/guard.ts';
import { clientAddresses } from './client-address.ts';
import type { ApiDeps, AppConfig } from './deps.ts';
import { apiDocsPage } from './docs-page.ts';
import { HttpError, invalidRequest, sendError, type ErrorMapper } from './errors.ts';
import { COSTLY_ROUTES, costlyRoutes } from './limits.ts';
import { Responses } from './respond.ts';
import { serveWeb } from './static.ts';

/** Request bodies larger than this are refused with 413 before they are read. */
export const MAX_BODY_BYTES = 64 * 1024;

export const API_INFO = {
  title: 'Strata',
  version: '1',
  description:
    'The layered economy of UK places from official statistics: areas, layers, indicators, datasets with provenance.',
};

/** Errors of modules that name their own (civic refusals), mapped by the one error handler. */
const ERROR_MAPPERS: ErrorMapper[] = [
  (e) => {
    const mapped = toHttp(e);
    return mapped instanceof HttpError ? mapped : undefined;
  },
];

/** Builds the whole application: the JSON API under /api/v1, its OpenAPI document and docs page, and the web app. */
export function createApp(config: AppConfig): OpenAPIHono {
  const deps: ApiDeps = {
    ...config,
    responses: new Responses(),
    // read at each use: a server's workbench follows the store file to each new import
    get store() {
      return config.workbench.store;
    },
    taxonomy: (id) => config.workbench.taxonomy(id),
  };
  const app = new OpenAPIHono({
    defaultHook: (result) => {
      // the validator passes the input as received beside the failure (its type omits it)
      if (!result.success) throw invalidRequest(result.error.issues, (result as { data?: unknown }).data);
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
  app.onError((e, c) => sendError(c, e, ERROR_MAPPERS));
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

  analyticsRoutes(app, deps);
  civicRoutes(app, deps);

  app.get('/api/v1/health', (c) => c.json({ ok: true }));
  // The routes are fixed once the app is built, so the document and its page are made once.
  let doc: ReturnType<typeof app.getOpenAPI31Document> | null = null;
  let page: string | null = null;
  const openapi = () => (doc ??= app.getOpenAPI31Document({ openapi: '3.1.0', info: API_INFO }));
  app.get('/api/v1/openapi.json', (c) => c.json(openapi()));
  app.get('/api/v1/docs', (c) => c.html((page ??= apiDocsPage(openapi()))));
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
