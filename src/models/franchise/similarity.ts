// Name similarity for supplier matching: a Dice coefficient over name tokens, each token
// weighted by its rarity among employer names (inverse document frequency, from the employer
// index), so that sharing "SERVICES" counts for little and sharing "BALFOUR" for much. 0–100.

/**
 * Weighted Dice similarity of payee tokens `a` and employer tokens `b`, 0–100. When the payee's
 * name was cut short by the publisher (`truncated`), its last token may be the start of an
 * employer token (`RECRUI` of `RECRUITMENT`), and employer tokens after that one are not
 * counted against the match.
 */
export function nameScore(
  a: readonly string[],
  b: readonly string[],
  weight: (t: string) => number,
  truncated = false,
  minPrefix = 3,
  inB: ReadonlySet<string> = new Set(b),
): number {
  if (a.length === 0 || b.length === 0) return 0;
  let matched = 0;
  let wa = 0;
  for (const t of a) {
    wa += weight(t);
    if (inB.has(t)) matched += 2 * weight(t);
  }
  let end = b.length;
  const last = a.at(-1)!;
  if (truncated && !inB.has(last) && last.length >= minPrefix) {
    const k = b.findIndex((t) => t.startsWith(last) && !a.includes(t));
    if (k >= 0) {
      matched += weight(last) + weight(b[k]!);
      end = k + 1;
    }
  }
  let wb = 0;
  for (let k = 0; k < end; k++) wb += weight(b[k]!);
  return (100 * matched) / (wa + wb);
}
