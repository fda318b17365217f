import type { Taxonomy } from '../core/taxonomy.ts';
import type { FranchiseBodies, FranchiseSupplierList } from '../contract/franchise.ts';
import { findBody } from '../ingest/spend-file.ts';
import { hasFranchiseTables } from '../store/franchise.ts';
import { franchiseBodies, spendRange } from '../store/queries/franchise.ts';
import type { Ctx } from './context.ts';
import { franchiseConditions } from './franchise-conditions.ts';
import { franchiseData, loadConditions, type ConditionSet } from './franchise-data.ts';
import { franchiseSuppliers } from './franchise-suppliers.ts';
import { SUPPLIER_CSV_CAP, supplierPage, type SupplierPageQuery } from './franchise-supplier-page.ts';

/** The bodies with spend or contracts in the store, with the id they are asked by and the dates held. */
export async function franchiseBodyList(ctx: Ctx): Promise<FranchiseBodies> {
  if (!(await hasFranchiseTables(ctx.store))) return { bodies: [] };
  const declared = franchiseData().bodies;
  const bodies = [];
  for (const name of await franchiseBodies(ctx.store)) {
    const b = findBody(declared, name);
    const range = await spendRange(ctx.store, name);
    bodies.push({ id: b?.id ?? name, name, area: b?.area ?? null, first: range.first, last: range.last });
  }
  return { bodies };
}

/**
 * A body's suppliers by spend with the conditions of a set each meets, fails or cannot be known
 * for, one page of them (the whole list is computed once per body, period and default set and
 * kept). Both answers list suppliers in the body state's order; a difference is a bug, not data.
 */
export async function franchiseSupplierList(
  ctx: Ctx,
  taxonomy: Taxonomy,
  opts: { body: string; period?: string; conditions?: ConditionSet; page?: Partial<SupplierPageQuery> },
): Promise<FranchiseSupplierList> {
  const q = { body: opts.body, ...(opts.period ? { period: opts.period } : {}) };
  const whole = opts.conditions
    ? await supplierConditions(ctx, taxonomy, q, opts.conditions)
    : await ctx.cached(`franchise-supplier-list|${q.body}|${q.period ?? ''}|${taxonomy.id}`, () =>
        supplierConditions(ctx, taxonomy, q, loadConditions()),
      );
  const page: SupplierPageQuery = {
    sort: 'rank',
    order: 'asc',
    offset: 0,
    limit: SUPPLIER_CSV_CAP,
    ...opts.page,
  };
  const { rows, matched } = supplierPage(whole.suppliers, Object.keys(whole.condition_names), page);
  return {
    ...whole,
    page: { offset: page.offset, limit: page.limit, matched, suppliers: whole.suppliers.length },
    suppliers: rows,
  };
}

async function supplierConditions(
  ctx: Ctx,
  taxonomy: Taxonomy,
  q: { body: string; period?: string },
  set: ConditionSet,
): Promise<Omit<FranchiseSupplierList, 'page'>> {
  const s = await franchiseSuppliers(ctx, taxonomy, q);
  const c = await franchiseConditions(ctx, taxonomy, { ...q, conditions: set });
  const suppliers = s.suppliers.map((x, i) => {
    const v = c.suppliers[i]!;
    if (v.supplier !== x.supplier) throw new Error(`supplier order differs at ${i}: ${x.supplier}`);
    const with_ = (status: string) =>
      Object.entries(v.verdicts)
        .filter(([, r]) => r.status === status)
        .map(([id]) => id);
    return { ...x, meets: with_('meets'), fails: with_('fails'), unknown: with_('unknown') };
  });
  return {
    body: s.body,
    period: s.period,
    total: s.total,
    conditions: c.conditions,
    condition_names: Object.fromEntries(set.conditions.map((x) => [x.id, x.name])),
    suppliers,
    review: s.review,
    notes: [...s.notes, `Conditions: ${c.conditions.title}; unknown is kept apart from fails.`],
  };
}
