// What one request to the scenario routes may ask for: a bounded number of draws, interventions
// and area codes, and no file on the server's disk (floors files, mission files). A request past a
// cap is refused before any work, naming the field and the cap; the CLI has no such caps.
import { exampleMissions } from '../../workbench/missions.ts';
import { HttpError } from '../errors.ts';

export const SCENARIO_CAPS = {
  /** Monte Carlo draws per scenario. */
  draws: 2000,
  /** Interventions per scenario (the exact portfolio stays exact well within this). */
  interventions: 40,
  /** Area codes over all interventions; `all` counts as every local authority. */
  areas: 400,
};

/** Local authorities `area: all` stands for, counted against the area cap. */
const ALL_AREAS = 361;

function refuse(field: string, message: string): never {
  throw new HttpError(400, 'bad_request', `invalid ${field}: ${message}`, { field });
}

type Raw = Record<string, unknown> | null | undefined;
const obj = (v: unknown): Raw => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Raw) : null);

/** Checks a posted scenario (at `at` in the body) against the caps; the schema checks the rest after. */
export function checkScenarioCaps(value: unknown, at: string, draws?: number): void {
  const s = obj(value);
  if (!s) return;
  const appraisal = obj(s['appraisal']);
  const d = draws ?? appraisal?.['draws'];
  if (typeof d === 'number' && d > SCENARIO_CAPS.draws)
    refuse(`${at}appraisal.draws`, `${d} (at most ${SCENARIO_CAPS.draws} through the API)`);
  if (appraisal && appraisal['floors'] !== undefined)
    refuse(`${at}appraisal.floors`, 'a floors file is read from disk: the API uses the default floors');
  const missions = Array.isArray(s['missions']) ? s['missions'] : [];
  const ids = new Set(exampleMissions().map((m) => m.id));
  missions.forEach((m, k) => {
    if (typeof m === 'string' && !ids.has(m))
      refuse(`${at}missions.${k}`, `${m} (the API takes the example missions: ${[...ids].join(', ')})`);
  });
  const ivs = Array.isArray(s['interventions']) ? s['interventions'] : [];
  if (ivs.length > SCENARIO_CAPS.interventions)
    refuse(
      `${at}interventions`,
      `${ivs.length} interventions (at most ${SCENARIO_CAPS.interventions} through the API)`,
    );
  let areas = 0;
  for (const iv of ivs) {
    const area = obj(iv)?.['area'];
    areas += area === 'all' ? ALL_AREAS : Array.isArray(area) ? area.length : 1;
  }
  if (areas > SCENARIO_CAPS.areas)
    refuse(
      `${at}interventions`,
      `${areas} area codes in all (at most ${SCENARIO_CAPS.areas} through the API)`,
    );
}
