import type { Command } from 'commander';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fetchPack } from '../../workbench/data.ts';
import { CliError } from '../errors.ts';
import { renderTable, type Io } from '../output.ts';
import { globals, withWorkbench } from './common.ts';

const STRATA = new URL('../../../bin/strata.js', import.meta.url).pathname;

/**
 * Runs `strata data import` in a child process, so files are parsed outside the process that
 * goes on to serve; returns its summary line (`40 imported, 0 unchanged in 5.1 s`).
 */
function importApart(db: string, pack: string): string {
  const r = spawnSync(process.execPath, [STRATA, '--db', db, 'data', 'import', pack], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (r.status !== 0) throw new CliError(`the data pack in ${pack} was not imported (the reason is above)`);
  return r.stdout.split('\n').find((l) => /^\d+ imported, \d+ unchanged/.test(l)) ?? 'imported';
}

/** Where the data pack is: --pack, then STRATA_PACK, then ../shared/data-pack beside the repository. */
export function findPack(flag?: string): string | null {
  for (const dir of [flag, process.env.STRATA_PACK, '../shared/data-pack'])
    if (dir && existsSync(dir)) return dir;
  return null;
}

/** Downloads the official files into .strata/pack, saying which could not be fetched. */
async function fetchInto(io: Io): Promise<string> {
  io.out('No data pack found: fetching the official files from their publishers...\n');
  const { fetched, manual } = await fetchPack('.strata/pack');
  const failed = fetched.filter((f) => f.status === 'failed');
  io.out(`downloaded ${fetched.length - failed.length} of ${fetched.length} files\n`);
  for (const f of failed) io.err(`note: ${f.source} ${f.file}: ${f.detail}\n`);
  for (const s of manual) io.err(`note: ${s.id} has no direct download; get it from ${s.landing}\n`);
  return '.strata/pack';
}

/** `strata start`: import (or fetch) the pack, show the national picture, serve the app. */
export function registerStart(
  program: Command,
  io: Io,
  serve?: (cmd: Command, opts: { port: string }) => Promise<void>,
): void {
  program
    .command('start')
    .description(
      'set up: import the data pack (or fetch it), show the national layered overview, then serve the app',
    )
    .option('--pack <dir>', 'data pack folder (default $STRATA_PACK or ../shared/data-pack)')
    .option('--port <port>', 'port for the app', process.env.PORT ?? '8080')
    .option('--no-serve', 'stop after the overview')
    .action(async (opts: { pack?: string; port: string; serve: boolean }, cmd: Command) => {
      const pack = findPack(opts.pack) ?? (await fetchInto(io));
      io.out(`Data pack ${pack}: ${importApart(globals(cmd).db, pack)}\n\n`);
      await withWorkbench(cmd, {}, async (wb) => {
        const t = await wb.layers({ level: 'itl1', measure: 'gva_cp', year: 'latest' });
        io.out(
          `The UK's layered economy, ${t.years.at(-1)}: share of GVA by layer and ITL1 region (${t.taxonomy})\n`,
        );
        const regions = [...new Set(t.rows.map((x) => x.areacd))].map((code) => {
          const mine = t.rows.filter((x) => x.areacd === code);
          const shares = mine.map((x) => [x.layer, `${(x.share * 100).toFixed(1)}%`]);
          return { region: mine[0]!.areanm, ...Object.fromEntries(shares) };
        });
        io.out(renderTable(regions) + '\n');
      });
      if (opts.serve && serve) await serve(cmd, { port: opts.port });
    });
}
