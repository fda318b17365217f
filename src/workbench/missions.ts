// Missions (METHODS.md §4): goals measured by registry indicators against declared trajectories,
// for every local authority and the nation, rolled up to national: `strata missions status`,
// `GET /api/v1/missions/{id}`, `POST /api/v1/missions/status`.
import { readdirSync } from 'node:fs';
import { notFound } from '../core/errors.ts';
import { NATIONAL_CODES } from '../core/levels.ts';
import type { Taxonomy } from '../core/taxonomy.ts';
import type {
  AreaMission,
  MissionIndicator as IndicatorResult,
  MissionList,
  MissionReport,
} from '../contract/missions.ts';
import type { SeriesRow } from '../contract/registry.ts';
import { rollUp } from '../models/missions/rollup.ts';
import { missionSchema, type Mission, type MissionIndicator } from '../models/missions/schema.ts';
import { indicatorStatus, missionTrack, type Point } from '../models/missions/status.ts';
import type { Ctx } from './context.ts';
import { DataFileError, readDataFile, validateFile, type ParsedFile } from './data-file.ts';
import { lads2023, ladPopulation } from './geography.ts';
import { indicatorSeries, type Series } from './indicator-series.ts';
import type { Registry, RegistryEntry } from './registry.ts';
import { byArea } from './verdicts.ts';

export type { Mission } from '../models/missions/schema.ts';

/** Where the example missions live (each marked EXAMPLE: a user replaces them). */
export const EXAMPLE_MISSIONS_DIR = new URL('../../data/missions/examples/', import.meta.url).pathname;

/** The example missions by id (file name without extension). */
export function exampleMissions(): { id: string; path: string }[] {
  return readdirSync(EXAMPLE_MISSIONS_DIR)
    .filter((f) => /\.(ya?ml|json)$/.test(f))
    .sort()
    .map((f) => ({ id: f.replace(/\.(ya?ml|json)$/, ''), path: EXAMPLE_MISSIONS_DIR + f }));
}

/** The example missions with their titles and goals. */
export function missionList(): MissionList {
  const missions = exampleMissions().map((m) => {
    const v = readDataFile(m.path).value as { title?: string; goal?: string };
    return { id: m.id, title: v.title ?? m.id, goal: v.goal ?? '', example: true };
  });
  return { missions };
}

/** An example mission file by id, or a 404-style error listing those that exist. */
export function exampleMission(id: string): ParsedFile {
  const m = exampleMissions().find((x) => x.id === id);
  if (!m)
    throw notFound(
      `example mission (${exampleMissions()
        .map((x) => x.id)
        .join(', ')})`,
      id,
    );
  return readDataFile(m.path, `data/missions/examples/${m.path.split('/').at(-1)}`);
}

/** Validates a mission file against its schema and the registry; errors name the path in the file. */
export function loadMission(registry: Registry, file: ParsedFile): Mission {
  const lookup = (id: string) => registry.indicators.find((e) => e.id === id);
  return validateFile(file, missionSchema(lookup));
}

/** A mission checked against the registry and the store, with its indicators' series. */
interface Prepared {
  file: ParsedFile;
  m: Mission;
  entries: RegistryEntry[];
  series: Series[];
}

async function prepare(ctx: Ctx, taxonomy: Taxonomy, file: ParsedFile): Promise<Prepared> {
  const registry = await ctx.registry();
  const m = loadMission(registry, file);
  const entries = m.indicators.map((i) => registry.indicators.find((e) => e.id === i.id)!);
  const series = await Promise.all(m.indicators.map((i) => indicatorSeries(ctx, i.id, taxonomy, 'lad')));
  checkBaselines(file, m, series);
  return { file, m, entries, series };
}

function describe({ m, file }: Prepared): MissionReport['mission'] {
  return {
    id: m.id,
    title: m.title,
    goal: m.goal,
    example: m.example,
    source: file.name,
    statusRule: statusRuleText(m),
  };
}

/** Status of a mission for every LAD and for the nation, with the roll-up of local status to national. */
export async function missionStatus(
  ctx: Ctx,
  taxonomy: Taxonomy,
  file: ParsedFile,
  opts: { area?: string } = {},
): Promise<MissionReport> {
  const p = await prepare(ctx, taxonomy, file);
  const { m, entries, series } = p;
  const lads = await lads2023(ctx);
  if (opts.area && !lads.some((l) => l.areacd === opts.area))
    throw notFound('local authority (April 2023 code)', opts.area);
  const pop = await ladPopulation(ctx);
  const byAreas = series.map((s) => byArea(s.rows));
  const areas = lads.map((l) => areaMission(m, entries, byAreas, l.areacd, l.areanm));
  const weight = (code: string) => (m.rollup.weight === 'equal' ? 1 : (pop.all.get(code) ?? 0));
  const rollup = rollUp(
    areas.map((a) => ({
      areacd: a.areacd,
      weight: weight(a.areacd),
      track: a.track,
      indicators: a.indicators,
    })),
    m.indicators.map((i) => i.id),
  );
  const national = nationalMission(m, entries, series);
  return {
    mission: describe(p),
    areas: opts.area ? areas.filter((a) => a.areacd === opts.area) : areas,
    national,
    rollup: { ...rollup, weight: m.rollup.weight === 'equal' ? 'equal' : `population (${pop.source})` },
    notes: [
      ...(m.example ? ['EXAMPLE mission shipped with Strata: replace it with your own.'] : []),
      'not-yet-measurable: the latest value is from the baseline year; no-data: no baseline or no value for the area.',
      'pOnTrack reads the 95% interval as normal; confidence is clear when the whole interval lies on one side of the trajectory.',
    ],
  };
}

