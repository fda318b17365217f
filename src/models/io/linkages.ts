import type { GhoshModel } from './ghosh.ts';
import { ghoshRowSums } from './ghosh.ts';
import { luSolve, luSolveTranspose } from './lu.ts';
import type { IoModel } from './model.ts';

/**
 * Rasmussen (1956) linkage indices, normalised so the average industry scores 1
 * (Miller & Blair 2009 §12.2): backward from the column sums of L; forward from the row
 * sums of L (Rasmussen's own) and of the Ghosh inverse G (the supply-side reading Miller &
 * Blair prefer). Key sectors have both backward and (Ghosh) forward above 1.
 */
export interface Linkages {
  backward: Float64Array;
  forward: Float64Array;
  forwardGhosh: Float64Array | null;
  key: boolean[];
}

/** Linkages of a model; pass the Ghosh model for supply-side forward linkages. */
export function linkages(model: IoModel, ghosh?: GhoshModel): Linkages {
  const n = model.n;
  const ones = new Float64Array(n).fill(1);
  const cols = luSolveTranspose(model.lu, ones);
  const rows = luSolve(model.lu, ones);
  const backward = normalise(cols);
  const forward = normalise(rows);
  const forwardGhosh = ghosh ? normalise(ghoshRowSums(ghosh)) : null;
  const f = forwardGhosh ?? forward;
  return { backward, forward, forwardGhosh, key: Array.from(backward, (b, j) => b > 1 && f[j]! > 1) };
}

/** v_j · n / Σ v: an index averaging 1. */
function normalise(v: Float64Array): Float64Array {
  const total = v.reduce((s, x) => s + x, 0);
  return v.map((x) => (x * v.length) / total);
}
