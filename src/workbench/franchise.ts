/**
 * The franchise engine for the CLI, the API and the Procurement page: where a public body's
 * money goes, what stays local, and the conditions that come with it (METHODS.md §7,
 * docs/methods/franchise.md). Plain typed records in and out; every function takes the store.
 */
import { UsageError } from '../core/errors.ts';
import type { Taxonomy } from '../core/taxonomy.ts';
import type { FranchiseRegister, FranchiseWhatIf } from '../contract/franchise.ts';
import type { Condition } from '../models/franchise/conditions.ts';
import { ioatShares } from '../models/franchise/industries.ts';
import { placeIn } from '../models/franchise/local-share.ts';
import { registerState } from '../models/franchise/register.ts';
import { whatIf, type CategorySpend } from '../models/franchise/what-if.ts';
import { sicCovers } from '../models/io/index.ts';
import { registerParties, spendBy } from '../store/queries/franchise.ts';
import { findBody } from '../ingest/spend-file.ts';
import { hasFranchiseTables } from '../store/franchise.ts';
import { ioTableYears, loadIoTable } from '../store/io-tables.ts';
import type { Ctx } from './context.ts';
import { franchiseData, loadConditions, type ConditionSet } from './franchise-data.ts';
import { franchiseConditions } from './franchise-conditions.ts';
import { historyEvents } from './franchise-import.ts';
import { bodyState, type SupplierView } from './franchise-state.ts';

export {
  franchiseImport,
  type FranchiseImportOptions,
  type FranchiseImportReport,
  type ImportedFile,
} from './franchise-import.ts';
export { franchiseSummary } from './franchise-summary.ts';
export { franchiseSuppliers } from './franchise-suppliers.ts';
export { franchiseConditions } from './franchise-conditions.ts';
export {
  conditionsFromValue,
  defaultConditionSet,
  loadConditions,
  DEFAULT_CONDITIONS,
  type ConditionSet,
} from './franchise-data.ts';
export { parsePeriod, type Period } from './franchise-state.ts';
export { DUPLICATE_RULES, type DuplicateRule } from '../models/franchise/duplicates.ts';
export {
  scoreTender,
  checkWeights,
  PRICE_METHODS,
  type Criterion,
  type Bid,
  type ScoredBid,
} from '../models/franchise/tender.ts';
export type { DemandChangeRecord } from '../models/franchise/what-if.ts';

/** A what-if: move a share of a category's spend to local suppliers, or to suppliers meeting a condition. */
export interface WhatIfRequest {
  body: string;
  period?: string;
  /** A service area or expense type, as published (case-insensitive); `*` for all spend. */
  category: string;
  /** Which field the category names. */
  field: 'service' | 'expense-type';
  /** Share of the movable spend moved, 0–1. */
  share: number;
  /** `local`, or the id of a condition in the conditions file. */
  target: string;
  conditionsFile?: string;
  /** The conditions the target comes from, as a parsed set (the API's posted file). */
  conditions?: ConditionSet;
}

/** IOAT industry codes of the newest input–output table in the store. */
async function ioatCodes(ctx: Ctx): Promise<string[]> {
  return ctx.cached('franchise-ioat-codes', async () => {
    const years = await ioTableYears(ctx.store);
    if (years.length === 0)
      throw new UsageError(
        'no input-output table in the store: import the ONS input-output analytical tables',
        'no_data',
        409,
      );
    return (await loadIoTable(ctx.store, years.at(-1)!))!.codes;
  });
}

