// Marginal income-tax rates on earnings by tax year and tax area (rest of the UK, Scotland),
// as data: what pension tax relief is worth to a worker at each level of pay.
import { z } from 'zod';

const band = z.strictObject({
  band: z.string().min(1),
  upTo: z.number().positive().optional(),
  rate: z.number().min(0).max(1),
});
const schedule = z.array(band).min(1);
export const incomeTaxSchema = z.strictObject({
  sources: z.array(z.string()).min(1),
  years: z.record(z.string(), z.strictObject({ 'rest-of-uk': schedule, scotland: schedule })),
});
export type IncomeTax = z.infer<typeof incomeTaxSchema>;
export type TaxBand = z.infer<typeof band>;
export type TaxArea = 'rest-of-uk' | 'scotland';

/** The bands of a tax year and area, checked: ascending limits, only the last open-ended. */
export function taxBands(tax: IncomeTax, taxYear: string, area: TaxArea): TaxBand[] {
  const y = tax.years[taxYear];
  if (!y)
    throw new Error(`unknown tax year: ${taxYear} (income tax for ${Object.keys(tax.years).join(', ')})`);
  const bands = y[area];
  bands.forEach((b, i) => {
    const last = i === bands.length - 1;
    if (last !== (b.upTo === undefined))
      throw new Error(`income tax ${taxYear} ${area}: only the last band is open-ended`);
    if (i > 0 && b.upTo !== undefined && !(b.upTo > bands[i - 1]!.upTo!))
      throw new Error(`income tax ${taxYear} ${area}: band ${b.band} must end above ${bands[i - 1]!.upTo}`);
  });
  return bands;
}

/** The band earnings of `salary` fall in (a band covers (previous upTo, upTo]). */
export function bandAt(bands: readonly TaxBand[], salary: number): TaxBand {
  return bands.find((b) => b.upTo === undefined || salary <= b.upTo)!;
}

/** The lower edge of band i (0 for the first). */
export function bandFloor(bands: readonly TaxBand[], i: number): number {
  return i === 0 ? 0 : bands[i - 1]!.upTo!;
}
