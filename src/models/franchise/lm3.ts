// Local Multiplier 3 (New Economics Foundation, *Plugging the Leaks*, 2002; METHODS.md §7):
// LM3 = (R1 + R2 + R3) / R1. Round 1 is the body's spend; round 2 what its suppliers re-spend
// locally (a share r2 of what they are paid, by supplier type); round 3 what the recipients of
// round 2 re-spend locally (a share r3 of round 2). With shares in [0, 1], LM3 lies in [1, 3].

/** Declared re-spend shares for one supplier type. */
export interface Respend {
  r2: number;
  r3: number;
}

export interface Lm3Result {
  r1: number;
  r2: number;
  r3: number;
  lm3: number | null;
  /** Round 1 by supplier type. */
  byType: { type: string; r1: number; r2: number; r3: number }[];
}

function check(type: string, p: Respend | undefined): Respend {
  if (!p) throw new Error(`invalid supplier type: ${type} (no re-spend parameters)`);
  for (const k of ['r2', 'r3'] as const)
    if (!(p[k] >= 0 && p[k] <= 1)) throw new Error(`invalid ${k} for ${type}: ${p[k]} (a share in [0, 1])`);
  return p;
}

/** LM3 of spend by supplier type, from declared re-spend shares; positive spend only. */
export function lm3(
  spend: readonly { type: string; pence: number }[],
  params: Readonly<Record<string, Respend>>,
): Lm3Result {
  const by = new Map<string, { r1: number; r2: number; r3: number }>();
  for (const s of spend) {
    if (!(s.pence > 0)) continue;
    const p = check(s.type, params[s.type]);
    const t = by.get(s.type) ?? { r1: 0, r2: 0, r3: 0 };
    t.r1 += s.pence;
    t.r2 += s.pence * p.r2;
    t.r3 += s.pence * p.r2 * p.r3;
    by.set(s.type, t);
  }
  let r1 = 0;
  let r2 = 0;
  let r3 = 0;
  for (const t of by.values()) [r1, r2, r3] = [r1 + t.r1, r2 + t.r2, r3 + t.r3];
  return {
    r1,
    r2,
    r3,
    lm3: r1 === 0 ? null : (r1 + r2 + r3) / r1,
    byType: [...by].map(([type, t]) => ({ type, ...t })).sort((a, b) => b.r1 - a.r1),
  };
}
