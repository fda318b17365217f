// Colour schemes chosen to stay readable with colour-vision deficiencies: ColorBrewer
// sequential YlGnBu and diverging PuOr for maps, the Okabe–Ito palette for layers. Colour
// never carries meaning alone: every chart has labels or a table, the map a legend with ranges.
import { schemePuOr, schemeYlGnBu } from 'd3-scale-chromatic';
import type { ClassMethod } from './classes.ts';

/** Fill colours for k classes: light to dark for magnitudes, orange–purple around 1 for LQs. */
export function classColours(method: ClassMethod, k: number): readonly string[] {
  const n = Math.max(3, Math.min(9, k));
  // d3's PuOr runs purple→orange: reversed, below 1 is orange and above 1 (specialised) purple.
  const scheme = method === 'lq' ? [...schemePuOr[n]!].reverse() : schemeYlGnBu[n]!;
  return k < 3 ? scheme.slice(0, k) : scheme;
}

/** Six classes of a signed gap around 0 (ColorBrewer PuOr): two orange below, four purple above. */
export function signedColours(): readonly string[] {
  const s = [...schemePuOr[8]!].reverse();
  return [s[0]!, s[2]!, s[4]!, s[5]!, s[6]!, s[7]!];
}

/** Okabe & Ito (2008) colour-universal-design palette, one colour per layer in taxonomy order. */
const OKABE_ITO = ['#E69F00', '#56B4E9', '#009E73', '#0072B2', '#CC79A7', '#D55E00', '#F0E442', '#999999'];

/** A layer's colour by its position; the layer named `other` is always grey. */
export function layerColour(layers: readonly string[], layer: string): string {
  if (layer === 'other') return '#999999';
  const i = layers.filter((l) => l !== 'other').indexOf(layer);
  return OKABE_ITO[(i < 0 ? 6 : i) % 7]!;
}

/** Text colour readable on a fill (dark on light fills). */
export function inkOn(fill: string): string {
  const m = /^#(..)(..)(..)$/.exec(fill);
  if (!m) return '#000';
  const [r, g, b] = m.slice(1).map((h) => parseInt(h, 16) / 255) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b > 0.45 ? '#111' : '#fff';
}
