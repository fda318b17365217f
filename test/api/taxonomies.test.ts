import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { createApp } from '../../src/api/app.ts';
import { Workbench } from '../../src/workbench.ts';

// The taxonomy routes read only the built-in taxonomy files: an empty store is enough.
const app = createApp({ workbench: await Workbench.open(':memory:'), webDir: null });
const file = JSON.parse(readFileSync('data/taxonomies/foundational-economy-v1.json', 'utf8')) as {
  layers: { id: string; name: string; divisions: string[] }[];
};

describe('GET /api/v1/taxonomies', () => {
  it('lists the built-in taxonomies', async () => {
    const res = await app.request('/api/v1/taxonomies');
    assert.equal(res.status, 200);
    assert.ok(
      ((await res.json()) as { taxonomies: string[] }).taxonomies.includes('foundational-economy-v1'),
    );
  });
  it('gives each layer its name, description and divisions as the file has them', async () => {
    const res = await app.request('/api/v1/taxonomies/foundational-economy-v1');
    assert.equal(res.status, 200);
    const t = (await res.json()) as {
      id: string;
      layers: { id: string; name: string; divisions: string[] }[];
    };
    assert.equal(t.id, 'foundational-economy-v1');
    assert.deepEqual(
      t.layers.map((l) => [l.id, l.name, l.divisions]),
      file.layers.map((l) => [l.id, l.name, l.divisions]),
    );
  });
  it('answers an unknown id with 404 in the one error shape, and a malformed id with 400', async () => {
    const missing = await app.request('/api/v1/taxonomies/no-such-taxonomy');
    assert.equal(missing.status, 404);
    assert.equal(((await missing.json()) as { code: string }).code, 'not_found');
    const bad = await app.request('/api/v1/taxonomies/..%2Fetc');
    assert.equal(bad.status, 400);
  });
});
