// Matching a payee to an employer in the gender pay gap returns (docs/methods/franchise.md).
// A company number decides where the payee has one; otherwise a name match is accepted only
// with a high score, a clear margin over the runner-up and a corroborating field. Everything
// else with a plausible candidate goes to the review list: a match is never guessed.
import { normalCompanyNumber, tokensWithPrefix, type EmployerIndex } from './employer-index.ts';
import { normaliseName } from './normalise.ts';
import { nameScore } from './similarity.ts';

/** What is known of a payee besides its name. */
export interface PayeeEvidence {
  name: string;
  companyNumber: string | null;
  postcode: string | null;
  /** SIC divisions its expense types point to (data/franchise/expense-industries.json). */
  divisions: ReadonlySet<string>;
  /** Its class, when it is a public body (an employer marked public-sector agrees). */
  publicBody: boolean;
}

export interface MatchRules {
  accept: { score: number; margin: number };
  review: { score: number };
  truncatedFrom: number;
  minPrefix: number;
  /** Tokens held by more employers than this do not bring in candidates. */
  maxPostings: number;
  /** Words that name a different legal entity when only one of two names has them (HOLDINGS, GROUP). */
  distinguishing: string[];
}

export type MatchStatus = 'matched' | 'review' | 'unmatched';

export interface Candidate {
  employerId: string;
  name: string;
  score: number;
}

export interface MatchResult {
  status: MatchStatus;
  method: 'company-number' | 'name' | null;
  employerId: string | null;
  score: number | null;
  runnerUp: Candidate | null;
  /** Best score minus the runner-up's (100 when there is no runner-up). */
  margin: number | null;
  /** Fields that agree: `company-number`, `postcode`, `industry`, `legal-form`. */
  corroboration: string[];
  reason: string;
  candidates: Candidate[];
}

/** An unmatched result, with the reason. */
export function unmatched(reason: string): MatchResult {
  return {
    status: 'unmatched',
    method: null,
    employerId: null,
    score: null,
    runnerUp: null,
    margin: null,
    corroboration: [],
    reason,
    candidates: [],
  };
}

const NONE = unmatched('no candidate');

/** Matches one payee against the index under the declared rules. */
export function matchPayee(p: PayeeEvidence, index: EmployerIndex, rules: MatchRules): MatchResult {
  const number = normalCompanyNumber(p.companyNumber);
  const byNumber = number ? (index.byNumber.get(number) ?? []) : [];
  if (byNumber.length > 0) {
    const e = index.entries[byNumber[0]!]!;
    const ids = new Set(byNumber.map((i) => index.entries[i]!.employerId));
    if (ids.size === 1)
      return {
        ...NONE,
        status: 'matched',
        method: 'company-number',
        employerId: e.employerId,
        score: 100,
        margin: 100,
        corroboration: ['company-number'],
        reason: 'company number in the returns',
        candidates: [{ employerId: e.employerId, name: e.name, score: 100 }],
      };
  }
  return byName(p, number, index, rules);
}

function byName(
  p: PayeeEvidence,
  number: string | null,
  index: EmployerIndex,
  rules: MatchRules,
): MatchResult {
  const norm = normaliseName(p.name, index.rules);
  if (norm.tokens.length === 0) return NONE;
  const truncated = p.name.trim().length >= rules.truncatedFrom;
  const ranked = rank(norm.tokens, norm.key, truncated, index, rules);
  const best = ranked[0];
  if (!best || best.score < rules.review.score) return { ...NONE, candidates: ranked.slice(0, 3) };
  const runnerUp = ranked.find((c) => c.entity !== best.entity) ?? null;
  const margin = best.score - (runnerUp?.score ?? 0);
  const e = index.entries[best.at]!;
  const corroboration = corroborate(
    p,
    number,
    e,
    norm.key === e.norm.key && norm.legalForm === e.norm.legalForm && norm.legalForm !== null,
  );
  const base = {
    method: 'name' as const,
    employerId: e.employerId,
    score: round(best.score),
    runnerUp: runnerUp && {
      employerId: runnerUp.employerId,
      name: runnerUp.name,
      score: round(runnerUp.score),
    },
    margin: round(margin),
    corroboration,
    candidates: ranked
      .slice(0, 3)
      .map(({ employerId, name, score }) => ({ employerId, name, score: round(score) })),
  };
  if (number && e.number && number !== e.number)
    return { ...base, status: 'review', reason: 'company numbers differ' };
  if (best.score < rules.accept.score) return { ...base, status: 'review', reason: 'score below acceptance' };
  const apart = rules.distinguishing.find((w) => norm.tokens.includes(w) !== e.norm.tokens.includes(w));
  if (apart) return { ...base, status: 'review', reason: `${apart} in one name only: another entity` };
  if (margin < rules.accept.margin)
    return { ...base, status: 'review', reason: 'runner-up within the margin' };
  if (corroboration.length === 0) return { ...base, status: 'review', reason: 'no corroborating field' };
  return { ...base, status: 'matched', reason: `name, corroborated by ${corroboration.join(' and ')}` };
}

