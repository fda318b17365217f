// The areas a finance run covers, read from the store through the workbench's own readers:
// the 361 districts of the April 2023 lookup with their ITL3 areas (straddling districts split
// by the lookup's weights), median weekly pay (ONS ASHE via Explore Local Statistics), the
// employment rate (ONS Annual Population Survey via Explore Local Statistics) and population by
// age (ONS mid-year estimates via Nomis) — and from them each district's savers.
import type { Taxonomy } from '../core/taxonomy.ts';
import { aeYear } from '../models/finance/auto-enrolment.ts';
import { nationOf, type AreaData } from '../models/finance/area-data.ts';
import { taxBands } from '../models/finance/income-tax.ts';
import { areaSavers, type AreaInput, type SaverParams } from '../models/finance/savers.ts';
import { districtAgeRows } from '../store/queries/nomis.ts';
import type { Ctx } from './context.ts';
import type { FinanceData } from './finance-data.ts';
import { lads2023 } from './geography.ts';
import { indicatorSeries, type Series } from './indicator-series.ts';
import { areaNames, requireLinks } from './panels.ts';
import { requireDataset, sourceText, SOURCES } from './sources.ts';

const UK = 'K02000001';
const NATIONS: Record<string, string> = { E: 'E92000001', W: 'W92000004', S: 'S92000003', N: 'N92000002' };

/** Population by age band of each district on April 2023 codes (pre-2023 districts summed). */
interface AgeBands {
  all: number;
  under16: number;
  from16to24: number;
  from16to19: number;
  from25to49: number;
  from50to64: number;
}

/** The areas, their savers, and where every figure came from. */
export interface FinanceAreas {
  data: AreaData;
  names: Map<string, string>;
  sources: string[];
  notes: string[];
}

// Nomis C_AGE codes: all ages, 0–15, 16–24, 25–49, 50–64, and single years 16 to 19.
const AGE_CODES = ['200', '201', '250', '207', '208', '117', '118', '119', '120'];

async function ageBands(ctx: Ctx): Promise<{ bands: Map<string, AgeBands>; source: string }> {
  const ds = await requireDataset(ctx.store, SOURCES.mye);
  const rows = await districtAgeRows(ctx.store, ds.id, AGE_CODES);
  const merged = ctx.lookups.districtSuccessors;
  const bands = new Map<string, AgeBands>();
  const key: Record<string, keyof AgeBands> = {
    '200': 'all',
    '201': 'under16',
    '250': 'from16to24',
    '207': 'from25to49',
    '208': 'from50to64',
  };
  for (const r of rows) {
    const code = merged.get(r.code) ?? r.code;
    const b = bands.get(code) ?? {
      all: 0,
      under16: 0,
      from16to24: 0,
      from16to19: 0,
      from25to49: 0,
      from50to64: 0,
    };
    b[key[r.age] ?? 'from16to19'] += Number(r.value);
    bands.set(code, b);
  }
  return { bands, source: sourceText(ds) };
}

/** The latest published value of each area in a series, with its year. */
function latest(s: Series): Map<string, { value: number; year: number }> {
  const out = new Map<string, { value: number; year: number }>();
  for (const r of s.rows) {
    if (r.value === null) continue;
    const have = out.get(r.areacd);
    if (!have || have.year < r.year) out.set(r.areacd, { value: r.value, year: r.year });
  }
  return out;
}

/** A district's value, or its nation's, or the UK's (noted). */
function withFallback(
  values: Map<string, { value: number; year: number }>,
  code: string,
  what: string,
  notes: Map<string, string[]>,
): number {
  const own = values.get(code);
  if (own) return own.value;
  for (const c of [NATIONS[code[0]!]!, UK]) {
    const v = values.get(c);
    if (v) {
      const key = `${what}: ${c === UK ? 'the UK' : c}'s figure`;
      notes.set(key, [...(notes.get(key) ?? []), code]);
      return v.value;
    }
  }
  throw new Error(`no ${what} for ${code}, its nation or the UK`);
}

