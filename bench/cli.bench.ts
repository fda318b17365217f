// Issue targets: the built CLI starts fast. `strata --help` within 3× and
// `strata layers --level itl3 --year 2022 --format csv` within 6× a bare `node -e 0` on the same
// machine in the same run (wall time, median of interleaved runs; the load average is printed,
// since other work on the machine stretches every figure).
// Runs the compiled code (npm run build first) against a store of the whole pack.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { PACK } from '../test/helpers/source.ts';

const RUNS = Number(process.env.STRATA_BENCH_RUNS ?? 11);
const dir = mkdtempSync(join(tmpdir(), 'strata-bench-cli-'));
const db = join(dir, 'bench.duckdb');

const build = spawnSync(process.execPath, ['scripts/build.js'], { stdio: 'inherit' });
if (build.status !== 0) throw new Error('npm run build failed');
if (!existsSync('lib/cli/main.js')) throw new Error('lib/ was not built');
const imported = spawnSync(process.execPath, ['bin/strata.js', '--db', db, 'data', 'import', PACK], {
  encoding: 'utf8',
});
if (imported.status !== 0) throw new Error(`import failed: ${imported.stderr}`);

/** Wall seconds of one run of `node args`. */
function time(args: string[]): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} failed: ${r.stderr}`);
  return (performance.now() - t0) / 1000;
}

const cases = {
  'node -e 0': ['-e', '0'],
  'strata --help': ['bin/strata.js', '--help'],
  'strata --version': ['bin/strata.js', '--version'],
  'strata layers --level itl3 --year 2022 --format csv': [
    'bin/strata.js',
    '--db',
    db,
    'layers',
    '--level',
    'itl3',
    '--year',
    '2022',
    '--format',
    'csv',
  ],
};
const walls: Record<string, number[]> = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
for (let k = 0; k < RUNS; k++)
  for (const [name, args] of Object.entries(cases)) walls[name]!.push(time(args));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const base = median(walls['node -e 0']!);
const targets: Record<string, number> = {
  'strata --help': 3,
  'strata layers --level itl3 --year 2022 --format csv': 6,
};
for (const name of Object.keys(cases)) {
  const m = median(walls[name]!);
  const ratio = m / base;
  const target = targets[name];
  console.log(
    `${name}: median ${(m * 1000).toFixed(0)} ms over ${RUNS} runs, ${ratio.toFixed(2)}× bare node` +
      (target ? ` (target ≤ ${target}×) ${ratio <= target ? 'OK' : 'MISSED'}` : ''),
  );
}
console.log(
  `load average during the run: ${loadavg()
    .map((x) => x.toFixed(1))
    .join(', ')}`,
);
rmSync(dir, { recursive: true, force: true });
