import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loadTaxonomy, type Workbench } from '../../src/workbench.ts';
import { areaProfile } from '../../src/workbench/profile.ts';
import { packWorkbench } from '../helpers/pack.ts';

let wb: Workbench;
before(async () => (wb = await packWorkbench()));
after(() => wb.close());

describe('explaining extreme figures on the real pack (Darlington)', () => {
  it('industry contributions add up to each layer’s real growth on the profile', async () => {
    for (const code of ['E06000005', 'TLC13', 'E47000006', 'TLC1']) {
      const p = await areaProfile(wb, code, await loadTaxonomy());
      for (const c of p.explain.contributions) {
        const g = p.growth.layers.find((l) => l.layer === c.layer)!;
        const sum = c.industries.reduce((s, i) => s + i.contribution, 0);
        assert.ok(Math.abs(sum - g.sinceStart) < 1e-9, `${code} ${c.layer}: ${sum} vs ${g.sinceStart}`);
        assert.ok(Math.abs(c.sinceStart! - g.sinceStart) < 1e-9);
      }
    }
  });

  it('telecoms and IT, with steeply falling prices and split by national shares, drives Darlington’s +330%', async () => {
    const p = await areaProfile(wb, 'E06000005', await loadTaxonomy());
    const material = p.explain.contributions.find((c) => c.layer === 'foundational-material')!;
    assert.ok(Math.abs(material.sinceStart! - 3.3) < 0.01, `growth ${material.sinceStart}`);
    const top = material.industries[0]!;
    assert.match(top.name, /Telecommunications; information technology/);
    assert.ok(top.contribution > material.sinceStart!, 'it drives more than the whole growth');
    assert.ok(top.priceChange! < -0.9, `price change ${top.priceChange}`);
    assert.equal(top.split, true);
    const flags = p.explain.flags.filter((f) => f.layer === 'foundational-material');
    assert.deepEqual(flags.map((f) => f.kind).sort(), ['national-split', 'outside-peers']);
    const outside = flags.find((f) => f.kind === 'outside-peers')!;
    assert.ok(outside.value > outside.high!, 'beyond the upper fence');
    assert.match(outside.reason, /far outside its \d+ peers .*Q3 \+ 3·IQR/);
  });

  it('notes that the district and its ITL3 twin come from two releases: 53.7% against 51.7%', async () => {
    const lad = await areaProfile(wb, 'E06000005', await loadTaxonomy());
    assert.equal(lad.explain.releases.length, 1);
    assert.match(
      lad.explain.releases[0]!,
      /Darlington \(TLC13\).*April 2024.*2022 is 53\.7% here and 51\.7% on the ITL3 profile/,
    );
    const itl = await areaProfile(wb, 'TLC13', await loadTaxonomy());
    assert.match(itl.explain.releases[0]!, /2022 is 51\.7% here and 53\.7% on the district profile/);
    // Hartlepool and Stockton (TLC11) holds two districts: the releases are named, no twin figures
    const two = await areaProfile(wb, 'TLC11', await loadTaxonomy());
    assert.match(two.explain.releases[0]!, /^Two releases: .*will not match/);
  });
});
