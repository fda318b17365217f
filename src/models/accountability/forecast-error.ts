// Forecast against outturn (METHODS.md §9; after the OBR's Forecast Evaluation Report): the error of
// a frozen projection split into the part due to revised data (the same method on the revised data
// for the old period), the part due to later policy (declared scenarios' effects) and the rest. The
// parts are exact decimals, so they add up to the total exactly.
import { fixed, sub, sum, text, toNumber, type Fixed } from './fixed.ts';

/** What the decomposition needs: the frozen value, the same method on revised data, declared policy effects, the outturn. */
export interface ForecastInputs {
  projected: number;
  /** The frozen method applied to today's (revised) data for the periods the projection used. */
  reprojected: number;
  /** Effects on the outturn of policies declared after the projection was frozen, by scenario id. */
  policy: readonly { scenario: string; effect: number }[];
  outturn: number;
}

/** One part as an exact decimal (text) and as a number (for charts). */
export interface Part {
  value: number;
  exact: string;
}

/** total = revision + policy + rest, exactly. */
export interface ForecastError {
  total: Part;
  revision: Part;
  policy: Part;
  rest: Part;
}

/** Splits outturn − projected into data revision, later policy and the rest. */
export function decompose(x: ForecastInputs, scale = 9): ForecastError {
  const f = (v: number, what: string) => {
    if (!Number.isFinite(v)) throw new Error(`${what} is not a number: ${v}`);
    return fixed(v, scale);
  };
  const total = sub(f(x.outturn, 'outturn'), f(x.projected, 'projected'));
  const revision = sub(f(x.reprojected, 'reprojected'), f(x.projected, 'projected'));
  const policy = sum(
    x.policy.map((p) => f(p.effect, `policy effect of ${p.scenario}`)),
    scale,
  );
  const rest = sub(sub(total, revision), policy);
  return { total: part(total), revision: part(revision), policy: part(policy), rest: part(rest) };
}

function part(a: Fixed): Part {
  return { value: toNumber(a), exact: text(a) };
}
