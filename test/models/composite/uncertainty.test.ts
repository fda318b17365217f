import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { leagueTable, runComposite, type CompositeData } from '../../../src/models/composite/index.ts';
import { createWorkerPool, splitRows } from '../../../src/models/composite/parallel.ts';
import { histogramQuantile } from '../../../src/models/composite/rank.ts';
import { createRandom, normal } from '../../../src/models/random.ts';

// Normalised min–max: A = (100, 0), B = (40, 40), C = (0, 100).
// Arithmetic, equal weights: A 50, B 40, C 50 → ranks A 1, B 3, C 1.
// Geometric on [1, 100]: A √(100·1) = 10, B 40.6, C 10 → ranks A 2, B 1, C 2.
const tiny: CompositeData = {
  areas: ['A', 'B', 'C'],
  indicators: ['x', 'y'],
  values: Float64Array.from([100, 0, 40, 40, 0, 100]),
};
const tinyPipeline = {
  id: 'tiny',
  indicators: [
    { id: 'x', direction: 1 },
    { id: 'y', direction: 1 },
  ],
  outliers: { method: 'none' },
  uncertainty: { runs: 1000, seed: 3, weights: { kind: 'fixed' }, normalisation: ['minmax'], sobol: true },
};

function synthetic(areas: number, indicators: number, seed: number): CompositeData {
  const rng = createRandom(seed);
  const values = new Float64Array(areas * indicators);
  for (let i = 0; i < areas; i++) {
    const common = normal(rng);
    for (let j = 0; j < indicators; j++)
      values[i * indicators + j] = Math.exp(0.4 * common + 0.5 * normal(rng));
  }
  return {
    areas: Array.from({ length: areas }, (_, i) => `E0${7000001 + i}`),
    indicators: Array.from({ length: indicators }, (_, j) => `indicator-${j + 1}`),
    values,
  };
}

describe('rank intervals', () => {
  it('reads quantiles off a rank histogram (inverse empirical CDF)', () => {
    const counts = Int32Array.from([10, 80, 10]); // ranks 1, 2, 3 of 100 runs
    assert.deepEqual(
      [0.05, 0.1, 0.5, 0.9, 0.95].map((p) => histogramQuantile(counts, 0, 3, 100, p)),
      [1, 1, 2, 2, 3],
    );
  });
  it('gives each area the ranks it can take on a hand-worked example', async () => {
    const r = await runComposite(tinyPipeline, tiny);
    assert.deepEqual([...r.ranks], [1, 3, 1]); // as declared (arithmetic)
    assert.deepEqual(r.factors, ['aggregation']);
    assert.deepEqual([...r.rankP05], [1, 1, 1]);
    assert.deepEqual([...r.rankP95], [2, 3, 2]);
    assert.ok([1, 3].includes(r.medianRank[1]!));
    // one input drives everything: its first-order and total indices are 1
    assert.ok(Math.abs(r.sobol[0]!.first - 1) < 0.05 && Math.abs(r.sobol[0]!.total - 1) < 0.05);
    assert.deepEqual(
      leagueTable(r).map((row) => [row.area, row.rank, row.rankP05, row.rankP95]),
      [
        ['A', 1, 1, 2],
        ['C', 1, 1, 2],
        ['B', 3, 1, 3],
      ],
    );
  });
  it('refuses gaps, listing them, when the declared imputation is none', async () => {
    const gappy = { ...tiny, values: Float64Array.from([100, NaN, 40, 40, 0, 100]) };
    await assert.rejects(runComposite(tinyPipeline, gappy), /missing: A y/);
  });
});

describe('a 10-indicator index over 361 areas', () => {
  const data = synthetic(361, 10, 42);
  const pipeline = {
    id: 'ten',
    indicators: data.indicators.map((id, j) => ({ id, direction: j < 7 ? 1 : -1 })),
    imputation: { method: 'mean' },
    uncertainty: { runs: 400, seed: 8 },
  };
  it('returns score, median rank, 5–95% interval per area and Sobol indices per input', async () => {
    const r = await runComposite(pipeline, data);
    assert.equal(r.scores.length, 361);
    assert.equal(r.runs, 400);
    assert.equal(r.evaluations, 200 * (3 + 2)); // N·(k + 2), k = weights, normalisation, aggregation
    assert.deepEqual(
      r.sobol.map((s) => s.input),
      ['weights', 'normalisation', 'aggregation'],
    );
    for (let i = 0; i < 361; i++) {
      assert.ok(r.rankP05[i]! <= r.medianRank[i]! && r.medianRank[i]! <= r.rankP95[i]!);
      assert.ok(r.scoreP05[i]! <= r.scoreMedian[i]! && r.scoreMedian[i]! <= r.scoreP95[i]!);
    }
    for (const s of r.sobol) assert.ok(s.total >= -0.05 && s.total <= 1.1, `${s.input} ${s.total}`);
  });
  it('gives identical results whatever the number of worker threads', async () => {
    const small = { ...pipeline, uncertainty: { runs: 120, seed: 8 } };
    const one = await runComposite(small, data);
    const two = await runComposite(small, data, { workers: 2 });
    const pool = createWorkerPool(3);
    const apart = createWorkerPool(1, { caller: false });
    try {
      const three = await runComposite(small, data, { pool });
      const workersOnly = await runComposite(small, data, { pool: apart });
      assert.equal(apart.callerBlocks, 0, 'the calling thread evaluated nothing');
      assert.ok(pool.callerBlocks > 0);
      for (const other of [two, three, workersOnly]) {
        assert.deepEqual(other.medianRank, one.medianRank);
        assert.deepEqual(other.rankP05, one.rankP05);
        assert.deepEqual(other.rankP95, one.rankP95);
        assert.deepEqual(other.scoreMedian, one.scoreMedian);
        assert.deepEqual(other.sobol, one.sobol);
      }
    } finally {
      await pool.close();
      await apart.close();
    }
  });
  it('a pool made without the caller keeps the process alive while it works, and not once done', () => {
    const models = new URL('../../../src/models/composite/', import.meta.url).href;
    const script = [
      `import { runComposite } from '${models}index.ts';`,
      `import { createWorkerPool } from '${models}parallel.ts';`,
      `const pool = createWorkerPool(1, { caller: false });`,
      `const data = ${JSON.stringify({ ...tiny, values: [...tiny.values] })};`,
      `data.values = Float64Array.from(data.values);`,
      `const pipeline = ${JSON.stringify({ ...tinyPipeline, uncertainty: { ...tinyPipeline.uncertainty, runs: 50 } })};`,
      `const r = await runComposite(pipeline, data, { pool });`,
      `process.stdout.write('ranked ' + r.medianRank.length + ', blocks on the caller ' + pool.callerBlocks);`,
    ].join('\n');
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      encoding: 'utf8',
      timeout: 30_000,
    });
    assert.equal(r.signal, null, 'the process had to be killed: an idle worker kept it alive');
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, 'ranked 3, blocks on the caller 0', 'the process ended before the work');
  });
  it('splits rows into even contiguous blocks', () => {
    assert.deepEqual(splitRows(10, 3), [
      [0, 3],
      [3, 6],
      [6, 10],
    ]);
    assert.deepEqual(splitRows(1, 2), [[0, 1]]);
  });
});