interface Ranked extends Candidate {
  at: number;
  /** Employers with one company number are one entity. */
  entity: string;
}

/** Candidates fully scored per payee: the best by shared token weight. */
const SHORTLIST = 20;

/**
 * Candidates with the payee's name key, or sharing a rare token (or, for a cut-off name, a
 * prefix) with it, best first, one per employer. Tokens held by many employers (SERVICES, UK)
 * bring none in: a name made only of such words is matched only exactly. Candidates are
 * shortlisted by the weight of the tokens they share before the full score is computed.
 */
function rank(
  tokens: string[],
  key: string,
  truncated: boolean,
  index: EmployerIndex,
  rules: MatchRules,
): Ranked[] {
  const shared = new Map<number, number>();
  for (const i of index.byKey.get(key) ?? []) shared.set(i, Infinity);
  const add = (t: string, w: number) => {
    for (const i of index.byToken.get(t)!) shared.set(i, (shared.get(i) ?? 0) + w);
  };
  const byRarity = [...new Set(tokens)]
    .filter((t) => index.df(t) > 0)
    .sort((x, y) => index.df(x) - index.df(y));
  for (const t of byRarity) {
    if (index.df(t) > rules.maxPostings) break;
    add(t, index.weight(t));
  }
  const last = tokens.at(-1)!;
  if (truncated && last.length >= rules.minPrefix && index.df(last) === 0)
    for (const t of tokensWithPrefix(index, last))
      if (index.df(t) <= rules.maxPostings) add(t, index.weight(t));
  const best = new Map<string, Ranked>();
  for (const i of shortlist(shared, SHORTLIST)) {
    const e = index.entries[i]!;
    const score =
      e.norm.key === key
        ? 100
        : nameScore(tokens, e.norm.tokens, index.weight, truncated, rules.minPrefix, e.tokenSet);
    const had = best.get(e.employerId);
    if (!had || score > had.score)
      best.set(e.employerId, { employerId: e.employerId, name: e.name, score, at: i, entity: e.entity });
  }
  return [...best.values()].sort((a, b) => b.score - a.score || a.employerId.localeCompare(b.employerId));
}

/** The `k` entries with the most shared weight (ties by index), without sorting them all. */
function shortlist(shared: Map<number, number>, k: number): number[] {
  const top: [number, number][] = [];
  for (const [i, w] of shared) {
    if (top.length === k && (w < top[k - 1]![1] || (w === top[k - 1]![1] && i > top[k - 1]![0]))) continue;
    let at = top.length;
    while (at > 0 && (top[at - 1]![1] < w || (top[at - 1]![1] === w && top[at - 1]![0] > i))) at--;
    top.splice(at, 0, [i, w]);
    if (top.length > k) top.pop();
  }
  return top.map(([i]) => i);
}

function corroborate(
  p: PayeeEvidence,
  number: string | null,
  e: { number: string | null; postcode: string | null; divisions: string[]; publicSector: boolean },
  sameLegalName: boolean,
): string[] {
  const out: string[] = [];
  if (number && number === e.number) out.push('company-number');
  const pc = (s: string | null) => s?.replace(/\s+/g, '').toUpperCase() ?? null;
  if (p.postcode && pc(p.postcode) === pc(e.postcode)) out.push('postcode');
  if (e.divisions.some((d) => p.divisions.has(d))) out.push('industry');
  if (sameLegalName) out.push('legal-form');
  if (p.publicBody && e.publicSector) out.push('public-sector');
  return out;
}

function round(x: number): number {
  return Math.round(x * 10) / 10;
}
