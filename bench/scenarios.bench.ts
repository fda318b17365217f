// Scenario lab: 1,000 scenarios, each spread over all 361 local authorities, appraised with
// bands in every one of them and in total (the per-area regional models at the seven δ values of
// the band, the gross response of each intervention, every goal in every draw, its 5–95 % points),
// on 2 threads; and the frontier with the exact portfolio over 40 candidates. numpy does the same
// per-area work on the same inputs and the same draws (bench/baselines/scenarios_numpy.py) in the
// same run; the bench checks both give the same figures, then prints times, ratios and targets.
// STRATA_BENCH_SCENARIOS, STRATA_BENCH_DRAWS and STRATA_BENCH_WORKERS change the sizes.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cell, type Appraisal } from '../src/models/scenarios/assemble.ts';
import { deltaDraws, ivDraws } from '../src/models/scenarios/prepare-draws.ts';
import { fromValue } from '../src/workbench/data-file.ts';
import { appraiseScenarios, prepareScenario, type PreparedScenario } from '../src/workbench/scenarios.ts';
import { CHANNEL } from '../src/models/scenarios/channels.ts';
import { createRandom } from '../src/models/random.ts';
import { packWorkbench } from '../test/helpers/pack.ts';
import { python } from './python.ts';

const SCENARIOS = Number(process.env.STRATA_BENCH_SCENARIOS ?? 1000);
const DRAWS = Number(process.env.STRATA_BENCH_DRAWS ?? 200);
const WORKERS = Number(process.env.STRATA_BENCH_WORKERS ?? 2);
const COMPARE = 3;
const SECTORS = [
  'advanced-manufacturing',
  'creative-industries',
  'financial-services',
  'life-sciences',
  'professional-and-business-services',
];
const INDUSTRIES = ['Q87', 'Q86', 'C29', 'F41, F42  & F43', 'J62', 'I56', 'H49', 'C10', 'M71', 'P85'];

/** Scenario s: one or two demand interventions over every LAD, with additionality ranges. */
function scenarioValue(s: number) {
  const r = createRandom(s + 1);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r.uniform() * xs.length)]!;
  const iv = (k: number) => {
    const kind = r.uniform();
    const target =
      kind < 0.5
        ? { industry: pick(INDUSTRIES) }
        : kind < 0.8
          ? { sector: pick(SECTORS) }
          : { horizontal: 'output' };
    const low = Math.round(r.uniform() * 20) / 100;
    return {
      id: `i${k}`,
      kind: 'demand',
      area: 'all',
      target,
      cost: { perYear: Math.round(1e7 + r.uniform() * 1e9) },
      timing: { start: 2026, years: 1 + Math.floor(r.uniform() * 10) },
      additionality: {
        leakage: { value: low + 0.05, range: [low, low + 0.2], source: 'bench' },
        displacement: { value: 0.25, range: [0, 0.5], distribution: 'uniform', source: 'bench' },
      },
    };
  };
  const ivs = r.uniform() < 0.5 ? [iv(0)] : [iv(0), iv(1)];
  return {
    id: `s${s}`,
    title: `Scenario ${s}`,
    appraisal: { draws: DRAWS, seed: 1 },
    model: { type: 1 },
    interventions: ivs,
  };
}

function candidates(n: number) {
  const lads = [
    'E06000001',
    'E06000002',
    'E06000003',
    'E06000004',
    'E06000005',
    'E08000003',
    'E08000025',
    'E09000033',
  ];
  return {
    id: 'candidates',
    title: `${n} candidates`,
    appraisal: { draws: 1000, seed: 1 },
    interventions: Array.from({ length: n }, (_, k) => ({
      id: `c${k}`,
      kind: k % 5 === 4 ? 'productivity' : 'demand',
      area: lads[k % lads.length],
      target:
        k % 5 === 4
          ? { sector: SECTORS[k % SECTORS.length] }
          : { industry: INDUSTRIES[k % INDUSTRIES.length] },
      ...(k % 5 === 4 ? { rise: { value: 0.05 + (k % 3) * 0.05, source: 'bench' } } : {}),
      cost: { perYear: 1e7 * (1 + (k % 7)) },
      timing: { start: 2026, years: 3 },
      additionality: { leakage: { value: 0.1, range: [0, 0.3], source: 'bench' } },
    })),
  };
}

