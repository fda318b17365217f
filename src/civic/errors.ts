// Refusals the civic service gives, by kind; the HTTP and CLI edges map each kind to a status.

/** Why the civic service refused: the API maps these to 400, 401, 403, 404, 409, 429 and 503. */
export type RefusalKind =
  'bad_request' | 'unauthenticated' | 'forbidden' | 'not_found' | 'conflict' | 'closed' | 'locked' | 'busy';

/** A refused civic request, with a one-line reason that is safe to show. */
export class CivicError extends Error {
  readonly kind: RefusalKind;
  readonly details?: Record<string, unknown>;
  constructor(kind: RefusalKind, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'CivicError';
    this.kind = kind;
    this.details = details;
  }
}

/** Shorthand for a refusal. */
export function refuse(kind: RefusalKind, message: string, details?: Record<string, unknown>): CivicError {
  return new CivicError(kind, message, details);
}
