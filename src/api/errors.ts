import type { Context } from 'hono';
import { SourceError, UsageError } from '../core/errors.ts';

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

/** The one error shape every route returns: `{ error, code, details? }`. */
export interface ErrorBody {
  error: string;
  code: string;
  details?: unknown;
}

/** Maps any thrown value to a status and the error shape; unexpected errors never leak internals. */
export function toErrorResponse(e: unknown): { status: number; body: ErrorBody } {
  if (e instanceof HttpError)
    return {
      status: e.status,
      body: { error: e.message, code: e.code, ...(e.details === undefined ? {} : { details: e.details }) },
    };
  if (e instanceof UsageError) return { status: e.status, body: { error: e.message, code: e.code } };
  if (e instanceof SourceError) return { status: 400, body: { error: e.message, code: 'bad_input' } };
  const status = (e as { status?: number }).status;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return {
      status,
      body: {
        error: (e as Error).message || 'bad request',
        code: status === 413 ? 'payload_too_large' : 'bad_request',
      },
    };
  }
  return { status: 500, body: { error: 'internal error', code: 'internal' } };
}

/** Sends an error in the one shape. */
export function sendError(c: Context, e: unknown): Response {
  const { status, body } = toErrorResponse(e);
  if (status === 500) console.error(e);
  return c.json(body, status as 400);
}
