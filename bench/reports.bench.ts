// Issue target: `strata report --all` — every local authority district, ITL area and the UK, HTML
// — in under 2 minutes on 2 cores. Times the batch (`strata report --all` as a process: what the
// reports share — registers, datasets, lookups, headline rows, the lenses, the chart renderer —
// read once, two areas at a time) against the named baseline "one area at a time": a `strata
// report AREA` process per area, as one would build them without --all, on a sample spread over
// the levels. Prints seconds per area for each, the ratio, the batch's total against the target,
// the baseline extrapolated to every area, and the load average. The store is the whole pack; the
// registers hold the example commitments and one frozen projection.
// Then one PDF (target < 5 s): `strata report E06000001 --pdf` as a process, and the printing alone
// (a fresh Chromium through playwright-core) against the named baseline "Chromium's own printer":
// `chromium --headless --print-to-pdf` on the same HTML file; medians of 3.
// STRATA_BENCH_REPORTS_SAMPLE (default 6) sets the baseline's sample; STRATA_BENCH_REPORTS_LEVELS
// (e.g. uk,itl1) narrows the batch for a quick look; STRATA_BENCH_REPORTS_PDF_ONLY=1 times the PDF alone.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_ARGS, chromiumPath } from '../src/core/chromium.ts';
import { PdfPrinter } from '../src/reports/pdf.ts';
import { PACK_DB, packWorkbench } from '../test/helpers/pack.ts';
import { fillRegisters } from '../test/helpers/registers.ts';

const SAMPLE = Number(process.env.STRATA_BENCH_REPORTS_SAMPLE ?? 6);
const LEVELS = process.env.STRATA_BENCH_REPORTS_LEVELS;
const AS_OF = '2026-01-01';
const dir = mkdtempSync(join(tmpdir(), 'strata-bench-reports-'));
const civic = `sqlite:${join(dir, 'civic.sqlite')}`;
const wb = await packWorkbench();
await fillRegisters(wb, civic);
wb.close();

/** Wall seconds of one `strata` process over the pack store and these registers. */
function strata(args: string[]): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['bin/strata.js', '--db', PACK_DB, '--civic', civic, ...args], {
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`strata ${args.join(' ')} failed: ${r.stderr}`);
  return (performance.now() - t0) / 1000;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** One PDF: the whole command, the printing alone, and Chromium's own printer on the same file. */
async function pdf(): Promise<void> {
  const out = join(dir, 'pdf');
  const command = median(
    [0, 1, 2].map(() => strata(['report', 'E06000001', '--as-of', AS_OF, '--pdf', '--out', out])),
  );
  const file = join(out, 'E06000001.html');
  const html = readFileSync(file, 'utf8');
  const ours: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    const printer = new PdfPrinter();
    await printer.print(html);
    await printer.close();
    ours.push((performance.now() - t0) / 1000);
  }
  const exe = await chromiumPath();
  const theirs: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    const r = spawnSync(
      exe,
      [
        ...CHROMIUM_ARGS,
        '--no-pdf-header-footer',
        `--print-to-pdf=${join(out, 'baseline.pdf')}`,
        `file://${file}`,
      ],
      { stdio: 'ignore' },
    );
    if (r.status !== 0) throw new Error(`chromium --print-to-pdf failed (${r.status})`);
    theirs.push((performance.now() - t0) / 1000);
  }
  const [c, o, t] = [command, median(ours), median(theirs)];
  console.log(
    `one PDF (strata report E06000001 --pdf, whole command): ${c.toFixed(2)} s; target < 5 s: ${c < 5 ? 'met' : 'NOT met'}`,
  );
  console.log(`printing alone (fresh Chromium via playwright-core): ${o.toFixed(2)} s`);
  console.log(`baseline Chromium's own printer (chromium --headless --print-to-pdf): ${t.toFixed(2)} s`);
  console.log(`ratio (baseline ÷ ours): ${(t / o).toFixed(2)}×`);
}

/** The batch against one area at a time. */
function batchPart(): void {
  const out = join(dir, 'all');
  const batch = strata([
    'report',
    '--all',
    '--as-of',
    AS_OF,
    '--out',
    out,
    ...(LEVELS ? ['--levels', LEVELS] : []),
  ]);
  const files = readdirSync(out)
    .filter((f) => f !== 'index.html')
    .sort();
  // The baseline on areas spread over the list (the UK, regions, ITL areas, districts).
  const step = Math.max(1, Math.floor(files.length / SAMPLE));
  const sample = files.filter((_, i) => i % step === 0).slice(0, SAMPLE);
  let one = 0;
  for (const f of sample)
    one += strata(['report', f.replace(/\.html$/, ''), '--as-of', AS_OF, '--out', join(dir, 'one')]);

  const perBatch = batch / files.length;
  const perOne = one / sample.length;
  console.log(`areas: ${files.length}${LEVELS ? ` (levels ${LEVELS})` : ''}`);
  console.log(`batch (strata report --all):  ${batch.toFixed(1)} s, ${(perBatch * 1000).toFixed(0)} ms/area`);
  console.log(
    `baseline one area at a time (strata report AREA, ${sample.length} areas): ${(perOne * 1000).toFixed(0)} ms/area → ${(perOne * files.length).toFixed(0)} s for all`,
  );
  console.log(`ratio (baseline ÷ batch, per area): ${(perOne / perBatch).toFixed(1)}×`);
  if (!LEVELS) console.log(`target < 120 s for all areas: ${batch < 120 ? 'met' : 'NOT met'}`);
}

try {
  if (!process.env.STRATA_BENCH_REPORTS_PDF_ONLY) batchPart();
  await pdf();
  console.log(
    `load average: ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
