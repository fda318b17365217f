// The area comparison: fetching it with nearest neighbours on a profile (dropping profile
// indicators the area has no latest value for, as the API names them), and its chart rows and table.
import { ApiError, apiUrl, getJson } from './api.ts';
import type { AreaComparison, ComparatorResult, IndicatorTable, RegistryList } from './api-types.ts';
import { trendText } from './categories.ts';
import type { Table } from './table.ts';
import { limits, period, withUnit } from './format.ts';

export interface Compared {
  comparison: AreaComparison;
  url: string;
  /** Profile indicators left out because the area has no value at their latest period. */
  dropped: string[];
}

/** The level of an area code the registry tables map: LADs, ITL3 areas, combined authorities (null for others). */
export function levelOf(code: string): 'lad' | 'itl3' | 'cauth' | null {
  if (/^E47\d{6}$/.test(code)) return 'cauth';
  return /^[ENSW]\d{8}$/.test(code) ? 'lad' : /^TL[A-Z]\d{2}$/.test(code) ? 'itl3' : null;
}

/**
 * The profile indicators the area has a value for at their latest period at its level (nearest
 * neighbours need all of them), read from the registry tables — the same tables as the indicator page.
 */
async function usableProfile(code: string, profile: string[]): Promise<string[]> {
  const level = levelOf(code);
  if (!level) return [];
  // Only indicators published at the level (asking for others is a 400, and a console error).
  const { indicators } = await getJson<RegistryList>(apiUrl('registry'));
  const at = (id: string) =>
    indicators
      .find((e) => e.id === id)
      ?.levels.split(' ')
      .includes(level) ?? false;
  const has = await Promise.all(
    profile.map((id) =>
      !at(id)
        ? false
        : getJson<IndicatorTable>(apiUrl(`registry/${id}`, { level })).then(
            (t) => t.rows.some((r) => r.areacd === code && r.value !== null),
            () => false,
          ),
    ),
  );
  return profile.filter((_, i) => has[i]);
}

/** The comparison of an area with the nation, its region and its k nearest neighbours on a profile. */
export async function loadComparison(code: string, k: number, profile: string[]): Promise<Compared> {
  const usable = await usableProfile(code, profile);
  const dropped = profile.filter((p) => !usable.includes(p));
  const get = async (p: string[], left: string[]): Promise<Compared> => {
    const url = apiUrl(`compare/${code}`, p.length >= 2 ? { nearest: k, profile: p.join(',') } : {});
    return { comparison: await getJson<AreaComparison>(url), url, dropped: left };
  };
  try {
    return await get(usable, dropped);
  } catch (e) {
    // The API names profile indicators the area lacks; should the tables disagree, drop those too.
    const m =
      e instanceof ApiError && e.status === 400
        ? /lacks a value for the profile: (.+)$/.exec(e.message)
        : null;
    if (!m) throw e;
    const missing = m[1]!.split(', ');
    return get(
      usable.filter((p) => !missing.includes(p)),
      [...dropped, ...missing],
    );
  }
}

/** Counts (enterprises, jobs, people): an area's count against the nation's total says nothing. */
export const isCount = (unit: string) => /^(number|thousand|persons|people|count)/i.test(unit);

/** A share or rate in per cent: differences between two of them are in percentage points. */
export const isPercent = (unit: string) => unit.trim() === '%';

/** How a difference from the nation is measured: percentage points for indicators in %, else % of the national value. */
export type DifferenceScale = 'points' | 'percent';

/** One row per indicator: the area's difference from the nation, with its 95% interval, coloured by verdict. */
export interface RelativeRow {
  label: string;
  diff: number;
  lo: number | null;
  hi: number | null;
  verdict: string;
  text: string;
}

const of = (cs: ComparatorResult[], kind: ComparatorResult['kind']) => cs.find((c) => c.kind === kind);

/**
 * Chart rows on one scale: for `points`, the indicators in % as the area's value minus the
 * nation's (a pay gap of −5.8 against 10.9 is −16.7 points); for `percent`, the others as a %
 * difference from a positive national value. Counts are left out of both.
 */
export function relativeRows(c: AreaComparison, scale: DifferenceScale): RelativeRow[] {
  return c.rows.flatMap((r) => {
    const nat = of(r.comparators, 'national');
    const unit = r.indicator.unit;
    if (!nat || nat.value === null || r.area.value === null || isCount(unit)) return [];
    if (isPercent(unit) !== (scale === 'points')) return [];
    if (scale === 'percent' && nat.value <= 0) return [];
    const base = nat.value;
    const diff = (v: number | null) =>
      v === null ? null : scale === 'points' ? v - base : (v / base - 1) * 100;
    const d = diff(r.area.value)!;
    const how = scale === 'points' ? `${d >= 0 ? '+' : ''}${d.toFixed(1)} points` : `${d >= 0 ? '+' : ''}${d.toFixed(1)}%`;
    return [
      {
        label: r.indicator.label,
        diff: d,
        lo: diff(r.area.lci95),
        hi: diff(r.area.uci95),
        verdict: nat.verdict['95'],
        text: `${r.indicator.label}: ${withUnit(r.area.value, unit)} against ${nat.label} ${withUnit(base, unit)}, ${how} (${nat.verdict['95']} at 95%)`,
      },
    ];
  });
}

const cmp = (c: ComparatorResult | undefined, unit: string): [string | null, string | null] =>
  c ? [withUnit(c.value, unit), `${c.verdict['95']} / ${c.verdict['99.8']}`] : [null, null];

/** Every indicator: the area's value and 95% limits, each comparator with its verdicts at 95% / 99.8%, the trend. */
export function comparisonTable(c: AreaComparison): Table {
  return {
    columns: [
      'Indicator',
      'Period',
      'Value',
      '95% CI',
      'Nation',
      'vs nation (95% / 99.8%)',
      'Region',
      'vs region',
      'Nearest neighbours (mean)',
      'vs neighbours',
      'Trend',
    ],
    rows: c.rows.map((r) => {
      const u = r.indicator.unit;
      const a = r.area;
      const nat = of(r.comparators, 'national');
      return [
        r.indicator.label,
        period(r.period),
        withUnit(a.value, u),
        a.lci95 === null || a.uci95 === null ? 'none' : limits(a.lci95, a.uci95, u, a.value),
        nat ? `${nat.label}: ${withUnit(nat.value, u)}` : null,
        nat ? `${nat.verdict['95']} / ${nat.verdict['99.8']}` : null,
        ...cmp(of(r.comparators, 'region'), u),
        ...cmp(of(r.comparators, 'nearest'), u),
        trendText(r.trend.status),
      ];
    }),
    links: c.rows.map((r) => `/indicators?id=${encodeURIComponent(r.indicator.id)}`),
  };
}
