// Exact decimal arithmetic for parts that must add up exactly (a forecast error split into data
// revision, later policy and the rest): each number is taken at its shortest round-trip decimal and
// scaled to integers, so sums and differences carry no rounding at all.

/** A decimal number as an integer count of 10^−scale. */
export interface Fixed {
  units: bigint;
  scale: number;
}

/** The exact decimal of a finite number at `scale` places (rounded half away from zero beyond it). */
export function fixed(x: number, scale = 9): Fixed {
  if (!Number.isFinite(x) || Math.abs(x) >= 1e21) throw new Error(`not a finite number below 1e21: ${x}`);
  if (!(Number.isInteger(scale) && scale >= 0 && scale <= 20)) throw new Error(`invalid scale: ${scale}`);
  const [int, frac = ''] = x.toFixed(scale).replace('-', '').split('.');
  const units = BigInt(int! + frac.padEnd(scale, '0'));
  return { units: x < 0 ? -units : units, scale };
}

/** The Fixed written by `text` (or any plain decimal), at `scale` places; more places are refused. */
export function parseFixed(s: string, scale = 9): Fixed {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(s);
  if (!m) throw new Error(`not a decimal: ${s}`);
  const frac = m[3] ?? '';
  if (frac.length > scale) throw new Error(`more than ${scale} decimal places: ${s}`);
  const units = BigInt(m[2]! + frac.padEnd(scale, '0'));
  return { units: m[1] ? -units : units, scale };
}

/** a + b (same scale). */
export function add(a: Fixed, b: Fixed): Fixed {
  same(a, b);
  return { units: a.units + b.units, scale: a.scale };
}

/** a − b (same scale). */
export function sub(a: Fixed, b: Fixed): Fixed {
  same(a, b);
  return { units: a.units - b.units, scale: a.scale };
}

/** The sum of a list (0 for none). */
export function sum(xs: readonly Fixed[], scale = 9): Fixed {
  return xs.reduce((s, x) => add(s, x), { units: 0n, scale });
}

/** The decimal text, without trailing zeros: `-0.25`, `12`. */
export function text(a: Fixed): string {
  const neg = a.units < 0n;
  const digits = (neg ? -a.units : a.units).toString().padStart(a.scale + 1, '0');
  const int = digits.slice(0, digits.length - a.scale);
  const frac = digits.slice(digits.length - a.scale).replace(/0+$/, '');
  return `${neg ? '-' : ''}${int}${frac ? `.${frac}` : ''}`;
}

/** The nearest number (for charts; the text is the exact value). */
export function toNumber(a: Fixed): number {
  return Number(text(a));
}

function same(a: Fixed, b: Fixed): void {
  if (a.scale !== b.scale) throw new Error(`different scales: ${a.scale} and ${b.scale}`);
}