const f64 = (a: ArrayLike<number>) => Buffer.from(Float64Array.from(a).buffer);

/** The inputs numpy needs, written as raw float64 files and meta.json. */
function writeInputs(dir: string, ps: PreparedScenario[]) {
  const p = ps[0]!;
  const nm = p.national.ctx.national;
  const nat = p.national.nat;
  const ivs: { amount: number; annuity: number; costc: number }[] = [];
  const weights: number[] = [];
  const u: number[] = [];
  const uc: number[] = [];
  const cost: number[] = [];
  const scenarios = ps.map((q) => {
    const m = q.scenario.model;
    const delta = deltaDraws(q.nodes, m.delta, m.band, DRAWS, 1);
    return {
      ivs: q.ivs.map((iv) => {
        const d = ivDraws(iv, delta, DRAWS, 1);
        if (iv.kind !== 'demand') throw new Error('bench scenarios are demand only');
        ivs.push({ amount: iv.amount, annuity: iv.annuity, costc: d.costc });
        weights.push(...iv.target.weights);
        u.push(...d.u);
        uc.push(...d.uc);
        cost.push(...d.cost);
        return ivs.length - 1;
      }),
    };
  });
  const files: Record<string, ArrayLike<number>> = {
    a: nm.a,
    output: nm.output,
    size: p.areas.sizes.size,
    rows: nat.rows,
    nationBase: nat.baseline,
    weights,
    u,
    uc,
    cost,
  };
  for (const [k, v] of Object.entries(files)) writeFileSync(join(dir, `${k}.f64`), f64(v));
  writeFileSync(
    join(dir, 'meta.json'),
    JSON.stringify({
      n: nat.n,
      areas: p.areas.sizes.areas.length,
      nodes: p.nodes,
      io: nat.layout.io,
      m: nat.layout.m,
      layers: nat.layout.layers.length,
      supply: nat.layout.supply,
      channel: CHANNEL,
      draws: DRAWS,
      ivs,
      scenarios,
      compare: COMPARE,
    }),
  );
}

/** Largest difference between Strata's and numpy's figures of one scenario, relative to each goal's scale. */
function agreement(a: Appraisal, numpy: Float64Array): number {
  const R = a.rows.length;
  const A = a.areas.length;
  const G = a.goals.length;
  let worst = 0;
  for (let k = 0; k < G; k++) {
    let scale = 0;
    for (let r = 0; r < R; r++)
      for (let at = 0; at < A; at++) scale = Math.max(scale, Math.abs(a.value[cell(a, r, at, k)]!));
    if (scale === 0) continue;
    for (const [w, arr] of [a.value, a.p05, a.p95].entries())
      for (let r = 0; r < R; r++)
        for (let at = 0; at < A; at++) {
          const x = arr[cell(a, r, at, k)]!;
          const y = numpy[((w * R + r) * A + at) * G + k]!;
          if (Number.isNaN(x) && Number.isNaN(y)) continue;
          const diff = Math.abs(x - y) / scale;
          if (!(diff <= worst)) {
            worst = Number.isNaN(diff) ? Infinity : diff;
            if (process.env.STRATA_BENCH_DEBUG)
              console.log(a.goals[k]!.id, ['value', 'p05', 'p95'][w], a.rows[r], a.areas[at], x, y);
          }
        }
  }
  return worst;
}

