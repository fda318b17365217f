// The head schedule `strata serve` is given: the key (option or environment) and the interval in
// whole minutes, refused below one minute or when the key file may be read by others.
import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { createHeadKey } from '../../../src/civic/head-key.ts';
import { headSchedule } from '../../../src/cli/commands/serve.ts';

describe('strata serve --head-key --head-interval', () => {
  const dir = mkdtempSync(join(tmpdir(), 'strata-serve-heads-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const key = join(dir, 'heads.key');
  const published = createHeadKey(key);

  it('publishes nothing without a key, hourly by default, at the interval given', () => {
    assert.equal(headSchedule({}), undefined);
    const s = headSchedule({ headKey: key })!;
    assert.deepEqual([s.intervalSeconds, s.signer.published], [3600, published]);
    assert.equal(headSchedule({ headKey: key, headInterval: '15' })!.intervalSeconds, 900);
  });

  it('refuses an interval under a quarter of an hour or not whole seconds, and a key others may read', () => {
    assert.throws(
      () => headSchedule({ headKey: key, headInterval: '0.5' }),
      /invalid head interval: 0.5 \(minutes, at least 15\)/,
    );
    assert.throws(
      () => headSchedule({ headKey: key, headInterval: '14' }),
      /invalid head interval: 14 \(minutes, at least 15\)/,
    );
    assert.throws(
      () => headSchedule({ headKey: key, headInterval: 'hourly' }),
      /invalid head interval: hourly/,
    );
    chmodSync(key, 0o644);
    assert.throws(() => headSchedule({ headKey: key }), /may be read by others \(mode 644\)/);
  });
});
