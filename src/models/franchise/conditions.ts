// Franchise conditions as data: each names a rule, the evidence it reads and its parameters;
// each supplier meets, fails, or cannot be known to meet it — "unknown" is never "fails".
import type { ConditionRule, PostcodeArea } from '../../core/franchise.ts';
import { supplierIntensity } from './emissions.ts';
import { gapTrend, type GapReturn } from './gpg-trend.ts';
import { placeIn } from './local-share.ts';

export { CONDITION_RULES, type ConditionRule } from '../../core/franchise.ts';

/** One condition as a conditions file declares it. */
export interface Condition {
  id: string;
  name: string;
  rule: ConditionRule;
  /** What the rule reads, in words, shown beside the result. */
  evidence: string;
  params: Record<string, unknown>;
}

/** What is known of one supplier. */
export interface SupplierEvidence {
  key: string;
  name: string;
  companyNumber: string | null;
  matched: boolean;
  postcode: string | null;
  /** Gender pay gap returns of the matched employer (gap: the statistic the condition names). */
  returns: { period: string; diffMedianHourly: number | null; diffMeanHourly: number | null }[];
  divisions: ReadonlyMap<string, number>;
  /** Lines with an invoice date: days from invoice to payment. */
  paymentDays: number[];
  /** KPI ratings reported for its contracts (latest per contract and KPI). */
  kpis: { contract: string; metric: string; title: string | null; measure: string | null }[];
}

/** What the rules read besides the supplier. */
export interface ConditionContext {
  local: PostcodeArea | null;
  region: PostcodeArea | null;
  intensity: ReadonlyMap<string, { value: number }>;
  /** Whole-economy intensity, for thresholds set as a ratio. */
  economyIntensity: number | null;
}

export type Verdict = { status: 'meets' | 'fails' | 'unknown'; reason: string };

const unknown = (reason: string): Verdict => ({ status: 'unknown', reason });
const verdict = (ok: boolean, yes: string, no: string): Verdict =>
  ok ? { status: 'meets', reason: yes } : { status: 'fails', reason: no };

/** Resolves a condition's rule once; an unknown rule is refused by name. */
export function conditionTest(c: Condition): (s: SupplierEvidence, ctx: ConditionContext) => Verdict {
  switch (c.rule) {
    case 'accredited-list':
      return accredited(c.params);
    case 'gpg-narrowing':
      return narrowing(c.params);
    case 'registered-office-local':
      return localOffice(c.params);
    case 'industry-ghg-intensity':
      return intensity(c.params);
    case 'paid-within-days':
      return promptPayment(c.params);
    case 'kpi-rating':
      return kpiRating(c.params);
    default:
      throw new Error(`invalid condition rule: ${c.rule as string}`);
  }
}

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.map(String) : [];
}

function accredited(p: Record<string, unknown>) {
  const numbers = new Set(strings(p.companyNumbers).map((n) => n.trim().toUpperCase().padStart(8, '0')));
  const names = new Set(strings(p.names).map((n) => n.trim().toUpperCase()));
  return (s: SupplierEvidence): Verdict => {
    if (numbers.size === 0 && names.size === 0) return unknown('no accreditation list given');
    if (names.has(s.name.trim().toUpperCase())) return { status: 'meets', reason: 'named on the list' };
    if (s.companyNumber === null) return unknown('no company number to look up');
    return verdict(
      numbers.has(s.companyNumber),
      'company number on the list',
      'company number not on the list',
    );
  };
}

function narrowing(p: Record<string, unknown>) {
  const periods = strings(p.periods);
  const statistic = p.statistic === 'mean' ? 'diffMeanHourly' : 'diffMedianHourly';
  const parity = typeof p.parity === 'number' ? p.parity : 0;
  return (s: SupplierEvidence): Verdict => {
    if (!s.matched)
      return unknown('not matched to a gender pay gap return (employers under 250 need not report)');
    const returns: GapReturn[] = s.returns.map((r) => ({ period: r.period, gap: r[statistic] }));
    const t = gapTrend(returns, periods, parity);
    switch (t.status) {
      case 'missing':
        return { status: 'fails', reason: `no return for ${t.period}` };
      case 'too-few':
        return unknown('the condition names fewer than two periods');
      case 'widening':
        return { status: 'fails', reason: `gap widened from ${t.first}% to ${t.last}%` };
      default:
        return {
          status: 'meets',
          reason: `gap ${t.first}% in ${t.periods[0]}, ${t.last}% in ${t.periods[1]}`,
        };
    }
  };
}

