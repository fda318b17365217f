// The distribution functions the interval and status methods need, written out so the models
// carry no statistics dependency: the normal distribution and its quantile, and the Poisson
// cumulative distribution.

/** The standard normal quantile Φ⁻¹(p) (Wichura 1988, algorithm AS 241, ~1e-16 relative accuracy). */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new Error(`invalid probability: ${p}`);
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (q * poly(CENTRAL_NUM, r)) / poly(CENTRAL_DEN, r);
  }
  let r = Math.sqrt(-Math.log(q < 0 ? p : 1 - p));
  let x: number;
  if (r <= 5) {
    r -= 1.6;
    x = poly(NEAR_NUM, r) / poly(NEAR_DEN, r);
  } else {
    r -= 5;
    x = poly(TAIL_NUM, r) / poly(TAIL_DEN, r);
  }
  return q < 0 ? -x : x;
}

/** The z value of a two-sided interval at `confidence` (0.95 → 1.959964, 0.998 → 3.090232). */
export function zFor(confidence: number): number {
  if (!(confidence > 0 && confidence < 1)) throw new Error(`invalid confidence level: ${confidence}`);
  return normalQuantile(1 - (1 - confidence) / 2);
}

/**
 * Φ(x), the standard normal distribution function, to about 1e-14: the Taylor series of erf for
 * |x| < 3, and the continued fraction of Mills' ratio, Q(x) = φ(x) / (x + 1/(x + 2/(x + 3/(x + …)))), beyond.
 */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (Math.abs(x) < 3) {
    const z = x / Math.SQRT2;
    let term = z;
    let sum = z;
    for (let n = 1; Math.abs(term) > 1e-17 * Math.abs(sum); n++) {
      term *= (-z * z) / n;
      sum += term / (2 * n + 1);
    }
    return 0.5 + sum / Math.sqrt(Math.PI);
  }
  const a = Math.abs(x);
  if (!Number.isFinite(a)) return x > 0 ? 1 : 0;
  let f = a;
  for (let k = 60; k >= 1; k--) f = a + k / f;
  const tail = Math.exp(-0.5 * a * a) / Math.sqrt(2 * Math.PI) / f;
  return x > 0 ? 1 - tail : tail;
}

/** P(X ≤ k) for X ~ Poisson(mu), k a whole number, summed term by term in logs (no underflow for large mu). */
export function poissonCdf(k: number, mu: number): number {
  if (k < 0) return 0;
  if (mu === 0) return 1;
  const logMu = Math.log(mu);
  let logFactorial = 0;
  let sum = 0;
  for (let i = 0; i <= k; i++) {
    if (i > 0) logFactorial += Math.log(i);
    sum += Math.exp(-mu + i * logMu - logFactorial);
  }
  return Math.min(1, sum);
}

function poly(c: readonly number[], x: number): number {
  let y = 0;
  for (let i = c.length - 1; i >= 0; i--) y = y * x + c[i]!;
  return y;
}

// AS 241 coefficients, lowest power first.
const CENTRAL_NUM = [
  3.3871328727963665, 133.14166789178438, 1971.5909503065513, 13731.69376550946, 45921.95393154987,
  67265.7709270087, 33430.57558358813, 2509.0809287301227,
];
const CENTRAL_DEN = [
  1, 42.31333070160091, 687.1870074920579, 5394.196021424751, 21213.794301586597, 39307.89580009271,
  28729.085735721943, 5226.495278852546,
];
const NEAR_NUM = [
  1.4234371107496835, 4.630337846156546, 5.769497221460691, 3.6478483247632045, 1.2704582524523684,
  0.2417807251774506, 0.022723844989269184, 0.0007745450142783414,
];
const NEAR_DEN = [
  1, 2.053191626637759, 1.6763848301838038, 0.6897673349851, 0.14810397642748008, 0.015198666563616457,
  0.0005475938084995345, 1.0507500716444169e-9,
];
const TAIL_NUM = [
  6.657904643501103, 5.463784911164114, 1.7848265399172913, 0.29656057182850487, 0.026532189526576124,
  0.0012426609473880784, 0.000027115555687434876, 2.0103343992922881e-7,
];
const TAIL_DEN = [
  1, 0.599832206555888, 0.1369298809227358, 0.014875361290850615, 0.0007868691311456133,
  0.000018463183175100548, 1.421511758316446e-7, 2.0442631033899397e-15,
];
