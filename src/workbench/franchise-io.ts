import { UsageError } from '../core/errors.ts';
import type { Taxonomy } from '../core/taxonomy.ts';
import { ioatShares } from '../models/franchise/industries.ts';
import { ioRetention, type IoRetention } from '../models/franchise/io-retention.ts';
import { regionalModel, sicCovers, type RegionalModel } from '../models/io/index.ts';
import type { Ctx } from './context.ts';
import type { BodyState } from './franchise-state.ts';
import { ioContext, ioSizes } from './io.ts';

/** The input–output view of what stays, beside LM3. */
export interface FranchiseIo extends IoRetention {
  area: string;
  year: number;
  delta: number;
  /** Pence whose industry is not known (unmatched suppliers, or codes no industry covers whole). */
  unplaced: number;
  assumes: string;
  source: string;
}

/** The FLQ-regionalised model of the body's area (local authority), δ = 0.3, built once per store state. */
export async function areaModel(
  ctx: Ctx,
  taxonomy: Taxonomy,
  area: string,
): Promise<{ model: RegionalModel; year: number; source: string }> {
  const io = await ioContext(ctx, taxonomy);
  return ctx.cached(`franchise-io:${io.year}:${area}`, async () => {
    const { sizes } = await ioSizes(ctx, io, 'lad');
    if (!sizes.areas.includes(area)) throw new UsageError(`no GVA by industry for ${area}`);
    return {
      model: regionalModel(io.national, sizes, area, { delta: 0.3 }),
      year: io.year,
      source: io.source,
    };
  });
}

/** Spend by IOAT industry (pence) of the body's matched suppliers, from their SIC codes. */
export function spendByIoat(
  s: BodyState,
  codes: readonly string[],
): { spend: Map<string, number>; unplaced: number } {
  const covers = sicCovers(codes);
  const spend = new Map<string, number>();
  let unplaced = 0;
  for (const x of s.suppliers) {
    if (x.pence <= 0) continue;
    const shares = x.employer ? ioatShares(x.employer.sicCodes, covers) : new Map<string, number>();
    let placed = 0;
    for (const [code, w] of shares) {
      spend.set(code, (spend.get(code) ?? 0) + x.pence * w);
      placed += w;
    }
    unplaced += x.pence * (1 - placed);
  }
  return { spend, unplaced: Math.round(unplaced) };
}

/** Spend-weighted regional Type I and II output multipliers of the body's spend. */
export async function franchiseIo(ctx: Ctx, taxonomy: Taxonomy, s: BodyState): Promise<FranchiseIo> {
  if (!s.body.area) throw new UsageError(`no area declared for ${s.body.name}`);
  const { model, year, source } = await areaModel(ctx, taxonomy, s.body.area);
  const { spend, unplaced } = spendByIoat(s, model.codes);
  const out = model.multipliers.output;
  return {
    ...ioRetention(spend, { codes: model.codes, type1: out.type1, type2: out.type2 }),
    area: s.body.area,
    year,
    delta: model.delta,
    unplaced,
    assumes:
      'Regional output multipliers (FLQ, δ = 0.3) of the industries the matched suppliers list: fixed input shares, local supply scaled down by location quotients, and (Type II) household spending of the extra wages at the average propensity. LM3 instead counts what suppliers re-spend locally, from declared re-spend shares by supplier type.',
    source,
  };
}
