import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { UsageError } from '../../src/core/errors.ts';
import { describeError } from '../../src/cli/errors.ts';
import { flatOf, render, renderTable, resolveFormat } from '../../src/cli/output.ts';

describe('CLI output', () => {
  it('resolves --format, a table on a terminal and CSV when piped', () => {
    assert.equal(resolveFormat(undefined, true), 'table');
    assert.equal(resolveFormat(undefined, false), 'csv');
    assert.equal(resolveFormat('json', true), 'json');
  });

  it('refuses an unknown --format as a usage error: exit 2, one line', () => {
    assert.throws(() => resolveFormat('xml', true), UsageError);
    try {
      resolveFormat('xml', true);
    } catch (e) {
      assert.deepEqual(describeError(e), {
        message: 'invalid format: xml (table, csv or json)',
        exitCode: 2,
      });
    }
  });

  it('writes nested values as JSON in CSV and tables, never [object Object]', () => {
    const rows = [{ area: 'E06000001', parents: ['TLC11'], trend: { status: 'improving' } }];
    assert.equal(
      render(flatOf(rows), 'csv'),
      'area,parents,trend\nE06000001,"[""TLC11""]","{""status"":""improving""}"\n',
    );
    assert.match(render(flatOf(rows), 'table'), /\["TLC11"\]\s+\{"status":"improving"\}/);
  });

  it('groups thousands in a table but never in years, and keeps full precision in CSV', () => {
    const rows = [{ year: 2023, value: 12345.6789 }];
    assert.equal(renderTable(rows), 'year       value\n----  ----------\n2023  12,345.679\n');
    assert.equal(render(flatOf(rows), 'csv'), 'year,value\n2023,12345.6789\n');
  });
});
