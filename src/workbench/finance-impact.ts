// Jobs and GVA by layer supported by mobilised capital (METHODS.md §3, §6): a flow of
// investment becomes final demand — the mandate's priorities split into input–output
// industries, less the imported share — placed where the capital is invested, and the
// interregional input–output model (Type II, direct + indirect + induced) gives jobs and GVA
// in every area per £ invested. The model is linear, so one solve per policy serves every year
// and every path: jobs in a year are the jobs per £ times that year's flow.
import type { Taxonomy } from '../core/taxonomy.ts';
import { UsageError } from '../core/errors.ts';
import { toItl3, type AreaData } from '../models/finance/area-data.ts';
import type { FlowSpec, OutputSpec } from '../models/finance/plan.ts';
import {
  areaTotals,
  interregionalShock,
  interregionalSystem,
  type DemandChange,
} from '../models/io/index.ts';
import type { Ctx } from './context.ts';
import type { MandateSectors } from './finance-data.ts';
import { ioCentroids, ioContext, ioSizes } from './io.ts';
import { ioIndustry } from './io-answers.ts';

/** Options of the impact step (the policy file's `impact:`). */
export interface ImpactOptions {
  level: 'itl3' | 'lad';
  delta: number;
}

/** Jobs and GVA per £ of a flow, by area of the model and by layer. */
interface PerPound {
  areas: string[];
  jobs: Float64Array;
  gva: Float64Array;
  layers: string[];
  jobsByLayer: Float64Array;
  gvaByLayer: Float64Array;
}

/** £1m of final demand split by industry: the mandate's priorities, their industries, their domestic shares. */
export function mandateDemand(
  mandate: Record<string, number>,
  sectors: MandateSectors,
  codes: readonly string[],
): Map<string, number> {
  const out = new Map<string, number>();
  for (const [priority, weight] of Object.entries(mandate)) {
    const p = sectors.priorities[priority];
    if (!p) throw new UsageError(`unknown mandate priority: ${priority}`);
    for (const [asked, share] of Object.entries(p.industries)) {
      const code = ioIndustry(codes, asked);
      out.set(code, (out.get(code) ?? 0) + weight * p.domestic * share);
    }
  }
  return out;
}

async function perPound(
  wb: Ctx,
  taxonomy: Taxonomy,
  areas: AreaData,
  flow: FlowSpec,
  sectors: MandateSectors,
  o: ImpactOptions,
): Promise<PerPound> {
  const ctx = await ioContext(wb, taxonomy);
  const { sizes } = await ioSizes(wb, ctx, o.level);
  const beta = 1;
  // the same system (and cache entry) as `strata io shock --interregional`
  const sys = await wb.cached(`io-system:${ctx.year}:${o.level}:${o.delta}:flq:${beta}`, async () =>
    interregionalSystem(ctx.national, sizes, await ioCentroids(wb, o.level, sizes.areas), {
      delta: o.delta,
      variant: 'flq',
      beta,
    }),
  );
  const pattern = o.level === 'lad' ? flow.pattern : toItl3(areas, flow.pattern);
  const codes = o.level === 'lad' ? areas.lads : areas.itl3;
  const demand = mandateDemand(flow.mandate, sectors, ctx.national.codes);
  const modelled = new Set(sys.areas);
  const changes: DemandChange[] = [];
  codes.forEach((area, i) => {
    if (!(pattern[i]! > 0)) return;
    if (!modelled.has(area))
      throw new UsageError(`${flow.policy}: ${area} is not in the ${o.level} input-output model`);
    for (const [industry, share] of demand) changes.push({ area, industry, amount: pattern[i]! * share });
  });
  const r = interregionalShock(sys, ctx.national.factors, changes, { layers: ctx.layers, tol: 1e-9 });
  const N = sys.areas.length;
  const K = ctx.layers.k;
  // sums over areas of an N × K layer array
  const byLayer = (v: Float64Array) =>
    Float64Array.from({ length: K }, (_, k) => {
      let t = 0;
      for (let a = k; a < v.length; a += K) t += v[a]!;
      return t;
    });
  // demand was £1m: jobs per £1m → per £; GVA £m per £1m is already £ per £
  return {
    areas: sys.areas,
    jobs: areaTotals(r.employment!.total, N).map((v) => v / 1e6),
    gva: areaTotals(r.gva.total, N),
    layers: ctx.layers.layers,
    jobsByLayer: byLayer(r.layers!.employment!.total).map((v) => v / 1e6),
    gvaByLayer: byLayer(r.layers!.gva.total),
  };
}

/** Adds jobs and GVA measures (by area, and by layer for the UK) for every flow. */
export async function impactOutputs(
  wb: Ctx,
  taxonomy: Taxonomy,
  areas: AreaData,
  flows: FlowSpec[],
  sectors: MandateSectors,
  o: ImpactOptions,
): Promise<{ outputs: OutputSpec[]; notes: string[] }> {
  const outputs: OutputSpec[] = [];
  for (const flow of flows) {
    const pp = await perPound(wb, taxonomy, areas, flow, sectors, o);
    const at = new Map(pp.areas.map((a, i) => [a, i]));
    const add = (measure: string, unit: string, perArea: Float64Array) => {
      const own = (codes: string[]) =>
        Float64Array.from(codes, (c) => (at.has(c) ? perArea[at.get(c)!]! * flow.output.uk : NaN));
      const lad = o.level === 'lad' ? own(areas.lads) : null;
      const itl3 =
        o.level === 'lad'
          ? toItl3(
              areas,
              lad!.map((v) => (Number.isNaN(v) ? 0 : v)),
            )
          : own(areas.itl3);
      outputs.push({
        ...flow.output,
        measure,
        unit,
        uk: perArea.reduce((s, v) => s + v, 0) * flow.output.uk,
        lad,
        itl3,
      });
    };
    add('jobs_supported', 'jobs (Type II)', pp.jobs);
    add('gva_supported', '£ (Type II)', pp.gva);
    pp.layers.forEach((layer, k) => {
      const name = layer.replaceAll('-', '_');
      outputs.push({
        ...flow.output,
        measure: `jobs_supported_${name}`,
        unit: 'jobs (Type II)',
        uk: pp.jobsByLayer[k]! * flow.output.uk,
        lad: null,
        itl3: null,
      });
      outputs.push({
        ...flow.output,
        measure: `gva_supported_${name}`,
        unit: '£ (Type II)',
        uk: pp.gvaByLayer[k]! * flow.output.uk,
        lad: null,
        itl3: null,
      });
    });
  }
  return {
    outputs,
    notes: flows.length
      ? [
          `Jobs and GVA from the interregional input-output model (${o.level.toUpperCase()}, FLQ δ = ${o.delta}, Type II: direct, indirect and induced), per £ of the year's flow of mobilised capital spent as the mandate's priorities (data/finance/mandate-sectors.yaml, illustrative) less imports; jobs are employee jobs of a year, from BRES 2021 per £ of output.`,
        ]
      : [],
  };
}
