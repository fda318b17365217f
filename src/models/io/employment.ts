import type { NomisRecord } from '../../core/records.ts';
import { resolveIndustry } from '../../core/sic.ts';
import { relation, sicCovers } from './ioat-sic.ts';

/** Employees by IOAT industry, and how each BRES code was placed. */
export interface IoatEmployment {
  employment: Float64Array;
  /** BRES code → IOAT industries and the share each received (1 unless split). */
  links: { bres: string; ioat: string; share: number }[];
  /** Employees by IOAT industry and SIC division (for splitting industries that straddle layers). */
  byDivision: Record<string, Record<string, number>>;
  flags: string[];
}

/**
 * Maps BRES employees by SIC code (divisions `01`, groups `101`, classes `1101`, as the Nomis
 * extract at IOAT levels gives them) onto IOAT industries through their SIC covers. Rules:
 * a BRES code inside one IOAT industry goes to it whole; several BRES codes inside one
 * industry are summed; a BRES code spanning several IOAT industries is split by `weights`
 * (default: equal; pass compensation of employees for national shares) and flagged. A BRES
 * code in no IOAT industry, or codes that nest inside one another (double counting), is an
 * error. Imputed rent (`L68A`) has no employees by definition.
 */
export function employmentByIoat(
  ioatCodes: readonly string[],
  records: readonly NomisRecord[],
  opts: { weights?: Float64Array; status?: string } = {},
): IoatEmployment {
  const rows = bresRows(records, opts.status ?? 'Employees');
  const covers = sicCovers(ioatCodes);
  const n = ioatCodes.length;
  const weights = opts.weights ?? new Float64Array(n).fill(1);
  const out: IoatEmployment = { employment: new Float64Array(n), links: [], byDivision: {}, flags: [] };
  for (const { code, value, missing } of rows) {
    if (missing) out.flags.push(`BRES ${code}: no value published, counted as 0`);
    const division = resolveIndustry(code).divisions[0]!;
    const rel = covers.map((c) => relation(c, code));
    const all = rel.flatMap((r, k) => (r === 'all' ? [k] : []));
    const targets = rel.flatMap((r, k) => (r === 'none' ? [] : [k]));
    if (targets.length === 0) throw new Error(`BRES industry matches no IOAT industry: ${code}`);
    if (all.length > 1)
      throw new Error(
        `IOAT industries overlap on BRES industry ${code}: ${all.map((k) => ioatCodes[k]).join(', ')}`,
      );
    const total = targets.reduce((s, k) => s + weights[k]!, 0);
    if (targets.length > 1) {
      if (!(total > 0)) throw new Error(`no weights to split BRES industry ${code}`);
      out.flags.push(
        `BRES ${code} spans ${targets.map((k) => ioatCodes[k]).join(', ')}: split by national shares`,
      );
    }
    for (const k of targets) {
      const share = targets.length === 1 ? 1 : weights[k]! / total;
      out.employment[k]! += value * share;
      out.links.push({ bres: code, ioat: ioatCodes[k]!, share });
      const byDiv = (out.byDivision[ioatCodes[k]!] ??= {});
      byDiv[division] = (byDiv[division] ?? 0) + value * share;
    }
  }
  for (let k = 0; k < n; k++) {
    if (out.links.some((l) => l.ioat === ioatCodes[k])) continue;
    const why = covers[k]!.imputedRent ? "owner-occupiers' imputed rental has no employees" : 'no BRES code';
    out.flags.push(`${ioatCodes[k]}: 0 employees (${why})`);
  }
  const geo = new Set(records.map((r) => r.geographyCode));
  if (geo.has('K03000001'))
    out.flags.push('BRES covers Great Britain; the IOAT covers the UK (Northern Ireland is missing)');
  return out;
}

function bresRows(
  records: readonly NomisRecord[],
  status: string,
): { code: string; value: number; missing: boolean }[] {
  const picked = records.filter((r) => (r.dims.EMPLOYMENT_STATUS?.name ?? status) === status);
  const geographies = new Set(picked.map((r) => r.geographyCode));
  if (geographies.size > 1) throw new Error(`BRES records for several areas: ${[...geographies].join(', ')}`);
  const rows = picked.map((r) => {
    const code = r.dims.INDUSTRY?.code;
    if (!code) throw new Error('BRES record without an INDUSTRY dimension');
    return { code, value: r.value ?? 0, missing: r.value === null };
  });
  const codes = rows.map((r) => r.code).sort();
  for (let i = 0; i < codes.length; i++) {
    const next = codes[i + 1];
    if (next !== undefined && next.startsWith(codes[i]!))
      throw new Error(`overlapping BRES industries: ${codes[i]} and ${next}`);
  }
  return rows;
}