/** The demand change a what-if makes in the body's area, by IOAT industry, £ a year. */
export async function franchiseWhatIf(
  ctx: Ctx,
  taxonomy: Taxonomy,
  req: WhatIfRequest,
): Promise<FranchiseWhatIf> {
  const store = ctx.store;
  // the request is checked whole before any spend is read
  const target = whatIfTarget(req);
  const s = await bodyState(store, req.body, req.period, taxonomy);
  if (!s.body.area || !s.body.local)
    throw new UsageError(`no area declared for ${s.body.name}: a what-if needs one`);
  const wanted = req.category.trim().toLowerCase();
  const by = req.field === 'service' ? 'payee-service' : 'payee-expense';
  const inCategory = new Map<string, number>();
  for (const g of await spendBy(store, s.body.name, s.period.from, s.period.to, by))
    if (wanted === '*' || (g.item ?? '').toLowerCase() === wanted)
      inCategory.set(g.payee, (inCategory.get(g.payee) ?? 0) + g.pence);
  if (inCategory.size === 0)
    throw new UsageError(`no spend in ${req.field} ${req.category} for ${s.body.name} in ${s.period.label}`);
  const meets = target ? await conditionMeets(ctx, taxonomy, req, target, s.suppliers) : null;
  const covers = sicCovers(await ioatCodes(ctx));
  const spend: CategorySpend[] = s.suppliers.map((x, i) => {
    const where = placeIn(x.postcode, s.body.local!);
    return {
      pence: x.payees.reduce((t, p) => t + (inCategory.get(p) ?? 0), 0),
      local: where === 'unknown' ? null : where === 'inside',
      meets: meets === null ? null : meets[i]!,
      industries: x.employer ? ioatShares(x.employer.sicCodes, covers) : new Map(),
    };
  });
  const perYear = 12 / s.period.months;
  const r = whatIf(
    spend.filter((x) => x.pence !== 0),
    req.target === 'local' ? 'local' : 'condition',
    req.share,
    s.body.area,
    'ioat',
    perYear,
  );
  return {
    body: s.body.name,
    area: s.body.area,
    category: `${req.field} ${req.category}`,
    target: req.target,
    share: req.share,
    moved: r.moved / 100,
    unplaced: r.unplaced / 100,
    changes: r.changes,
    notes: [...r.notes, `£ a year: the period's spend × 12 / ${s.period.months} months.`],
  };
}

/**
 * The condition a what-if moves spend towards (null: `local`), its file checked even when the
 * target is local; an unknown target, share or category is refused naming the value.
 */
function whatIfTarget(req: WhatIfRequest): { set: ConditionSet; condition: Condition } | null {
  if (!(Number.isFinite(req.share) && req.share >= 0 && req.share <= 1))
    throw new UsageError(`invalid share: ${req.share} (0–1)`);
  if (req.category.trim() === '') throw new UsageError('invalid category: empty (a name as published, or *)');
  const given = req.conditions ?? (req.conditionsFile ? loadConditions(req.conditionsFile) : null);
  if (req.target === 'local') return null;
  const set = given ?? loadConditions();
  const condition = set.conditions.find((x) => x.id === req.target);
  if (!condition)
    throw new UsageError(
      `invalid target: ${req.target} (local, or one of ${set.conditions.map((x) => x.id).join(', ')})`,
    );
  return { set, condition };
}

async function conditionMeets(
  ctx: Ctx,
  taxonomy: Taxonomy,
  req: WhatIfRequest,
  { set, condition: c }: { set: ConditionSet; condition: Condition },
  suppliers: SupplierView[],
): Promise<(boolean | null)[]> {
  const report = await franchiseConditions(ctx, taxonomy, {
    body: req.body,
    ...(req.period ? { period: req.period } : {}),
    conditions: { ...set, conditions: [c] },
  });
  // franchiseConditions lists suppliers in the same order as the body state.
  return report.suppliers.map((x, i) => {
    if (x.supplier !== suppliers[i]!.name) throw new Error(`supplier order differs at ${i}`);
    const v = x.verdicts[c.id]!.status;
    return v === 'unknown' ? null : v === 'meets';
  });
}

/**
 * The register of conditions promised vs delivered: each condition's state with the buyer and
 * suppliers of its contract (from the awards of the same release packages), and its full history;
 * a body (id or name) keeps only its contracts' conditions.
 */
export async function franchiseRegister(ctx: Ctx, opts: { body?: string } = {}): Promise<FranchiseRegister> {
  if (!(await hasFranchiseTables(ctx.store))) return { conditions: [], history: [] };
  const history = await historyEvents(ctx.store);
  const parties = await registerParties(ctx.store);
  const conditions = registerState(history).map((c) => {
    const [ocid, contract] = c.conditionId.split('/');
    const own = parties.filter(
      (p) => p.ocid === ocid && (p.contract_id === contract || p.award_id === contract),
    );
    const names = (xs: (string | null)[]) => [...new Set(xs.filter((x): x is string => !!x))];
    return {
      ...c,
      body: names(own.map((p) => p.body))[0] ?? null,
      suppliers: names(own.map((p) => p.supplier)),
    };
  });
  if (opts.body === undefined) return { conditions, history };
  const wanted = (findBody(franchiseData().bodies, opts.body)?.name ?? opts.body).toLowerCase();
  const kept = conditions.filter((c) => c.body?.toLowerCase() === wanted);
  const ids = new Set(kept.map((c) => c.conditionId));
  return { conditions: kept, history: history.filter((e) => ids.has(e.conditionId)) };
}
