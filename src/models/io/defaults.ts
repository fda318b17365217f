import type { FlqVariant } from './flq.ts';

/** The FLQ defaults: δ = 0.3 (Flegg and Tohmo's central value), the FLQ itself, a δ band of 0.1–0.4. */
export const REGIONAL_DEFAULTS = { delta: 0.3, variant: 'flq', band: [0.1, 0.4] } as const satisfies {
  delta: number;
  variant: FlqVariant;
  band: readonly [number, number];
};
