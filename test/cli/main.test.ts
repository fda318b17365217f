// The CLI loads only the command it runs; what `strata --help` lists from the index must be what
// the full command tree says, and `--version` names the package version and the commit.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { DEFAULT_CIVIC_DB } from '../../src/civic/service.ts';
import { CIVIC_DB_DEFAULT, program, programFor } from '../../src/cli/main.ts';

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

describe('strata main', () => {
  it('lists every command in --help as the fully loaded tree does, without loading them', async () => {
    const lazy = await programFor(['--help']);
    const full = await program();
    assert.equal(lazy.helpInformation(), full.helpInformation());
    assert.ok(lazy.commands.every((c) => c.commands.length === 0 && c.options.length === 0));
  });

  it('loads the module of the command it runs, and of the command help is asked about', async () => {
    const layers = (await programFor(['--db', 'x.duckdb', 'layers', '--level', 'itl3'])).commands;
    assert.ok(layers.find((c) => c.name() === 'layers')!.options.length > 0);
    assert.equal(layers.find((c) => c.name() === 'io')!.commands.length, 0);
    const help = (await programFor(['help', 'io'])).commands;
    assert.ok(help.find((c) => c.name() === 'io')!.commands.length > 0);
    const indicator = (await programFor(['indicator', 'x'])).commands;
    assert.ok(indicator.find((c) => c.name() === 'indicator')!.registeredArguments.length > 0);
  });

  it('offers the civic service’s default store address without loading the service', () => {
    assert.equal(CIVIC_DB_DEFAULT, DEFAULT_CIVIC_DB);
  });

  it('--version prints the package version and the commit', () => {
    const r = spawnSync(process.execPath, ['bin/strata.js', '--version'], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.match(
      r.stdout,
      new RegExp(`^strata ${version.replace(/\./g, '\\.')} \\(commit [0-9a-f]{7,}(-dirty)?\\)\\n$`),
    );
  });
});
