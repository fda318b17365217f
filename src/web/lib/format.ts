// How numbers read on the page. One place, so the browser tests can hold the page to the API.

const nf = (digits: number) =>
  new Intl.NumberFormat('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
const fixed = (digits: number) =>
  new Intl.NumberFormat('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const NF2 = nf(2);
const FIXED1 = fixed(1);
const FIXED2 = fixed(2);
const NF0 = nf(0);

/** A share (0–1) as a percentage with one decimal: 0.3328 → "33.3%". */
export function pct(share: number | null | undefined, digits = 1): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return '–';
  return `${(digits === 2 ? FIXED2 : FIXED1).format(share * 100)}%`;
}

/** A signed growth rate: 0.0743 → "+7.4%". */
export function growth(rate: number | null | undefined): string {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) return '–';
  return `${rate > 0 ? '+' : rate < 0 ? '−' : ''}${FIXED1.format(Math.abs(rate) * 100)}%`;
}

/** £ million with one decimal: 477.88 → "£477.9m". */
export function millions(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '–';
  return `£${FIXED1.format(v)}m`;
}

/** Pounds in words: £4.3bn, £1.2m, £412k, £950. */
export function money(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '–';
  const [d, s] = v >= 1e9 ? [1e9, 'bn'] : v >= 1e6 ? [1e6, 'm'] : v >= 1e4 ? [1e3, 'k'] : [1, ''];
  return `£${num(Math.round((v / d) * 10) / 10)}${s}`;
}

/** A location quotient with two decimals. */
export function lq(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '–';
  return FIXED2.format(v);
}

/** A plain number as published, up to two decimals with thousands separators. */
export function num(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '–';
  return NF2.format(v);
}

/** A whole number with separators. */
export function count(v: number): string {
  return NF0.format(v);
}

/** Decimals a published value shows (at most two): 67.9 → 1, 533 → 0, 30.22 → 2. */
export function decimalsOf(v: number): number {
  const s = String(v);
  const dot = s.indexOf('.');
  return dot < 0 || /e/i.test(s) ? 0 : Math.min(2, s.length - dot - 1);
}

/** An indicator value in its unit: "£533.9", "75.3%", "30.2 mins"; `digits` fixes the decimals. */
export function withUnit(v: number | null | undefined, unit: string, digits?: number): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '–';
  const n = digits === undefined ? num(v) : fixed(digits).format(v);
  if (unit === '£') return `£${n}`;
  if (unit === '%') return `${n}%`;
  return unit ? `${n} ${unit}` : n;
}

/** Interval limits as text, to the precision of the value they surround. */
export function limits(lo: number, hi: number, unit: string, value: number | null): string {
  const d = value === null ? 2 : decimalsOf(value);
  return `${withUnit(lo, unit, d)} to ${withUnit(hi, unit, d)}`;
}

/** A 95% confidence interval, or a plain statement that none is published. */
export function interval(
  lo: number | null,
  hi: number | null,
  unit: string,
  value: number | null = null,
): string {
  if (lo === null || hi === null) return 'no interval published';
  return `95% CI ${limits(lo, hi, unit, value)}`;
}

/** 1 → "1st", 22 → "22nd". */
export function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

/** An ELS period ("2023-01-01/P1Y", "2025-04-30") in words: "2023", "April 2025". */
export function period(p: string): string {
  const year = /^(\d{4})-01-01\/P1Y$/.exec(p);
  if (year) return year[1]!;
  const span = /^(\d{4})-(\d\d)-\d\d\/P(\d+)Y$/.exec(p);
  if (span)
    return `${span[1]}–${Number(span[1]) + Number(span[3]) - 1}${span[2] === '01' ? '' : ` (from ${span[2]})`}`;
  const day = /^(\d{4})-(\d\d)-\d\d$/.exec(p);
  if (day) return `${MONTHS[Number(day[2]) - 1]} ${day[1]}`;
  return p;
}

const MONTHS = 'January February March April May June July August September October November December'.split(
  ' ',
);

/** The calendar year a period starts in (for picking boundaries). */
export function periodYear(p: string): number {
  return Number(p.slice(0, 4));
}
