import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parseTaxonomy } from '../../src/core/taxonomy-schema.ts';
import {
  checkBuiltIns,
  DEFAULT_TAXONOMY,
  DEFAULT_TAXONOMY_ID,
  loadBuiltIns,
  loadTaxonomy,
} from '../../src/workbench/taxonomies.ts';

const text = readFileSync(DEFAULT_TAXONOMY, 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'strata-taxonomies-'));

describe('taxonomies', () => {
  it('the build check holds what the schema parses, by the digest of the file text', async () => {
    const checked = await checkBuiltIns();
    const parsed = parseTaxonomy(JSON.parse(text), DEFAULT_TAXONOMY);
    assert.deepEqual(Object.values(checked), [parsed]);
    assert.match(Object.keys(checked)[0]!, /^[0-9a-f]{64}$/);
  });

  it('a file with the checked bytes is taken from the check, not parsed again', async () => {
    const checked = await checkBuiltIns();
    const [digest, t] = Object.entries(checked)[0]!;
    // A marker only the check holds shows which path answered.
    const marked = new Map([[digest, { ...t, title: 'from the check' }]]);
    assert.equal((await loadTaxonomy(DEFAULT_TAXONOMY, marked)).title, 'from the check');
    assert.equal((await loadBuiltIns(marked)).get(DEFAULT_TAXONOMY_ID)!.title, 'from the check');
  });

  it('an edited copy has other bytes and is checked by the schema again', async () => {
    const checked = new Map(Object.entries(await checkBuiltIns()));
    const json = JSON.parse(text);
    json.layers[1].divisions.push(json.layers[0].divisions[0]);
    const edited = join(dir, 'edited.json');
    writeFileSync(edited, JSON.stringify(json, null, 2));
    await assert.rejects(loadTaxonomy(edited, checked), /edited\.json: SIC division \d\d is in two layers/);
  });

  it('an unreadable or malformed file is a usage error naming it', async () => {
    await assert.rejects(loadTaxonomy(join(dir, 'missing.json')), /cannot read taxonomy .*missing\.json/);
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"id": ');
    await assert.rejects(loadTaxonomy(bad), /cannot read taxonomy .*bad\.json/);
  });
});
