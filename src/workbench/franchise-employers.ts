import {
  indexEmployers,
  type EmployerIndex,
  type EmployerRecord,
} from '../models/franchise/employer-index.ts';
import { realCodes } from '../models/franchise/industries.ts';
import { prepareRules } from '../models/franchise/normalise.ts';
import type { Store } from '../store/db.ts';
import { employerPeriods, employerReturns } from '../store/franchise-read.ts';
import { cached } from './cache.ts';
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

export interface Employers {
  byId: Map<string, Employer>;
  index: EmployerIndex;
  /** Reporting years in the store, and whether each is a partial download. */
  periods: { period: string; partial: boolean }[];
  returns: number;
}

/**
 * Every employer in the store's gender pay gap returns, indexed for matching: one index entry
 * per name an employer filed under, with its latest company number, postcode and SIC codes.
 */
export async function employers(store: Store): Promise<Employers> {
  return cached(store, 'franchise-employers', async () => {
    const rows = await employerReturns(store);
    const byId = new Map<string, Employer>();
    const names = new Map<string, EmployerRecord>();
    for (const r of rows) {
      const codes = r.sic_codes.split(/[,\s]+/).filter((c) => c !== '');
      // The latest return's fields replace the earlier ones; the list of returns carries over.
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
    // Rows come in period order, so byId now holds each employer's latest return.
    for (const r of rows) {
      const e = byId.get(r.employer_id)!;
      names.set(`${r.employer_id}\u241f${r.employer_name}`, {
        employerId: e.employerId,
        name: r.employer_name,
        companyNumber: e.companyNumber,
        postcode: e.postcode,
        divisions: [...new Set(realCodes(e.sicCodes).map((c) => c.slice(0, 2)))],
        publicSector: e.publicSector,
      });
    }
    const periods = (await employerPeriods(store)).map((p) => ({
      period: p.period,
      partial: /partial/i.test(p.vintage),
    }));
    return {
      byId,
      index: indexEmployers([...names.values()], prepareRules(franchiseData().names)),
      periods,
      returns: rows.length,
    };
  });
}
