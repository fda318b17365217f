import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { SourceError } from '../core/errors.ts';
import { DATE_FORMS } from './spend-dates.ts';

/** The file the published spend layouts are declared in. */
export const SPEND_LAYOUTS = new URL('../../data/franchise/spend-layouts.json', import.meta.url).pathname;

const FIELDS = [
  'body',
  'service',
  'expenseType',
  'date',
  'invoiceDate',
  'transaction',
  'amount',
  'supplier',
  'companyNumber',
  'charityNumber',
] as const;
export type SpendField = (typeof FIELDS)[number];
/** Fields every layout must name a column for. */
const REQUIRED: SpendField[] = ['date', 'amount', 'supplier'];

const layoutSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  title: z.string().min(1),
  council: z.string().min(1).nullable(),
  recognise: z.array(z.string().min(1)).min(2),
  fields: z.partialRecord(z.enum(FIELDS), z.array(z.string().min(1)).min(1)),
  optional: z.array(z.enum(FIELDS)).default([]),
  dates: z.array(z.enum(DATE_FORMS)).min(1),
  credits: z.array(z.enum(['minus', 'brackets', 'cr'])).min(1),
});
export type SpendLayout = z.output<typeof layoutSchema>;

/** Validates the layouts: ids unique, required fields present, no two layouts recognised by the same columns. */
export function parseLayouts(json: unknown, file = 'spend-layouts.json'): SpendLayout[] {
  const parsed = z.object({ layouts: z.array(layoutSchema).min(1) }).safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${file}: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  const seen = new Map<string, string>();
  for (const l of parsed.data.layouts) {
    const missing = REQUIRED.find((f) => !l.fields[f]);
    if (missing) throw new Error(`${file}: layout ${l.id}: no column named for ${missing}`);
    const key = [...l.recognise].sort().join('|');
    if (seen.has(l.id) || [...seen.values()].includes(key))
      throw new Error(`${file}: layout ${l.id}: duplicate id or recognising columns`);
    seen.set(l.id, key);
  }
  return parsed.data.layouts;
}

/** The layouts Strata ships. */
export function loadLayouts(path = SPEND_LAYOUTS): SpendLayout[] {
  return parseLayouts(JSON.parse(readFileSync(path, 'utf8')), path.split('/').at(-1));
}

/**
 * The layout a header is in: the most specific whose recognising columns are all present. A
 * header no layout recognises is refused, naming the closest layout and the columns it lacks.
 */
export function recogniseLayout(header: readonly string[], layouts: readonly SpendLayout[], file: string) {
  const has = new Set(header);
  const fits = layouts.filter((l) => l.recognise.every((c) => has.has(c)));
  if (fits.length > 0) return fits.reduce((a, b) => (b.recognise.length > a.recognise.length ? b : a));
  const closest = layouts.reduce((a, b) => (present(b, has) > present(a, has) ? b : a));
  const lacking = closest.recognise.filter((c) => !has.has(c));
  throw new SourceError(
    { file, line: 1, value: header.join(',') },
    `not a known spend layout: missing column ${lacking.map((c) => `"${c}"`).join(', ')} (closest layout ${closest.id})`,
  );
}

function present(l: SpendLayout, has: Set<string>): number {
  return l.recognise.filter((c) => has.has(c)).length / l.recognise.length;
}

/** The column index of each field in a header (-1 where an optional field is absent); a required one missing is refused. */
export function fieldColumns(
  header: readonly string[],
  layout: SpendLayout,
  file: string,
): Record<SpendField, number> {
  const out = {} as Record<SpendField, number>;
  for (const f of FIELDS) {
    const names = layout.fields[f];
    const i = names ? header.findIndex((h) => names.includes(h)) : -1;
    if (names && i < 0 && !layout.optional.includes(f))
      throw new SourceError(
        { file, line: 1, value: header.join(',') },
        `missing column: ${names.join(' or ')} (layout ${layout.id})`,
      );
    out[f] = i;
  }
  return out;
}
