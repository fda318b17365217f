// Sectors defined by SIC codes as data (the Industrial Strategy's IS-8, DBT 2025), with how well
// SIC captures each: `good`, `proxy`, or `partial` (partly or not representable by SIC at all —
// a vertical scenario on such a sector must say so, and the output does).
import { z } from 'zod';
import { relation, sicCovers } from '../io/ioat-sic.ts';

const sicCode = z
  .string()
  .regex(/^\d{2}(\.\d{1,2})?$/, 'a SIC 2007 division (29), group (30.3) or class (62.01)');

export const sectorsSchema = z.strictObject({
  id: z.string().min(1),
  title: z.string().min(1),
  source: z.string().min(1),
  note: z.string().optional(),
  sectors: z
    .array(
      z.strictObject({
        id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and hyphens'),
        name: z.string().min(1),
        is8: z.boolean(),
        coverage: z.enum(['good', 'proxy', 'partial']),
        sic: z.array(sicCode).min(1),
        note: z.string().min(1),
      }),
    )
    .min(1),
});

export type Sectors = z.output<typeof sectorsSchema>;
export type Sector = Sectors['sectors'][number];

/** A SIC code as a prefix of class codes: `30.3` → `303`, `62.01` → `6201`. */
export function sicPrefix(code: string): string {
  return code.replace('.', '');
}

/** The SIC classes (4-digit) of each IOAT industry, from the list of all classes. */
export function industryClasses(ioat: readonly string[], classes: readonly string[]): string[][] {
  return sicCovers(ioat).map((cover) =>
    cover.imputedRent ? [] : classes.filter((c) => relation(cover, c) === 'all'),
  );
}

/**
 * Share of each IOAT industry that a SIC code covers: 1 for an industry inside the code, and for
 * a code finer than the industry the share of the industry's SIC classes it holds (an equal split
 * by class: no finer data is published for the IOAT industries).
 */
export function sicShares(own: readonly string[][], code: string): Float64Array {
  const prefix = sicPrefix(code);
  return Float64Array.from(own, (cls) =>
    cls.length === 0 ? 0 : cls.filter((c) => c.startsWith(prefix)).length / cls.length,
  );
}
