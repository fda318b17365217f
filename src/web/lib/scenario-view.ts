// The Scenario lab page's tables and map data, from the scenario answers (contract types): the
// outcome per goal with its band, the candidates on the frontier, A against B, and where the
// effects land. Pure functions, tested in Node.
import type { CompareReport, FrontierReport, ScenarioReport, ScenarioRow } from './api-types.ts';
import type { MapDatum } from './atlas.ts';
import { num } from './format.ts';
import type { Table } from './table.ts';

export const UK = 'K02000001';
const fmt = (v: string | number | null) => (typeof v === 'number' ? num(v) : v === null ? '–' : String(v));

/** The scenario's total (every intervention, every area) goal by goal. */
export function totals(r: ScenarioReport): ScenarioRow[] {
  return r.rows.filter((x) => x.intervention === 'all' && x.areacd === UK);
}

/** Outcome per goal in total with its 5–95 % band and unit. */
export function outcomeTable(r: ScenarioReport): Table {
  const goals = new Map(r.goals.map((g) => [g.id, g]));
  return {
    columns: ['goal', 'label', 'value', 'p05', 'p95', 'unit'],
    rows: totals(r).map((x) => [
      x.goal,
      goals.get(x.goal)?.label ?? x.goal,
      x.value,
      x.p05,
      x.p95,
      goals.get(x.goal)?.unit ?? '',
    ]),
    formats: [null, null, fmt, fmt, fmt, null],
  };
}

/** The goals counted in jobs (jobs, by sex, by layer), for the band chart. */
export function jobGoals(r: ScenarioReport): ScenarioRow[] {
  const units = new Map(r.goals.map((g) => [g.id, g.unit]));
  return totals(r).filter((x) => units.get(x.goal) === 'jobs' && x.value !== null);
}

/** One goal for every area the scenario reaches (and, with spillovers, every other), for the map. */
export function areaRows(r: ScenarioReport, goal: string): ScenarioRow[] {
  return r.rows.filter((x) => x.intervention === 'all' && x.goal === goal && x.areacd !== UK && /^[EWSN]\d{8}$|^TL/.test(x.areacd));
}

export function mapData(rows: ScenarioRow[], unit: string): Map<string, MapDatum> {
  const ranked = [...rows].sort((a, b) => (b.value ?? -Infinity) - (a.value ?? -Infinity));
  const rank = new Map(ranked.map((x, i) => [x.areacd, i + 1]));
  return new Map(
    rows.map((x): [string, MapDatum] => [
      x.areacd,
      {
        areacd: x.areacd,
        areanm: x.areanm,
        value: x.value,
        text: `${num(x.value)} ${unit}`,
        interval: `5–95%: ${num(x.p05)} to ${num(x.p95)} ${unit}`,
        rank: rank.get(x.areacd) ?? null,
        of: rows.length,
        extra: [],
      },
    ]),
  );
}

export function areaTable(rows: ScenarioRow[]): Table {
  const sorted = [...rows].sort((a, b) => Math.abs(b.value ?? 0) - Math.abs(a.value ?? 0));
  return {
    columns: ['areacd', 'areanm', 'value', 'p05', 'p95'],
    rows: sorted.map((x) => [x.areacd, x.areanm, x.value, x.p05, x.p95]),
    formats: [null, null, fmt, fmt, fmt],
  };
}

export function frontierTable(r: FrontierReport): Table {
  return {
    columns: ['candidate', 'kind', r.x.id, `${r.x.id}_p05`, `${r.x.id}_p95`, r.y.id, `${r.y.id}_p05`, `${r.y.id}_p95`, 'pv_cost', 'frontier', 'chosen'],
    rows: r.candidates.map((c) => [
      c.id,
      c.kind,
      c.x,
      c.xP05,
      c.xP95,
      c.y,
      c.yP05,
      c.yP95,
      c.cost,
      c.frontier ? 'yes' : 'no',
      c.chosen ? 'yes' : 'no',
    ]),
    formats: [null, null, fmt, fmt, fmt, fmt, fmt, fmt, fmt, null, null],
  };
}

export function compareTable(r: CompareReport): Table {
  return {
    columns: ['goal', 'unit', 'a', 'a_p05', 'a_p95', 'b', 'b_p05', 'b_p95', 'difference'],
    rows: r.rows.map((x) => [x.goal, x.unit, x.a, x.aP05, x.aP95, x.b, x.bP05, x.bP95, x.difference]),
    formats: [null, null, fmt, fmt, fmt, fmt, fmt, fmt, fmt],
  };
}

/** One intervention the form builds: the kinds a person can set up without writing a file. */
export interface Draft {
  id: string;
  kind: 'demand' | 'productivity';
  area: string;
  industry: string;
  perYear: number;
  years: number;
  rise: number;
}

/** The scenario file (JSON) the form's interventions make. */
export function scenarioOf(title: string, drafts: readonly Draft[], interregional: boolean, draws: number) {
  return {
    id: 'my-scenario',
    title: title || 'My scenario',
    model: { level: 'lad', interregional, type: 1 },
    appraisal: { draws, seed: 1 },
    interventions: drafts.map((d) =>
      d.kind === 'demand'
        ? {
            id: d.id,
            kind: 'demand',
            area: d.area,
            target: { industry: d.industry },
            cost: { perYear: d.perYear },
            timing: { start: 2026, years: d.years },
          }
        : {
            id: d.id,
            kind: 'productivity',
            area: d.area,
            target: { industry: d.industry },
            rise: { value: d.rise, source: 'judgement: set in the Scenario lab page' },
            cost: { perYear: d.perYear },
            timing: { start: 2026, years: d.years },
          },
    ),
  };
}
