// Writes docs/cli.md from the command tree itself, so every command and option is documented.
// `npx tsx scripts/docs-cli.ts` rewrites it; test/docs.test.ts fails when it is stale.
import type { Command } from 'commander';
import { writeFileSync } from 'node:fs';
import { program } from '../src/cli/main.ts';

function section(cmd: Command, path: string[]): string[] {
  const name = [...path, cmd.name()].join(' ');
  const args = cmd.registeredArguments.map((a) => (a.required ? `<${a.name()}>` : `[${a.name()}]`)).join(' ');
  const out = [`## \`${name}${args ? ' ' + args : ''}\``, '', cmd.description(), ''];
  const opts = cmd.options.filter((o) => o.long !== '--help');
  if (opts.length) {
    out.push('| option | meaning | default |', '|---|---|---|');
    for (const o of opts)
      out.push(
        `| \`${o.flags}\` | ${o.description} | ${o.defaultValue === undefined ? '' : `\`${String(o.defaultValue)}\``} |`,
      );
    out.push('');
  }
  return [...out, ...cmd.commands.flatMap((c) => section(c, [...path, cmd.name()]))];
}

export function cliMarkdown(): string {
  const root = program();
  return [
    '# Command line',
    '',
    'Generated from the command tree by `npx tsx scripts/docs-cli.ts`. Every command prints a table on a',
    'terminal and CSV when piped (`--format table|csv|json`), exits 0 on success, 1 on failure and 2 on a',
    'usage error with a one-line reason.',
    '',
    ...section(root, []).slice(0),
  ]
    .join('\n')
    .replace(/\n+$/, '\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync('docs/cli.md', cliMarkdown());
  console.log('wrote docs/cli.md');
}
