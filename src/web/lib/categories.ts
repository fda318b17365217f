// Categories drawn on maps and charts — comparison verdicts, mission tracks — each with a label
// and an Okabe–Ito colour (readable with the common colour-vision deficiencies). Colour never
// carries a category alone: legends name it, tooltips and tables say it in words.

/** A category as drawn: its id in the API, a label in words and a fill. */
export interface Category {
  id: string;
  label: string;
  fill: string;
}

/** No data: the hatching pattern every map defines. */
export const NO_DATA_FILL = 'url(#no-data)';
/** Suppressed by the publisher: its own pattern, so it never reads as zero or as missing. */
export const SUPPRESSED_FILL = 'url(#suppressed)';

/** Comparison verdicts (PHE method): better / similar / worse by polarity, higher / lower without one. */
export const VERDICTS: Category[] = [
  { id: 'better', label: 'Better', fill: '#0072B2' },
  { id: 'similar', label: 'Similar', fill: '#F0E442' },
  { id: 'worse', label: 'Worse', fill: '#D55E00' },
  { id: 'higher', label: 'Higher (no polarity)', fill: '#56B4E9' },
  { id: 'lower', label: 'Lower (no polarity)', fill: '#CC79A7' },
  { id: 'not-compared', label: 'Not compared (no interval)', fill: '#bdbdbd' },
];

/** Mission status of an area. */
export const TRACKS: Category[] = [
  { id: 'on', label: 'On track', fill: '#0072B2' },
  { id: 'off', label: 'Off track', fill: '#D55E00' },
  { id: 'not-yet-measurable', label: 'Not yet measurable', fill: '#999999' },
  { id: 'no-data', label: 'No data', fill: NO_DATA_FILL },
];

/** The category of an id in a list, or a neutral one named by the id. */
export function category(list: Category[], id: string | null | undefined): Category {
  return list.find((c) => c.id === id) ?? { id: id ?? 'no-data', label: id ?? 'No data', fill: NO_DATA_FILL };
}

/** How many of some ids fall in each category of a list (in the list's order, empty ones kept). */
export function tallyBy(
  list: Category[],
  ids: (string | null | undefined)[],
): (Category & { count: number })[] {
  return list.map((c) => ({ ...c, count: ids.filter((i) => (i ?? 'no-data') === c.id).length }));
}

/** A verdict in words, with the level it was judged at. */
export function verdictText(v: string, level: '95' | '99.8'): string {
  return v === 'not-compared' ? 'not compared (no interval)' : `${v} (${level}%)`;
}

/** Trend statuses in words. */
export function trendText(s: string | null): string {
  if (s === null) return '–';
  return s === 'insufficient-data' ? 'too few years for a trend' : s.replace(/-/g, ' ');
}

/** A probability as a percentage with no decimals, or "–". */
export function probability(p: number | null | undefined): string {
  return p === null || p === undefined || !Number.isFinite(p) ? '–' : `${Math.round(p * 100)}%`;
}
