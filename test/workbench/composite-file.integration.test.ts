import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loadTaxonomy, type Workbench } from '../../src/workbench.ts';
import { DataFileError, parseText, readDataFile } from '../../src/workbench/data-file.ts';
import { MissingValuesError, runCompositeFile } from '../../src/workbench/composite-file.ts';
import { packWorkbench } from '../helpers/pack.ts';

let wb: Workbench;
before(async () => {
  wb = await packWorkbench();
});
after(() => wb.close());

const taxonomy = await loadTaxonomy();
const EXAMPLE = 'data/indicators/composites/example-local-prosperity.yaml';

describe('composite index from a file on the real pack', () => {
  it('scores 361 local authorities on 10 indicators with median ranks, 5–95% intervals and Sobol indices per input', async () => {
    const r = await runCompositeFile(wb, taxonomy, readDataFile(EXAMPLE));
    assert.equal(r.rows.length, 361);
    assert.equal(r.periods.length, 10);
    assert.ok(
      r.periods.every((p) => p.period.startsWith('2023')),
      'the latest year all ten share',
    );
    for (const row of r.rows) {
      assert.ok(Number.isFinite(row.score), row.areacd);
      assert.ok(row.rankP05 <= row.medianRank && row.medianRank <= row.rankP95, row.areacd);
      assert.ok(row.rank >= 1 && row.rank <= 361);
    }
    assert.deepEqual(r.factors, ['weights', 'normalisation', 'aggregation', 'imputation']);
    assert.deepEqual(
      r.sobol.map((s) => s.input),
      r.factors,
    );
    for (const s of r.sobol) assert.ok(Number.isFinite(s.first) && Number.isFinite(s.total), s.input);
    // the gaps are filled as declared (group mean of the region) and listed
    assert.ok(
      r.imputed.length > 0 && r.imputed.every((c) => c.method === 'group-mean' || c.method === 'mean'),
    );
    assert.ok(Math.abs(r.weights.reduce((s, w) => s + w.weight, 0) - 1) < 1e-12);
  });

  it('refuses gaps when the file declares no imputation, listing every one', async () => {
    const text = readDataFile(EXAMPLE).value as Record<string, unknown>;
    const file = parseText(JSON.stringify({ ...text, imputation: { method: 'none' } }), 'none.json');
    await assert.rejects(runCompositeFile(wb, taxonomy, file), (e: unknown) => {
      assert.ok(e instanceof MissingValuesError);
      assert.ok(e.gaps.includes('E06000053 gross-median-weekly-pay'), e.gaps.slice(0, 5).join());
      assert.match(e.message, /values missing and imputation is none/);
      return true;
    });
  });

  it('names the path of an unknown indicator and refuses indicators with no common year', async () => {
    const bad = parseText(
      'id: x\nindicators:\n  - { id: gross-median-weekly-pay, direction: 1 }\n  - { id: gigabit, direction: 1 }\n',
      'bad.yaml',
    );
    await assert.rejects(runCompositeFile(wb, taxonomy, bad), (e: unknown) => {
      assert.ok(e instanceof DataFileError);
      assert.deepEqual(e.issues, [
        { path: 'indicators.1.id', line: 4, column: 11, message: 'unknown indicator: gigabit' },
      ]);
      return true;
    });
    const apart = parseText(
      'id: x\nindicators:\n  - { id: gross-median-weekly-pay, direction: 1 }\n  - { id: gigabit-capable-broadband, direction: 1 }\n',
      'apart.yaml',
    );
    await assert.rejects(runCompositeFile(wb, taxonomy, apart), /share no year/);
  });
});
