import { IOAT_KEYS, type IoTable } from '../core/io-table.ts';
import { resolveIndustry } from '../core/sic.ts';
import type { SplitBasis } from '../models/layers/split.ts';
import { latestPrimaryInputs } from '../store/io-tables.ts';
import { currentDataset } from '../store/queries/datasets.ts';
import { employeesByDivision } from '../store/queries/nomis.ts';
import type { Ctx } from './context.ts';
import { SOURCES } from './sources.ts';

/** Great Britain employees by SIC division from BRES (Nomis), or null when not imported. */
async function bresByDivision(
  ctx: Ctx,
): Promise<{ vintage: string; byDivision: Map<string, number> } | null> {
  const ds = await currentDataset(ctx.store, SOURCES.bres);
  return ds ? { vintage: ds.vintage, byDivision: await employeesByDivision(ctx.store, ds.id) } : null;
}

/** GVA at basic prices by industry: the table's GVA row, or compensation + operating surplus + production taxes. */
function gvaOf(t: Pick<IoTable, 'year' | 'codes' | 'primaryInputs'>): Float64Array {
  const p = t.primaryInputs;
  const gva = p[IOAT_KEYS.gva];
  if (gva) return gva;
  const parts = [IOAT_KEYS.compensation, IOAT_KEYS.operatingSurplus, IOAT_KEYS.productionTaxes].map(
    (k) => p[k],
  );
  if (parts.some((x) => !x)) throw new Error(`input-output table ${t.year} has no GVA row`);
  return Float64Array.from(t.codes, (_, j) => parts.reduce((s, x) => s + x![j]!, 0));
}

/**
 * National values by SIC division used to split published codes that span two layers
 * (METHODS.md §1). GVA measures use national GVA by industry from the newest ONS input–output
 * analytical table; an IOAT industry covering several divisions (`C1101T1106 & C12`) is shared
 * among them by BRES employees. Employment measures use BRES employees. The label says which.
 */
export async function splitBasis(ctx: Ctx, measure = 'gva_cp'): Promise<SplitBasis | null> {
  const bres = await bresByDivision(ctx);
  const table = measure.startsWith('gva') ? await latestPrimaryInputs(ctx.store) : null;
  if (!table) {
    return bres
      ? { label: `ONS BRES ${bres.vintage}, GB employees by SIC division`, byDivision: bres.byDivision }
      : null;
  }
  const gva = gvaOf(table);
  const byDivision = new Map<string, number>();
  table.codes.forEach((code, j) => {
    const divisions = resolveIndustry(code).divisions;
    const weights = divisions.map((d) => (divisions.length === 1 ? 1 : (bres?.byDivision.get(d) ?? 1)));
    const total = weights.reduce((s, w) => s + w, 0);
    divisions.forEach((d, k) =>
      byDivision.set(d, (byDivision.get(d) ?? 0) + (gva[j]! * weights[k]!) / total),
    );
  });
  const within = bres
    ? `, shared within combined industries by BRES ${bres.vintage} employees`
    : ', shared equally within combined industries';
  return { label: `ONS input-output analytical tables ${table.year}, GVA by industry${within}`, byDivision };
}
