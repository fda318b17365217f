// The report's sections from Strata's other lenses: each example mission's status (districts, and
// the nation for the UK), the default entitlement floors (a district's rows, the national summary
// for the UK) and local gender pay gaps. A batch computes them once for every area and cuts them
// per area; one area's report computes only what that area shows (its own mission status, not
// every district's and the roll-up; the floors without the need ranking; its own pay gaps), and
// gets the same sections. A lens whose data the store lacks leaves its section saying so, not the
// report failing.
import { UsageError } from '../core/errors.ts';
import type { Taxonomy } from '../core/taxonomy.ts';
import type { GenderReport } from '../contract/gender.ts';
import type { MissionReport } from '../contract/missions.ts';
import type { ReportEntitlements, ReportGender, ReportMission } from '../contract/reports.ts';
import type { Ctx } from './context.ts';
import { defaultFloors, floorRowList, floorRowsOf, type FloorRows } from './entitlements.ts';
import { localGapsOf } from './gender.ts';
import { exampleMission, exampleMissions, missionStatus, missionStatusOf } from './missions.ts';
import { taxonomyKey } from './taxonomies.ts';

/** One area's sections from the other lenses. */
export interface AreaLenses {
  missions: ReportMission[];
  entitlements: ReportEntitlements;
  gender: ReportGender;
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

/** The default floors against every district, once per store state and taxonomy. */
function floors(ctx: Ctx, t: Taxonomy): Promise<FloorRows | string> {
  return ctx.cached(`report-floors:${taxonomyKey(t)}`, () =>
    orWhy(() => floorRowsOf(ctx, t, defaultFloors())),
  );
}

/** Every area's lenses, computed once per store state and taxonomy; cut per area. */
export async function allLenses(ctx: Ctx, t: Taxonomy): Promise<(code: string) => AreaLenses> {
  const missions: MissionReport[] = [];
  for (const m of exampleMissions()) {
    const r = await orWhy(() => missionStatus(ctx, t, exampleMission(m.id)));
    if (typeof r !== 'string') missions.push(r);
  }
  const f = await floors(ctx, t);
  const rows = typeof f === 'string' ? [] : floorRowList(f);
  const gender = await orWhy(() => localGapsOf(ctx, t));
  return (code) => ({
    missions: missions.map((r) =>
      reportMission(
        r.mission,
        code === 'K02000001' ? r.national : (r.areas.find((a) => a.areacd === code) ?? null),
      ),
    ),
    entitlements: entitlementsOf(
      f,
      rows.filter((r) => r.areacd === code),
      code,
    ),
    gender: genderOf(gender, code),
  });
}

/** One area's lenses, computed for that area alone. */
export async function areaLenses(ctx: Ctx, t: Taxonomy, code: string): Promise<AreaLenses> {
  const missions: ReportMission[] = [];
  for (const m of exampleMissions()) {
    const r = await orWhy(() => missionStatusOf(ctx, t, exampleMission(m.id), code));
    if (typeof r !== 'string') missions.push(reportMission(r.mission, r.status));
  }
  const f = await floors(ctx, t);
  const lad = typeof f === 'string' ? -1 : f.lads.findIndex((l) => l.areacd === code);
  const rows = typeof f === 'string' || lad < 0 ? [] : f.perFloor.map((p) => p.rows[lad]!);
  return {
    missions,
    entitlements: entitlementsOf(f, rows, code),
    gender: genderOf(await orWhy(() => localGapsOf(ctx, t, [code])), code),
  };
}

function reportMission(m: MissionReport['mission'], status: ReportMission['status']): ReportMission {
  return { id: m.id, title: m.title, example: m.example, source: m.source, statusRule: m.statusRule, status };
}

/** The entitlement rows of one district, or the national summary for the UK. */
function entitlementsOf(
  f: FloorRows | string,
  rows: ReportEntitlements['rows'],
  code: string,
): ReportEntitlements {
  if (typeof f === 'string') return { title: '', source: '', rows: [], summary: [], unavailable: f };
  return {
    title: f.floors.title,
    source: f.file.name,
    rows,
    summary: code === 'K02000001' ? f.perFloor.map((p) => p.summary) : [],
    unavailable: null,
  };
}

/** The local gender pay gaps of one district. */
function genderOf(g: GenderReport['local'] | string, code: string): ReportGender {
  if (typeof g === 'string') return { period: '', source: '', rows: [], unavailable: g };
  return {
    period: g.period,
    source: g.source,
    rows: g.rows.filter((r) => r.areacd === code),
    unavailable: null,
  };
}
