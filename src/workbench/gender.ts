// The gender lens (METHODS.md §6): local pay gaps with suppression kept, employers' reported gaps
// by layer and size band, ASHE industry gaps by layer: `strata gender`, `GET /api/v1/gender`.
import { SIZE_BANDS } from '../ingest/gpg-employers.ts';
import { notFound, UsageError } from '../core/errors.ts';
import { resolveIndustry } from '../core/sic.ts';
import { layerIndex, type Taxonomy } from '../core/taxonomy.ts';
import type { GenderReport, LocalGap } from '../contract/gender.ts';
import { distribution, employerLayers, type Weighted } from '../models/gender/distribution.ts';
import { employerGaps as employerRows, employerPeriods } from '../store/queries/gender.ts';
import { industryMeasure } from '../store/queries/industries.ts';
import type { Ctx } from './context.ts';
import { lads2023 } from './geography.ts';
import { indicatorSeries } from './indicator-series.ts';
import { SOURCES } from './sources.ts';

/** The local pay gap tables: basis (workplace, residence) × statistic (median, mean) × pattern (all, full-time, part-time). */
const LOCAL = (['workplace', 'residence'] as const).flatMap((basis) =>
  (['median', 'mean'] as const).flatMap((statistic) =>
    (['all', 'full-time', 'part-time'] as const).map((pattern) => ({
      basis,
      statistic,
      pattern,
      id: `gpg-${statistic}-${basis}-${pattern}`,
    })),
  ),
);

/** The gender lens: local pay gaps (suppression kept), employers' gaps by layer and size, ASHE industry gaps by layer. */
export async function genderLens(
  ctx: Ctx,
  taxonomy: Taxonomy,
  opts: { area?: string; period?: string; statistic?: 'median' | 'mean' } = {},
): Promise<GenderReport> {
  const local = await localGaps(ctx, taxonomy, opts.area);
  const employers = await employerGaps(ctx, taxonomy, opts.period, opts.statistic ?? 'median');
  const industries = await industryGaps(ctx, taxonomy);
  return {
    local,
    employers,
    industries,
    notes: [
      'Local gaps: ONS ASHE 2025 provisional; x = suppressed by the publisher (unreliable or disclosive), never estimated here.',
      `Employers: each counts once, shared equally across the layers of its SIC codes; "public-sector-no-sic" are public bodies the service marks 1 without a SIC code.${employers.partial ? ' This period is a partial early download: not every employer had reported.' : ''}`,
      'Positive gaps: men paid more per hour. Quantiles are weighted (smallest gap whose cumulative weight reaches the share).',
    ],
  };
}

async function localGaps(ctx: Ctx, taxonomy: Taxonomy, area?: string): Promise<GenderReport['local']> {
  if (area && !(await lads2023(ctx)).some((l) => l.areacd === area))
    throw notFound('local authority (April 2023 code)', area);
  return localGapsOf(ctx, taxonomy, area === undefined ? undefined : [area]);
}

/** The local pay gaps of the districts `codes` (default every one; codes of no district give no rows). */
export async function localGapsOf(
  ctx: Ctx,
  taxonomy: Taxonomy,
  codes?: readonly string[],
): Promise<GenderReport['local']> {
  const lads = await lads2023(ctx);
  const wanted = codes ? lads.filter((l) => codes.includes(l.areacd)) : lads;
  const rows: LocalGap[] = [];
  let period = '';
  let source = '';
  for (const t of LOCAL) {
    const s = await indicatorSeries(ctx, t.id, taxonomy, 'lad');
    period = s.rows.reduce((p, r) => (r.period > p ? r.period : p), period);
    source = s.source;
    const at = new Map(s.rows.filter((r) => r.period === period).map((r) => [r.areacd, r]));
    const national = at.get('K02000001')?.value ?? null;
    for (const l of wanted) {
      const r = at.get(l.areacd);
      rows.push({
        areacd: l.areacd,
        areanm: l.areanm,
        basis: t.basis,
        statistic: t.statistic,
        pattern: t.pattern,
        value: r?.value ?? null,
        status: r ? r.status : 'not published',
        national,
      });
    }
  }
  return { period, source, rows };
}

async function employerGaps(
  ctx: Ctx,
  taxonomy: Taxonomy,
  period: string | undefined,
  statistic: 'median' | 'mean',
): Promise<GenderReport['employers']> {
  const periods = await employerPeriods(ctx.store);
  if (periods.length === 0)
    throw new UsageError('no gender pay gap employer returns in the store', 'no_data', 409);
  const full = periods.filter((p) => !/partial/i.test(p.vintage));
  const chosen = period ? periods.find((p) => p.period === period) : (full.at(-1) ?? periods.at(-1));
  if (!chosen) throw notFound(`employer return period (${periods.map((p) => p.period).join(', ')})`, period!);
  const rows = await employerRows(ctx.store, chosen.period, statistic);
  const index = layerIndex(taxonomy);
  const groups = new Map<string, Weighted[]>();
  const add = (key: string, w: Weighted) => {
    const list = groups.get(key);
    if (list) list.push(w);
    else groups.set(key, [w]);
  };
  for (const r of rows) {
    if (r.gap === null) continue;
    for (const [layer, weight] of employerLayers(r.sic.split(','), taxonomy, index)) {
      add(`${layer}|`, { value: r.gap, weight });
      add(`${layer}|${r.size}`, { value: r.gap, weight });
    }
  }
  const order = [...taxonomy.layers.map((l) => l.id), 'public-sector-no-sic', 'unclassified'];
  const pick = (sizes: readonly string[]) =>
    order.flatMap((layer) =>
      sizes.flatMap((size) => {
        const d = distribution(groups.get(`${layer}|${size}`) ?? []);
        return d ? [{ layer, size: size || 'all', ...d }] : [];
      }),
    );
  return {
    period: chosen.period,
    statistic,
    source: `${chosen.source} (${chosen.vintage})`,
    taxonomy: taxonomy.id,
    byLayer: pick(['']),
    byLayerAndSize: pick(SIZE_BANDS),
    partial: /partial/i.test(chosen.vintage),
  };
}

// ASHE Table 4.12: the UK gap in each SIC division, grouped by the layer the division is in.
async function industryGaps(ctx: Ctx, taxonomy: Taxonomy): Promise<GenderReport['industries']> {
  const rows = await industryMeasure(ctx.store, SOURCES.asheGpgIndustry, 'gpg_median_all');
  const index = layerIndex(taxonomy);
  return rows.flatMap((r) => {
    if (!/^\d{1,2}$/.test(r.industry)) return [];
    const division = resolveIndustry(r.industry).divisions[0]!;
    return [
      {
        layer: index.get(division) ?? 'unclassified',
        industry: division,
        name: r.name,
        value: r.value,
        status: r.status,
      },
    ];
  });
}
