// `strata report` on the data pack: one self-contained HTML file, the same bytes when built again;
// `--all` for some levels: one file per area and an index linking each, every file the bytes the
// area's report has alone; the arguments that do not go together refused.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { strata as run } from '../../helpers/cli.ts';
import { packWorkbench } from '../../helpers/pack.ts';

const dir = mkdtempSync(join(tmpdir(), 'strata-cli-report-'));
const strata = (...args: string[]) => run(['--civic', `sqlite:${join(dir, 'civic.sqlite')}`, ...args]);
before(async () => (await packWorkbench()).close());
after(() => rmSync(dir, { recursive: true, force: true }));

describe('strata report', () => {
  it('writes one HTML file per area, byte-identical when built again', async () => {
    const first = await strata('report', 'E06000001', '--as-of', '2026-01-01', '--out', join(dir, 'a'));
    assert.equal(first.code, 0, first.err);
    const second = await strata('report', 'E06000001', '--as-of', '2026-01-01', '--out', join(dir, 'b'));
    assert.equal(second.code, 0, second.err);
    const a = readFileSync(join(dir, 'a', 'E06000001.html'), 'utf8');
    assert.equal(readFileSync(join(dir, 'b', 'E06000001.html'), 'utf8'), a);
    assert.match(a, /<h1>Hartlepool<\/h1>/);
    assert.match(a, /No commitments for this area are in the register/);
  });

  it('refuses a date that is not a calendar date', async () => {
    const r = await strata('report', 'uk', '--as-of', '2026-02-30');
    assert.equal(r.code, 2);
    assert.match(r.err, /invalid as-of date: 2026-02-30/);
  });

  it('--all writes every area’s report at the levels asked, each the bytes of its own build, and an index', async () => {
    const out = join(dir, 'all');
    const r = await strata('report', '--all', '--levels', 'uk,itl1', '--as-of', '2026-01-01', '--out', out);
    assert.equal(r.code, 0, r.err);
    const files = readdirSync(out).sort();
    // the UK and the twelve ITL1 regions
    assert.equal(files.length, 1 + 13);
    assert.ok(files.includes('index.html') && files.includes('uk.html') && files.includes('TLC.html'));
    const index = readFileSync(join(out, 'index.html'), 'utf8');
    const linked = [...index.matchAll(/href="([^"]+)"/g)].map((m) => m[1]).sort();
    assert.deepEqual(
      linked,
      files.filter((f) => f !== 'index.html'),
    );
    assert.match(index, /<h2 id="itl1-h">ITL1 regions<\/h2>/);
    assert.match(r.err, /wrote 13 reports and index.html/);
    for (const [file, area] of [
      ['uk.html', 'uk'],
      ['TLC.html', 'TLC'],
    ] as const) {
      const alone = await strata('report', area, '--as-of', '2026-01-01');
      assert.equal(alone.code, 0, alone.err);
      assert.equal(readFileSync(join(out, file), 'utf8'), alone.out, file);
    }
  });

  it('refuses --all without --out, an area with --all, no area, and an unknown level', async () => {
    for (const [args, message] of [
      [['--all'], /--all writes one file per area: give --out DIR/],
      [['uk', '--all', '--out', join(dir, 'x')], /give an area or --all, not both/],
      [[], /give an area/],
      [['--all', '--levels', 'itl1,ward', '--out', join(dir, 'x')], /invalid report level: ward/],
      [['uk', '--levels', 'itl1'], /--levels goes with --all/],
    ] as const) {
      const r = await strata('report', ...args);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.err, message);
    }
  });
});
