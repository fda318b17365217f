import type { Taxonomy } from '../core/taxonomy.ts';
import type { FranchiseBodies, FranchiseSupplierList } from '../contract/franchise.ts';
import { findBody } from '../ingest/spend-file.ts';
import { hasFranchiseTables } from '../store/franchise.ts';
import { franchiseBodies, spendRange } from '../store/queries/franchise.ts';
import type { Ctx } from './context.ts';
import { franchiseConditions } from './franchise-conditions.ts';
import { franchiseData, loadConditions, type ConditionSet } from './franchise-data.ts';
import { franchiseSuppliers } from './franchise-suppliers.ts';

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
 * for. Both answers list suppliers in the body state's order; a difference is a bug, not data.
 */
export async function franchiseSupplierList(
  ctx: Ctx,
  taxonomy: Taxonomy,
  opts: { body: string; period?: string; conditions?: ConditionSet },
): Promise<FranchiseSupplierList> {
  const set = opts.conditions ?? loadConditions();
  const q = { body: opts.body, ...(opts.period ? { period: opts.period } : {}) };
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
