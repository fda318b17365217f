// A declared parameter: a value, optionally with a range or a distribution it is drawn from in the
// Monte Carlo, and always with the source (or judgement) it rests on. Draws go through the
// inverse distribution function of a uniform, so a parameter's draws are fixed by its uniforms.
import { normalCdf, normalQuantile } from '../indicators/distributions.ts';

/** How a parameter varies across draws. */
export type Distribution = 'fixed' | 'uniform' | 'triangular' | 'normal';

export interface Parameter {
  /** The central value, used for the headline figure. */
  value: number;
  distribution: Distribution;
  /** Bounds of a uniform or triangular range, or the truncation of a normal. */
  low: number;
  high: number;
  /** Standard deviation of a normal. */
  sd: number;
  source: string;
}

/** A fixed parameter. */
export function fixed(value: number, source: string): Parameter {
  return { value, distribution: 'fixed', low: value, high: value, sd: 0, source };
}

/** Resolves a distribution name once; unknown names are rejected. */
export function distribution(name: string): Distribution {
  switch (name) {
    case 'fixed':
    case 'uniform':
    case 'triangular':
    case 'normal':
      return name;
    default:
      throw new Error(`invalid distribution: ${name}`);
  }
}

/** True when the parameter changes from draw to draw. */
export function varies(p: Parameter): boolean {
  return p.distribution !== 'fixed' && (p.high > p.low || (p.distribution === 'normal' && p.sd > 0));
}

/** The parameter's value for a uniform u in (0, 1). */
export function sample(p: Parameter, u: number): number {
  switch (p.distribution) {
    case 'fixed':
      return p.value;
    case 'uniform':
      return p.low + u * (p.high - p.low);
    case 'triangular':
      return triangular(p.low, p.value, p.high, u);
    case 'normal':
      return truncatedNormal(p, u);
  }
  throw new Error(`invalid distribution: ${(p as { distribution: unknown }).distribution}`);
}

/** Inverse distribution function of the triangular distribution on [a, b] with mode c. */
export function triangular(a: number, c: number, b: number, u: number): number {
  if (!(b > a)) return c;
  const fc = (c - a) / (b - a);
  return u < fc ? a + Math.sqrt(u * (b - a) * (c - a)) : b - Math.sqrt((1 - u) * (b - a) * (b - c));
}

function truncatedNormal(p: Parameter, u: number): number {
  if (!(p.sd > 0)) return p.value;
  const lo = Number.isFinite(p.low) ? normalCdf((p.low - p.value) / p.sd) : 0;
  const hi = Number.isFinite(p.high) ? normalCdf((p.high - p.value) / p.sd) : 1;
  const q = Math.min(Math.max(lo + u * (hi - lo), 1e-16), 1 - 1e-16);
  return Math.min(Math.max(p.value + p.sd * normalQuantile(q), p.low), p.high);
}

/** The parameter in words: `0.1 (triangular 0.05–0.2; source)`. */
export function parameterText(p: Parameter): string {
  const spread =
    p.distribution === 'fixed'
      ? 'fixed'
      : p.distribution === 'normal'
        ? `normal, sd ${p.sd}${Number.isFinite(p.low) ? `, within ${p.low}–${p.high}` : ''}`
        : `${p.distribution} ${p.low}–${p.high}`;
  return `${p.value} (${spread}; ${p.source})`;
}
