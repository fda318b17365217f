// A handler's answer is checked against its route's response schema by the type-checker: the
// typed senders carry the answer's type, so a route cannot send a shape its contract does not
// declare (the @ts-expect-error lines fail the type-check if that stops being true).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { table } from '../../src/contract/table.ts';
import { Responses, tableNow } from '../../src/api/respond.ts';

const Answer = z.strictObject({ rows: z.array(z.strictObject({ a: z.number(), b: z.string() })) });
const route = createRoute({
  method: 'get',
  path: '/t',
  responses: {
    200: {
      description: 't',
      content: { 'application/json': { schema: Answer }, 'text/csv': { schema: z.string() } },
    },
  },
});
const view = table((x: z.infer<typeof Answer>) => x.rows, ['a', 'b']);

describe('typed answers', () => {
  it('sends JSON, or CSV from the table view, cached with an ETag', async () => {
    const app = new OpenAPIHono();
    const responses = new Responses();
    let made = 0;
    app.openapi(route, (c) =>
      responses.table(c, 't', async () => (made++, { rows: [{ a: 1.5, b: 'x,y' }] }), view),
    );
    const json = await app.request('/t');
    assert.deepEqual(await json.json(), { rows: [{ a: 1.5, b: 'x,y' }] });
    const csv = await app.request('/t?format=csv');
    assert.equal(await csv.text(), 'a,b\n1.5,"x,y"\n');
    const again = await app.request('/t', { headers: { 'if-none-match': json.headers.get('etag')! } });
    assert.equal(again.status, 304);
    assert.equal(made, 2);
  });

  it('refuses, at type-check time, an answer the route does not declare', async () => {
    const wrong = new OpenAPIHono();
    // @ts-expect-error a field of the wrong type
    wrong.openapi(route, (c) => tableNow(c, { rows: [{ a: 'one', b: 'x' }] }, view));
    // @ts-expect-error a missing field
    wrong.openapi(route, (c) => new Responses().json(c, 'k', () => ({ rows: [{ a: 1 }] })));
    const right = new OpenAPIHono();
    right.openapi(route, (c) => tableNow(c, { rows: [{ a: 1, b: 'x' }] }, view));
    assert.equal(await (await right.request('/t?format=csv')).text(), 'a,b\n1,x\n');
  });
});
