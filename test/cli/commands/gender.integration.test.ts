import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import { strata } from '../../helpers/cli.ts';
import { packWorkbench } from '../../helpers/pack.ts';

before(async () => (await packWorkbench()).close());

describe('strata gender', () => {
  it('--view local keeps suppressed gaps as suppressed: no value, the publisher’s marker', async () => {
    const r = await strata(['gender', '--view', 'local', '--format', 'csv']);
    assert.equal(r.code, 0, r.err);
    const rows = parse(r.out, { columns: true }) as Record<string, string>[];
    assert.equal(rows.length, 361 * 12);
    const suppressed = rows.filter((x) => x['status'] === 'x');
    assert.ok(suppressed.length > 0 && suppressed.every((x) => x['value'] === ''));
    assert.match(r.err, /^note: local gaps /);
  });

  it('refuses an unknown view or statistic', async () => {
    assert.equal(
      (await strata(['gender', '--view', 'map'])).err,
      'strata: invalid view: map (layers, sizes, local or industries)\n',
    );
    assert.equal(
      (await strata(['gender', '--statistic', 'mode'])).err,
      'strata: invalid statistic: mode (median or mean)\n',
    );
  });
});
