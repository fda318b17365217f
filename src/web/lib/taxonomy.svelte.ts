// Layer names and descriptions come from the taxonomy the API used (a value choice kept as
// data), loaded once; until it arrives, layers show their ids.
import { apiUrl, getJson } from './api.ts';
import { layerColour } from './colour.ts';
import type { TaxonomyInfo } from './api-types.ts';

export const DEFAULT_TAXONOMY = 'foundational-economy-v1';

const state = $state<{ info: TaxonomyInfo | null }>({ info: null });

/** Loads the taxonomy's names (errors leave the ids showing). */
export function loadTaxonomy(id = DEFAULT_TAXONOMY): Promise<void> {
  return getJson<TaxonomyInfo>(apiUrl(`taxonomies/${id}`)).then(
    (t) => void (state.info = t),
    () => undefined,
  );
}

/** The taxonomy as loaded, or null. */
export function taxonomy(): TaxonomyInfo | null {
  return state.info;
}

/** A layer's display name. */
export function layerName(id: string): string {
  return state.info?.layers.find((l) => l.id === id)?.name ?? id;
}

/** Layer ids in taxonomy order (falls back to the order given). */
export function layerOrder(seen: readonly string[]): string[] {
  const order = state.info?.layers.map((l) => l.id) ?? [];
  const known = order.filter((l) => seen.includes(l));
  return [...known, ...seen.filter((l) => !known.includes(l))];
}

/** How charts draw layers: in taxonomy order, each with its colour and name. */
export interface LayerStyle {
  order: string[];
  colours: string[];
  name: (id: string) => string;
}

/** Order, colours and names of the layers seen, for charts. */
export function layerStyle(seen: readonly string[]): LayerStyle {
  const order = layerOrder(seen);
  // A lookup built once per call, not state the page reacts to.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  const names = new Map(order.map((l) => [l, layerName(l)]));
  return { order, colours: order.map((l) => layerColour(order, l)), name: (id) => names.get(id) ?? id };
}
