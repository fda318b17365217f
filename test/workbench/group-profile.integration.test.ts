import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loadTaxonomy, type Workbench } from '../../src/workbench.ts';
import { groupFromList } from '../../src/workbench/area-group.ts';
import { DataFileError, parseText } from '../../src/workbench/data-file.ts';
import { groupProfile } from '../../src/workbench/group-profile.ts';
import { layerRows, layersAll } from '../../src/workbench/layers.ts';
import { areaProfile } from '../../src/workbench/profile.ts';
import { packWorkbench } from '../helpers/pack.ts';

let wb: Workbench;
before(async () => (wb = await packWorkbench()));
after(() => wb.close());

const TEES_VALLEY = ['E06000001', 'E06000002', 'E06000003', 'E06000004', 'E06000005'];
const close = (a: number, b: number, what: string) =>
  assert.ok(Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b)), `${what}: ${a} vs ${b}`);

describe('custom area groups on the real pack', () => {
  it('the five Tees Valley boroughs as a group equal the Tees Valley combined authority profile', async () => {
    const t = await loadTaxonomy();
    // listed in another order than the authority's, to show the order does not matter
    const areas = [...TEES_VALLEY].reverse();
    const [g, ca] = await Promise.all([
      groupProfile(wb, groupFromList(areas, 'Five Tees Valley boroughs'), t),
      areaProfile(wb, 'E47000006', t),
    ]);
    assert.equal(g.layers.rows.length, ca.layers.rows.length);
    g.layers.rows.forEach((r, k) => {
      const c = ca.layers.rows[k]!;
      assert.equal(`${r.year} ${r.layer}`, `${c.year} ${c.layer}`);
      close(r.value, c.value, `${r.year} ${r.layer} value`);
      close(r.share, c.share, `${r.year} ${r.layer} share`);
      close(r.lq, c.lq, `${r.year} ${r.layer} lq`);
    });
    assert.deepEqual(
      g.specialisations.rows.map((r) => r.industry),
      ca.specialisations.rows.map((r) => r.industry),
    );
    g.specialisations.rows.forEach((r, k) => close(r.lq, ca.specialisations.rows[k]!.lq, `${r.industry} LQ`));
    assert.deepEqual(g.growth.years, ca.growth.years);
    g.growth.layers.forEach((l, k) => {
      const c = ca.growth.layers[k]!;
      assert.equal(l.layer, c.layer);
      l.index.forEach((x, y) => close(x, c.index[y]!, `${l.layer} index ${g.growth.years[y]}`));
    });
    assert.equal(g.area.areanm, 'Five Tees Valley boroughs');
    assert.equal(g.group.derived, true);
    assert.deepEqual(g.area.region?.areanm, 'North East');
    assert.deepEqual(
      g.group.members.map((m) => m.areanm),
      ['Darlington', 'Stockton-on-Tees', 'Redcar and Cleveland', 'Middlesbrough', 'Hartlepool'],
    );
  });

  it('a layer value is the sum of the members and a share is of the summed GVA, not a mean of shares', async () => {
    const t = await loadTaxonomy();
    const lad = await layersAll(wb, 'lad', 'gva_cp', t);
    const g = await groupProfile(wb, groupFromList(['E06000001', 'E06000004'], 'Two'), t);
    const year = g.layers.years.at(-1)!;
    const members = layerRows(lad, year).filter((r) => ['E06000001', 'E06000004'].includes(r.areacd));
    const total = members.reduce((s, r) => s + r.value, 0);
    for (const r of g.layers.rows.filter((x) => x.year === year)) {
      const parts = members.filter((x) => x.layer === r.layer);
      close(
        r.value,
        parts.reduce((s, x) => s + x.value, 0),
        r.layer,
      );
      close(r.share, r.value / total, `${r.layer} share`);
    }
  });

  it('England sits beside the UK: England a share of English districts, the UK of all, LQ of the UK 1', async () => {
    const t = await loadTaxonomy();
    const lad = await layersAll(wb, 'lad', 'gva_cp', t);
    const g = await groupProfile(wb, groupFromList(TEES_VALLEY, 'Tees'), t);
    const year = g.comparators.year;
    const rows = layerRows(lad, year);
    const england = rows.filter((r) => /^E0[6-9]/.test(r.areacd));
    const eTotal = england.reduce((s, r) => s + r.value, 0);
    for (const layer of new Set(rows.map((r) => r.layer))) {
      const e = g.comparators.rows.find((r) => r.layer === layer && r.areacd === 'E92000001')!;
      const uk = g.comparators.rows.find((r) => r.layer === layer && r.areacd === 'K02000001')!;
      const eLayer = england.filter((r) => r.layer === layer).reduce((s, r) => s + r.value, 0);
      close(e.value, eLayer, `England ${layer}`);
      close(e.share, eLayer / eTotal, `England ${layer} share`);
      close(uk.lq, 1, `UK ${layer} LQ`);
      assert.ok(uk.sinceStart !== null && Number.isFinite(uk.sinceStart));
    }
    // the group's comparator row is its own profile's latest row
    const own = g.layers.rows.find((r) => r.year === year && r.layer === 'tradeable')!;
    const row = g.comparators.rows.find((r) => r.areacd === 'group' && r.layer === 'tradeable')!;
    close(row.share, own.share, 'group share');
  });

  it('ITL areas of one level sum too: TLC11 and TLC12 as a group are the sums of the two ITL3 areas', async () => {
    const t = await loadTaxonomy();
    const itl3 = await layersAll(wb, 'itl3', 'gva_cp', t);
    const g = await groupProfile(wb, groupFromList(['TLC11', 'TLC12'], 'Tees and Durham'), t);
    const year = g.layers.years.at(-1)!;
    const parts = layerRows(itl3, year).filter((r) => r.areacd === 'TLC11' || r.areacd === 'TLC12');
    for (const r of g.layers.rows.filter((x) => x.year === year))
      close(
        r.value,
        parts.filter((x) => x.layer === r.layer).reduce((s, x) => s + x.value, 0),
        r.layer,
      );
    assert.equal(g.group.base, 'itl3');
  });

  it('refuses unknown codes, mixed levels, overlaps, duplicates and too many areas, naming each', async () => {
    const t = await loadTaxonomy();
    const refused = async (text: string, pattern: RegExp) => {
      await assert.rejects(groupProfile(wb, parseText(text, 'coastal.yaml'), t), (e: unknown) => {
        assert.ok(e instanceof DataFileError, String(e));
        assert.match(e.message, pattern);
        return true;
      });
    };
    await refused(
      'name: Coast\nareas:\n  - E06000001\n  - E06009999\n',
      /coastal\.yaml:4:5: areas\.1: unknown local authority district .*E06009999/,
    );
    await refused('name: Mixed\nareas: [E06000001, TLC11]\n', /areas\.1: mixed levels: TLC11 is itl3/);
    await refused(
      'name: Overlap\nareas:\n  - E47000006\n  - E06000005\n',
      /coastal\.yaml:4:5: areas\.1: overlapping areas: E06000005 and E47000006 .*Darlington/,
    );
    await refused(
      'name: Twice\nareas:\n  - E06000001\n  - E06000004\n  - E06000001\n',
      /coastal\.yaml:5:5: areas\.2: duplicate area E06000001 \(also areas\.0\)/,
    );
    const many = Array.from({ length: 121 }, (_, k) => `E0700${String(k).padStart(4, '0')}`);
    await refused(`name: Many\nareas: [${many.join(', ')}]\n`, /areas: a group holds at most 120 areas/);
    await refused('name: Extra\nareas: [E06000001, E06000004]\ncolour: red\n', /Unrecognized key.*colour/);
    await refused('areas: [E06000001, E06000004]\n', /name: .*missing/);
  });
});
