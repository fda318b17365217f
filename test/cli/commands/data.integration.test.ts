import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import { strata } from '../../helpers/cli.ts';
import { fixturePack } from '../../helpers/fixture-pack.ts';

let pack: string;
const dir = mkdtempSync(join(tmpdir(), 'strata-cli-data-'));
const db = join(dir, 'strata.duckdb');
before(async () => (pack = await fixturePack()));
after(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(pack, { recursive: true, force: true });
});

describe('strata data', () => {
  it('import reads every recognised file in one go; a second import finds them unchanged', async () => {
    const first = await strata(['data', 'import', pack], db);
    assert.equal(first.code, 0, first.err);
    assert.match(first.out, /^ons-gva-itl3-cp: imported [\d,]+ rows \(\d+\.\d\d s\)$/m);
    const again = await strata(['data', 'import', pack], db);
    assert.match(again.out, /^0 imported, (\d+) unchanged in /m);
  });

  it('list shows each dataset with its checksum and licence; verify re-hashes the files', async () => {
    const list = await strata(['data', 'list', '--format', 'csv'], db);
    const rows = parse(list.out, { columns: true }) as Record<string, string>[];
    const itl3 = rows.find((r) => r['source'] === 'ons-gva-itl3-cp')!;
    assert.match(itl3['sha256']!, /^[0-9a-f]{64}$/);
    assert.equal(itl3['licence'], 'Open Government Licence v3.0');
    assert.equal(itl3['current'], 'yes');
    const verify = await strata(['data', 'verify', '--format', 'csv'], db);
    assert.equal(verify.code, 0, verify.err);
    const findings = parse(verify.out, { columns: true }) as Record<string, string>[];
    assert.ok(findings.some((f) => f['check'] === 'checksum' && f['ok'] === 'ok'));
  });

  it('fetch refuses a source the catalogue does not have, before any download', async () => {
    const r = await strata(['data', 'fetch', '--source', 'no-such-source', '--dir', join(dir, 'pack')], db);
    assert.equal(r.code, 2);
    assert.equal(r.err, 'strata: unknown source: no-such-source\n');
  });
});
