// `trade`: a change in export demand by industry (a tariff, a lost or new agreement): the IO
// table's export column (goods, services or both) times the change, for the target's industries,
// spread to areas by their share of each industry's output — each place's exposure to the UK's
// trade relations. One part, θ = the change.
import type { AreaData, NationalData } from '../context.ts';
import type { CompiledBase, Part } from './part.ts';

export interface CompiledTrade extends CompiledBase {
  kind: 'trade';
  exports: 'all' | 'goods' | 'services';
}

/** Parameter order: change. */
export function tradeTheta(_iv: CompiledTrade, v: Float64Array, out: Float64Array): void {
  out[0] = v[0]!;
}

export function tradeParts(iv: CompiledTrade, nat: NationalData, area: AreaData): Part[] {
  const col = iv.exports === 'all' ? nat.columns.exports : nat.columns[iv.exports];
  return [{ df: col.map((x, i) => x * iv.target.weights[i]! * area.share[i]!) }];
}
