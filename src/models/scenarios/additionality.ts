// Additionality (English Partnerships / Homes and Communities Agency, Additionality Guide, 4th
// ed. 2014; METHODS.md §8): net = gross × (1 − leakage)(1 − displacement)(1 − substitution) ×
// multiplier − the same expression for the reference case, whose gross is the deadweight share
// of the intervention's gross. Every rate is a declared parameter; the default is none.
import { fixed, type Parameter } from './parameter.ts';

/** The four adjustments of one case. */
export interface Adjustments {
  leakage: number;
  displacement: number;
  substitution: number;
  multiplier: number;
}

/** The rates as values, for one draw or the central case. */
export interface AdditionalityValues extends Adjustments {
  /** Share of the gross outcome that would have happened anyway (the reference case's gross). */
  deadweight: number;
  reference: Adjustments;
}

/** The declared parameters of an intervention's additionality. */
export interface AdditionalityParams {
  leakage: Parameter;
  displacement: Parameter;
  substitution: Parameter;
  multiplier: Parameter;
  deadweight: Parameter;
  reference: { leakage: Parameter; displacement: Parameter; substitution: Parameter; multiplier: Parameter };
}

/** The parameter names, in the order their draws are keyed. */
export const ADDITIONALITY_KEYS = [
  'leakage',
  'displacement',
  'substitution',
  'multiplier',
  'deadweight',
] as const;

/** No adjustment: gross is net. */
export function noAdditionality(): AdditionalityParams {
  const none = (v: number) => fixed(v, 'none declared');
  return {
    leakage: none(0),
    displacement: none(0),
    substitution: none(0),
    multiplier: none(1),
    deadweight: none(0),
    reference: { leakage: none(0), displacement: none(0), substitution: none(0), multiplier: none(1) },
  };
}

/** (1 − leakage)(1 − displacement)(1 − substitution) × multiplier. */
export function adjust(a: Adjustments): number {
  return (1 - a.leakage) * (1 - a.displacement) * (1 - a.substitution) * a.multiplier;
}

/** The factor net / gross: adjust(intervention) − deadweight × adjust(reference case). */
export function additionalityFactor(v: AdditionalityValues): number {
  return adjust(v) - v.deadweight * adjust(v.reference);
}

/** Net effect of a gross effect. */
export function netEffect(gross: number, v: AdditionalityValues): number {
  return gross * adjust(v) - gross * v.deadweight * adjust(v.reference);
}

/** Throws unless every rate is a share in [0, 1] and the multiplier is at least 1 (both for value and range). */
export function checkAdditionality(p: AdditionalityParams, where: string): void {
  const share = (name: string, q: Parameter) => {
    if (!(q.low >= 0 && q.high <= 1 && q.value >= 0 && q.value <= 1))
      throw new Error(`${where}.${name}: a share in [0, 1], got ${q.value} (${q.low}–${q.high})`);
  };
  const mult = (name: string, q: Parameter) => {
    if (!(q.low >= 1 && q.value >= 1)) throw new Error(`${where}.${name}: at least 1, got ${q.value}`);
  };
  share('leakage', p.leakage);
  share('displacement', p.displacement);
  share('substitution', p.substitution);
  share('deadweight', p.deadweight);
  mult('multiplier', p.multiplier);
  share('reference.leakage', p.reference.leakage);
  share('reference.displacement', p.reference.displacement);
  share('reference.substitution', p.reference.substitution);
  mult('reference.multiplier', p.reference.multiplier);
}
