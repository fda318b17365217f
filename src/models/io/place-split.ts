/** Where a many-area effect lands: in the shocked areas, elsewhere in their group, and in the rest of the nation. */
export interface PlaceSplit {
  local: number;
  /** Elsewhere in the group (the group's areas that are not local). */
  group: number;
  rest: number;
  /** local + group + rest: every area counted once. */
  total: number;
}

/**
 * Splits one value per area (`values[i]` for `areas[i]`) into the local areas, the other areas
 * of their group, and all other areas. Local areas inside the group count as local only. An
 * area named in `local` or `group` that is not in `areas` is an error, so a misspelt code
 * never moves an effect to "rest".
 */
export function placeSplit(
  values: Float64Array,
  areas: readonly string[],
  local: ReadonlySet<string>,
  group: ReadonlySet<string>,
): PlaceSplit {
  if (values.length !== areas.length)
    throw new Error(`place split: ${values.length} values for ${areas.length} areas`);
  const known = new Set(areas);
  for (const a of [...local, ...group]) if (!known.has(a)) throw new Error(`place split: unknown area: ${a}`);
  if (local.size === 0) throw new Error('place split: no local area');
  let l = 0;
  let g = 0;
  let r = 0;
  areas.forEach((a, i) => {
    const v = values[i]!;
    if (local.has(a)) l += v;
    else if (group.has(a)) g += v;
    else r += v;
  });
  return { local: l, group: g, rest: r, total: l + g + r };
}

/** A value at the central δ with the lowest and highest it takes across the δ band's ends. */
export interface Banded {
  value: number;
  low: number;
  high: number;
}

/** The central value and its range over the values at the band's ends (and itself, so low ≤ value ≤ high). */
export function banded(value: number, ends: readonly number[]): Banded {
  return { value, low: Math.min(value, ...ends), high: Math.max(value, ...ends) };
}
