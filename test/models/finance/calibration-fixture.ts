// The shipped illustrative calibration, parsed for unit tests (it is repository data, not the pack).
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { calibrationSchema, type Calibration } from '../../../src/models/finance/calibration.ts';

export function illustrative(): Calibration {
  return calibrationSchema.parse(parse(readFileSync('data/finance/returns-illustrative.yaml', 'utf8')));
}

/** A calibration with every volatility (and inflation's) set to zero: deterministic paths. */
export function zeroVolatility(): Calibration {
  const c = illustrative();
  for (const a of Object.values(c.assets)) if ('sigma' in a) a.sigma = 0;
  c.inflation.sigma = 0;
  return c;
}
