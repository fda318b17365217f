// `strata pb …`: participatory-budgeting tools on any pabulib `.pb` file — tally it under a
// rule, compare rules side by side with proportionality measures, describe the instance.
import type { Command } from 'commander';
import { readFileSync } from 'node:fs';
import {
  budgetRule,
  compareRows,
  parseGroups,
  parsePb,
  PB_RULES,
  pbCompare,
  pbProblem,
  pbStats,
  pbTally,
  type PbInstance,
  type RuleOptions,
} from '../../civic/service.ts';
import { CliError } from '../errors.ts';
import { flatOf, render, type Io } from '../output.ts';
import { formatOf, notes, printJson, withFormat } from './common.ts';

function readPb(file: string): PbInstance {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new CliError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  return parsePb(text, file);
}

/** Options every rule may use; a bad rule name or group is a usage error (exit 2). */
function ruleOptions(o: { exclusive?: string }, rules: readonly string[]): RuleOptions {
  try {
    const opts: RuleOptions = o.exclusive ? { exclusive: parseGroups(o.exclusive) } : {};
    for (const r of rules) budgetRule(r, opts);
    return opts;
  } catch (e) {
    throw new CliError((e as Error).message, 2);
  }
}

const RULES_HELP = `${PB_RULES.join(', ')}`;

function registerTally(pb: Command, io: Io): void {
  withFormat(
    pb
      .command('tally')
      .description(
        'tally a pabulib .pb file from its votes: the projects selected, in order, with cost and support',
      )
      .argument('<file>', 'a pabulib .pb file')
      .option('--rule <rule>', `${RULES_HELP} (default: the file’s META rule)`)
      .option('--exclusive <groups>', 'greedy-exclusive: mutually exclusive projects, e.g. 12+26,3+7'),
  ).action((file: string, o: { rule?: string; exclusive?: string; format?: string }) => {
    const format = formatOf(io, o.format);
    const inst = readPb(file);
    const rule = o.rule ?? inst.meta.rule;
    if (rule === undefined) throw new CliError(`${file}: no META rule; name one with --rule`, 2);
    const t = pbTally(inst, rule, ruleOptions(o, [rule]));
    if (format === 'json') return printJson(io, { file, ...t });
    const columns = [
      'order',
      'project_id',
      'name',
      'cost',
      'votes',
      ...(t.projects[0]?.score !== undefined ? ['score'] : []),
      'selected',
    ];
    const rows = t.projects.map((x) => ({ ...x, selected: x.selected ? 1 : 0 }));
    io.out(render(flatOf(rows, columns), format));
    notes(io, [
      `${t.rule}: ${t.selected.length} projects, ${t.spent} of ${t.budget}${t.currency ? ' ' + t.currency : ''}`,
      ...t.notes,
    ]);
  });
}

function registerCompare(pb: Command, io: Io): void {
  withFormat(
    pb
      .command('compare')
      .description(
        'tally a .pb file under several rules side by side: funded voters, mean cost-satisfaction, EJR up to one, and how many voters prefer each outcome',
      )
      .argument('<file>', 'a pabulib .pb file')
      .requiredOption('--rules <rules>', `comma-separated: ${RULES_HELP}`)
      .option('--exclusive <groups>', 'greedy-exclusive: mutually exclusive projects, e.g. 12+26,3+7'),
  ).action((file: string, o: { rules: string; exclusive?: string; format?: string }) => {
    const format = formatOf(io, o.format);
    const rules = o.rules.split(',').map((r) => r.trim());
    const opts = ruleOptions(o, rules);
    const rows = pbCompare(readPb(file), rules, opts);
    if (format === 'json') return printJson(io, { file, rules: rows });
    const table = compareRows(rows);
    io.out(render(flatOf(format === 'table' ? table.map(({ selected: _, ...r }) => r) : table), format));
  });
}

function registerStats(pb: Command, io: Io): void {
  withFormat(
    pb
      .command('stats')
      .description('describe a .pb file: budget and projects, ballots, and the published outcome')
      .argument('<file>', 'a pabulib .pb file'),
  ).action((file: string, o: { format?: string }) => {
    const format = formatOf(io, o.format);
    const inst = readPb(file);
    const rows = pbStats(inst, pbProblem(inst));
    if (format === 'json')
      return printJson(io, { file, stats: Object.fromEntries(rows.map((r) => [r.measure, r.value])) });
    io.out(render(flatOf(rows as unknown as Record<string, unknown>[]), format));
  });
}

/** `strata pb tally|compare|stats <file>`. */
export function registerPb(program: Command, io: Io): void {
  const pb = program
    .command('pb')
    .description('participatory budgeting on pabulib .pb files: tally, compare rules, statistics');
  registerTally(pb, io);
  registerCompare(pb, io);
  registerStats(pb, io);
}
