// Optimism bias (HM Treasury Green Book supplementary guidance, after Mott MacDonald 2002): a
// per-cent uplift of a project's costs by project type, upper bound at the outset; a mixed
// project takes the capital-cost-weighted mix of its types' uplifts.

/** One project type's recommended uplift range (fractions: 0.24 = 24 %). */
export interface OptimismType {
  id: string;
  name: string;
  capital: { upper: number; lower: number };
  duration?: { upper: number; lower: number };
}

/** What a scenario declares: none, one type, or a mix of types by share of capital cost; upper or lower bound. */
export type OptimismSpec =
  | { type: 'none' }
  | { type: string; bound?: 'upper' | 'lower' }
  | { mix: { type: string; share: number }[]; bound?: 'upper' | 'lower' };

/** The uplift (fraction of cost) a declaration gives; throws on an unknown type or shares not summing to 1. */
export function optimismUplift(types: readonly OptimismType[], spec: OptimismSpec): number {
  const bound = ('bound' in spec ? spec.bound : undefined) ?? 'upper';
  if (bound !== 'upper' && bound !== 'lower')
    throw new Error(`invalid optimism bias bound: ${String(bound)}`);
  const of = (id: string) => {
    const t = types.find((x) => x.id === id);
    if (!t) throw new Error(`unknown project type: ${id} (${types.map((x) => x.id).join(', ')}, or none)`);
    return t.capital[bound];
  };
  if ('mix' in spec) {
    const total = spec.mix.reduce((s, m) => s + m.share, 0);
    if (!(Math.abs(total - 1) <= 1e-9)) throw new Error(`optimism bias mix shares sum to ${total}, not 1`);
    return spec.mix.reduce((s, m) => s + m.share * of(m.type), 0);
  }
  return spec.type === 'none' ? 0 : of(spec.type);
}

/** The declaration in words, for the output's parameter list. */
export function optimismText(types: readonly OptimismType[], spec: OptimismSpec): string {
  const u = optimismUplift(types, spec);
  const bound = ('bound' in spec ? spec.bound : undefined) ?? 'upper';
  if ('mix' in spec)
    return `${(u * 100).toFixed(1)}% (capital-weighted mix, ${bound} bounds: ${spec.mix.map((m) => `${m.share} × ${m.type}`).join(' + ')})`;
  if (spec.type === 'none') return 'none declared (0%)';
  return `${(u * 100).toFixed(1)}% (${spec.type}, ${bound} bound)`;
}
