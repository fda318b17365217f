// Where an intervention lands among industries. Vertical: named input–output industries (or SIC
// codes, resolved to the industries that hold them), a layer, or a sector of the sectors file.
// Horizontal: the whole economy, spread by one of the area's final-demand or output shares.
// Owner-occupiers' imputed rent is not market activity (METHODS.md §1) and is never a target.
import { layerAt, type LayerMap } from '../io/layers.ts';
import type { TargetInput } from './schema.ts';
import { sicShares, type Sectors } from './sectors.ts';

/** A resolved target: each industry's membership share, and how it reads. */
export interface Target {
  vertical: boolean;
  /** n membership shares in [0, 1]. */
  weights: Float64Array;
  /** For horizontal targets, the basis the area's shares come from. */
  basis: 'output' | 'final-demand' | 'investment' | 'consumption' | 'exports';
  label: string;
  /** How well SIC covers a sector target; null for industries, layers and horizontal targets. */
  coverage: 'good' | 'proxy' | 'partial' | null;
  notes: string[];
}

/** What resolving a target needs. */
export interface TargetContext {
  codes: readonly string[];
  layers: LayerMap;
  sectors: Sectors;
  /** SIC classes of each IOAT industry (sectors.ts `industryClasses`). */
  classes: readonly string[][];
}

const IMPUTED_RENT = 'L68A';

/** Resolves a declared target; throws `unknown industry|layer|sector: …` on a name it does not know. */
export function resolveTarget(t: TargetInput, ctx: TargetContext, spread: 'output' | 'final-demand'): Target {
  const n = ctx.codes.length;
  if ('horizontal' in t) {
    const weights = Float64Array.from(ctx.codes, (c) => (c === IMPUTED_RENT ? 0 : 1));
    return {
      vertical: false,
      weights,
      basis: t.horizontal,
      label: `whole economy (by ${t.horizontal})`,
      coverage: null,
      notes: [],
    };
  }
  const base = { vertical: true, basis: spread, coverage: null, notes: [] as string[] };
  if ('layer' in t) {
    const ids = Array.isArray(t.layer) ? t.layer : [t.layer];
    const weights = new Float64Array(n);
    for (const id of ids) {
      const k = layerAt(ctx.layers, id);
      for (let i = 0; i < n; i++) weights[i]! += ctx.layers.weights[i * ctx.layers.k + k]!;
    }
    weights[ctx.codes.indexOf(IMPUTED_RENT)] = 0;
    return { ...base, weights, label: `layer ${ids.join(' + ')}` };
  }
  if ('sector' in t) {
    const s = ctx.sectors.sectors.find((x) => x.id === t.sector);
    if (!s)
      throw new Error(`unknown sector: ${t.sector} (${ctx.sectors.sectors.map((x) => x.id).join(', ')})`);
    const { weights, notes } = union(
      s.sic.map((c) => sicCode(c, ctx)),
      ctx,
      s.sic,
    );
    const warn =
      s.coverage === 'good'
        ? []
        : [
            `${s.name}: SIC coverage is ${s.coverage === 'proxy' ? 'a proxy' : 'partial or not representable'} — ${s.note}`,
          ];
    return { ...base, weights, label: `sector ${s.name}`, coverage: s.coverage, notes: [...warn, ...notes] };
  }
  const codes = 'industry' in t ? [t.industry] : t.industries;
  const { weights, notes } = union(
    codes.map((c) => industryCode(c, ctx)),
    ctx,
    codes,
  );
  return { ...base, weights, label: `industries ${codes.join(', ')}`, notes };
}

/** An IOAT code (exact, any case) or a SIC code (`Q88`, `88`, `30.3`, `62.01`) as membership shares. */
export function industryCode(code: string, ctx: TargetContext): Float64Array {
  const asked = code.trim();
  const exact = ctx.codes.findIndex((c) => c.toLowerCase() === asked.toLowerCase());
  if (exact >= 0 && ctx.codes[exact] !== IMPUTED_RENT) {
    const w = new Float64Array(ctx.codes.length);
    w[exact] = 1;
    return w;
  }
  const m = /^[A-U]?(\d{2}(?:\.\d{1,2})?)$/i.exec(asked);
  if (!m) throw new Error(`unknown industry: ${code}`);
  return sicCode(m[1]!, ctx);
}

function sicCode(code: string, ctx: TargetContext): Float64Array {
  const w = sicShares(ctx.classes, code);
  if (!w.some((x) => x > 0)) throw new Error(`unknown industry: ${code} (no input-output industry holds it)`);
  return w;
}

/** Membership of several codes: shares added, at most 1; names the industries counted only in part. */
function union(
  parts: Float64Array[],
  ctx: TargetContext,
  asked: readonly string[],
): { weights: Float64Array; notes: string[] } {
  const weights = new Float64Array(ctx.codes.length);
  for (const p of parts) for (let i = 0; i < p.length; i++) weights[i] = Math.min(1, weights[i]! + p[i]!);
  const held = ctx.codes.filter((_, i) => weights[i]! > 0);
  const partial = held.filter((c) => weights[ctx.codes.indexOf(c)]! < 1);
  if (held.length === 1)
    return {
      weights,
      notes: partial.length
        ? [
            `${asked.join(', ')} is part of the input-output industry ${held[0]}: the whole industry's coefficients are used`,
          ]
        : [],
    };
  const notes = partial.length
    ? [
        `counted in part (share of their SIC classes): ${partial
          .map((c) => `${c} ${(100 * weights[ctx.codes.indexOf(c)]!).toFixed(0)}%`)
          .join(', ')}`,
      ]
    : [];
  return { weights, notes };
}
