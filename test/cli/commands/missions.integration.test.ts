import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import { strata } from '../../helpers/cli.ts';
import { packWorkbench } from '../../helpers/pack.ts';

before(async () => (await packWorkbench()).close());

describe('strata missions', () => {
  it('list names the example missions and their files', async () => {
    const r = await strata(['missions', 'list', '--format', 'csv']);
    assert.equal(r.code, 0, r.err);
    const rows = parse(r.out, { columns: true }) as Record<string, string>[];
    assert.ok(
      rows.some(
        (x) => x['id'] === 'decarbonisation' && x['file'] === 'data/missions/examples/decarbonisation.yaml',
      ),
    );
  });

  it('status names the rule in every row, national first', async () => {
    const r = await strata([
      'missions',
      'status',
      'data/missions/examples/decarbonisation.yaml',
      '--format',
      'csv',
    ]);
    assert.equal(r.code, 0, r.err);
    const rows = parse(r.out, { columns: true }) as Record<string, string>[];
    assert.equal(rows.length, 362);
    assert.equal(rows[0]!['areacd'], 'K02000001');
    assert.ok(rows.every((x) => x['rule']!.startsWith('linear trajectory from')));
  });
});
