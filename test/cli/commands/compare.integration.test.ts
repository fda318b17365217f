import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import { strata } from '../../helpers/cli.ts';
import { packWorkbench } from '../../helpers/pack.ts';

before(async () => (await packWorkbench()).close());

describe('strata compare', () => {
  it('writes a value and two verdicts per comparator, the neighbours in a note', async () => {
    const r = await strata([
      'compare',
      'E06000001',
      '--with',
      'E06000002,E06000003',
      '--nearest',
      '3',
      '--profile',
      'gva-per-head',
      '--indicators',
      'gross-median-weekly-pay,gva-per-head',
      '--format',
      'csv',
    ]);
    assert.equal(r.code, 0, r.err);
    const rows = parse(r.out, { columns: true }) as Record<string, string>[];
    assert.deepEqual(
      rows.map((x) => x['indicator']),
      ['gross-median-weekly-pay', 'gva-per-head'],
    );
    for (const k of ['national', 'region', 'set', 'nearest']) assert.ok(`vs_${k}_95` in rows[0]!, k);
    assert.match(r.err, /note: nearest on gva-per-head: .+ \(\d+\.\d\d\)/);
  });

  it('refuses a usage error with exit code 2 and one line', async () => {
    const r = await strata(['compare', 'E06000001', '--nearest', '5']);
    assert.equal(r.code, 2);
    assert.equal(r.err, 'strata: --nearest and --profile go together\n');
  });
});
