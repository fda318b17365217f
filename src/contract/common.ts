// Pieces every answer shares. Each schema is strict: a field the server sends and the contract
// does not name fails the schema test, and a field the contract names but the server leaves out
// fails it too (DESIGN.md, "One contract").
import { z } from 'zod';

/** A number, or null where the publisher gives none (suppressed, not published, undefined ratio). */
export const maybe = z.number().nullable();

/** Notes that travel with an answer: how it was made, what to read with care. */
export const Notes = z.array(z.string());

/** A named area at a level. */
export const AreaRef = z
  .strictObject({ areacd: z.string(), areanm: z.string(), level: z.string() })
  .meta({ id: 'AreaRef' });
export type AreaRef = z.infer<typeof AreaRef>;

/** A comparator's value: the nation, a region, the mean of a set. */
export const ComparatorRef = z
  .strictObject({ areacd: z.string(), areanm: z.string(), value: maybe })
  .meta({ id: 'ComparatorRef' });
export type ComparatorRef = z.infer<typeof ComparatorRef>;

/** Limits at 95% and 99.8% (PHE's two levels), where known. */
export const BothLimits = {
  lci95: maybe,
  uci95: maybe,
  lci998: maybe,
  uci998: maybe,
};

export const Polarity = z.enum(['higher-is-better', 'lower-is-better', 'none']);

/** better / similar / worse by polarity, higher / lower without one, or not-compared (no interval). */
export const Comparison = z.enum(['better', 'similar', 'worse', 'higher', 'lower', 'not-compared']);
export type Comparison = z.infer<typeof Comparison>;

/** Verdicts at the two PHE levels. */
export const Verdict = z.strictObject({ '95': Comparison, '99.8': Comparison }).meta({ id: 'Verdict' });
export type Verdict = z.infer<typeof Verdict>;

export const TrendStatus = z.enum([
  'improving',
  'maintaining',
  'worsening',
  'increasing',
  'decreasing',
  'no-change',
  'insufficient-data',
]);

/** Change by the declared rule, with the numbers behind it. */
export const Trend = z
  .strictObject({
    status: TrendStatus,
    track: z.enum(['on', 'off']).optional(),
    latest: z.number().optional(),
    reference: z.number().optional(),
    change: z.number().optional(),
  })
  .meta({ id: 'Trend' });
export type Trend = z.infer<typeof Trend>;

/** The one error shape every route returns. */
export const ErrorBody = z
  .strictObject({ error: z.string(), code: z.string(), details: z.unknown().optional() })
  .meta({ id: 'Error', example: { error: 'unknown area: E06999999', code: 'not_found' } });
export type ErrorBody = z.infer<typeof ErrorBody>;
