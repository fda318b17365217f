// Whole-pack import into an empty store, against the same import with every reader's JS reference
// (the path before the DuckDB readers: no SQL session given to the readers), interleaved in one
// run. Target: under 6 s on an idle 2-core machine. Prints wall and CPU seconds (CPU over all
// threads: DuckDB reads in parallel) and the load average, since other work stretches wall time.
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCatalogue, recognise } from '../src/ingest/catalogue.ts';
import { readerFor } from '../src/ingest/registry.ts';
import { readSourceFile } from '../src/ingest/source-file.ts';
import { closeStore, openStore, query, transaction, type Store } from '../src/store/db.ts';
import { writeDataset } from '../src/store/write.ts';
import { importDir } from '../src/workbench/data.ts';
import { PACK } from '../test/helpers/source.ts';

const RUNS = Number(process.env.STRATA_BENCH_IMPORT_RUNS ?? 3);
const tmp = mkdtempSync(join(tmpdir(), 'strata-bench-import-'));

/** The import as it was: each reader reads in JS, rows appended from JS, one transaction. */
async function importReference(store: Store, dir: string): Promise<void> {
  const found = recognise(dir, loadCatalogue());
  await transaction(store, async () => {
    for (const ds of found.datasets) {
      const files = ds.paths.map(readSourceFile);
      const reader = await readerFor(ds.source.reader);
      const result = await reader.read({ files, source: ds.source, retrieved: '2026-01-01' });
      result.provenance.source = ds.key;
      await writeDataset(store, { ...result, location: dir });
    }
  });
}

interface Timing {
  wall: number;
  cpu: number;
  rows: number;
}

async function timed(name: string, run: (s: Store) => Promise<unknown>, k: number): Promise<Timing> {
  const db = join(tmp, `${name}-${k}.duckdb`);
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const store = await openStore(db);
  await run(store);
  const wall = (performance.now() - t0) / 1000;
  const c = process.cpuUsage(c0);
  const [{ n }] = await query<{ n: bigint }>(store, 'SELECT sum(rows)::BIGINT AS n FROM datasets');
  closeStore(store);
  rmSync(db, { force: true });
  return { wall, cpu: (c.user + c.system) / 1e6, rows: Number(n) };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (s: number) => `${s.toFixed(2)} s`;

const load0 = loadavg()[0]!;
const native: Timing[] = [];
const reference: Timing[] = [];
for (let k = 0; k < RUNS; k++) {
  // Alternate which goes first, so warm caches and module loading favour neither.
  const pair = [
    ['native', () => timed('native', (s) => importDir(s, PACK), k).then((t) => native.push(t))],
    [
      'reference',
      () => timed('reference', (s) => importReference(s, PACK), k).then((t) => reference.push(t)),
    ],
  ] as const;
  for (const [, go] of k % 2 === 0 ? pair : [...pair].reverse()) await go();
  console.log(
    `run ${k + 1}: import ${fmt(native.at(-1)!.wall)} (CPU ${fmt(native.at(-1)!.cpu)}), JS reference ${fmt(reference.at(-1)!.wall)} (CPU ${fmt(reference.at(-1)!.cpu)})`,
  );
}
rmSync(tmp, { recursive: true, force: true });
if (native.some((t) => t.rows !== reference[0]!.rows) || reference.some((t) => t.rows !== reference[0]!.rows))
  throw new Error('the two imports stored different row counts');
const wall = median(native.map((t) => t.wall));
const ref = median(reference.map((t) => t.wall));
console.log(
  `whole-pack import (median of ${RUNS}): ${fmt(wall)}, CPU ${fmt(median(native.map((t) => t.cpu)))}; ` +
    `JS reference ${fmt(ref)}, CPU ${fmt(median(reference.map((t) => t.cpu)))}; ratio ${(ref / wall).toFixed(2)}× faster; ` +
    `${reference[0]!.rows} rows each; target < 6 s ${wall < 6 ? 'OK' : 'MISSED'}; ` +
    `load average ${load0.toFixed(1)} before, ${loadavg()[0]!.toFixed(1)} after (2 cores)`,
);
