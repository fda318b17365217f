// The report's sections from Strata's other lenses, computed once for every area and cut per
// area: each example mission's status (districts, and the nation for the UK), the default
// entitlement floors (a district's rows, the national summary for the UK) and local gender pay
// gaps. A lens whose data the store lacks leaves its section saying so, not the report failing.
// They are kept per store state, so a server answers the second report without recomputing them.
import { UsageError } from '../core/errors.ts';
import type { Taxonomy } from '../core/taxonomy.ts';
import type { EntitlementReport } from '../contract/entitlements.ts';
import type { GenderReport } from '../contract/gender.ts';
import type { MissionReport } from '../contract/missions.ts';
import type { ReportEntitlements, ReportGender, ReportMission } from '../contract/reports.ts';
import type { Ctx } from './context.ts';
import { defaultFloors, entitlements } from './entitlements.ts';
import { genderLens } from './gender.ts';
import { exampleMission, exampleMissions, missionStatus } from './missions.ts';
import { taxonomyKey } from './taxonomies.ts';

/** The lenses for every area, as computed once. */
export interface Lenses {
  missions: MissionReport[];
  entitlements: EntitlementReport | string;
  gender: GenderReport | string;
}

/** A lens's answer, or why the store cannot give it. */
async function orWhy<T>(f: () => Promise<T>): Promise<T | string> {
  try {
    return await f();
  } catch (e) {
    if (e instanceof UsageError) return e.message;
    throw e;
  }
}

/** Every lens for every area, computed once per store state and taxonomy. */
export function lenses(ctx: Ctx, t: Taxonomy): Promise<Lenses> {
  return ctx.cached(`report-lenses:${taxonomyKey(t)}`, () => computeLenses(ctx, t));
}

async function computeLenses(ctx: Ctx, t: Taxonomy): Promise<Lenses> {
  const missions: MissionReport[] = [];
  for (const m of exampleMissions()) {
    const r = await orWhy(() => missionStatus(ctx, t, exampleMission(m.id)));
    if (typeof r !== 'string') missions.push(r);
  }
  return {
    missions,
    entitlements: await orWhy(() => entitlements(ctx, t, defaultFloors())),
    gender: await orWhy(() => genderLens(ctx, t, {})),
  };
}

/** Each mission's status for `code` (`K02000001`: the nation's; ITL areas: none). */
export function missionsFor(l: Lenses, code: string): ReportMission[] {
  return l.missions.map((r) => ({
    id: r.mission.id,
    title: r.mission.title,
    example: r.mission.example,
    source: r.mission.source,
    statusRule: r.mission.statusRule,
    status: code === 'K02000001' ? r.national : (r.areas.find((a) => a.areacd === code) ?? null),
  }));
}

/** The entitlement rows of `code`, or the national summary for the UK. */
export function entitlementsFor(l: Lenses, code: string): ReportEntitlements {
  const e = l.entitlements;
  if (typeof e === 'string') return { title: '', source: '', rows: [], summary: [], unavailable: e };
  return {
    title: e.floors.title,
    source: e.floors.source,
    rows: e.rows.filter((r) => r.areacd === code),
    summary: code === 'K02000001' ? e.summary : [],
    unavailable: null,
  };
}

/** The local gender pay gaps of `code`. */
export function genderFor(l: Lenses, code: string): ReportGender {
  const g = l.gender;
  if (typeof g === 'string') return { period: '', source: '', rows: [], unavailable: g };
  return {
    period: g.local.period,
    source: g.local.source,
    rows: g.local.rows.filter((r) => r.areacd === code),
    unavailable: null,
  };
}
