// Document by testing (STYLE.md §10): generated docs must match the code that generates them.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { cliMarkdown, commandIndexSource } from '../scripts/docs-cli.ts';
import { dataSourcesMarkdown } from '../scripts/docs-data.ts';

describe('docs', () => {
  it('docs/cli.md documents every command and option (run npx tsx scripts/docs-cli.ts)', async () => {
    assert.equal(readFileSync('docs/cli.md', 'utf8'), await cliMarkdown());
  });
  it('src/cli/command-index.ts lists every top-level command (run npx tsx scripts/docs-cli.ts)', async () => {
    assert.equal(readFileSync('src/cli/command-index.ts', 'utf8'), await commandIndexSource());
  });
  it('docs/data-sources.md lists every catalogue source (run npx tsx scripts/docs-data.ts)', () => {
    assert.equal(readFileSync('docs/data-sources.md', 'utf8'), dataSourcesMarkdown());
  });
  it('the README names both commands and links every doc', () => {
    const readme = readFileSync('README.md', 'utf8');
    assert.match(readme, /npm start/);
    assert.match(readme, /npm test/);
    for (const m of readme.matchAll(/\]\(((?:docs\/)[^)]+)\)/g))
      assert.ok(readFileSync(m[1]!, 'utf8').length > 0, m[1]);
  });
});
