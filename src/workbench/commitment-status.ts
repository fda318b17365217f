// The status a commitment's declared rule gives on the data in the store at a date, and the
// history entries that record it. A commitment over several areas takes the least favourable
// of its areas' verdicts (any area without a verdict makes it unclear), every area's reason shown.
import { UsageError } from '../core/errors.ts';
import type { Taxonomy } from '../core/taxonomy.ts';
import type { Registers } from '../civic/service.ts';
import {
  applyRule,
  isoDate,
  nextEntry,
  parseStatus,
  resolveMeasure,
  STATUSES,
  type Commitment,
  type HistoryEntry,
  type Status,
} from '../models/accountability/index.ts';
import { areaSeries } from './area-series.ts';
import type { Ctx } from './context.ts';

/** Who a computed status is recorded as. */
export const RULE_AUTHOR = 'Strata (declared rule)';

/** The entry (without its sequence number) the rule gives for a measured commitment on `asOf`. */
export async function ruleEntry(
  ctx: Ctx,
  c: Commitment,
  asOf: string,
  taxonomy: Taxonomy,
): Promise<Omit<HistoryEntry, 'seq'>> {
  const m = c.measure!;
  const year = Number(asOf.slice(0, 4));
  const verdicts = await Promise.all(
    [...c.areas].sort().map(async (area) => {
      const s = await areaSeries(ctx, m.indicator, area, taxonomy);
      const v = applyRule(m.rule, resolveMeasure(c, s.points), s.points, year);
      return { area, v, source: s.source };
    }),
  );
  const status = verdicts.reduce<Status>(
    (w, { v }) => (STATUSES.indexOf(v.status) > STATUSES.indexOf(w) ? v.status : w),
    STATUSES[0],
  );
  const one = verdicts.length === 1;
  return {
    date: asOf,
    status,
    rule: verdicts[0]!.v.rule,
    reason: verdicts.map(({ area, v }) => (one ? v.reason : `${area}: ${v.reason}`)).join('; '),
    evidence: verdicts
      .map(({ area, v, source }) =>
        v.latest
          ? `${m.indicator} ${area} ${v.latest.period}: ${v.latest.value} (${source})`
          : `${m.indicator} ${area}: no value`,
      )
      .join('; '),
    who: RULE_AUTHOR,
  };
}

/** The entry a person's assessment in the register gives. */
export function assessedEntry(c: Commitment): Omit<HistoryEntry, 'seq'> | null {
  const a = c.assessed;
  if (!a) return null;
  return {
    date: a.date,
    status: a.status,
    rule: 'assessed',
    evidence: a.evidence,
    reason: a.reason,
    who: a.who,
  };
}

const SAME = ['status', 'rule', 'evidence', 'reason', 'who'] as const;

/**
 * The entries to append to `stored` for the offered ones: an offer the history already ends with
 * (or holds, for a person's assessment) adds nothing; one dated before the last entry is refused.
 */
export function toAppend(
  stored: readonly HistoryEntry[],
  offered: Omit<HistoryEntry, 'seq'>[],
): HistoryEntry[] {
  let out: HistoryEntry[] = [...stored];
  for (const e of [...offered].sort((a, b) => a.date.localeCompare(b.date))) {
    const last = out.at(-1);
    const recorded =
      e.rule === 'assessed'
        ? out.some((s) => s.date === e.date && SAME.every((k) => s[k] === e[k]))
        : last !== undefined && SAME.every((k) => last[k] === e[k]);
    if (!recorded) out = [...out, nextEntry(out, e)];
  }
  return out.slice(stored.length);
}

/** The recorded histories with their statuses checked against the vocabulary. */
export async function storedHistories(regs: Registers): Promise<Map<string, HistoryEntry[]>> {
  const out = new Map<string, HistoryEntry[]>();
  for (const [id, rows] of await regs.histories())
    out.set(
      id,
      rows.map((r) => ({ ...r, status: parseStatus(r.status) })),
    );
  return out;
}

/** A calendar date or a usage error naming what it is. */
export function dateOrUsage(s: string, what: string): string {
  try {
    return isoDate(s, what);
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}
