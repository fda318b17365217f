// The one-factor default model (Vasicek 2002; the Basel IRB formula): with asset correlation
// ρ and a systematic factor Y ~ N(0, 1), the share of a large portfolio defaulting in a year
// is DR(Y) = Φ((Φ⁻¹(PD) − √ρ Y) / √(1 − ρ)), and the q-quantile of the loss rate is
// LGD · Φ((Φ⁻¹(PD) + √ρ Φ⁻¹(q)) / √(1 − ρ)).
import { normalCdf, normalQuantile } from './normal.ts';

/** DR(y) = Φ(c − a·y): the constants c = Φ⁻¹(PD)/√(1−ρ) and a = √ρ/√(1−ρ), worked out once. */
export interface DefaultCurve {
  c: number;
  a: number;
  zero: boolean;
}

export function defaultCurve(pd: number, rho: number): DefaultCurve {
  checkCredit(pd, 0, rho);
  if (pd === 0) return { c: 0, a: 0, zero: true };
  const s = Math.sqrt(1 - rho);
  return { c: normalQuantile(pd) / s, a: Math.sqrt(rho) / s, zero: false };
}

/** Default rate of a granular portfolio in a year with systematic factor y. */
export function curveRate(curve: DefaultCurve, y: number): number {
  return curve.zero ? 0 : normalCdf(curve.c - curve.a * y);
}

/** Default rate of a granular portfolio in a year with systematic factor y. */
export function defaultRate(pd: number, rho: number, y: number): number {
  return curveRate(defaultCurve(pd, rho), y);
}

/** The q-quantile of the annual loss rate (Vasicek's formula). */
export function lossQuantile(pd: number, lgd: number, rho: number, q: number): number {
  if (pd <= 0) return 0;
  return lgd * normalCdf((normalQuantile(pd) + Math.sqrt(rho) * normalQuantile(q)) / Math.sqrt(1 - rho));
}

/** Checks Vasicek's parameters. */
export function checkCredit(pd: number, lgd: number, rho: number): void {
  if (!(pd >= 0 && pd < 1)) throw new Error(`invalid probability of default: ${pd}`);
  if (!(lgd >= 0 && lgd <= 1)) throw new Error(`invalid loss given default: ${lgd}`);
  if (!(rho >= 0 && rho < 1)) throw new Error(`invalid asset correlation: ${rho}`);
}
