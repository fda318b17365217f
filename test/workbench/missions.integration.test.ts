import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loadTaxonomy, type Workbench } from '../../src/workbench.ts';
import { DataFileError, parseText, readDataFile } from '../../src/workbench/data-file.ts';
import { exampleMissions, missionStatus } from '../../src/workbench/missions.ts';
import { packWorkbench } from '../helpers/pack.ts';

let wb: Workbench;
before(async () => {
  wb = await packWorkbench();
});
after(() => wb.close());

const taxonomy = await loadTaxonomy();

describe('missions on the real pack', () => {
  it('ships five example missions, each marked EXAMPLE', () => {
    const ids = exampleMissions().map((m) => m.id);
    assert.deepEqual(ids, [
      'closing-gender-pay-gap',
      'connectivity-for-all',
      'decarbonisation',
      'foundational-resilience',
      'good-jobs-fair-pay',
    ]);
    for (const m of exampleMissions()) {
      const v = readDataFile(m.path).value as { example: boolean; title: string };
      assert.equal(v.example, true, m.id);
      assert.match(v.title, /^EXAMPLE/, m.id);
    }
  });

  it('gives a status for every local authority and the nation, naming each rule', async () => {
    for (const m of exampleMissions()) {
      const r = await missionStatus(wb, taxonomy, readDataFile(m.path));
      assert.equal(r.areas.length, 361, m.id);
      const tally = r.rollup.tally;
      assert.equal(
        tally.on.areas + tally.off.areas + tally['not-yet-measurable'].areas + tally['no-data'].areas,
        361,
      );
      for (const a of [r.national, ...r.areas])
        for (const i of a.indicators)
          assert.match(i.rule, /^(linear trajectory from|target met:)/, `${m.id} ${a.areacd}`);
      assert.ok(
        ['on', 'off', 'not-yet-measurable'].includes(r.national.track),
        `${m.id}: ${r.national.track}`,
      );
    }
  });

  it('puts Hartlepool on the straight line from its 2005 emissions to zero in 2050', async () => {
    const r = await missionStatus(wb, taxonomy, readDataFile('data/missions/examples/decarbonisation.yaml'), {
      area: 'E06000001',
    });
    const ghg = r.areas[0]!.indicators[0]!;
    assert.equal(ghg.baseline, 11.6);
    assert.equal(ghg.latestYear, 2023);
    assert.ok(Math.abs(ghg.expected! - 11.6 * (1 - 18 / 45)) < 1e-9);
    assert.equal(ghg.track, ghg.latest! <= ghg.expected! * 1.05 ? 'on' : 'off');
    assert.equal(r.national.areanm, 'United Kingdom');
  });

  it('carries the published interval into P(on track) for survey indicators', async () => {
    const r = await missionStatus(
      wb,
      taxonomy,
      readDataFile('data/missions/examples/good-jobs-fair-pay.yaml'),
    );
    const pay = r.areas.flatMap((a) =>
      a.indicators.filter((i) => i.indicator === 'gross-median-weekly-pay' && i.pOnTrack !== null),
    );
    assert.ok(pay.length > 300);
    for (const i of pay) assert.equal(i.pOnTrack! >= 0.5, i.track === 'on', `${i.latest} vs ${i.expected}`);
  });

  it('names the path of a baseline year the data does not have', async () => {
    const file = parseText(
      'id: m\ntitle: M\ngoal: g\nindicators:\n  - id: gigabit-capable-broadband\n    unit: "%"\n    baseline: { year: 2019 }\n    target: { year: 2030, value: 99 }\n',
      'm.yaml',
    );
    await assert.rejects(missionStatus(wb, taxonomy, file), (e: unknown) => {
      assert.ok(e instanceof DataFileError);
      assert.equal(e.issues[0]!.path, 'indicators.0.baseline.year');
      assert.equal(e.issues[0]!.line, 7);
      assert.match(
        e.issues[0]!.message,
        /no values of gigabit-capable-broadband in 2019 \(years 2026–2026\)/,
      );
      return true;
    });
  });
});
