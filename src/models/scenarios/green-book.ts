// The Green Book file (data/appraisal/green-book.yaml): the discount schedule and the optimism
// bias table, each with its source, validated before use.
import { z } from 'zod';
import { checkSchedule } from './discount.ts';

const range = z.strictObject({ upper: z.number().min(0), lower: z.number().min(0) });

export const greenBookSchema = z
  .strictObject({
    id: z.string().min(1),
    title: z.string().min(1),
    discount: z.strictObject({
      source: z.string().min(1),
      schedule: z
        .array(z.strictObject({ from: z.number().int().min(0), rate: z.number().min(0).max(0.5) }))
        .min(1),
    }),
    optimismBias: z.strictObject({
      source: z.string().min(1),
      year: z.number().int(),
      mixRule: z.literal('capex-weighted'),
      types: z
        .array(
          z.strictObject({
            id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
            name: z.string().min(1),
            capital: range,
            duration: range.optional(),
          }),
        )
        .min(1),
    }),
  })
  .superRefine((g, ctx) => {
    try {
      checkSchedule(g.discount.schedule);
    } catch (e) {
      ctx.addIssue({ code: 'custom', path: ['discount', 'schedule'], message: (e as Error).message });
    }
  });

export type GreenBook = z.output<typeof greenBookSchema>;
