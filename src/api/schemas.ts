// Request parameters the routes share, and how a route documents its responses: the answer's
// schema from contract/ for 200 (with CSV for tables), the one error shape otherwise.
import { z } from '@hono/zod-openapi';
import { ErrorBody } from '../contract/common.ts';

/** The one error shape, as documented in the OpenAPI document. */
export const ErrorSchema = ErrorBody;

export const AreaCode = z
  .string()
  .regex(/^[A-Z0-9]{3,9}$/, 'an area code such as E06000001 or TLC11')
  .openapi({ param: { name: 'code', in: 'path' }, example: 'E06000001' });

/** A built-in layer taxonomy by id; the default one when absent. */
export const TaxonomyParam = z.string().max(64).optional();

/** A local authority district by its April 2023 code, for routes that answer for every district or one. */
export const LadParam = z
  .string()
  .regex(/^[A-Z]\d{8}$/, 'a local authority code')
  .optional();

export const FormatQuery = z.enum(['json', 'csv']).optional().openapi({
  description:
    'csv for a CSV download (or send Accept: text/csv): RFC 4180 at full precision. Add excel=1 for a CSV made for Excel: a UTF-8 byte-order mark, numbers rounded to the published precision (ratios to 4 decimals, other values to 2), text that Excel would run as a formula made inert, and a last line naming the source',
});

/** Comma-separated codes or ids, as a list. */
export const codeList = z.string().regex(/^[A-Za-z0-9:,-]{1,2000}$/, 'comma-separated codes or ids');

/** Error responses every data route can give. */
export const errorResponses = {
  400: {
    description: 'Bad input (the message names the field)',
    content: { 'application/json': { schema: ErrorSchema } },
  },
  404: { description: 'Unknown code', content: { 'application/json': { schema: ErrorSchema } } },
  409: {
    description: 'The data this needs is not in the store',
    content: { 'application/json': { schema: ErrorSchema } },
  },
} as const;

/** A JSON answer, or CSV of its table, documented with the answer's schema. */
export function tableResponse<S extends z.ZodType>(schema: S, description: string) {
  return {
    200: {
      description,
      content: { 'application/json': { schema }, 'text/csv': { schema: z.string() } },
    },
    ...errorResponses,
  };
}

/** A JSON answer documented with its schema. */
export function jsonResponse<S extends z.ZodType>(schema: S, description: string) {
  return { 200: { description, content: { 'application/json': { schema } } }, ...errorResponses };
}

/** A request body that is a data file as JSON: an object, validated in full by the workbench (errors name the path in the file). */
export function fileBody(description: string, example: unknown) {
  return {
    required: true,
    content: {
      'application/json': { schema: z.record(z.string(), z.unknown()).openapi({ description, example }) },
    },
  };
}

/** Error responses of routes that take a data file. */
export const fileErrors = {
  413: { description: 'Body larger than 64 KB' },
  422: {
    description: 'The data has gaps the file does not say how to fill (composites: listed)',
    content: { 'application/json': { schema: ErrorSchema } },
  },
} as const;
