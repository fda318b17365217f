import { Command, CommanderError } from 'commander';
import { COMMAND_INDEX } from './command-index.ts';
import { describeError } from './errors.ts';
import { stdio, type Io } from './output.ts';
import { versionLine } from './version.ts';

type Register = (program: Command, io: Io) => void;

/**
 * The civic store's default address, written here so that `strata --help` does not load the civic
 * service; test/cli/main.test.ts checks it is the service's DEFAULT_CIVIC_DB.
 */
export const CIVIC_DB_DEFAULT = 'sqlite:.strata/civic.sqlite';

/**
 * Every top-level command and the module that registers it, loaded only when the command runs:
 * `strata --help` and `strata layers` do not pay for the civic store, the server or the readers.
 */
export const COMMAND_LOADERS: Record<string, () => Promise<Register>> = {
  data: async () => (await import('./commands/data.ts')).registerData,
  area: async () => (await import('./commands/area.ts')).registerArea,
  layers: async () => (await import('./commands/layers.ts')).registerLayers,
  io: async () => (await import('./commands/io.ts')).registerIo,
  indicators: async () => (await import('./commands/indicators.ts')).registerIndicators,
  compare: async () => (await import('./commands/compare.ts')).registerCompare,
  composite: async () => (await import('./commands/composite.ts')).registerComposite,
  missions: async () => (await import('./commands/missions.ts')).registerMissions,
  entitlements: async () => (await import('./commands/entitlements.ts')).registerEntitlements,
  gender: async () => (await import('./commands/gender.ts')).registerGender,
  accountability: async () => (await import('./commands/accountability.ts')).registerAccountability,
  report: async () => (await import('./commands/report.ts')).registerReport,
  scenario: async () => (await import('./commands/scenario.ts')).registerScenario,
  finance: async () => (await import('./commands/finance.ts')).registerFinance,
  franchise: async () => (await import('./commands/franchise.ts')).registerFranchise,
  civic: async () => (await import('./commands/civic.ts')).registerCivic,
  pb: async () => (await import('./commands/pb.ts')).registerPb,
  serve: async () => (await import('./commands/serve.ts')).registerServe,
  start: async () => {
    const [start, serve] = await Promise.all([import('./commands/start.ts'), import('./commands/serve.ts')]);
    return (program, io) =>
      start.registerStart(program, io, (c, opts) => serve.serveUntilStopped(io, c, opts));
  },
};

/** The module that registers each command name (a module may register several: `indicator`). */
function moduleOf(name: string): string | undefined {
  return COMMAND_INDEX.find((c) => c.name === name)?.module;
}

/** The root command with its global options and no subcommands. */
function root(io: Io): Command {
  return new Command('strata')
    .description('Strata: the layered economy of UK places, from official statistics')
    .option('--db <path>', 'analytic store (DuckDB file)', process.env.STRATA_DB ?? '.strata/strata.duckdb')
    .option(
      '--civic <url>',
      'civic store: sqlite:PATH or postgres://… (env STRATA_CIVIC_DB)',
      process.env.STRATA_CIVIC_DB || CIVIC_DB_DEFAULT,
    )
    .option('-V, --version', 'print the version and the commit it was built from')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) });
}

/** Builds the whole `strata` command tree, every command module loaded (docs, tests). */
export async function program(io: Io = stdio): Promise<Command> {
  const cmd = root(io);
  for (const load of Object.values(COMMAND_LOADERS)) (await load())(cmd, io);
  return cmd;
}

/**
 * The command tree for one invocation: the module of the command named in `argv` is loaded;
 * every other command is listed from the index (name, usage, description) for `--help`.
 */
export async function programFor(argv: string[], io: Io = stdio): Promise<Command> {
  const cmd = root(io);
  const [first, second] = commandWords(argv);
  const wanted = moduleOf(first === 'help' ? (second ?? '') : (first ?? ''));
  if (wanted) (await COMMAND_LOADERS[wanted]!())(cmd, io);
  const stubs = new Set<Command>();
  for (const entry of COMMAND_INDEX) {
    if (entry.module === wanted) continue;
    stubs.add(cmd.command(entry.name).description(entry.description));
  }
  const terms = new Map(COMMAND_INDEX.map((c) => [c.name, c.term]));
  cmd.configureHelp({
    subcommandTerm: (c) => (stubs.has(c) ? terms.get(c.name())! : defaultTerm(c)),
  });
  // The listing keeps the order of the full tree.
  const order = new Map(COMMAND_INDEX.map((c, i) => [c.name, i]));
  (cmd.commands as Command[]).sort((a, b) => (order.get(a.name()) ?? 99) - (order.get(b.name()) ?? 99));
  return cmd;
}

function defaultTerm(c: Command): string {
  const args = c.registeredArguments.map((a) => (a.required ? `<${a.name()}>` : `[${a.name()}]`)).join(' ');
  return c.name() + (c.options.length ? ' [options]' : '') + (args ? ' ' + args : '');
}

/** The first words of `argv` that are not options (or the value of `--db`/`--civic`). */
function commandWords(argv: string[]): string[] {
  const words: string[] = [];
  for (let i = 0; i < argv.length && words.length < 2; i++) {
    const a = argv[i]!;
    if (a === '--db' || a === '--civic') i++;
    else if (!a.startsWith('-')) words.push(a);
  }
  return words;
}

/** Runs the CLI and returns the exit code: 0 ok, 1 failure, 2 usage error (one-line reason). */
export async function main(argv: string[], io: Io = stdio): Promise<number> {
  try {
    if (commandWords(argv).length === 0 && (argv.includes('--version') || argv.includes('-V'))) {
      io.out(versionLine() + '\n');
      return 0;
    }
    await (await programFor(argv, io)).parseAsync(argv, { from: 'user' });
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (
        e.code === 'commander.helpDisplayed' ||
        e.code === 'commander.version' ||
        e.code === 'commander.help'
      )
        return 0;
      return 2;
    }
    const { message, exitCode } = describeError(e);
    io.err(`strata: ${message}\n`);
    return exitCode;
  }
}
