import { z } from '@hono/zod-openapi';

/** The one error shape, as documented in the OpenAPI document. */
export const ErrorSchema = z
  .object({ error: z.string(), code: z.string(), details: z.unknown().optional() })
  .openapi('Error', { example: { error: 'unknown area: E06999999', code: 'not_found' } });

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

export const FormatQuery = z
  .enum(['json', 'csv'])
  .optional()
  .openapi({ description: 'csv for a CSV download (or send Accept: text/csv)' });

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

/** A JSON (and CSV, for tables) response documented with its schema. */
export function tableResponse(schema: z.ZodTypeAny, description: string) {
  return {
    200: {
      description,
      content: { 'application/json': { schema }, 'text/csv': { schema: z.string() } },
    },
    ...errorResponses,
  };
}

export function jsonResponse(schema: z.ZodTypeAny, description: string) {
  return { 200: { description, content: { 'application/json': { schema } } }, ...errorResponses };
}
