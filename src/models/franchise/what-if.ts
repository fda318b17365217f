// What if a share of spend in a category moved to local suppliers, or to suppliers meeting a
// condition? The answer is a demand change in the body's area by industry, £ a year, as a plain
// record the scenario lab appraises (jobs and GVA by layer through its input–output model).

/** A supplier's spend in the category, what is known of its place, and its industries. */
export interface CategorySpend {
  pence: number;
  /** Inside the body's area (true), outside (false), or not known (null). */
  local: boolean | null;
  /** Meets the condition named as the target (null: unknown), when the target is a condition. */
  meets: boolean | null;
  /** Industry shares (IOAT codes or SIC divisions); empty when not known. */
  industries: ReadonlyMap<string, number>;
}

/** One line of a demand change: in an area, for an industry, £ a year (negative: demand lost). */
export interface DemandChangeRecord {
  area: string;
  industry: string;
  industryBasis: 'ioat' | 'sic-division';
  gbpPerYear: number;
}

export interface WhatIfResult {
  changes: DemandChangeRecord[];
  /** Pence a year moved between suppliers. */
  moved: number;
  /** Pence a year moved whose industry is not known and could not be spread (no supplier in the category has one). */
  unplaced: number;
  notes: string[];
}

/** Industry mix of a set of suppliers by pence; `restrict` keeps only those whose place matches. */
function mix(set: readonly CategorySpend[], localOnly: boolean): { mix: Map<string, number>; known: number } {
  const m = new Map<string, number>();
  let known = 0;
  for (const s of set) {
    if (s.pence <= 0 || s.industries.size === 0 || (localOnly && s.local !== true)) continue;
    known += s.pence;
    for (const [k, w] of s.industries) m.set(k, (m.get(k) ?? 0) + s.pence * w);
  }
  return { mix: m, known };
}

function changes(delta: Map<string, number>, area: string, basis: DemandChangeRecord['industryBasis']) {
  return [...delta]
    .filter(([, v]) => Math.abs(v) >= 0.5)
    .map(([industry, pence]) => ({
      area,
      industry,
      industryBasis: basis,
      gbpPerYear: Math.round(pence) / 100,
    }))
    .sort((a, b) => b.gbpPerYear - a.gbpPerYear || a.industry.localeCompare(b.industry));
}

/**
 * `local`: a share of the spend with suppliers outside the area moves to suppliers inside it,
 * buying the same industries; the area gains that demand (spend with suppliers of unknown place
 * is not moved). `condition`: a share of the spend with suppliers failing the condition moves to
 * those meeting it (in proportion to their spend); the area's demand changes by what the two
 * groups spend inside it. `perYear` scales the files' period to a year (12 / months covered).
 */
export function whatIf(
  spend: readonly CategorySpend[],
  target: 'local' | 'condition',
  share: number,
  area: string,
  basis: DemandChangeRecord['industryBasis'],
  perYear: number,
): WhatIfResult {
  if (!(share >= 0 && share <= 1)) throw new Error(`invalid share: ${share} (between 0 and 1)`);
  const from = spend.filter((s) => (target === 'local' ? s.local === false : s.meets === false));
  const to = target === 'local' ? from : spend.filter((s) => s.meets === true);
  const moved = share * perYear * from.reduce((t, s) => t + Math.max(0, s.pence), 0);
  const delta = new Map<string, number>();
  const lost = mix(from, target === 'condition');
  const gained = mix(to, target === 'condition');
  const fromAll = from.reduce((t, s) => t + Math.max(0, s.pence), 0);
  let unplaced = 0;
  if (target === 'local') {
    const m = mix(from, false);
    if (m.known === 0) unplaced = moved;
    for (const [k, v] of m.mix) delta.set(k, (moved * v) / m.known);
  } else if (fromAll > 0) {
    const toAll = to.reduce((t, s) => t + Math.max(0, s.pence), 0);
    // Each £ moved stops buying the failing suppliers' local mix and starts buying the meeting ones'.
    if (toAll === 0) unplaced = moved;
    for (const [k, v] of lost.mix) delta.set(k, (delta.get(k) ?? 0) - (moved * v) / fromAll);
    if (toAll > 0) for (const [k, v] of gained.mix) delta.set(k, (delta.get(k) ?? 0) + (moved * v) / toAll);
  }
  return {
    changes: changes(delta, area, basis),
    moved: Math.round(moved),
    unplaced: Math.round(unplaced),
    notes: [
      target === 'local'
        ? 'Spend moved from suppliers outside the area to suppliers inside it buying the same industries; spend with suppliers of unknown place stays.'
        : 'Spend moved from suppliers failing the condition to those meeting it, in proportion to their spend; the change is what each group spends inside the area (suppliers of unknown place count as outside).',
      'Industries come from the suppliers’ SIC codes in their gender pay gap returns; spend with unmatched suppliers is spread like the matched spend in the category.',
    ],
  };
}
