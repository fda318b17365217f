// The population of an area by age band (and sex, where the estimates are split by sex) for the
// civic representativeness report: ONS mid-year estimates via Nomis, in the `nomis_obs` table.
// The pack's mid-2021 file gives persons only, so its strata are age bands; a Nomis extract with
// GENDER 1 and 2 gives age band × sex. Districts merged in April 2023 are summed into their
// new authority.
import type { PopulationCell } from '../civic/service.ts';
import { adultPopulationRows } from '../store/queries/nomis.ts';
import type { Ctx } from './context.ts';
import { requireDataset, sourceText, SOURCES } from './sources.ts';

/** Nomis C_AGE codes of the bands participants declare (16 and over). */
const AGE_CODES: Record<string, string> = { '250': '16-24', '207': '25-49', '208': '50-64', '209': '65+' };
const SEX_CODES: Record<string, string> = { '1': 'male', '2': 'female' };

/** An area's population cells with the source they come from. */
export interface AreaPopulation {
  area: string;
  year: string;
  source: string;
  cells: PopulationCell[];
}

/** The population aged 16+ of an area by age band (× sex when published), or null when the estimates do not cover it. */
export async function areaPopulation(ctx: Ctx, area: string): Promise<AreaPopulation | null> {
  const ds = await requireDataset(ctx.store, SOURCES.mye);
  const merged = [...ctx.lookups.districtSuccessors].filter(([, now]) => now === area).map(([old]) => old);
  const rows = await adultPopulationRows(ctx.store, ds.id, [area, ...merged]);
  if (rows.length === 0) return null;
  const bySex = rows.some((r) => r.sex in SEX_CODES);
  const cells = rows
    .filter((r) => (bySex ? r.sex in SEX_CODES : r.sex === '0'))
    .map((r) => ({
      ageBand: AGE_CODES[r.age]!,
      sex: bySex ? SEX_CODES[r.sex]! : null,
      population: Number(r.value),
    }))
    .sort((a, b) => a.ageBand.localeCompare(b.ageBand) || (a.sex ?? '').localeCompare(b.sex ?? ''));
  return { area, year: rows[0]!.date, source: sourceText(ds), cells };
}
