import assert from 'node:assert/strict';
import { validate } from '@readme/openapi-parser';
import { after, before, describe, it } from 'node:test';
import type { Workbench } from '../../src/workbench.ts';
import { appOver, json } from '../helpers/api.ts';
import { packWorkbench } from '../helpers/pack.ts';

let wb: Workbench;
let app: ReturnType<typeof appOver>;
before(async () => {
  wb = await packWorkbench();
  app = appOver(wb);
});
after(() => wb.close());

/** `/api/v1/areas/:code` → `/api/v1/areas/{code}` */
const openapiPath = (p: string) => p.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

describe('OpenAPI document', () => {
  it('validates as OpenAPI 3.1', async () => {
    const doc = await json(await app.request('/api/v1/openapi.json'));
    assert.equal(doc.openapi, '3.1.0');
    const result = await validate(structuredClone(doc));
    assert.ok(result.valid, JSON.stringify(result));
  });
  it('documents every API route the app serves', async () => {
    const doc = await json(await app.request('/api/v1/openapi.json'));
    const documented = new Set(
      Object.entries(doc.paths as Record<string, object>).flatMap(([p, ops]) =>
        Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`),
      ),
    );
    const undocumentedOk = new Set([
      'GET /api/v1/openapi.json',
      'GET /api/v1/docs',
      'GET /api/v1/health',
      'ALL /api/*',
    ]);
    const served = app.routes
      .filter((r) => r.path.startsWith('/api/') && r.method !== 'ALL')
      .map((r) => `${r.method} ${openapiPath(r.path)}`)
      .filter((r) => !undocumentedOk.has(r));
    const missing = [...new Set(served)].filter((r) => !documented.has(r));
    assert.deepEqual(missing, []);
    assert.ok(documented.size >= 7);
  });
  it('has a human-readable API page listing the routes', async () => {
    const html = await (await app.request('/api/v1/docs')).text();
    assert.match(html, /GET \/api\/v1\/areas\/\{code\}/);
  });
});
