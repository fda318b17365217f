// The one error mapper of the whole API: every thrown value becomes a status and the one JSON
// shape `{ error, code, details? }` (STYLE.md §5). Modules with errors of their own (civic)
// plug in a mapper instead of catching and reshaping in their routes.
import type { Context } from 'hono';
import { SourceError, UsageError } from '../core/errors.ts';
import type { ErrorBody } from '../contract/common.ts';

export type { ErrorBody } from '../contract/common.ts';

/** An HTTP failure with its status and a stable machine-readable code. */
export class HttpError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details?: unknown;
  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

/** Turns a module's own error into an HttpError, or undefined when it is not one of them. */
export type ErrorMapper = (e: unknown) => HttpError | undefined;

function body(error: string, code: string, details: unknown): ErrorBody {
  return { error, code, ...(details === undefined ? {} : { details }) };
}

/** Maps any thrown value to a status and the error shape; unexpected errors never leak internals. */
export function toErrorResponse(
  e: unknown,
  mappers: readonly ErrorMapper[] = [],
): { status: number; body: ErrorBody } {
  for (const map of mappers) {
    const mapped = map(e);
    if (mapped) return toErrorResponse(mapped);
  }
  if (e instanceof HttpError) return { status: e.status, body: body(e.message, e.code, e.details) };
  if (e instanceof UsageError) return { status: e.status, body: body(e.message, e.code, e.details) };
  if (e instanceof SourceError) return { status: 400, body: body(e.message, 'bad_input', undefined) };
  const status = (e as { status?: number }).status;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    const code = status === 413 ? 'payload_too_large' : 'bad_request';
    return { status, body: body((e as Error).message || 'bad request', code, undefined) };
  }
  return { status: 500, body: body('internal error', 'internal', undefined) };
}

/** Sends an error in the one shape (and logs what was not expected). */
export function sendError(c: Context, e: unknown, mappers: readonly ErrorMapper[] = []): Response {
  const { status, body } = toErrorResponse(e, mappers);
  if (status === 500) console.error(e);
  return c.json(body, status as 400);
}

/**
 * A request that fails its schema: 400 naming the first field and, when short, the value sent
 * there (`input`: the query or body as received); every issue in `details`.
 */
export function invalidRequest(
  issues: readonly { path: PropertyKey[]; message: string }[],
  input?: unknown,
): HttpError {
  const first = issues[0]!;
  const field = first.path.map(String).join('.') || '(request)';
  const value = valueAt(input, first.path);
  return new HttpError(400, 'bad_request', `invalid ${field}: ${first.message}${value}`, {
    field,
    issues: issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
  });
}

/** ` (value: "lots")` for a short string, number or boolean found at a path; nothing otherwise. */
function valueAt(input: unknown, path: readonly PropertyKey[]): string {
  let v = input;
  for (const k of path) {
    if (v === null || typeof v !== 'object') return '';
    v = (v as Record<PropertyKey, unknown>)[k];
  }
  if (path.length === 0 || !['string', 'number', 'boolean'].includes(typeof v)) return '';
  const text = JSON.stringify(v);
  return text.length <= 80 ? ` (value: ${text})` : '';
}
