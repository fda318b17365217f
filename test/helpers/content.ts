// A checksum of what each dataset put in the store, independent of row order and dataset ids:
// re-importing the pack with another reader implementation or library must give the same sums.
import { createHash } from 'node:crypto';
import { query, type Store } from '../../src/store/db.ts';
import { DATA_TABLES } from '../../src/store/schema.ts';

/** Provenance columns that describe the content (not when, where from or in which order it was imported). */
const DATASET_COLUMNS = `source, title, publisher, url, licence, vintage, files, sha256, reader, reader_version, rows, warnings`;

/** source → sha256 over the sorted text of every row the dataset holds in every table. */
export async function contentChecksums(store: Store): Promise<Record<string, string>> {
  const parts = new Map<string, string[]>();
  const add = (source: string, piece: string) => {
    const list = parts.get(source) ?? [];
    list.push(piece);
    parts.set(source, list);
  };
  for (const t of DATA_TABLES) {
    const cols = await query<{ c: string }>(
      store,
      `SELECT column_name AS c FROM information_schema.columns
        WHERE table_name = ? AND column_name <> 'dataset_id' ORDER BY ordinal_position`,
      [t],
    );
    const row = `CAST(row(${cols.map((c) => `x.${c.c}`).join(', ')}) AS VARCHAR)`;
    const rows = await query<{ source: string; n: bigint; h: string }>(
      store,
      `SELECT d.source, count(*) AS n,
              md5(string_agg(${row}, chr(10) ORDER BY ${row})) AS h
         FROM ${t} x JOIN current_datasets d ON d.id = x.dataset_id GROUP BY d.source`,
    );
    for (const r of rows) add(r.source, `${t}:${r.n}:${r.h}`);
  }
  const meta = await query<{ source: string; v: string }>(
    store,
    `SELECT source, CAST(row(${DATASET_COLUMNS}) AS VARCHAR) AS v FROM current_datasets`,
  );
  for (const r of meta) add(r.source, `datasets:${r.v}`);
  return Object.fromEntries(
    [...parts.keys()]
      .sort()
      .map((s) => [s, createHash('sha256').update(parts.get(s)!.join('\n')).digest('hex').slice(0, 16)]),
  );
}
