// Every area's report as of one date: the UK, the ITL areas and the local authority districts
// (every area the layer tables hold at those levels), built over what the reports share — the
// registers, the datasets, each level's layer tables and the chart renderer — read once, a few
// areas at a time. Each report is the same bytes as `strata report AREA` gives alone.
import { UsageError } from '../core/errors.ts';
import type { Taxonomy } from '../core/taxonomy.ts';
import type { AreaRef } from '../contract/common.ts';
import type { Registers } from '../civic/service.ts';
import { reportHtml } from '../reports/page.ts';
import type { Ctx } from './context.ts';
import { layersAll } from './layers.ts';
import { REPORT_LEVELS, type ReportLevel } from './report-levels.ts';
import { inputFor, reportShared } from './report.ts';

/** One area in a batch of reports, with the file name its report is written under. */
export interface ReportEntry extends AreaRef {
  /** `uk.html`, `E06000001.html`. */
  file: string;
}

/** Every area with a report at `levels`, by level then code. */
export async function reportAreas(
  ctx: Ctx,
  t: Taxonomy,
  levels: readonly ReportLevel[] = REPORT_LEVELS,
): Promise<ReportEntry[]> {
  const out: ReportEntry[] = [];
  for (const level of REPORT_LEVELS.filter((l) => levels.includes(l))) {
    const l = await layersAll(ctx, level, 'gva_cp', t);
    for (const areacd of [...l.table.areas].sort())
      out.push({
        areacd,
        areanm: l.names.get(areacd) ?? areacd,
        level,
        file: `${level === 'uk' ? 'uk' : areacd}.html`,
      });
  }
  return out;
}

/** What a batch is asked for, and what it tells as each report is done. */
export interface ReportBatch {
  asOf: string;
  version: string;
  /** The levels to cover (default all of REPORT_LEVELS). */
  levels?: readonly ReportLevel[];
  /** Reports built at once (default 2: the machine's cores). */
  concurrency?: number;
  /** Called with each finished report, in the areas' order. */
  onReport: (entry: ReportEntry, html: string, done: number, total: number) => void | Promise<void>;
}

/** Builds every area's report; returns the areas, in order. */
export async function reportAll(
  ctx: Ctx,
  regs: Registers,
  b: ReportBatch,
  t: Taxonomy,
): Promise<ReportEntry[]> {
  const shared = await reportShared(ctx, regs, b.asOf, t);
  const areas = await reportAreas(ctx, t, b.levels);
  const pending = new Map<number, Promise<string>>();
  const start = (i: number) => {
    const a = areas[i]!;
    const area = a.level === 'uk' ? 'uk' : a.areacd;
    const html = inputFor(ctx, shared, { area, version: b.version }, t).then(
      (input) => reportHtml(input),
      (e: unknown) => {
        if (!(e instanceof UsageError)) throw e;
        throw new UsageError(`report for ${a.areacd} (${a.level}): ${e.message}`, e.code, e.status);
      },
    );
    // a failure is thrown where the batch awaits this report, not as an unhandled rejection
    html.catch(() => undefined);
    pending.set(i, html);
  };
  const ahead = Math.max(1, b.concurrency ?? 2);
  for (let i = 0; i < Math.min(ahead, areas.length); i++) start(i);
  for (let i = 0; i < areas.length; i++) {
    const html = await pending.get(i)!;
    pending.delete(i);
    if (i + ahead < areas.length) start(i + ahead);
    await b.onReport(areas[i]!, html, i + 1, areas.length);
  }
  return areas;
}
