// The local share of spend (CLES "Preston model"), under a rule that says which: a supplier is
// local when its registered-office postcode lies in the body's declared postcode districts (or,
// for the wider rule, its region's areas and districts). A registered-office rule gives a
// different answer from CLES's "based or branched in" rule; outputs name the rule.
import type { PostcodeArea } from '../../core/franchise.ts';
import { postcodeParts } from './postcode.ts';

export const LOCAL_RULES = ['registered-office-in-area', 'registered-office-in-region'] as const;
export type LocalRule = (typeof LOCAL_RULES)[number];

export type Where = 'inside' | 'outside' | 'unknown';

/** Whether a postcode is inside a declared area: its area letters or its district listed. */
export function placeIn(postcode: string | null, area: PostcodeArea): Where {
  const p = postcodeParts(postcode);
  if (!p) return 'unknown';
  return area.areas.includes(p.area) || area.districts.includes(p.district) ? 'inside' : 'outside';
}

export interface LocalShare {
  rule: LocalRule;
  area: string;
  /** Net pence with suppliers inside, outside, and where no postcode is known. */
  inside: number;
  outside: number;
  unknown: number;
  /** inside / (inside + outside): the share among spend whose place is known. */
  shareOfKnown: number | null;
  /** inside / all: a floor, counting every unknown as outside. */
  shareOfAll: number | null;
}

/** Local share of net spend by supplier postcode under the named rule. */
export function localShare(
  suppliers: readonly { pence: number; postcode: string | null }[],
  rule: LocalRule,
  area: PostcodeArea,
): LocalShare {
  const sums = { inside: 0, outside: 0, unknown: 0 };
  for (const s of suppliers) sums[placeIn(s.postcode, area)] += s.pence;
  const known = sums.inside + sums.outside;
  const all = known + sums.unknown;
  return {
    rule,
    area: area.name,
    ...sums,
    shareOfKnown: known === 0 ? null : sums.inside / known,
    shareOfAll: all === 0 ? null : sums.inside / all,
  };
}

/** The declared area a rule tests against. */
export function ruleArea(
  rule: LocalRule,
  body: { local: PostcodeArea | null; region: PostcodeArea | null },
): PostcodeArea | null {
  switch (rule) {
    case 'registered-office-in-area':
      return body.local;
    case 'registered-office-in-region':
      return body.region;
    default:
      throw new Error(`invalid local rule: ${rule as string}`);
  }
}
