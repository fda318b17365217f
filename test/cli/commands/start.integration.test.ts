import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { findPack } from '../../../src/cli/commands/start.ts';
import { strata } from '../../helpers/cli.ts';
import { packWorkbench } from '../../helpers/pack.ts';
import { PACK } from '../../helpers/source.ts';

before(async () => (await packWorkbench()).close());

describe('strata start', () => {
  it('imports the pack (already up to date here) and shows the UK’s layered economy by ITL1 region', async () => {
    const r = await strata(['start', '--pack', PACK, '--no-serve']);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /^Data pack .+: 0 imported, \d+ unchanged in [\d.]+ s\n/);
    assert.match(
      r.out,
      /The UK's layered economy, 2022: share of GVA by layer and ITL1 region \(foundational-economy-v1\)/,
    );
    const table = r.out.split('\n').filter((l) => /^\S.*\d+\.\d%$/.test(l));
    assert.equal(table.length, 12);
  });

  it('finds the pack from the flag, else STRATA_PACK, else beside the repository', () => {
    assert.equal(findPack(PACK), PACK);
    assert.equal(findPack('/no/such/folder'), process.env.STRATA_PACK ?? '../shared/data-pack');
  });
});