async function main(): Promise<void> {
  const wb = await packWorkbench();
  const taxonomy = wb.defaultTaxonomy;
  try {
    let t = performance.now();
    const ps: PreparedScenario[] = [];
    for (let s = 0; s < SCENARIOS; s++)
      ps.push(await prepareScenario(wb, taxonomy, fromValue(scenarioValue(s), `s${s}.yaml`)));
    const prepareMs = performance.now() - t;
    const kept: Appraisal[] = [];
    let checksum = 0;
    t = performance.now();
    await appraiseScenarios(wb, ps, { workers: WORKERS }, (i, a) => {
      checksum += a.value[cell(a, a.rows.length - 1, a.areas.length - 1, 0)]!;
      if (i < COMPARE) kept[i] = a;
    });
    const appraiseMs = performance.now() - t;
    const rows = kept[0]!.areas.length * SCENARIOS;
    const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
    // Strata's figures first, as soon as they are measured: the baseline takes minutes.
    console.log(
      `${SCENARIOS} scenarios × ${kept[0]!.areas.length - 1} LADs (+ UK total), ${DRAWS} draws, ${WORKERS} threads: ${rows.toLocaleString('en-GB')} area appraisals with bands`,
    );
    console.log(`  compile the scenario files              ${s(prepareMs)}`);
    console.log(
      `  area models + appraisal (Strata)        ${s(appraiseMs)}   target < 10 s ${appraiseMs + prepareMs < 10000 ? 'met' : 'NOT met'} (with compiling: ${s(appraiseMs + prepareMs)})`,
    );

    t = performance.now();
    const frontier = await wb.scenarioFrontier(fromValue(candidates(40), 'candidates.yaml'), {
      x: 'jobs',
      y: 'gva_per_job',
      budget: 2e9,
    });
    const frontierMs = performance.now() - t;
    console.log(
      `frontier + exact portfolio over 40 candidates (appraisal with 1,000 draws included): ${s(frontierMs)}   target < 2 s ${frontierMs < 2000 ? 'met' : 'NOT met'} (${frontier.portfolio!.method}, exact ${frontier.portfolio!.exact}, chose ${frontier.portfolio!.chosen.length})`,
    );

    const dir = mkdtempSync(join(tmpdir(), 'strata-scenarios-bench-'));
    let numpy: { models: number; appraise: number };
    const worst: number[] = [];
    try {
      writeInputs(dir, ps);
      console.log('numpy baseline running…');
      const res = spawnSync(python('numpy'), ['bench/baselines/scenarios_numpy.py', dir], {
        encoding: 'utf8',
        maxBuffer: 1 << 26,
        env: { ...process.env, OPENBLAS_NUM_THREADS: '1', OMP_NUM_THREADS: '1', MKL_NUM_THREADS: '1' },
      });
      if (res.status !== 0) throw new Error(`numpy baseline failed:\n${res.stderr}`);
      numpy = JSON.parse(res.stdout) as { models: number; appraise: number };
      for (let k = 0; k < COMPARE; k++) {
        const b = readFileSync(join(dir, `numpy-${k}.f64`));
        worst.push(agreement(kept[k]!, new Float64Array(b.buffer, b.byteOffset, b.byteLength / 8)));
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }

    const numpyMs = (numpy.models + numpy.appraise) * 1000;
    console.log(
      `  the same per-area work (numpy, 1 thread) ${s(numpyMs)}   (models ${s(numpy.models * 1000)}, appraisal ${s(numpy.appraise * 1000)})`,
    );
    console.log(
      `  ratio numpy ÷ Strata                    ${(numpyMs / appraiseMs).toFixed(2)}× (Strata on ${WORKERS} threads, numpy on 1)`,
    );
    console.log(
      `  same figures: largest difference ${Math.max(...worst).toExponential(2)} of each goal's scale (first ${COMPARE} scenarios, every area, value and band); checksum ${checksum.toFixed(3)}`,
    );
  } finally {
    wb.close();
  }
}

await main();
