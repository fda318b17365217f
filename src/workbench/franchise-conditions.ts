import { resolveIndustry } from '../core/sic.ts';
import type { Taxonomy } from '../core/taxonomy.ts';
import type { FranchiseConditions } from '../contract/franchise.ts';
import {
  evaluateConditions,
  type ConditionContext,
  type SupplierEvidence,
} from '../models/franchise/conditions.ts';
import { divisionIntensity } from '../models/franchise/emissions.ts';
import type { Store } from '../store/db.ts';
import { bodyAwards, bodyKpiRatings, ghgIntensities, paymentDays } from '../store/queries/franchise.ts';
import type { Ctx } from './context.ts';
import { loadConditions, type ConditionSet } from './franchise-data.ts';
import { gbp } from './franchise-summary.ts';
import { bodyState, type BodyState } from './franchise-state.ts';

/** Intensity by SIC division (latest year) and the whole economy's, from the ONS table in the store. */
async function intensityContext(ctx: Ctx) {
  return ctx.cached('franchise-ghg', async () => {
    const rows = await ghgIntensities(ctx.store);
    const published = rows.flatMap((r) => {
      if (r.industry === 'Total') return [];
      try {
        const x = resolveIndustry(r.industry);
        return [
          {
            code: r.industry,
            divisions: x.divisions,
            partial: x.partial || /\(not /.test(r.industry),
            value: r.value,
          },
        ];
      } catch {
        return [];
      }
    });
    return {
      byDivision: divisionIntensity(published),
      economy: rows.find((r) => r.industry === 'Total')?.value ?? null,
      year: rows[0]?.period ?? null,
    };
  });
}

/** KPI ratings of each supplier of a body's contracts, keyed like its payees (name) and company number. */
async function kpisBySupplier(store: Store, body: string) {
  const awards = await bodyAwards(store, body);
  const ratings = await bodyKpiRatings(store, body);
  const out = new Map<string, SupplierEvidence['kpis']>();
  for (const r of ratings) {
    const parties = JSON.parse(r.supplier_ids) as string[];
    for (const a of awards.filter((x) => x.ocid === r.ocid && parties.includes(x.party_id))) {
      const kpi = {
        contract: `${r.ocid}/${r.contract_id ?? r.award_id}`,
        metric: r.metric_id,
        title: r.title,
        measure: r.measure,
      };
      for (const k of [a.payee_key, a.company_number && `coh:${a.company_number}`]) {
        if (!k) continue;
        const list = out.get(k);
        if (list) list.push(kpi);
        else out.set(k, [kpi]);
      }
    }
  }
  return out;
}

async function evidence(store: Store, s: BodyState): Promise<(SupplierEvidence & { pence: number })[]> {
  const days = await paymentDays(store, s.body.name, s.period.from, s.period.to);
  const kpis = await kpisBySupplier(store, s.body.name);
  return s.suppliers.map((x) => ({
    key: x.key,
    name: x.name,
    pence: x.pence,
    companyNumber: x.companyNumber,
    matched: x.employer !== null,
    postcode: x.postcode,
    returns: x.employer?.returns ?? [],
    divisions: x.divisions,
    paymentDays: x.payees.flatMap((p) => days.get(p) ?? []),
    kpis: [
      ...new Set([
        ...x.payees.flatMap((p) => kpis.get(p) ?? []),
        ...(x.companyNumber ? (kpis.get(`coh:${x.companyNumber}`) ?? []) : []),
      ]),
    ],
  }));
}

/**
 * A conditions file applied to a body's suppliers in a period: for each condition the spend
 * with suppliers meeting it, failing it, and where it cannot be known; and each supplier's verdicts.
 */
export async function franchiseConditions(
  ctx: Ctx,
  taxonomy: Taxonomy,
  opts: {
    body: string;
    period?: string;
    file?: string;
    conditions?: ConditionSet;
  },
): Promise<FranchiseConditions> {
  const store = ctx.store;
  const set = opts.conditions ?? loadConditions(opts.file, opts.file);
  const s = await bodyState(store, opts.body, opts.period, taxonomy);
  const ghg = await intensityContext(ctx);
  const context: ConditionContext = {
    local: s.body.local,
    region: s.body.region,
    intensity: ghg.byDivision,
    economyIntensity: ghg.economy,
  };
  const suppliers = await evidence(store, s);
  const { verdicts, totals } = evaluateConditions(set.conditions, suppliers, context);
  return {
    body: s.body.name,
    period: { label: s.period.label, from: s.period.from, to: s.period.to },
    conditions: { id: set.id, title: set.title },
    total: gbp(suppliers.reduce((t, x) => t + x.pence, 0)),
    totals: totals.map((t) => ({
      condition: t.condition,
      name: t.name,
      rule: t.rule,
      evidence: t.evidence,
      meets: gbp(t.meets.pence),
      fails: gbp(t.fails.pence),
      unknown: gbp(t.unknown.pence),
      meets_suppliers: t.meets.suppliers,
      fails_suppliers: t.fails.suppliers,
      unknown_suppliers: t.unknown.suppliers,
    })),
    suppliers: suppliers.map((x, i) => ({
      supplier: x.name,
      total: gbp(x.pence),
      verdicts: Object.fromEntries(set.conditions.map((c, k) => [c.id, verdicts[i]![k]!])),
    })),
    notes: [
      'meets + fails + unknown = total for every condition, to the penny: "unknown" is spend where the evidence the rule reads is missing, never counted as failing.',
      ghg.year === null
        ? 'No ONS emissions intensity in the store.'
        : `Emissions intensity: ONS, ${ghg.year}; whole economy ${ghg.economy} ktCO2e per £m GVA.`,
    ],
  };
}
