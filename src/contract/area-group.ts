// A custom group of areas (`GET /api/v1/areas/group`, `strata area --group FILE | --areas a,b`):
// the group as a file or a URL list declares it, and its profile with England and the UK beside it.
import { z } from 'zod';
import { AreaRef } from './common.ts';
import { AreaProfile } from './areas.ts';
import { table } from './table.ts';

/** The most areas a group may hold (every district of a large region fits). */
export const MAX_GROUP_AREAS = 120;

const code = z.string().regex(/^[A-Z0-9]{3,9}$/, 'an area code such as E06000001 or TLC11');

/** A group as a user declares it: a name and the codes of its areas, each once. */
export const AreaGroupSpec = z
  .strictObject({
    name: z.string().trim().min(1).max(80),
    description: z.string().max(500).optional(),
    areas: z
      .array(code)
      .min(2, 'a group holds at least 2 areas')
      .max(MAX_GROUP_AREAS, `a group holds at most ${MAX_GROUP_AREAS} areas`),
  })
  .superRefine((g, ctx) => {
    g.areas.forEach((c, k) => {
      const first = g.areas.indexOf(c);
      if (first !== k)
        ctx.addIssue({
          code: 'custom',
          path: ['areas', k],
          message: `duplicate area ${c} (also areas.${first})`,
          input: c,
        });
    });
  })
  .meta({ id: 'AreaGroupSpec' });
export type AreaGroupSpec = z.infer<typeof AreaGroupSpec>;

/** A layer in the group, England and the UK side by side: latest share and LQ, real growth since the first year. */
export const GroupComparatorRow = z
  .strictObject({
    layer: z.string(),
    areacd: z.string(),
    areanm: z.string(),
    value: z.number(),
    share: z.number(),
    lq: z.number(),
    sinceStart: z.number().nullable(),
  })
  .meta({ id: 'GroupComparatorRow' });
export type GroupComparatorRow = z.infer<typeof GroupComparatorRow>;

/** A group's profile: the sections of an area profile, its members, and England and the UK beside it. */
export const AreaGroupProfile = AreaProfile.extend({
  group: z.strictObject({
    name: z.string(),
    description: z.string().nullable(),
    members: z.array(AreaRef),
    base: z.enum(['lad', 'itl3', 'itl2', 'itl1']).meta({
      description: 'the table the group is summed from: local authority districts or one ITL level',
    }),
    derived: z.literal(true),
  }),
  comparators: z
    .strictObject({ year: z.number(), growthYears: z.array(z.number()), rows: z.array(GroupComparatorRow) })
    .meta({ description: 'the group, England and the UK by layer in the latest year' }),
}).meta({ id: 'AreaGroupProfile' });
export type AreaGroupProfile = z.infer<typeof AreaGroupProfile>;

/** The comparators as a table (`strata area --group FILE --view comparators`). */
export const groupComparatorsView = table(
  (p: AreaGroupProfile) => p.comparators.rows.map((r) => ({ year: p.comparators.year, ...r })),
  ['year', 'layer', 'areacd', 'areanm', 'value', 'share', 'lq', 'sinceStart'],
);
