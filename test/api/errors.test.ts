// The one error shape of the API, `{ error, code, details? }`, for every kind of failure a route
// can meet: pinned here so a route cannot invent another.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { SourceError, UsageError } from '../../src/core/errors.ts';
import { ErrorBody } from '../../src/contract/common.ts';
import {
  HttpError,
  invalidRequest,
  sendError,
  toErrorResponse,
  type ErrorMapper,
} from '../../src/api/errors.ts';
import { DataFileError } from '../../src/workbench/data-file.ts';
import { MissingValuesError } from '../../src/workbench/composite-file.ts';

describe('the one error shape', () => {
  it('maps every kind of failure to a status and { error, code, details? }', () => {
    const cases: [unknown, number, unknown][] = [
      [new HttpError(403, 'csrf', 'missing token'), 403, { error: 'missing token', code: 'csrf' }],
      [
        new UsageError('unknown area: X', 'not_found', 404),
        404,
        { error: 'unknown area: X', code: 'not_found' },
      ],
      [
        new DataFileError('f.yaml', [{ path: 'id', line: 2, column: 1, message: 'required' }]),
        400,
        {
          error: 'invalid f.yaml: f.yaml:2:1: id: required',
          code: 'invalid_file',
          details: { issues: [{ path: 'id', message: 'required' }] },
        },
      ],
      [
        new MissingValuesError(['E06000001 pay'], 'composite c: 1 values missing'),
        422,
        {
          error: 'composite c: 1 values missing',
          code: 'missing_values',
          details: { gaps: ['E06000001 pay'] },
        },
      ],
      [
        new SourceError({ file: 'a.csv', line: 3 }, 'bad number'),
        400,
        { error: 'a.csv:3: bad number', code: 'bad_input' },
      ],
      [
        Object.assign(new Error('too big'), { status: 413 }),
        413,
        { error: 'too big', code: 'payload_too_large' },
      ],
      [new Error('secret internals'), 500, { error: 'internal error', code: 'internal' }],
    ];
    for (const [e, status, body] of cases) {
      const r = toErrorResponse(e);
      assert.equal(r.status, status, String(e));
      assert.deepEqual(r.body, body);
      assert.ok(ErrorBody.safeParse(r.body).success);
    }
  });

  it('lets a module map its own errors (a civic refusal) through the one handler', () => {
    class Refusal extends Error {}
    const civic: ErrorMapper = (e) =>
      e instanceof Refusal ? new HttpError(409, 'closed', e.message) : undefined;
    assert.deepEqual(toErrorResponse(new Refusal('the consultation is closed'), [civic]), {
      status: 409,
      body: { error: 'the consultation is closed', code: 'closed' },
    });
  });

  it('names the first invalid field of a request and lists every issue', async () => {
    const app = new OpenAPIHono({
      defaultHook: (r) =>
        r.success
          ? undefined
          : (() => {
              throw invalidRequest(r.error.issues, (r as { data?: unknown }).data);
            })(),
    });
    app.onError((e, c) => sendError(c, e));
    const route = createRoute({
      method: 'get',
      path: '/x',
      request: { query: z.object({ n: z.coerce.number().int(), k: z.enum(['a', 'b']) }) },
      responses: { 200: { description: 'x' } },
    });
    app.openapi(route, (c) => c.text('ok'));
    const res = await app.request('/x?n=1.5&k=c');
    assert.equal(res.status, 400);
    const body = (await res.json()) as {
      error: string;
      code: string;
      details: { field: string; issues: unknown[] };
    };
    assert.equal(body.code, 'bad_request');
    assert.match(body.error, /^invalid n: .* \(value: "1\.5"\)$/);
    assert.equal(body.details.field, 'n');
    assert.equal(body.details.issues.length, 2);
  });

  it('gives the value sent only when it is short and plain', () => {
    const issue = (path: PropertyKey[]) => [{ path, message: 'bad' }];
    assert.equal(invalidRequest(issue(['a', 0]), { a: [7] }).message, 'invalid a.0: bad (value: 7)');
    assert.equal(invalidRequest(issue(['a']), { a: { b: 1 } }).message, 'invalid a: bad');
    assert.equal(invalidRequest(issue(['a']), { a: 'x'.repeat(100) }).message, 'invalid a: bad');
    assert.equal(invalidRequest(issue([]), 'text').message, 'invalid (request): bad');
  });
});
