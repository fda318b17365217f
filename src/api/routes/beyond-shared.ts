import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import {
  DataFileError,
  loadRegistry,
  MissingValuesError,
  type Flat,
  type Registry,
} from '../../workbench.ts';
import { HttpError } from '../errors.ts';
import { toCsv, wantsCsv } from '../respond.ts';

/** The registry the API serves: the one Strata ships (clients never name files). */
export function registry(): Registry {
  return loadRegistry();
}

/** A data file sent in a body that fails its schema: 400 with every issue and its path in `details`; a composite with gaps it may not fill: 422 listing them. */
export async function withIssues<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof DataFileError)
      throw new HttpError(400, 'invalid_file', e.message, {
        issues: e.issues.map(({ path, message }) => ({ path, message })),
      });
    if (e instanceof MissingValuesError) throw new HttpError(422, e.code, e.message, { gaps: e.gaps });
    throw e;
  }
}

/** The JSON body of a POST, or a 400 naming the problem. */
export async function jsonBody(c: Context): Promise<unknown> {
  try {
    return await c.req.json();
  } catch {
    throw new HttpError(400, 'bad_request', 'the body is not JSON');
  }
}

/** JSON, or CSV of the flat rows, for a result computed per request (not cached). */
export function respond(c: Context, json: unknown, flat: Flat): Response {
  if (wantsCsv(c))
    return new Response(toCsv(flat.rows, flat.columns), {
      headers: { 'content-type': 'text/csv; charset=utf-8' },
    });
  return c.json(json as object);
}

/** A request body documented as a data file (validated in full by the workbench, errors naming the path). */
export function fileBody(description: string, example: unknown) {
  return {
    required: true,
    content: { 'application/json': { schema: z.object({}).passthrough().openapi({ description, example }) } },
  };
}

/** Error responses of routes that take a data file. */
export const fileErrors = {
  413: { description: 'Body larger than 64 KB' },
  422: { description: 'The data has gaps the file does not say how to fill (composites: listed)' },
} as const;