function localOffice(p: Record<string, unknown>) {
  const wider = p.area === 'region';
  return (s: SupplierEvidence, ctx: ConditionContext): Verdict => {
    const area = wider ? ctx.region : ctx.local;
    if (!area) return unknown('no local area declared for the body');
    const where = placeIn(s.postcode, area);
    if (where === 'unknown') return unknown('no registered-office postcode');
    return verdict(
      where === 'inside',
      `registered office in ${area.name}`,
      `registered office outside ${area.name}`,
    );
  };
}

function intensity(p: Record<string, unknown>) {
  const max = typeof p.max === 'number' ? p.max : null;
  const ratio = typeof p.ratioToEconomy === 'number' ? p.ratioToEconomy : null;
  if ((max === null) === (ratio === null))
    throw new Error('invalid industry-ghg-intensity params: give max or ratioToEconomy');
  return (s: SupplierEvidence, ctx: ConditionContext): Verdict => {
    const limit = max ?? (ctx.economyIntensity === null ? null : ratio! * ctx.economyIntensity);
    if (limit === null) return unknown('no whole-economy intensity');
    const v = supplierIntensity(s.divisions, ctx.intensity);
    if (v === null) return unknown('industry not known');
    const text = `${v.toFixed(3)} ktCO2e/£m GVA`;
    return verdict(v <= limit, `${text} ≤ ${limit.toFixed(3)}`, `${text} > ${limit.toFixed(3)}`);
  };
}

function promptPayment(p: Record<string, unknown>) {
  const days = typeof p.days === 'number' ? p.days : 30;
  const share = typeof p.share === 'number' ? p.share : 1;
  return (s: SupplierEvidence): Verdict => {
    if (s.paymentDays.length === 0) return unknown('no invoice dates in the files');
    const within = s.paymentDays.filter((d) => d <= days).length / s.paymentDays.length;
    const text = `${(100 * within).toFixed(1)}% of ${s.paymentDays.length} invoices paid within ${days} days`;
    return verdict(within >= share, text, text);
  };
}

function kpiRating(p: Record<string, unknown>) {
  // words, not a pattern: a file posted over HTTP must not bring a regular expression
  const words = typeof p.metric === 'string' ? p.metric.trim().toLowerCase() : '';
  const has = (t: string | null) => (t ?? '').toLowerCase().includes(words);
  const norm = (t: string) => t.toLowerCase().replace(/[^a-z]/g, '');
  const pass = new Set(strings(p.pass).map(norm));
  const fail = new Set(strings(p.fail).map(norm));
  return (s: SupplierEvidence): Verdict => {
    const ratings = s.kpis.filter((k) => has(k.title) || has(k.metric));
    if (ratings.length === 0) return unknown('no KPI rating reported');
    const bad = ratings.find((k) => k.measure !== null && fail.has(norm(k.measure)));
    if (bad)
      return { status: 'fails', reason: `${bad.title ?? bad.metric}: ${bad.measure} (${bad.contract})` };
    if (ratings.every((k) => k.measure !== null && pass.has(norm(k.measure))))
      return {
        status: 'meets',
        reason: `${ratings.length} KPI rating(s) ${[...new Set(ratings.map((k) => k.measure))].join(', ')}`,
      };
    return unknown('a KPI rated other than the pass and fail ratings');
  };
}

export interface ConditionTotals {
  condition: string;
  name: string;
  rule: ConditionRule;
  evidence: string;
  meets: { suppliers: number; pence: number };
  fails: { suppliers: number; pence: number };
  unknown: { suppliers: number; pence: number };
}

/** Each condition for each supplier, and the spend meeting, failing and unknown per condition. */
export function evaluateConditions(
  conditions: readonly Condition[],
  suppliers: readonly (SupplierEvidence & { pence: number })[],
  ctx: ConditionContext,
): { verdicts: Verdict[][]; totals: ConditionTotals[] } {
  const tests = conditions.map(conditionTest);
  const verdicts = suppliers.map((s) => tests.map((t) => t(s, ctx)));
  const totals = conditions.map((c, k) => {
    const t: ConditionTotals = {
      condition: c.id,
      name: c.name,
      rule: c.rule,
      evidence: c.evidence,
      meets: { suppliers: 0, pence: 0 },
      fails: { suppliers: 0, pence: 0 },
      unknown: { suppliers: 0, pence: 0 },
    };
    suppliers.forEach((s, i) => {
      const bucket = t[verdicts[i]![k]!.status];
      bucket.suppliers++;
      bucket.pence += s.pence;
    });
    return t;
  });
  return { verdicts, totals };
}
