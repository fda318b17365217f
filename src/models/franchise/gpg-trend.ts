// Whether an employer's gender pay gap narrowed over its returns (positive gap: men paid more per hour).

export interface GapReturn {
  period: string;
  gap: number | null;
}

export type Trend =
  | {
      status: 'narrowing' | 'widening' | 'at-or-below-parity';
      first: number;
      last: number;
      periods: [string, string];
    }
  | { status: 'missing'; period: string }
  | { status: 'too-few'; periods: string[] };

/**
 * The trend over the periods required (in order): an employer must have a gap in each. The last
 * gap at or below `parity` counts as met whatever came before; otherwise the gap must have fallen.
 */
export function gapTrend(returns: readonly GapReturn[], required: readonly string[], parity = 0): Trend {
  const by = new Map(returns.filter((r) => r.gap !== null).map((r) => [r.period, r.gap!]));
  const missing = required.find((p) => !by.has(p));
  if (missing !== undefined) return { status: 'missing', period: missing };
  if (required.length < 2) return { status: 'too-few', periods: [...required] };
  const first = by.get(required[0]!)!;
  const last = by.get(required.at(-1)!)!;
  const periods: [string, string] = [required[0]!, required.at(-1)!];
  if (last <= parity) return { status: 'at-or-below-parity', first, last, periods };
  return { status: last < first ? 'narrowing' : 'widening', first, last, periods };
}
