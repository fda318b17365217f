import type { Context } from 'hono';
import { type ParsedFile } from '../../workbench.ts';
import { fromValue } from '../../workbench/data-file.ts';
import { HttpError } from '../errors.ts';

/** The JSON body of a POST as a data file the workbench validates (errors naming the path), or a 400. */
export async function fileOf(c: Context): Promise<ParsedFile> {
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    throw new HttpError(400, 'bad_request', 'the body is not JSON');
  }
  return fromValue(body, 'request body');
}