/** Reads every district's inputs and works out its savers under the year's rules. */
export async function financeAreas(
  ctx: Ctx,
  taxonomy: Taxonomy,
  data: FinanceData,
  opts: { taxYear: string; params: SaverParams },
): Promise<FinanceAreas> {
  const lads = await lads2023(ctx);
  const links = await requireLinks(ctx, 'ltla', 'itl3');
  const [pay, employment, ages] = await Promise.all([
    indicatorSeries(ctx, 'gross-median-weekly-pay', taxonomy, 'lad'),
    indicatorSeries(ctx, 'employment-rate:employment-rate', taxonomy, 'lad'),
    ageBands(ctx),
  ]);
  const payAt = latest(pay);
  const employmentAt = latest(employment);
  const fallbacks = new Map<string, string[]>();
  const ae = aeYear(data.ae, opts.taxYear);
  const bandsFor = {
    E: taxBands(data.incomeTax, opts.taxYear, 'rest-of-uk'),
    S: taxBands(data.incomeTax, opts.taxYear, 'scotland'),
  };
  const savers = lads.map((l) => {
    const a = ages.bands.get(l.areacd);
    if (!a) throw new Error(`no population estimate for ${l.areacd}`);
    const from16to64 = a.from16to24 + a.from25to49 + a.from50to64;
    const from20to24 = a.from16to24 - a.from16to19;
    const input: AreaInput = {
      areacd: l.areacd,
      medianWeeklyPay: withFallback(payAt, l.areacd, 'median pay', fallbacks),
      population16to64: from16to64,
      populationEligibleAge: from16to64 - a.from16to19 - (2 / 5) * from20to24,
      employmentRate: withFallback(employmentAt, l.areacd, 'employment rate', fallbacks) / 100,
      bands: l.areacd.startsWith('S') ? bandsFor.S : bandsFor.E,
    };
    return areaSavers(input, ae, opts.params);
  });
  const ladIndex = new Map(lads.map((l, i) => [l.areacd, i]));
  const itl3 = [...new Set(links.filter((k) => ladIndex.has(k.child)).map((k) => k.parent))].sort();
  const itl3Index = new Map(itl3.map((c, i) => [c, i]));
  const old = lads.filter(
    (l) => (payAt.get(l.areacd)?.year ?? Infinity) < Math.max(...[...payAt.values()].map((v) => v.year)),
  );
  const notes = [
    ...[...fallbacks].map(
      ([what, codes]) =>
        `${what} stands in for ${codes.length} districts without their own: ${codes.join(', ')}`,
    ),
    ...(old.length
      ? [
          `median pay is from an earlier year for ${old.map((l) => `${l.areacd} (${payAt.get(l.areacd)!.year})`).join(', ')} (later estimates suppressed)`,
        ]
      : []),
  ];
  const names = await areaNames(ctx);
  return {
    data: {
      lads: lads.map((l) => l.areacd),
      itl3,
      // in a fixed order: sums over links must not depend on the order the store returns rows in
      links: links
        .filter((k) => ladIndex.has(k.child))
        .map((k) => ({ lad: ladIndex.get(k.child)!, itl3: itl3Index.get(k.parent)!, weight: k.weight ?? 1 }))
        .sort((x, y) => x.lad - y.lad || x.itl3 - y.itl3),
      savers,
      nation: lads.map((l) => nationOf(l.areacd)),
      population: Float64Array.from(lads, (l) => ages.bands.get(l.areacd)!.all),
      adults: Float64Array.from(
        lads,
        (l) => ages.bands.get(l.areacd)!.all - ages.bands.get(l.areacd)!.under16,
      ),
      age25: Float64Array.from(lads, (l) => ages.bands.get(l.areacd)!.from25to49 / 25),
      ukMedianPay: payAt.has(UK) ? payAt.get(UK)!.value * opts.params.weeksPerYear : null,
    },
    names: new Map([
      ...lads.map((l) => [l.areacd, l.areanm] as const),
      ...itl3.map((c) => [c, names.get(c) ?? c] as const),
      [UK, 'United Kingdom'],
    ]),
    sources: [pay.source, employment.source, ages.source],
    notes,
  };
}
