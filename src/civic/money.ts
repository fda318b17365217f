// Money as exact integers. Budgets and costs arrive as decimal text ("1019940.37"); tallies
// compare sums of costs with a budget, so they work in integer units of 10^-scale currency,
// where every sum is exact (well inside 2^53) and no binary-fraction rounding can move a
// project across the budget line.

const DECIMAL = /^(\d+)(?:\.(\d+))?$/;

/** Number of decimal places in a non-negative decimal amount such as `400000.0` (1). */
export function decimalPlaces(text: string): number {
  const m = DECIMAL.exec(text);
  if (!m) throw new Error(`invalid amount: ${text}`);
  return m[2]?.length ?? 0;
}

/** The amount as an integer count of 10^-scale units: `toUnits('1019940.37', 2)` is 101994037. */
export function toUnits(text: string, scale: number): number {
  const m = DECIMAL.exec(text);
  if (!m) throw new Error(`invalid amount: ${text}`);
  const frac = m[2] ?? '';
  if (frac.length > scale) throw new Error(`amount has more than ${scale} decimal places: ${text}`);
  const units = Number(m[1]! + frac.padEnd(scale, '0'));
  if (!Number.isSafeInteger(units)) throw new Error(`amount too large for exact arithmetic: ${text}`);
  return units;
}

/** The smallest scale at which every amount is a whole number of units. */
export function commonScale(amounts: readonly string[]): number {
  let scale = 0;
  for (const a of amounts) scale = Math.max(scale, decimalPlaces(a));
  return scale;
}

/** Formats integer units back as decimal text at `scale` places, trailing zeros kept. */
export function fromUnits(units: number, scale: number): string {
  if (scale === 0) return String(units);
  const s = String(units).padStart(scale + 1, '0');
  return `${s.slice(0, -scale)}.${s.slice(-scale)}`;
}
