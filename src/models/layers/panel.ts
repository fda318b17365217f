/**
 * A panel of one measure: areas × years × industries, flat in a Float64Array
 * (index ((a * years) + y) * industries + i). NaN marks a value the publisher did not give.
 */
export interface Panel {
  measure: string;
  areas: string[];
  years: number[];
  industries: string[];
  values: Float64Array;
}

/** Builds a panel from long records; industries not listed are ignored, missing cells are NaN. */
export function panelFrom(
  measure: string,
  areas: string[],
  years: number[],
  industries: string[],
  records: Iterable<{ areacd: string; industry: string; period: number; value: number | null }>,
): Panel {
  const ai = indexOf(areas);
  const yi = indexOf(years);
  const ii = indexOf(industries);
  const values = new Float64Array(areas.length * years.length * industries.length).fill(NaN);
  for (const r of records) {
    const a = ai.get(r.areacd);
    const y = yi.get(r.period);
    const i = ii.get(r.industry);
    if (a === undefined || y === undefined || i === undefined) continue;
    values[(a * years.length + y) * industries.length + i] = r.value ?? NaN;
  }
  return { measure, areas, years, industries, values };
}

export function indexOf<T>(list: readonly T[]): Map<T, number> {
  return new Map(list.map((v, i) => [v, i]));
}
