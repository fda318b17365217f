import { indexEmployers, type EmployerIndex } from '../models/franchise/employer-index.ts';
import { realCodes } from '../models/franchise/industries.ts';
import { prepareRules } from '../models/franchise/normalise.ts';
import type { Store } from '../store/db.ts';
import { employerNames, employerReturns } from '../store/queries/franchise.ts';
import type { Ctx } from './context.ts';
import { franchiseData } from './franchise-data.ts';

/** An employer as the franchise engine shows it: its latest return, and every return's gaps. */
export interface Employer {
  employerId: string;
  name: string;
  companyNumber: string | null;
  postcode: string | null;
  sicCodes: string[];
  size: string;
  publicSector: boolean;
  returns: { period: string; diffMedianHourly: number | null; diffMeanHourly: number | null }[];
}

const codesOf = (sic: string) => sic.split(/[,\s]+/).filter((c) => c !== '');

/**
 * Every employer in the store's gender pay gap returns, indexed for matching: one index entry
 * per name an employer filed under, with its latest company number, postcode and SIC codes.
 * Built once per store state.
 */
export async function employerIndex(
  ctx: Pick<Ctx, 'store' | 'cached'>,
): Promise<{ index: EmployerIndex; names: number }> {
  return ctx.cached('franchise-employer-index', async () => {
    const e = await employerNames(ctx.store);
    const records = e.id.map((employerId, i) => {
      const codes = codesOf(e.sic[i]!);
      return {
        employerId,
        name: e.name[i]!,
        companyNumber: e.number[i] ?? null,
        postcode: e.postcode[i] ?? null,
        divisions: [...new Set(realCodes(codes).map((c) => c.slice(0, 2)))],
        publicSector: codes.includes('1'),
      };
    });
    return { index: indexEmployers(records, prepareRules(franchiseData().names)), names: records.length };
  });
}

/** The employers named, from their returns: the latest return's fields and every return's gaps. */
export async function employerDetails(store: Store, ids: readonly string[]): Promise<Map<string, Employer>> {
  const byId = new Map<string, Employer>();
  // Returns come oldest first, so each employer ends with its latest return's fields.
  for (const r of await employerReturns(store, ids)) {
    const codes = codesOf(r.sic_codes);
    const e: Employer = {
      employerId: r.employer_id,
      name: r.employer_name,
      companyNumber: r.company_number,
      postcode: r.postcode,
      sicCodes: codes,
      size: r.employer_size,
      publicSector: codes.includes('1'),
      returns: byId.get(r.employer_id)?.returns ?? [],
    };
    e.returns.push({
      period: r.period,
      diffMedianHourly: r.diff_median_hourly,
      diffMeanHourly: r.diff_mean_hourly,
    });
    byId.set(r.employer_id, e);
  }
  return byId;
}
