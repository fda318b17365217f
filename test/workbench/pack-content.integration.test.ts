// The whole data pack, imported, holds exactly the content it held when these sums were taken:
// a change of spreadsheet library, CSV or Parquet reader, or of how rows reach the store must
// not change a single stored value. After a deliberate change of content (a reader version),
// review it and rewrite the sums with `STRATA_UPDATE_CONTENT=1`.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Workbench } from '../../src/workbench.ts';
import { contentChecksums } from '../helpers/content.ts';
import { packWorkbench } from '../helpers/pack.ts';

const GOLDEN = new URL('./pack-content.json', import.meta.url);

let wb: Workbench;
before(async () => {
  wb = await packWorkbench();
});
after(() => wb.close());

describe('the imported data pack', () => {
  it('holds the same content, dataset by dataset, as the recorded checksums', async () => {
    const sums = await contentChecksums(wb.store);
    if (process.env.STRATA_UPDATE_CONTENT === '1')
      writeFileSync(GOLDEN, JSON.stringify(sums, null, 2) + '\n');
    const expected = JSON.parse(readFileSync(GOLDEN, 'utf8')) as Record<string, string>;
    assert.deepEqual(sums, expected);
  });
});
