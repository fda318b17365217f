// Two scenarios side by side on every goal, in total: two files, or one file and its horizontal
// twin — each vertical demand or finance intervention's money spread over the whole economy of
// the same areas by their final demand instead. Both run with the same seed and, where
// interventions share an id, the same parameter draws (common random numbers).
import { UsageError } from '../core/errors.ts';
import type { CompareReport, CompareRow } from '../contract/scenarios.ts';
import type { Taxonomy } from '../core/taxonomy.ts';
import { cell } from '../models/scenarios/assemble.ts';
import type { Scenario } from '../models/scenarios/schema.ts';
import type { ParsedFile } from './data-file.ts';
import type { Ctx } from './context.ts';
import { appraisePrepared, prepareScenario, type ScenarioOptions } from './scenarios.ts';

export type { CompareReport, CompareRow };

/** The scenario with every vertical demand or finance intervention spread over the whole economy instead. */
export function horizontalTwin(s: Scenario): Scenario {
  let changed = 0;
  const interventions = s.interventions.map((iv) => {
    if ((iv.kind !== 'demand' && iv.kind !== 'finance') || 'horizontal' in iv.target) return iv;
    changed++;
    return { ...iv, target: { horizontal: 'final-demand' as const } };
  });
  if (changed === 0)
    throw new UsageError(
      `${s.id}: no vertical demand or finance intervention to set beside a horizontal one`,
    );
  return {
    ...s,
    id: `${s.id}-horizontal`,
    title: `${s.title} — the same money spread over the whole economy`,
    interventions,
  };
}

const num = (v: number) => (Number.isFinite(v) ? v : null);

/** A against B (or A against its horizontal twin) on every goal of the total. */
export async function scenarioCompare(
  ctx: Ctx,
  taxonomy: Taxonomy,
  fileA: ParsedFile,
  fileB: ParsedFile | null,
  o: ScenarioOptions = {},
): Promise<CompareReport> {
  const pa = await prepareScenario(ctx, taxonomy, fileA);
  const pb = fileB
    ? await prepareScenario(ctx, taxonomy, fileB)
    : await prepareScenario(ctx, taxonomy, fileA, {}, horizontalTwin);
  const seed = o.seed ?? pa.scenario.appraisal.seed;
  const draws = o.draws ?? pa.scenario.appraisal.draws;
  const a = await appraisePrepared(ctx, pa, { ...o, seed, draws });
  const b = await appraisePrepared(ctx, pb, { ...o, seed, draws });
  const at = (x: typeof a, id: string, which: Float64Array) => {
    const k = x.goals.findIndex((g) => g.id === id);
    return k < 0 ? NaN : which[cell(x, x.rows.length - 1, x.areas.length - 1, k)]!;
  };
  const ids = [...new Set([...a.goals.map((g) => g.id), ...b.goals.map((g) => g.id)])];
  const rows = ids.map((id): CompareRow => {
    const unit = (a.goals.find((g) => g.id === id) ?? b.goals.find((g) => g.id === id))!.unit;
    const va = at(a, id, a.value);
    const vb = at(b, id, b.value);
    return {
      goal: id,
      unit,
      a: num(va),
      aP05: num(at(a, id, a.p05)),
      aP95: num(at(a, id, a.p95)),
      b: num(vb),
      bP05: num(at(b, id, b.p05)),
      bP95: num(at(b, id, b.p95)),
      difference: num(vb - va),
    };
  });
  const meta = (p: typeof pa, f: ParsedFile) => ({
    id: p.scenario.id,
    title: p.scenario.title,
    source: f.name,
  });
  return {
    mode: fileB ? 'files' : 'vertical-horizontal',
    a: meta(pa, fileA),
    b: meta(pb, fileB ?? fileA),
    rows,
    notes: [
      fileB
        ? `Both run with seed ${seed} and ${draws} draws; interventions with the same id share their parameter draws.`
        : 'B is A with each vertical demand or finance intervention spread over the whole economy of the same areas by their final demand: the same money, horizontal.',
      'Totals over every area the scenarios reach (K02000001); difference = B − A at central values.',
    ],
  };
}
