// Participatory-budget tallies under load: the Method of Equal Shares with add1 completion
// (and the comparison step) on the largest pabulib instance in the data pack, Wrocław 2018
// (53,801 voters, 39 projects), and on a synthetic 100,000 voters × 200 projects (seeded).
// Targets: under 2 s and under 5 s. The baseline is the plain exact-rational reference
// (mes-exact.ts): for one fixed budget it runs beside the certified fast path (mes-fast.ts),
// must select the same projects, and the ratio is printed (on the synthetic instance too with
// STRATA_BENCH_EXACT=1: about a minute).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePb } from '../src/civic/pabulib.ts';
import { pbProblem, type BudgetProblem } from '../src/civic/problem.ts';
import { budgetRule } from '../src/civic/tally/rules.ts';
import { mesExact } from '../src/civic/tally/mes-exact.ts';
import { mesFast } from '../src/civic/tally/mes-fast.ts';
import { PACK } from '../test/helpers/source.ts';
import { syntheticProblem } from './civic-synthetic.ts';

function time<T>(f: () => T): [T, number] {
  const t0 = performance.now();
  const out = f();
  return [out, (performance.now() - t0) / 1000];
}

/** The result, the first (cold) time and the best of `runs`. */
function best<T>(runs: number, f: () => T): [T, number, number] {
  let out!: T;
  let first = 0;
  let fastest = Infinity;
  for (let i = 0; i < runs; i++) {
    const [o, s] = time(f);
    out = o;
    if (i === 0) first = s;
    fastest = Math.min(fastest, s);
  }
  return [out, fastest, first];
}

let missed = 0;

/** Times one fixed-budget run of the fast path and of the exact reference, which must agree. */
function againstExact(name: string, p: BudgetProblem, total: number, runs: number): void {
  const [a, fastS] = best(runs, () => mesFast(p, total));
  const [b, exactS] = best(1, () => mesExact(p, total));
  if (a.join() !== b.join()) throw new Error(`fast and exact Equal Shares disagree on ${name}`);
  report(`${name}: one fixed-budget MES run, certified fast path`, fastS);
  report(`${name}: one fixed-budget MES run, exact rationals only`, exactS);
  console.log(
    `  same projects; the fast path is ${(exactS / fastS).toFixed(1)}× faster than exact rationals`,
  );
}
function report(label: string, seconds: number, target?: number): void {
  const verdict =
    target === undefined
      ? ''
      : seconds < target
        ? `  (target < ${target} s: met)`
        : `  (target < ${target} s: MISSED)`;
  if (target !== undefined && seconds >= target) missed++;
  console.log(`${label.padEnd(58)} ${seconds.toFixed(4).padStart(8)} s${verdict}`);
}

function tallies(name: string, p: BudgetProblem, target: number): void {
  for (const rule of ['equalshares/add1', 'equalshares/add1-comparison']) {
    const [out, s, cold] = best(3, () => budgetRule(rule)(p));
    report(`${name}: ${rule}, first run`, cold, target);
    report(`${name}: ${rule}, best of 3`, s, target);
    console.log(`  ${out.selected.length} projects, ${out.notes.join('; ')}`);
  }
}

const file = 'Poland_Wroclaw_2018.pb';
const [pb, parseS] = time(() => parsePb(readFileSync(join(PACK, 'pabulib', file), 'utf8'), file));
report(`Wrocław 2018: parse .pb (${pb.votes.length} voters)`, parseS);
const wroclaw = pbProblem(pb);
tallies('Wrocław 2018', wroclaw, 2);
const [, greedyS] = best(3, () => budgetRule('greedy-no-skip')(wroclaw));
report('Wrocław 2018: greedy-no-skip, its published rule', greedyS);
againstExact('Wrocław 2018', wroclaw, Math.floor(wroclaw.budget / wroclaw.voters) * wroclaw.voters, 3);

const [synthetic, genS] = time(() => syntheticProblem(100_000, 200, 1));
report('synthetic 100,000 × 200: generate ballots', genS);
tallies('synthetic 100,000 × 200', synthetic, 5);
// About a minute: exact rationals alone pay for every distinct budget at every step.
if (process.env.STRATA_BENCH_EXACT) againstExact('synthetic', synthetic, 382 * synthetic.voters, 1);

if (missed) console.log(`${missed} target(s) missed`);
process.exit(missed ? 1 : 0);