/**
 * A mission's description and the status of one area alone (`K02000001`: the nation's; an area
 * that is no April 2023 district: none), without the other districts or the roll-up; it fails
 * where missionStatus fails, and its status equals that area's there.
 */
export async function missionStatusOf(
  ctx: Ctx,
  taxonomy: Taxonomy,
  file: ParsedFile,
  code: string,
): Promise<{ mission: MissionReport['mission']; status: AreaMission | null }> {
  const p = await prepare(ctx, taxonomy, file);
  const lads = await lads2023(ctx);
  await ladPopulation(ctx);
  const lad = lads.find((l) => l.areacd === code);
  const status =
    code === 'K02000001'
      ? nationalMission(p.m, p.entries, p.series)
      : lad
        ? areaMission(
            p.m,
            p.entries,
            p.series.map((s) => byArea(s.rows.filter((r) => r.areacd === code))),
            code,
            lad.areanm,
          )
        : null;
  return { mission: describe(p), status };
}

function rowsToPoints(rows: readonly SeriesRow[] | undefined): Point[] {
  const byYear = new Map<number, SeriesRow>();
  for (const r of rows ?? [])
    if (r.value !== null && (byYear.get(r.year)?.period ?? '') <= r.period) byYear.set(r.year, r);
  return [...byYear.values()].map((r) => ({
    year: r.year,
    value: r.value!,
    ...(r.lci95 !== null ? { lower: r.lci95 } : {}),
    ...(r.uci95 !== null ? { upper: r.uci95 } : {}),
  }));
}

// `byAreas[j]`: indicator j's rows by area, so each area's rows are found without scanning every row.
function areaMission(
  m: Mission,
  entries: RegistryEntry[],
  byAreas: Map<string, SeriesRow[]>[],
  code: string,
  name: string,
): AreaMission {
  const indicators = m.indicators.map((ind, j) => {
    const local = m.areas?.[code]?.[ind.id];
    const spec = { ...ind, baseline: local?.baseline ?? ind.baseline, target: local?.target ?? ind.target };
    return result(spec, entries[j]!, byAreas[j]!.get(code) ?? []);
  });
  return { areacd: code, areanm: name, track: missionTrack(indicators, m.status), indicators };
}

function result(ind: MissionIndicator, e: RegistryEntry, rows: readonly SeriesRow[]): IndicatorResult {
  const polarity = ind.direction ?? (e.polarity as 'higher-is-better' | 'lower-is-better');
  return {
    ...indicatorStatus(rowsToPoints(rows), ind, polarity),
    rule: ruleText(ind, polarity),
    unit: e.unit,
  };
}

// The nation: each indicator's widest national figure (UK, else GB, E&W or England), named per indicator.
function nationalMission(m: Mission, entries: RegistryEntry[], series: Series[]): AreaMission {
  const names: string[] = [];
  const indicators = m.indicators.map((ind, j) => {
    const code = NATIONAL_CODES.find((c) => series[j]!.rows.some((r) => r.areacd === c && r.value !== null));
    const rows = code ? series[j]!.rows.filter((r) => r.areacd === code) : [];
    if (code) names.push(`${rows[0]!.areanm} for ${ind.id}`);
    return result(ind, entries[j]!, rows);
  });
  const allUk = names.every((n) => n.startsWith('United Kingdom'));
  return {
    areacd: 'K02000001',
    areanm: allUk
      ? 'United Kingdom'
      : `National (${names.filter((n) => !n.startsWith('United Kingdom')).join('; ')})`,
    track: missionTrack(indicators, m.status),
    indicators,
  };
}

function checkBaselines(file: ParsedFile, m: Mission, series: Series[]): void {
  const issues = m.indicators.flatMap((ind, j) => {
    if (ind.baseline.value !== undefined) return [];
    const years = [
      ...new Set(series[j]!.rows.filter((r) => r.level === 'lad' && r.value !== null).map((r) => r.year)),
    ].sort();
    if (years.includes(ind.baseline.year)) return [];
    const at = file.locate(['indicators', j, 'baseline', 'year']);
    return [
      {
        path: `indicators.${j}.baseline.year`,
        line: at?.line ?? null,
        column: at?.column ?? null,
        message: `no values of ${ind.id} in ${ind.baseline.year} (years ${years[0] ?? '–'}–${years.at(-1) ?? '–'})`,
      },
    ];
  });
  if (issues.length) throw new DataFileError(file.name, issues);
}

/** The declared rule of one indicator, in words. */
export function ruleText(ind: MissionIndicator, polarity: string): string {
  const t = ind.target;
  const goal =
    t.value !== undefined
      ? `${t.value} ${ind.unit}`
      : t.change !== undefined
        ? `${t.change >= 0 ? '+' : ''}${Math.round(t.change * 1000) / 10}% on the baseline`
        : `${t.by! >= 0 ? '+' : ''}${t.by} ${ind.unit} on the baseline`;
  const base =
    ind.baseline.value !== undefined
      ? `${ind.baseline.value} ${ind.unit} in ${ind.baseline.year}`
      : `each area's ${ind.baseline.year} value`;
  const tol = `tolerance ${Math.round(ind.tolerance * 1000) / 10}%`;
  return ind.rule === 'trajectory'
    ? `linear trajectory from ${base} to ${goal} by ${t.year} (${polarity}, ${tol})`
    : `target met: ${goal} by ${t.year} (${polarity}, ${tol})`;
}

function statusRuleText(m: Mission): string {
  switch (m.status.rule) {
    case 'all':
      return 'on track when every indicator with a verdict is on track';
    case 'majority':
      return 'on track when most indicators with a verdict are on track';
    case 'share':
      return `on track when at least ${m.status.share * 100}% of indicators with a verdict are on track`;
  }
  throw new Error(`invalid mission status rule: ${(m.status as { rule: unknown }).rule}`);
}
