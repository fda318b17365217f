import type { Command } from 'commander';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fetchPack, layerRows, layersAll, loadTaxonomy } from '../../workbench.ts';
import { CliError } from '../errors.ts';
import { renderTable } from '../output.ts';
import { globals, withStore } from './common.ts';

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

/** `strata start`: import (or fetch) the pack, show the national picture, serve the app. */
export function registerStart(
  program: Command,
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
      let pack = findPack(opts.pack);
      if (!pack) {
        process.stdout.write('No data pack found: fetching the official files from their publishers...\n');
        const { fetched, manual } = await fetchPack('.strata/pack');
        const failed = fetched.filter((f) => f.status === 'failed');
        process.stdout.write(`downloaded ${fetched.length - failed.length} of ${fetched.length} files\n`);
        for (const f of failed) process.stderr.write(`note: ${f.source} ${f.file}: ${f.detail}\n`);
        for (const s of manual)
          process.stderr.write(`note: ${s.id} has no direct download; get it from ${s.landing}\n`);
        pack = '.strata/pack';
      }
      process.stdout.write(`Data pack ${pack}: ${importApart(globals(cmd).db, pack)}\n\n`);
      await withStore(
        cmd,
        async (store) => {
          const r = await layersAll(store, 'itl1', 'gva_cp', loadTaxonomy());
          const year = r.years.at(-1)!;
          process.stdout.write(
            `The UK's layered economy, ${year}: share of GVA by layer and ITL1 region (${r.taxonomy})\n`,
          );
          const rows = layerRows(r, year);
          const layers = r.table.layers;
          const table = [...new Set(rows.map((x) => x.areacd))].map((code) => {
            const mine = rows.filter((x) => x.areacd === code);
            return {
              region: mine[0]!.areanm,
              ...Object.fromEntries(
                layers.map((l) => [l, `${(mine.find((x) => x.layer === l)!.share * 100).toFixed(1)}%`]),
              ),
            };
          });
          process.stdout.write(renderTable(table) + '\n');
        },
        true,
      );
      if (opts.serve && serve) await serve(cmd, { port: opts.port });
    });
}
